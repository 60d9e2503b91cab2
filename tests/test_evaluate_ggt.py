"""The GGT scorer on texts and gold written here: matching rule, speaker rule, proper names, the folder reader."""

from __future__ import annotations

import json

import pytest

from quoth.evaluate.ggt import (GgtDataError, coverage, is_proper_name, match_quotes, read_gold, score_article,
                                summarise)
from quoth.model import Article, Attribution, Entity, Span

TEXT = 'Ana Ruiz said the bridge would open in May. "It is late," a resident said.'


@pytest.mark.parametrize("gold, predicted, expected", [
    ([[0, 10]], [[0, 5]], 0.5),
    ([[0, 10]], [[5, 20]], 0.5),
    ([[0, 4], [6, 10]], [[0, 10]], 1.0),
    ([[0, 10]], [[20, 30]], 0.0),
])
def test_evaluate_ggt_coverage(gold, predicted, expected):
    assert coverage(gold, predicted) == pytest.approx(expected)


def test_evaluate_ggt_match_takes_best_remaining_in_gold_order():
    gold = [[[0, 10]], [[0, 10]]]
    predicted = [[[0, 4]], [[0, 9]]]
    # The first gold quote takes the better prediction (90%); the second gets the one left (40%) at 30%, none at 80%.
    assert match_quotes(gold, predicted, 0.3) == {0: 1, 1: 0}
    assert match_quotes(gold, predicted, 0.8) == {0: 1}


@pytest.mark.parametrize("name, proper", [
    ("Ana Ruiz", True), ("The mayor", False), ("his lawyer", False), ("Their union", False), ("ana", False),
    (None, False), ("", False), ("Theresa May", True),
])
def test_evaluate_ggt_is_proper_name(name, proper):
    assert is_proper_name(name) is proper


def _article() -> Article:
    ruiz = Entity(id="e1", name="Ana Ruiz", kind="person")
    said = Attribution(id="a1", kind="indirect", content=Span.from_offsets(TEXT, [(14, 42)]),
                       source=Span.from_offsets(TEXT, [(0, 8)]), speaker="e1")
    resident = Attribution(id="a2", kind="direct", content=Span.from_offsets(TEXT, [(44, 57)]),
                           source=Span.from_offsets(TEXT, [(58, 68)]))
    hope = Attribution(id="a3", kind="indirect", content=Span.from_offsets(TEXT, [(18, 24)]), type="belief")
    topic = Attribution(id="a4", kind="indirect", content=Span.from_offsets(TEXT, [(0, 3)]), type="topic")
    return Article(id="x", text=TEXT, entities=[ruiz], attributions=[said, resident, hope, topic])


def test_evaluate_ggt_score_article_speakers_and_types():
    gold = {"id": "x", "quotes": [
        {"content": [[14, 42]], "content_text": "the bridge…", "reference": "Ana Ruiz"},
        {"content": [[44, 57]], "content_text": "It is late", "reference": "Bob Stone"},
    ]}
    row = score_article(gold, _article())
    assert row["predicted"] == 2  # the belief is left out by default
    assert row["matched_30"] == 2
    assert row["speakers"]["correct"] == 1 and row["speakers"]["proper"] == 1
    assert row["speakers"]["errors"][0]["predicted"] == "a resident"
    assert score_article(gold, _article(), all_types=True)["predicted"] == 4
    summary = summarise([row])
    assert summary["speaker_accuracy"] == pytest.approx(0.5)
    assert summary["wrong_proper_names"] == 0.0
    assert summary["type_shares"] == {"belief": pytest.approx(1 / 4), "statement": pytest.approx(2 / 4),
                                      "topic": pytest.approx(1 / 4)}
    # Matched with every type at once, both statements hit a gold quote; the belief (inside the first quote,
    # which the statement takes) and the topic (outside every quote) do not.
    assert summary["type_hits"] == {"belief": {"predicted": 1, "matched": 0},
                                    "statement": {"predicted": 2, "matched": 2},
                                    "topic": {"predicted": 1, "matched": 0}}


def test_evaluate_ggt_read_gold_errors_say_what_is_missing(tmp_path):
    with pytest.raises(GgtDataError, match="gold.jsonl not found"):
        read_gold(tmp_path)
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "a1", "quotes": []}) + "\n", encoding="utf-8")
    with pytest.raises(GgtDataError, match="a1.txt not found"):
        read_gold(tmp_path)
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "a1.txt").write_text("Some text.", encoding="utf-8")
    assert read_gold(tmp_path)[0]["text"] == "Some text."
