"""The annotation reader, matching and table of scripts/check_types.py (no data needed)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from quoth.model import Article, Attribution, Span

_SPEC = importlib.util.spec_from_file_location(
    "check_types", Path(__file__).resolve().parents[1] / "scripts" / "check_types.py"
)
check_types = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(check_types)

TEXT = "Lee said the dam was safe. Lee discussed the dam. Lee waved."


def _article() -> Article:
    def att(n: int, start: int, end: int, kind: str) -> Attribution:
        return Attribution(f"a{n}", "indirect", Span.from_offsets(TEXT, [(start, end)]), type=kind)  # type: ignore

    return Article("x", TEXT, attributions=[att(1, 9, 25, "statement"), att(2, 41, 48, "topic")])


def test_check_types_reads_per_article_lines_and_skips_unknown_labels(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    rows = [{"content": [[9, 25]], "cue": [[4, 8]], "label": "statement"},
            {"content": [[41, 48]], "label": "topic"}, {"content": [[53, 58]], "label": "none"},
            {"content": [[0, 3]], "label": "opinion"}]
    path.write_text(json.dumps({"id": "x", "attributions": rows}) + "\n", encoding="utf-8")
    read = check_types.read_annotations(path)
    assert [(a["article"], a["spans"], a["label"]) for a in read] == [
        ("x", [(9, 25)], "statement"), ("x", [(41, 48)], "topic"), ("x", [(53, 58)], "none")]


def test_check_types_matches_by_overlap_and_counts_dropped_as_none() -> None:
    annotations = [{"article": "x", "spans": [(9, 24)], "label": "statement"},
                   {"article": "x", "spans": [(37, 48)], "label": "statement"},
                   {"article": "x", "spans": [(53, 58)], "label": "none"}]
    predicted = check_types.predicted_types(annotations, {"x": _article()})
    assert predicted == ["statement", "topic", "none"]
    rows = {r["label"]: r for r in check_types.table([a["label"] for a in annotations], predicted)}
    assert rows["statement"]["precision"] == 1.0 and rows["statement"]["recall"] == pytest.approx(0.5)
    assert rows["topic"]["predicted"] == 1 and rows["topic"]["both"] == 0
    assert rows["none"]["f1"] == 1.0


def test_check_types_an_annotated_duplicate_of_a_kept_statement_is_a_double() -> None:
    article = _article()
    annotations = [{"article": "x", "spans": [(9, 25)], "label": "statement"},
                   {"article": "x", "spans": [(9, 18)], "label": "statement"},
                   {"article": "x", "spans": [(53, 58)], "label": "none"}]
    assert check_types.predicted_types(annotations, {"x": article}) == ["statement", check_types.DOUBLE, "none"]
