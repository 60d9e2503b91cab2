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


BRAT_SPLIT = __import__("pathlib").Path(__file__).parent / "resources" / "brat"


def _rows_file(tmp_path, rows):
    import json

    path = tmp_path / "speakers-train.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _row(event, spans, reference, named=True):
    return {"article": "fernhollow-bridge", "annotation_file": "fernhollow-bridge_aaa1.ann", "event": event,
            "source_spans": spans, "content_start": 0, "reference": reference, "named": named, "kind": "person"}


def test_evaluate_speakers_scores_a_rows_file_recovering_source_text(tmp_path):
    """speakers-train rows hold offsets, not text: the source text comes from the split's text file."""
    from quoth.evaluate.speakers import evaluate_speakers

    rows = _rows_file(tmp_path, [_row("E1", [[0, 23]], "Mayor Lena Ostrova"), _row("E2", [[88, 97]], "Ada Quill"),
                                 _row("E4", [[201, 210]], "engineers", named=False)])
    seen = {}

    def resolve(text, attributions):
        seen.update({a.id: a.source.text for a in attributions if a.source})
        return {"E1": "Lena Ostrova", "E2": "Quill", "E4": "the mayor"}

    out = evaluate_speakers(rows, polnear_dev=BRAT_SPLIT, resolve=resolve)
    assert seen["E2"] == "Ada Quill"
    assert out["rows"] == 3 and out["accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert out["by_type"]["name"] == {"rows": 2, "accuracy": 1.0}  # "The mayor of Fernhollow" holds a name
    assert [(e["event"], e["source"], e["type"]) for e in out["errors"]] == [("E4", "Engineers", "unnamed")]


def test_evaluate_speakers_rows_file_errors_are_clear(tmp_path):
    from quoth.evaluate.speakers import SpeakersDataError, evaluate_speakers

    rows = _rows_file(tmp_path, [_row("E1", [[0, 23]], "Lena Ostrova")])
    with pytest.raises(SpeakersDataError, match="--polnear"):
        evaluate_speakers(rows, resolve=lambda text, atts: {})
    with pytest.raises(SpeakersDataError, match="outside the text"):
        evaluate_speakers(_rows_file(tmp_path, [_row("E1", [[0, 99999]], "x")]), polnear_dev=BRAT_SPLIT,
                          resolve=lambda text, atts: {})
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"article": "fernhollow-bridge"}\n', encoding="utf-8")
    with pytest.raises(SpeakersDataError, match="bad.jsonl:1: row lacks"):
        evaluate_speakers(bad, polnear_dev=BRAT_SPLIT, resolve=lambda text, atts: {})


def test_evaluate_speakers_cli_scores_a_rows_file_with_polnear(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import quoth.evaluate.speakers as module
    from quoth.cli import app

    monkeypatch.setattr(module, "spacy_resolver", lambda model=None: lambda text, atts: {"E1": "Lena Ostrova"})
    rows = _rows_file(tmp_path, [_row("E1", [[0, 23]], "Lena Ostrova")])
    runner = CliRunner()
    missing = runner.invoke(app, ["eval", "speakers", str(rows)])
    assert missing.exit_code == 2 and "--polnear" in missing.output
    result = runner.invoke(app, ["eval", "speakers", str(rows), "--polnear", str(BRAT_SPLIT), "--json"])
    assert result.exit_code == 0, result.output
    assert '"accuracy": 1.0' in result.output
