"""Highlighted article HTML and the dispute graph layout (pure functions behind the pages)."""

from __future__ import annotations

import html
import re

import pytest

from quoth.model import Article, Attribution, Span
from quoth.web.graph import MAX_GRAPH_NODES, layout_circle
from quoth.web.highlight import highlight_html
from web_samples import sample_article, xss_article

TAG = re.compile(r"<[^>]+>")


def strip(markup: str) -> str:
    return html.unescape(TAG.sub("", markup))


@pytest.mark.parametrize("article", [sample_article(), xss_article()], ids=["sample", "xss"])
def test_web_highlight_keeps_the_text_exactly(article: Article) -> None:
    assert strip(str(highlight_html(article))) == article.text


def test_web_highlight_escapes_markup() -> None:
    markup = str(highlight_html(xss_article()))
    assert "<script" not in markup and "<img" not in markup and "&lt;script&gt;" in markup


@pytest.mark.parametrize("spans", [
    [[(0, 10)], [(5, 15)]],            # overlapping
    [[(0, 20)], [(5, 10)]],            # nested
    [[(0, 5), (10, 15)], [(3, 12)]],   # discontinuous crossing another
    [[(0, 5)], [(5, 10)]],             # touching
    [[(-3, 4)], [(18, 99)]],           # out of range
])
def test_web_highlight_overlapping_spans_make_flat_balanced_tags(spans: list[list[tuple[int, int]]]) -> None:
    text = "abcdefghijklmnopqrst"
    atts = [Attribution(f"a{i}", "direct", Span.from_offsets(text, s)) for i, s in enumerate(spans)]
    markup = str(highlight_html(Article("x", text, attributions=atts)))
    assert strip(markup) == text
    assert markup.count("<a ") == markup.count("</a>")
    assert "<a " not in re.sub(r"<a [^>]*>[^<]*</a>", "", markup)  # never nested


def test_web_highlight_nested_piece_names_both_and_leads_with_inner() -> None:
    markup = str(highlight_html(sample_article()))
    inner = re.search(r'<a [^>]*data-att="([^"]*)" data-lead="a4"[^>]*>the steel', markup)
    assert inner and inner.group(1).split() == ["a4", "a3"]


def test_web_highlight_graph_layout_counts_and_caps() -> None:
    graph = layout_circle([("a", "b"), ("a", "b"), ("b", "c"), ("c", "c")], {"a": "Ann"})
    assert {n.key for n in graph.nodes} == {"a", "b", "c"}
    assert [(e.source.label, e.target.key, e.count) for e in graph.edges] == [("Ann", "b", 2), ("b", "c", 1)]
    many = layout_circle([(f"n{i}", f"n{i + 1}") for i in range(MAX_GRAPH_NODES + 10)])
    assert len(many.nodes) == MAX_GRAPH_NODES and many.omitted == 11
    assert all(0 <= n.x <= many.size and 0 <= n.y <= many.size for n in many.nodes)
