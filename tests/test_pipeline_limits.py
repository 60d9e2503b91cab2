"""``Options.max_chars`` end to end: an article over the cap is refused with a clear error, alone."""

from __future__ import annotations

import pytest

import quoth
from quoth import Options
from quoth.errors import InputTooLarge

pytestmark = pytest.mark.model
SMALL = "The mayor said the bridge would reopen."


def test_pipeline_extract_refuses_an_article_over_max_chars() -> None:
    with pytest.raises(InputTooLarge, match="over the limit of 100; split it or raise --max-chars"):
        quoth.extract("x " * 60, Options(max_chars=100))


@pytest.mark.parametrize("item", ["word " * 30, ("big", "word " * 30), {"id": "big", "text": "word " * 30},
                                  ("word " * 30).encode()])
def test_pipeline_extract_many_collects_the_oversized_article_and_goes_on(item) -> None:
    out = list(quoth.extract_many([SMALL, item, SMALL], Options(max_chars=100)))
    assert [a.error is None for a in out] == [True, False, True]
    assert "150 characters is over the limit of 100" in out[1].error
    assert out[1].attributions == [] and out[0].attributions


def test_pipeline_extract_many_raises_on_the_oversized_article_when_asked() -> None:
    with pytest.raises(InputTooLarge):
        list(quoth.extract_many([SMALL, "word " * 30], Options(max_chars=100), errors="raise"))


def test_pipeline_an_article_at_the_cap_is_processed() -> None:
    text = (SMALL + " ") * 40
    out = quoth.extract(text[:len(text)], Options(max_chars=len(text)))
    assert out.error is None and out.attributions
