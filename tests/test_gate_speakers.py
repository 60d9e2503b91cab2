"""The speaker-resolution gate: accuracy on speakers-dev stays at or above the floors in ``speaker_floors.json``."""

from __future__ import annotations

import pytest
from gate_support import load_floors, require_data, require_same_data

FLOORS, DATA = load_floors("speaker_floors.json")

pytestmark = [pytest.mark.gold, pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def measured() -> dict[str, float]:
    """Accuracy overall and per source type, after checking the data is the data the floors were set on."""
    require_data((DATA / "polnear-dev-speakers.jsonl").is_file(), "speakers-dev", DATA)
    from quoth.evaluate.speakers import data_sha256, evaluate_speakers

    require_same_data(data_sha256(DATA), FLOORS, "speakers-dev", DATA,
                      "restore it, or re-measure and re-pin the floors (tests/speaker_floors.json)")
    result = evaluate_speakers(DATA)
    return {"accuracy": result["accuracy"], **{k: v["accuracy"] for k, v in result["by_type"].items()}}


@pytest.mark.parametrize("metric", sorted(FLOORS["floors"]))
def test_gate_speakers_metric_at_least_floor(measured, metric):
    floor = FLOORS["floors"][metric]
    assert measured[metric] >= floor, (
        f"speaker accuracy ({metric}) dropped to {measured[metric]:.4f}, below its floor {floor:.3f}; "
        "see the wrong rows with `quoth eval speakers ../shared/data/speakers-dev --json`"
    )
