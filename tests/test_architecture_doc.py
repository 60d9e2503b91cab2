"""docs/architecture.md lists the attribution steps in the order ``STEPS`` runs them, one line each."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "architecture.md"


def _documented_steps() -> list[str]:
    section = DOC.read_text(encoding="utf-8").split("## The attribution steps, in the order they run", 1)[1]
    return re.findall(r"^\d+\. `(\w+)`:", section, flags=re.MULTILINE)


def test_architecture_doc_lists_the_steps_in_order():
    from quoth.attribution.steps import step_names

    assert _documented_steps() == step_names()


def test_steps_select_steps_rejects_an_unknown_name_listing_the_valid_ones():
    from quoth.attribution.steps import UnknownStep, select_steps, step_names

    with pytest.raises(UnknownStep) as err:
        select_steps(["floating_cues", "no_such_step"])
    assert "no_such_step" in str(err.value) and all(name in str(err.value) for name in step_names())
    assert len(select_steps(["floating_cues"])) == len(step_names()) - 1
