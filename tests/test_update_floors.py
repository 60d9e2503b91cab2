"""The floor arithmetic of scripts/update_floors.py (no data needed)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "update_floors", Path(__file__).resolve().parents[1] / "scripts" / "update_floors.py"
)
update_floors = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(update_floors)


@pytest.mark.parametrize(
    "measured, old, allow_lower, expected",
    [
        (0.5678, None, False, 0.557),  # measured - 0.01, rounded down
        (0.5678, 0.40, False, 0.557),  # ratchet up
        (0.5678, 0.56, False, 0.56),  # an old floor within the margin stays
        (0.5000, 0.56, False, 0.5),  # never above the measured score
        (0.5000, 0.56, True, 0.49),  # --allow-lower drops it
        (0.005, None, False, 0.0),  # never negative
    ],
)
def test_update_floors_floor_for(measured, old, allow_lower, expected):
    floor = update_floors.floor_for(measured, old, 0.01, allow_lower)
    assert floor == pytest.approx(expected)
    assert floor <= measured
