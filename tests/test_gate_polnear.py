"""The PolNeAR dev gate: every pinned metric stays at or above its floor in ``tests/gold_floors.json``.

Raise floors with ``python scripts/update_floors.py`` when scores rise (see docs/evaluation.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FLOORS = json.loads((Path(__file__).parent / "gold_floors.json").read_text(encoding="utf-8"))
DEV = (REPO / FLOORS["data"]).resolve()

pytestmark = [pytest.mark.gold, pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def measured() -> dict[str, float]:
    """The flat metrics of quoth on PolNeAR dev, after checking the data is the data the floors were set on."""
    if not DEV.is_dir():
        pytest.skip(f"PolNeAR dev data is absent ({DEV}); it lives in ../shared/data beside the checkout")
    from quoth.evaluate import dataset_sha256, evaluate_polnear, flat_metrics

    sha = dataset_sha256(DEV)
    if sha != FLOORS["sha256"]:
        pytest.fail(
            f"the PolNeAR dev data at {DEV} is not the data the floors were set on "
            f"(sha256 {sha[:16]}… != {FLOORS['sha256'][:16]}… in tests/gold_floors.json). Restore the data, or, "
            "if the change is deliberate, re-run `python scripts/update_floors.py --allow-lower` and commit."
        )
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
