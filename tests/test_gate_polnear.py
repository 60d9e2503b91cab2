"""The PolNeAR dev gate: every pinned metric stays at or above its floor in ``tests/gold_floors.json``.

Raise floors with ``python scripts/update_floors.py`` when scores rise (see docs/evaluation.md).
"""

from __future__ import annotations

import pytest
from gate_support import load_floors, require_data, require_same_data

FLOORS, DEV = load_floors("gold_floors.json")

pytestmark = [pytest.mark.gold, pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def measured() -> dict[str, float]:
    """The flat metrics of quoth on PolNeAR dev, after checking the data is the data the floors were set on."""
    require_data(DEV.is_dir(), "PolNeAR dev", DEV)
    from quoth.evaluate import dataset_sha256, evaluate_polnear, flat_metrics

    require_same_data(dataset_sha256(DEV), FLOORS, "PolNeAR dev", DEV,
                      "restore the data, or, if the change is deliberate, re-run "
                      "`python scripts/update_floors.py --allow-lower` and commit (tests/gold_floors.json)")
    return flat_metrics(evaluate_polnear(DEV))


def test_gate_polnear_floors_cover_every_metric(measured):
    assert set(FLOORS["floors"]) == set(measured), "re-run scripts/update_floors.py to pin the new metrics"


@pytest.mark.parametrize("metric", sorted(FLOORS["floors"]))
def test_gate_polnear_metric_at_least_floor(measured, metric):
    floor = FLOORS["floors"][metric]
    assert measured[metric] >= floor, (
        f"{metric} dropped to {measured[metric]:.4f}, below its floor {floor:.3f} on PolNeAR dev; "
        "find the regression (quoth eval polnear DIR --json --per-article) before lowering a floor"
    )
