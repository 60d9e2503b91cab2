"""The speakers-dev scorer: the match rule, source types, and the CLI shell (no data or model needed)."""

from __future__ import annotations

import pytest

from quoth.evaluate.speakers import names_match, source_type, summarise


@pytest.mark.parametrize("predicted,reference,ok", [
    ("Kristi Noem", "Kristi Noem", True),
    ("kristi noem", "Kristi Noem.", True),
    ("the Trump campaign", "Trump campaign", True),
    ("Donald Trump", "Donald J. Trump", True),
    ("Noem", "Kristi Noem", True),
    ("Kristi Noem", "Noem", True),
    ("Kristi", "Kristi Noem", False),
    ("Bill Clinton", "Hillary Clinton", False),
    (None, "Kristi Noem", False),
    ("officials", "officials", True),
    ("Donald Trump's advisers", "donald trump’s advisers", True),
])
def test_evaluate_speakers_match_rule(predicted, reference, ok):
    assert names_match(predicted, reference) is ok


@pytest.mark.parametrize("row,kind", [
    ({"source_text": "he", "named": True}, "pronoun"),
    ({"source_text": "Who", "named": True}, "pronoun"),
    ({"source_text": "Mr. Obama", "named": True}, "name"),
    ({"source_text": "the president", "named": True}, "nominal"),
    ({"source_text": "officials", "named": False}, "unnamed"),
])
def test_evaluate_speakers_source_type(row, kind):
    assert source_type(row) == kind


def test_evaluate_speakers_summarise_by_type():
    rows = [{"type": "name", "correct": True}, {"type": "name", "correct": False},
            {"type": "pronoun", "correct": True}]
    out = summarise(rows)
    assert out["accuracy"] == pytest.approx(0.6667, abs=1e-4)
    assert out["by_type"]["name"] == {"rows": 2, "accuracy": 0.5}
    assert len(out["errors"]) == 1


def test_evaluate_speakers_cli_has_help_and_reports_missing_data(tmp_path):
    from typer.testing import CliRunner

    from quoth.cli import app

    runner = CliRunner()
    assert "speakers" in runner.invoke(app, ["eval", "--help"]).output
    result = runner.invoke(app, ["eval", "speakers", str(tmp_path)])
    assert result.exit_code != 0
