"""The PolNeAR scorers, on hand-made spans over invented text (no model, no gold data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoth.evaluate.polnear import (
    evaluate_polnear,
    flat_metrics,
    join_cue_pieces,
    make_item,
    match,
    pair_score,
    predicted_items,
    score,
    trim_positions,
)
from quoth.model import Article, Attribution, Span

# 0         1         2         3         4         5         6
# 0123456789012345678901234567890123456789012345678901234567890123
TEXT = 'Mara said "the dam will hold." Officials think rain is coming.'
DAM = (10, 30)  # "the dam will hold."  with both quotation marks
DAM_BARE = (11, 28)  # the dam will hold
RAIN = (47, 61)  # rain is coming


def item(content, cue=(), source=()):
    return make_item(TEXT, content, cue, source)


@pytest.mark.parametrize(
    "gold, pred, criterion, matches",
    [
        ([DAM], [DAM], "lenient", True),
        ([DAM], [DAM], "strict", True),
        ([DAM], [DAM], "exact", True),
        ([DAM], [DAM_BARE], "exact", True),  # quotation marks and end punctuation are trimmed
        ([DAM_BARE], [(11, 30)], "exact", True),
        ([DAM_BARE], [(11, 27)], "exact", False),  # one letter short
        ([DAM_BARE], [(11, 17)], "lenient", True),  # 6/17 = 0.35 of gold covered
        ([DAM_BARE], [(11, 15)], "lenient", False),  # 4/17 = 0.24
        ([DAM_BARE], [(11, 17)], "strict", False),  # Jaccard 0.35
        ([DAM_BARE], [(11, 21)], "strict", True),  # Jaccard 10/17 = 0.59
        ([DAM_BARE], [(0, 62)], "lenient", True),  # covering everything is lenient...
        ([DAM_BARE], [(0, 62)], "strict", False),  # ...but not strict
        ([DAM_BARE], [RAIN], "lenient", False),
        ([(11, 14), (19, 28)], [(11, 14), (19, 28)], "exact", True),  # discontinuous
        ([(11, 14), (19, 28)], [(11, 28)], "exact", False),
        ([(11, 14), (19, 28)], [(11, 28)], "strict", True),  # 12/17
    ],
)
def test_polnear_pair_criteria(gold, pred, criterion, matches):
    assert (pair_score(item(gold), item(pred), criterion) > 0) is matches


def test_polnear_pair_unknown_criterion_raises():
    with pytest.raises(ValueError, match="unknown criterion"):
        pair_score(item([DAM]), item([DAM]), "fuzzy")


@pytest.mark.parametrize(
    "span, trimmed",
    [((10, 30), (11, 28)), ((9, 31), (11, 28)), ((11, 28), (11, 28)), ((28, 30), None)],
)
def test_polnear_trim_positions(span, trimmed):
    expected = frozenset(range(*trimmed)) if trimmed else frozenset()
    assert trim_positions(TEXT, frozenset(range(*span))) == expected


def test_polnear_match_is_one_to_one_best_first():
    gold = [item([(11, 28)]), item([(11, 20)])]
    pred = [item([(11, 20)])]
    # The prediction covers all of gold 1 (coverage 1.0) and half of gold 0 (0.53): gold 1 wins it.
    assert match(gold, pred, "lenient") == [(1, 0)]
    assert match(gold, [item([(11, 20)]), item([(11, 28)])], "lenient") == [(0, 1), (1, 0)]


def test_polnear_match_one_prediction_cannot_match_two_golds():
    gold = [item([(11, 14)]), item([(19, 28)])]
    assert len(match(gold, [item([(11, 28)])], "lenient")) == 1


@pytest.mark.parametrize(
    "gold, pred, precision, recall",
    [
        ([[DAM], [RAIN]], [[DAM]], 1.0, 0.5),
        ([[DAM]], [[DAM], [RAIN]], 0.5, 1.0),
        ([[DAM]], [], 0.0, 0.0),
        ([], [[DAM]], 0.0, 0.0),
    ],
)
def test_polnear_score_precision_recall(gold, pred, precision, recall):
    result = score({"a": [item(g) for g in gold]}, {"a": [item(p) for p in pred]})
    lenient = result["content"]["lenient"]
    assert (lenient["precision"], lenient["recall"]) == (precision, recall)
    expected_f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert lenient["f1"] == pytest.approx(expected_f1)


def test_polnear_score_quoted_recall():
    result = score({"a": [item([DAM]), item([RAIN])]}, {"a": [item([DAM_BARE])]})
    assert result["quoted_recall"] == {"recall": 1.0, "found": 1, "total": 1}
    assert result["unquoted_recall"] == {"recall": 0.0, "found": 0, "total": 1}


@pytest.mark.parametrize(
    "gold_source, pred_source, correct, total",
    [
        ([(0, 4)], [(0, 4)], 1, 1),
        ([(0, 4)], [(2, 8)], 1, 1),  # overlap is enough
        ([(0, 4)], [(31, 40)], 0, 1),
        ([(0, 4)], [], 0, 1),
        ([], [(0, 4)], 0, 0),  # gold without a source is not counted
    ],
)
def test_polnear_score_source_accuracy(gold_source, pred_source, correct, total):
    result = score({"a": [item([DAM], source=gold_source)]}, {"a": [item([DAM], source=pred_source)]})
    assert (result["source_accuracy"]["correct"], result["source_accuracy"]["total"]) == (correct, total)


def test_polnear_score_cue_accuracy_only_over_lenient_matches():
    gold = {"a": [item([DAM], cue=[(5, 9)]), item([RAIN], cue=[(41, 46)])]}
    pred = {"a": [item([DAM], cue=[(5, 9)])]}
    assert score(gold, pred)["cue_accuracy"] == {"accuracy": 1.0, "correct": 1, "total": 1}


def test_polnear_score_per_article_lists_missed_and_spurious():
    result = score({"a": [item([DAM]), item([RAIN])], "b": []}, {"a": [item([(0, 4)])]}, per_article=True)
    detail = result["per_article"]["a"]
    assert detail["missed"] == [[list(DAM)], [list(RAIN)]]
    assert detail["spurious"] == [[[0, 4]]]
    assert result["per_article"]["b"]["gold"] == 0
    assert result["articles"] == 2


def test_polnear_flat_metrics_keys():
    flat = flat_metrics(score({"a": [item([DAM])]}, {"a": [item([DAM])]}))
    assert flat["content_exact_f1"] == 1.0
    assert set(flat) >= {"content_lenient_f1", "quoted_recall", "source_accuracy", "cue_accuracy"}


def test_polnear_evaluate_with_oracle_extractor_is_perfect():
    brat_dir = Path(__file__).parent / "resources" / "brat"
    from quoth.evaluate.brat import read_split

    gold = {g.id: g for g in read_split(brat_dir)}

    def oracle(articles):
        for article in articles:
            article.attributions = [
                Attribution(id=g.id, kind="indirect", content=Span.from_offsets(article.text, g.content),
                            cue=Span.from_offsets(article.text, g.cue),
                            source=Span.from_offsets(article.text, g.source) if g.source else None)
                for g in gold[article.id].attributions
            ]
            yield article

    flat = flat_metrics(evaluate_polnear(brat_dir, oracle))
    assert all(value == 1.0 for value in flat.values()), flat


PIECES = '"The dam will hold," Mara said. "The rain will stop."\n"It is safe," Mara said.'


def _piece(n, content, cue=(26, 30), source=(21, 25)):
    return Attribution(id=f"a{n}", kind="direct", content=Span(PIECES[slice(*content)], [content]),
                       cue=Span(PIECES[slice(*cue)], [cue]), source=Span(PIECES[slice(*source)], [source]))


def test_polnear_join_cue_pieces_joins_the_sentences_around_one_cue():
    first, second = _piece(1, (0, 20)), _piece(2, (32, 53))
    third = _piece(3, (54, 67), cue=(73, 77), source=(68, 72))  # next paragraph, its own cue
    assert [[a.id for a in g] for g in join_cue_pieces(PIECES, [second, third, first])] == [["a1", "a2"], ["a3"]]
    items = predicted_items(Article(id="x", text=PIECES, attributions=[first, second, third]))
    assert len(items) == 2 and items[0].spans == ((0, 20), (32, 53))


def test_polnear_join_cue_pieces_keeps_apart_other_cues_sources_and_paragraphs():
    first = _piece(1, (0, 20))
    other_source = _piece(2, (32, 53), source=(68, 72))
    other_cue = _piece(3, (32, 53), cue=(73, 77))
    assert len(join_cue_pieces(PIECES, [first, other_source])) == 2
    assert len(join_cue_pieces(PIECES, [first, other_cue])) == 2
    across = _piece(4, (54, 67))  # same cue and source, but a line break lies between them
    assert len(join_cue_pieces(PIECES, [first, across])) == 2
