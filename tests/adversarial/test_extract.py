"""Extraction on hostile text (issue 17): every input gives one result, in bounded time; a bad one fails alone."""

from __future__ import annotations

import json
import time

import pytest

from hostile import BYLINE_ATTACK, GOOD, quote_run
from quoth.errors import ArticleTimeout
from quoth.options import Options
from quoth.pipeline import extract, extract_many
from quoth.safety import spacy_view

pytestmark = pytest.mark.model

# Seconds each hostile article may take here (they take well under a second; before the fix, minutes).
HOSTILE_BUDGET_S = 10.0


@pytest.mark.parametrize("text", [quote_run(16_000), quote_run(99_000), "(" * 99_000, "!" * 50_000,
                                  BYLINE_ATTACK + "\n" + GOOD, "a-" * 40_000, "\u201c" * 50_000],
                         ids=["quotes-16k", "quotes-100k", "parens", "bangs", "byline", "hyphens", "curly"])
def test_extract_hostile_text_is_fast_and_keeps_offsets(text: str) -> None:
    started = time.perf_counter()
    (article,) = extract_many([text + "\n" + GOOD])
    assert time.perf_counter() - started < HOSTILE_BUDGET_S
    assert article.error is None and article.text == text + "\n" + GOOD  # the original text, not the view
    for attribution in article.attributions:
        for start, end in attribution.content.spans:
            assert article.text[start:end] in attribution.content.text


def test_extract_view_keeps_length_and_ordinary_text() -> None:
    for text in (GOOD, quote_run(100), "Wait!!!!! " * 30, "x" * 500, '"\'"Yes,"\' he said.'):
        assert len(spacy_view(text)) == len(text)
    assert spacy_view(GOOD) == GOOD


def test_extract_many_one_bad_record_fails_alone() -> None:
    """Regression: a lone surrogate raised UnicodeEncodeError in spaCy and lost the whole batch."""
    items = [{"id": "a", "text": GOOD}, {"id": "b", "text": '"It is \ud800 fine," said Bob Ray.'},
             {"id": "c", "text": 5}, ("d", b"\x00\x01binary"), {"id": "e", "text": GOOD}]
    found = list(extract_many(items, errors="collect"))
    assert [a.id for a in found] == ["a", "b", "c", "d", "e"]
    assert found[0].attributions and found[4].attributions
    assert found[1].error is None and "surrogate" in found[1].meta["warnings"][0]
    assert found[2].error and found[3].error and "binary" in found[3].error
    json.dumps([a.to_dict() for a in found], ensure_ascii=False).encode("utf-8")  # every result can be written


def test_extract_time_limit_fails_the_article_alone() -> None:
    slow = "word " * 10_000  # one 10,000-token sentence: seconds of work
    started = time.perf_counter()
    found = list(extract_many([GOOD, slow, GOOD], Options(time_limit_s=1.0)))
    assert [a.error is None for a in found] == [True, False, True]
    assert "ArticleTimeout" in found[1].error and "1 s" in found[1].error
    assert found[0].attributions and found[2].attributions
    assert time.perf_counter() - started < 30
    with pytest.raises(ArticleTimeout):
        extract(slow, Options(time_limit_s=1.0))


def test_extract_token_dense_text_is_refused_before_parsing() -> None:
    """'"a" ' × 24,000 is 96,000 characters but 48,500 tokens: it took 16 s and 870 MB in spaCy."""
    started = time.perf_counter()
    (article, good) = extract_many(['"a" ' * 24_000, GOOD])
    assert "tokens is over the limit of 30,000" in article.error and good.attributions
    assert time.perf_counter() - started < HOSTILE_BUDGET_S


@pytest.mark.gold
def test_extract_view_leaves_every_polnear_article_unchanged() -> None:
    """The guards change only pathological text: spaCy reads every PolNeAR article exactly as written."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[3] / "shared" / "data" / "raw" / "polnear" / "data"
    files = sorted(root.glob("*/text/*"))
    if not files:
        pytest.skip(f"PolNeAR is not at {root}")
    changed = [f.name for f in files if spacy_view(t := f.read_text(encoding="utf-8")) != t]
    assert changed == [] and len(files) > 800
