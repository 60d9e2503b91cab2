"""Quotation-mark pairing: every style, unbalanced marks, quotes running over paragraphs (no model needed)."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from quoth.quotes import pair_quotes, quoted_mask


def _inner(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in q.pieces] for q in pair_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "we will win" today.', [["we will win"]]),
    ("He said “we will win” today.", [["we will win"]]),
    ("Il a dit «nous gagnerons» hier.", [["nous gagnerons"]]),
    ("''We are ready,'' she said.", [["We are ready,"]]),
    ('"One," she said, "two."', [["One,"], ["two."]]),
    ("Don't say it's over.", []),
])
def test_quotes_pair_each_style(text, expected):
    assert _inner(text) == expected


def test_quotes_run_on_into_a_paragraph_that_opens_with_a_mark():
    text = 'She said: "The first part goes on\n"and the second part ends here."\nAfter.'
    (quote,) = pair_quotes(text)
    assert [text[s:e] for s, e in quote.pieces] == ["The first part goes on", "and the second part ends here."]
    assert quote.closed


def test_quotes_run_on_only_into_the_same_kind_of_mark():
    """A straight quote left open does not swallow the next paragraph's curly quote: that one is its own."""
    text = '"The keeper was asleep.\n\n“Here she is,” he said. “She is here.”'
    quotes = pair_quotes(text)
    assert [text[q.pieces[0][0]:q.pieces[-1][1]] for q in quotes] == [
        "The keeper was asleep.", "Here she is,", "She is here."]
    assert [q.closed for q in quotes] == [False, True, True]
    curly = "“The first part goes on\n“and the second part ends here.”"
    (quote,) = pair_quotes(curly)
    assert [curly[s:e] for s, e in quote.pieces] == ["The first part goes on", "and the second part ends here."]


def test_quotes_unclosed_mark_ends_at_the_paragraph():
    text = 'He said "this never closes\nA new paragraph without a mark.'
    (quote,) = pair_quotes(text)
    assert not quote.closed
    assert text[quote.pieces[0][0]:quote.pieces[-1][1]] == "this never closes"


def test_quotes_stray_closer_starts_at_the_paragraph():
    text = "Nobody opened this” she said."
    (quote,) = pair_quotes(text)
    assert text[quote.pieces[0][0]:quote.pieces[0][1]] == "Nobody opened this"


def test_quotes_mask_marks_content_and_marks():
    text = 'a "bc" d'
    assert list(quoted_mask(text)) == [0, 0, 2, 1, 1, 2, 0, 0]


@given(st.text(alphabet='ab "“”«»\n\'', max_size=80))
def test_quotes_never_fail_and_stay_inside_the_text(text):
    for quote in pair_quotes(text):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert all(0 <= s < e <= len(text) for s, e in quote.pieces)
