"""What the two CI gates share: reading a floors file, and refusing data other than the data it was set on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]


def load_floors(name: str) -> tuple[dict[str, Any], Path]:
    """The floors file ``tests/<name>`` and the data directory it names (relative to the repository)."""
    floors = json.loads((Path(__file__).parent / name).read_text(encoding="utf-8"))
    return floors, (REPO / floors["data"]).resolve()


def require_data(present: bool, what: str, path: Path) -> None:
    """Skip, with the reason, where the data is absent (CI has it; a fresh checkout may not)."""
    if not present:
        pytest.skip(f"{what} data is absent ({path}); it lives in ../shared/data beside the checkout")


def require_same_data(sha: str, floors: dict[str, Any], what: str, path: Path, remedy: str) -> None:
    """Fail when the data's hash is not the one the floors were set on."""
    if sha != floors["sha256"]:
        pytest.fail(f"the {what} data at {path} is not the data the floors were set on "
                    f"(sha256 {sha[:16]}… != {floors['sha256'][:16]}…); {remedy}")
