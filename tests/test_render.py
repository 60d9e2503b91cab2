"""Tests for quoth.render: table rows, dispute lines and the JSON/JSONL/CSV serialisations (no model needed)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from quoth import render
from quoth.model import Article, Attribution, Dispute, Entity, Mention, Span

TEXT = 'Aalto said that Arendt told him that "the delay was the maker\'s". She said: "Nonsense."'


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span.from_offsets(text, [(start, start + len(needle))])


def make_article() -> Article:
    """A hand-built article: a nested attribution, a resolved pronoun source, an unattributed quote, a dispute."""
    t = TEXT
    entities = [
        Entity(id="e1", name="Henrik Aalto", kind="person", mentions=[Mention(0, 5, "Aalto")]),
        Entity(id="e2", name="Jane Doe", kind="person", mentions=[Mention(t.index("She"), t.index("She") + 3, "She")]),
    ]
    outer = Attribution(id="a1", kind="mixed", content=_span(t, "Arendt told him that \"the delay was the maker's\""),
                        cue=_span(t, "said"), source=_span(t, "Aalto"), speaker="e1")
    inner = Attribution(id="a2", kind="mixed", content=_span(t, "\"the delay was the maker's\""),
                        cue=_span(t, "told"), source=_span(t, "Arendt"), parent="a1")
    pronoun = Attribution(id="a3", kind="direct", content=_span(t, "Nonsense."), cue=_span(t, "said:"),
                          source=_span(t, "She"), speaker="e2")
    dispute = Dispute(by="a3", cue=_span(t, "Nonsense"), target_attribution="a1")
    return Article(id="row", text=t, meta={"title": "The row"}, entities=entities,
                   attributions=[outer, inner, pronoun], disputes=[dispute])


@pytest.mark.parametrize(
    "text, width, expected",
    [
        ("short", 10, "short"),
        ("a  b\n\nc", 10, "a b c"),
        ("abcdefghij", 5, "abcd…"),
        ("word word word", 9, "word wor…"),
    ],
)
def test_render_trim_collapses_whitespace_and_cuts(text: str, width: int, expected: str) -> None:
    assert render.trim(text, width) == expected
    assert len(render.trim(text, width)) <= width


def test_render_speaker_label_prefers_entity_then_source_then_dash() -> None:
    article = make_article()
    outer, inner, pronoun = article.attributions
    assert render.speaker_label(article, outer) == "Henrik Aalto"
    assert render.speaker_label(article, inner) == "Arendt"
    assert render.speaker_label(article, pronoun) == "Jane Doe (She)"
    floating = Attribution(id="a9", kind="direct", content=_span(TEXT, "Nonsense."))
    assert render.speaker_label(article, floating) == render.NO_SPEAKER == "—"


def test_render_table_rows_show_nesting() -> None:
    rows = render.table_rows(make_article())
    assert [(r.id, r.depth, r.nesting) for r in rows] == [("a1", 0, ""), ("a2", 1, "↳ in a1"), ("a3", 0, "")]
    assert rows[0].cue == "said" and rows[0].kind == "mixed"


def test_render_nesting_depth_survives_a_parent_cycle() -> None:
    article = make_article()
    article.attributions[0].parent = "a2"  # a1 → a2 → a1: bad data must not hang the table
    assert render.nesting_depth(article, article.attributions[1]) <= render.MAX_NESTING_DEPTH


def test_render_dispute_lines_name_both_sides() -> None:
    assert render.dispute_lines(make_article()) == ['a3 Jane Doe (She) rejection "Nonsense" → a1 (Henrik Aalto)']


def test_render_dispute_lines_unnamed_party_and_claim_text() -> None:
    article = make_article()
    t = article.text
    article.disputes = [Dispute(by="a3", cue=_span(t, "Nonsense"), kind="denial", target_text=_span(t, "Nonsense"))]
    assert render.dispute_lines(article) == ['a3 Jane Doe (She) denial "Nonsense" → unnamed: Nonsense']


def test_render_article_heading_has_title_and_count() -> None:
    assert render.article_heading(make_article()) == "row — The row (3 attributions)"


def test_render_json_round_trips_the_contract() -> None:
    article = make_article()
    data = json.loads(render.to_json(article))
    assert Article.from_dict(data).to_dict() == article.to_dict()
    assert '"spans": [[' in render.to_json(article)  # offset pairs are kept on one line


@pytest.mark.parametrize("count", [0, 1, 3])
def test_render_iter_json_array_is_valid_for_any_count(count: int) -> None:
    articles = [make_article() for _ in range(count)]
    data = json.loads("".join(render.iter_json(iter(articles), single=False)))
    assert isinstance(data, list) and len(data) == count


def test_render_iter_json_single_is_one_object() -> None:
    data = json.loads("".join(render.iter_json(iter([make_article()]), single=True)))
    assert data["id"] == "row"


def test_render_jsonl_line_is_one_line() -> None:
    line = render.to_jsonl_line(make_article())
    assert line.endswith("\n") and line.count("\n") == 1
    assert json.loads(line)["attributions"][1]["parent"] == "a1"


def test_render_iter_csv_has_a_row_per_attribution() -> None:
    rows = list(csv.DictReader(io.StringIO("".join(render.iter_csv([make_article(), make_article()])))))
    assert len(rows) == 6
    assert tuple(rows[0]) == render.CSV_COLUMNS
    assert rows[2]["speaker"] == "Jane Doe" and rows[2]["source"] == "She" and rows[1]["parent"] == "a1"
    assert TEXT[int(rows[2]["start"]):int(rows[2]["end"])] == rows[2]["content"]


def test_render_iter_csv_with_no_articles_is_a_header() -> None:
    assert "".join(render.iter_csv([])).strip() == ",".join(render.CSV_COLUMNS)
