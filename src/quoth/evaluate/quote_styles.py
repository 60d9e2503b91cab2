"""Scoring quoth on the same gold in British quotation style: US texts converted character for character.

``to_single_style`` turns a double-style (US) text into a single-style (British) one of the same length: every
double mark becomes the matching single mark (" → ', “ → ‘, ” → ’; the two-character '' of NYT texts becomes
one ' padded with a space on its outer side) and every single mark that was a quote inside a quote becomes the
matching double mark; apostrophes are untouched. Every gold offset stays valid, so the existing PolNeAR and GGT
scorers score the converted texts against the original gold; ``polnear_in_style`` and ``ggt_in_style`` do that.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

from ..model import Article
from ..options import Options
from ..quotes import pair_quotes
from .polnear import Extractor, evaluate_polnear, quoth_extractor

_TO_SINGLE = {'"': "'", "“": "‘", "”": "’"}
_OPEN_BEFORE = set(" \t\n\r([{—–-/:;,")
_DOUBLE = re.compile("''|[\"“”]")
_NESTED_ELISION = re.compile(r"['’]\d\d")


def to_single_style(text: str) -> str:
    """``text`` (double style) in single style, the same length (see the module docstring)."""
    chars = list(text)
    for m in _DOUBLE.finditer(text):
        i = m.start()
        if m.group() == "''":
            opens = (i == 0 or text[i - 1] in _OPEN_BEFORE) and text[i + 2:i + 3].strip() != ""
            chars[i], chars[i + 1] = (" ", "'") if opens else ("'", " ")
        else:
            chars[i] = _TO_SINGLE[m.group()]
    for quote in pair_quotes(text):
        for start, end in quote.pieces:
            for i, j in _nested(text, start, end):
                chars[i] = "“" if text[i] == "‘" else '"'
                chars[j] = "”" if text[j] == "’" else '"'
    return "".join(chars)


def _nested(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """(opening, closing) offsets of the single-mark quotes inside the quoted stretch ``text[start:end]``: an
    opener after a space (or the stretch start) before a letter, closed by the next single mark after a non-space
    before a non-letter."""
    open_at = None
    for i in range(start, end):
        if text[i] not in "'‘’":
            continue
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if open_at is None:
            if (text[i] == "‘" or prev in _OPEN_BEFORE) and nxt.isalnum() and not _NESTED_ELISION.match(text, i):
                open_at = i
        elif not prev.isspace() and not nxt.isalnum() and not (prev.isalnum() and nxt.isalnum()):
            yield open_at, i
            open_at = None


def style_extractor(base: Extractor | None = None) -> Extractor:
    """An extractor that runs ``base`` (quoth by default) on each text in single style and hands the articles
    back with their original texts (the offsets are the same)."""
    run = base or quoth_extractor()

    def extract(articles: list[Article]) -> Iterable[Article]:
        originals = [a.text for a in articles]
        converted = [Article(id=a.id, text=to_single_style(a.text), meta=dict(a.meta)) for a in articles]
        out = list(run(converted))
        for article, text in zip(out, originals):
            article.text = text
        return out

    return extract


def polnear_in_style(directory: Path | str, single: bool, limit: int | None = None) -> dict[str, Any]:
    """``evaluate_polnear`` on a split, its texts as they are (``single=False``) or in single style."""
    return evaluate_polnear(directory, extractor=style_extractor() if single else None, limit=limit)


def ggt_in_style(directory: Path | str, single: bool, options: Options | None = None) -> dict[str, Any]:
    """The ``evaluate_ggt`` summary on a GGT folder, its texts as they are or in single style."""
    from ..pipeline import extract_many
    from .ggt import evaluate_ggt

    def run(articles: list[Article]) -> Iterable[Article]:
        return extract_many(articles, options, errors="raise")

    return evaluate_ggt(directory, options=options, extractor=style_extractor(run) if single else run)
