"""Property: ``extract_many(errors="collect")`` yields one result per input, in order, and never raises."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoth.options import Options
from quoth.pipeline import extract_many

pytestmark = pytest.mark.model

# Few, short examples: each runs the model (the whole suite must stay well under CI's time).
EXAMPLES = 25
OPTIONS = Options(time_limit_s=20.0)

texts = st.text(st.characters(codec=None, categories=None), max_size=300) | st.sampled_from(
    ['"' * 200, '"Yes," he said. ' * 10, "By Ab" + " and Ab" * 16 + "!", "\ud800", "\x00" * 10, ""])
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                       max_size=4), max_leaves=12)
records = st.dictionaries(st.sampled_from(["id", "text", "meta", "title", "x"]), json_values | texts, max_size=4)
items = st.lists(texts | records | texts.map(lambda t: t.encode("utf-8", "surrogatepass")), min_size=1, max_size=6)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items)
def test_extract_many_collect_yields_one_result_per_input_and_never_raises(inputs: list) -> None:
    found = list(extract_many(inputs, OPTIONS, errors="collect"))
    assert len(found) == len(inputs)
    for article in found:
        json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")  # writable: no lone surrogate left
        for attribution in article.attributions:
            for start, end in attribution.content.spans:
                assert 0 <= start < end <= len(article.text)


def test_extract_many_collect_failed_record_meta_is_writable() -> None:
    """Regression (found by the property test): a record whose text is no string kept a lone surrogate in its meta."""
    record = {"id": "bad\ud800", "text": [], "note": "x\ud800"}
    (article,) = extract_many([record], OPTIONS, errors="collect")
    assert article.error
    json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")
