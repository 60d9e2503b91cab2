"""The GGT gate: quote F1 and speaker measures on ggt-dev stay at or above the floors in ``ggt_floors.json``."""

from __future__ import annotations

import pytest
from gate_support import load_floors, require_data, require_same_data

FLOORS, DATA = load_floors("ggt_floors.json")

pytestmark = [pytest.mark.gold, pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def measured() -> dict[str, float]:
    """The gated measures, after checking the data is the data the floors were set on."""
    require_data((DATA / "gold.jsonl").is_file(), "ggt-dev", DATA)
    from quoth.evaluate.ggt import data_sha256, evaluate_ggt

    require_same_data(data_sha256(DATA), FLOORS, "ggt-dev", DATA,
                      "restore it, or re-measure and re-pin the floors (tests/ggt_floors.json)")
    result = evaluate_ggt(DATA)
    quotes = result["quotes"]
    return {"f1_30": quotes["30%"]["f1"], "f1_80": quotes["80%"]["f1"], "recall_30": quotes["30%"]["recall"],
            "speaker_accuracy": result["speaker_accuracy"], "proper_name_share": result["proper_name_share"],
            "wrong_proper_names": result["wrong_proper_names"]}


@pytest.mark.parametrize("metric", sorted(FLOORS["floors"]))
def test_gate_ggt_metric_at_least_floor(measured, metric):
    floor = FLOORS["floors"][metric]
    assert measured[metric] >= floor, (
        f"ggt-dev {metric} dropped to {measured[metric]:.4f}, below its floor {floor:.3f}; see what changed with "
        "`quoth eval ggt ../shared/data/ggt-dev --json --per-article`"
    )


@pytest.mark.parametrize("metric", sorted(FLOORS["ceilings"]))
def test_gate_ggt_metric_at_most_ceiling(measured, metric):
    ceiling = FLOORS["ceilings"][metric]
    assert measured[metric] <= ceiling, (
        f"ggt-dev {metric} rose to {measured[metric]:.4f}, above its ceiling {ceiling:.3f}; see the wrong speakers "
        "with `quoth eval ggt ../shared/data/ggt-dev --json --per-article`"
    )
