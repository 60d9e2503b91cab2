"""Speaker resolution on speakers-train (the tuning set, data/annotations) stays at or above the floors in
``speaker_train_floors.json``: a regression guard beside the speakers-dev gate."""

from __future__ import annotations

import pytest
from gate_support import REPO, load_floors, require_data

FLOORS, SPLIT = load_floors("speaker_train_floors.json")
ROWS = REPO / FLOORS["rows"]

pytestmark = [pytest.mark.gold, pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def measured() -> dict[str, float]:
    require_data((SPLIT / "text").is_dir(), "PolNeAR train", SPLIT)
    from quoth.evaluate.speakers import evaluate_speakers

    result = evaluate_speakers(ROWS, polnear_dev=SPLIT)
    assert result["rows"] == 1451
    return {"accuracy": result["accuracy"], **{k: v["accuracy"] for k, v in result["by_type"].items()}}


@pytest.mark.parametrize("metric", sorted(FLOORS["floors"]))
def test_gate_speakers_train_metric_at_least_floor(measured, metric):
    floor = FLOORS["floors"][metric]
    assert measured[metric] >= floor, (
        f"speakers-train accuracy ({metric}) dropped to {measured[metric]:.4f}, below its floor {floor:.3f}; see the "
        "wrong rows with `quoth eval speakers data/annotations/speakers-train.jsonl --polnear "
        "../shared/data/raw/polnear/data/train --json`"
    )
