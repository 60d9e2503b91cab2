"""The speaker-resolution gate: accuracy on speakers-dev stays at or above the floors in ``speaker_floors.json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FLOORS = json.loads((Path(__file__).parent / "speaker_floors.json").read_text(encoding="utf-8"))
DATA = (REPO / FLOORS["data"]).resolve()

pytestmark = [pytest.mark.gold, pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def measured() -> dict[str, float]:
    """Accuracy overall and per source type, after checking the data is the data the floors were set on."""
    if not (DATA / "polnear-dev-speakers.jsonl").is_file():
        pytest.skip(f"speakers-dev data is absent ({DATA}); it lives in ../shared/data beside the checkout")
    from quoth.evaluate.speakers import data_sha256, evaluate_speakers

    sha = data_sha256(DATA)
    if sha != FLOORS["sha256"]:
        pytest.fail(f"the speakers-dev data at {DATA} is not the data the floors were set on (sha256 "
                    f"{sha[:16]}… != {FLOORS['sha256'][:16]}…); restore it, or re-measure and re-pin the floors")
    result = evaluate_speakers(DATA)
    return {"accuracy": result["accuracy"], **{k: v["accuracy"] for k, v in result["by_type"].items()}}


@pytest.mark.parametrize("metric", sorted(FLOORS["floors"]))
def test_gate_speakers_metric_at_least_floor(measured, metric):
    floor = FLOORS["floors"][metric]
    assert measured[metric] >= floor, (
        f"speaker accuracy ({metric}) dropped to {measured[metric]:.4f}, below its floor {floor:.3f}; "
        "see the wrong rows with `quoth eval speakers ../shared/data/speakers-dev --json`"
    )
