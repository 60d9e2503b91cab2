"""``quoth eval polnear DIR --without STEP``: one attribution step turned off, to measure it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quoth.cli import app

BRAT_DIR = Path(__file__).parent / "resources" / "brat"
runner = CliRunner()


def test_cli_evaluate_without_unknown_step_lists_the_valid_ones():
    from quoth.attribution.steps import step_names

    result = runner.invoke(app, ["eval", "polnear", str(BRAT_DIR), "--without", "no_such_step"])
    assert result.exit_code == 2
    flat = " ".join(result.output.replace("│", " ").split())
    assert "no_such_step" in flat and "floating_cues" in flat and "nested_attributions" in flat
    assert len(step_names()) > 20


@pytest.mark.model
def test_cli_evaluate_without_a_step_changes_what_is_found():
    full = runner.invoke(app, ["eval", "polnear", str(BRAT_DIR), "--json"])
    without = runner.invoke(app, ["eval", "polnear", str(BRAT_DIR), "--json", "--without", "tagged_contents",
                                  "--without", "missed_quotes", "--without", "clause_drafts"])
    assert full.exit_code == 0 and without.exit_code == 0, full.output + without.output
    assert json.loads(without.output)["predicted"] < json.loads(full.output)["predicted"]
