"""The dispute gate: precision, recall and target scores on disputes-dev stay at or above ``dispute_floors.json``."""

from __future__ import annotations

import pytest
from gate_support import load_floors, require_data, require_same_data

FLOORS, DATA = load_floors("dispute_floors.json")

pytestmark = [pytest.mark.gold, pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def measured() -> dict[str, float]:
    """The four README scores, after checking the data is the data the floors were set on."""
    require_data((DATA / "disputes.jsonl").is_file(), "disputes-dev", DATA)
    from quoth.evaluate.disputes import POLNEAR_DEV, data_sha256, evaluate_disputes

    require_data((DATA / POLNEAR_DEV / "text").is_dir(), "PolNeAR dev", DATA / POLNEAR_DEV)
    require_same_data(data_sha256(DATA), FLOORS, "disputes-dev", DATA,
                      "restore it, or re-measure and re-pin the floors (tests/dispute_floors.json)")
    result = evaluate_disputes(DATA)
    return {k: result[k] for k in ("precision", "recall", "target_party", "target_claim")}


@pytest.mark.parametrize("metric", sorted(FLOORS["floors"]))
def test_gate_disputes_metric_at_least_floor(measured, metric):
    floor = FLOORS["floors"][metric]
    assert measured[metric] >= floor, (
        f"dispute {metric} dropped to {measured[metric]:.4f}, below its floor {floor:.3f}; see the misses and "
        "spurious disputes with `quoth eval disputes ../shared/data/disputes-dev --json`"
    )
