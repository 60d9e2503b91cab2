"""``quoth eval`` in-process with Typer's CliRunner, on the tiny invented brat split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quoth.cli import app
from quoth.model import Attribution, Span

BRAT_DIR = Path(__file__).parent / "resources" / "brat"
runner = CliRunner()


@pytest.fixture
def oracle(monkeypatch):
    """Replace quoth's extractor with one that predicts the gold contents (no model needed)."""
    from quoth.evaluate import brat, polnear

    gold = {g.id: g for g in brat.read_split(BRAT_DIR)}

    def make(options=None):
        def run(articles):
            for article in articles:
                article.attributions = [
                    Attribution(id=g.id, kind="indirect", content=Span.from_offsets(article.text, g.content))
                    for g in gold[article.id].attributions
                ]
                yield article

        return run

    monkeypatch.setattr(polnear, "quoth_extractor", make)


def test_cli_evaluate_polnear_table(oracle):
    result = runner.invoke(app, ["eval", "polnear", str(BRAT_DIR)])
    assert result.exit_code == 0, result.output
    assert "content lenient" in result.output
    assert "1.000" in result.output


def test_cli_evaluate_polnear_json(oracle):
    result = runner.invoke(app, ["eval", "polnear", str(BRAT_DIR), "--json", "--limit", "1", "--per-article"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["content"]["exact"]["f1"] == 1.0
    assert "fernhollow-bridge" in data["per_article"]


def test_cli_evaluate_polnear_missing_dir_fails(tmp_path):
    result = runner.invoke(app, ["eval", "polnear", str(tmp_path / "nowhere")])
    assert result.exit_code != 0


@pytest.mark.parametrize("args", [["eval", "--help"], ["eval", "polnear", "--help"]])
def test_cli_evaluate_help(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "PolNeAR" in result.output


@pytest.mark.model
def test_cli_evaluate_polnear_runs_the_model():
    result = runner.invoke(app, ["eval", "polnear", str(BRAT_DIR), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["gold"] == 4
