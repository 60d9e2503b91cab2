"""A document's primary quotation style, and the same-length "double-mark view" of a single-mark document.

US news quotes with double marks ("…", “…”) and nests single ones inside; British, Irish, Australian and many
other outlets do the reverse: '…' or ‘…’ outside, "…" for a quote inside a quote. quoth's pairing, its tagger
and its rules were built on the double style, so a single-style document is read through ``double_view``: the
same text, character for character, with each single mark that opens or closes a quotation swapped for the
matching double mark (' → ", ‘ → “, ’ → ”) and each double mark inside a single-mark quotation swapped for the
matching single one (the quotes inside quotes; a double mark outside every single quotation stays: it quotes).
Apostrophes (Labour's, don't, '90s, rock 'n' roll, the ministers' report) stay as they are. Every offset into
the view is an offset into the text. A double-style document's view is the text itself.

``quote_style`` decides from the evidence: single marks that close a sentence or clause (``disgrace,' said``)
and single marks that open a capitalised stretch, against the same for double marks.
"""

from __future__ import annotations

import re
from typing import Literal

QuoteStyle = Literal["double", "single"]

SINGLE_MARKS = "'‘’"
_TO_DOUBLE = {"'": '"', "‘": "“", "’": "”"}
_TO_SINGLE = {'"': "'", "“": "‘", "”": "’"}
# Before an opening mark: the paragraph start, a space or one of these.
_OPEN_BEFORE = set("([{—―–-/:;,=\"“")
# Before a closing mark that can only be a quotation mark (never an apostrophe after a word).
_STRONG_CLOSE_BEFORE = set(".,!?;:…—―–-\"”")
# Word-initial elisions: '90s, '16, 'n', 'em, 'tis, 'til, 'cause, 'bout.
_ELISION = re.compile(r"['‘’](?:\d\d(?:s\b|(?!\d))|n['‘’]|(?:em|tis|twas|til|cause|bout|round)\b)", re.IGNORECASE)
# Evidence: a mark after end punctuation, before a space or the end (a quote closing) ...
_SINGLE_CLOSE = re.compile(r"[.,!?]['’](?=\s|$)")
_DOUBLE_CLOSE = re.compile(r"[.,!?](?:\"|”|'')(?=\s|$)")
# ... and a mark after a space or a paragraph start, before a letter or digit (a quote opening).
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(:—―–]))['‘](?=[^\W_])", re.MULTILINE)
_DOUBLE_OPEN = re.compile(r"(?:^|(?<=[\s(:—―–]))(?:\"|“|'')(?=[^\W_])", re.MULTILINE)
_PARA = re.compile(r"[^\n]+")


def quote_style(text: str) -> QuoteStyle:
    """``"single"`` when single marks carry the quotations: they close after punctuation or open before a word
    (elisions like '90s aside) at least twice, and at least 1.5 times as often as double marks do (the ratio
    leaves every US PolNeAR train article with double quotes double, and reads heavily nested British text as
    single); else ``"double"``."""
    if "'" not in text and "‘" not in text and "’" not in text:
        return "double"
    single = len(_SINGLE_CLOSE.findall(text)) + max(0, len(_SINGLE_OPEN.findall(text)) - len(_ELISION.findall(text)))
    if single < 2:
        return "double"
    double = len(_DOUBLE_CLOSE.findall(text)) + len(_DOUBLE_OPEN.findall(text))
    return "single" if 2 * single >= 3 * double else "double"


def double_view(text: str, style: QuoteStyle | None = None) -> str:
    """``text`` read in double style: itself for a double-style document; for a single-style one, the quotation
    marks swapped (single ↔ double) at the same offsets, apostrophes untouched."""
    if (style or quote_style(text)) == "double":
        return text
    chars = list(text)
    for m in _PARA.finditer(text):
        marks = single_quote_marks(text, m.start(), m.end())
        for i in marks:
            chars[i] = _TO_DOUBLE[text[i]]
        for s, e in _single_quoted(text, marks, m.start(), m.end()):
            for i in range(s, e):
                chars[i] = _TO_SINGLE.get(text[i], chars[i])
    return "".join(chars)


def _single_quoted(text: str, marks: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of the paragraph ``start``–``end`` inside single-mark quotations (``marks`` from
    ``single_quote_marks``): only a double mark in one of these is a quote inside a quote. A double mark outside
    every single quotation is a primary one: a single-style outlet's paragraph of wire copy, or a writer who
    switches style, quotes with double marks there (‘…,’ she said. Later: “…,” he said.)."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    for i in marks:
        if open_at is None and _kind(text, i, start, end) == "open":
            open_at = i
        elif open_at is None:
            out.append((start, i))  # a closer with no opener: the quote began before the paragraph
        else:
            out.append((open_at, i))
            open_at = None
    if open_at is not None:
        out.append((open_at, end))
    return out


def _kind(text: str, i: int, start: int, end: int) -> str:
    """'open', 'close' (after punctuation), 'weak' (close after a word: maybe a plural possessive) or '' (an
    apostrophe) for the single mark at ``i`` in the paragraph ``start``–``end``."""
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    if prev.isalnum() and nxt.isalnum():
        return ""  # don't, Labour's
    if (prev.isspace() or prev in _OPEN_BEFORE) and not nxt.isspace():
        return "" if _ELISION.match(text, i) else "open"
    if not prev.isspace() and not nxt.isalnum():
        if prev in _STRONG_CLOSE_BEFORE:
            return "close"
        return "weak"
    return ""


def single_quote_marks(text: str, start: int, end: int) -> list[int]:
    """Offsets of the single marks in ``text[start:end]`` (one paragraph) that open or close a quotation.

    An opener waits for a closer; a closer after punctuation always closes (with no opener, the quote began
    before the paragraph, as pair_quotes reads it); a closer after a word (``ministers' report``) closes only an
    open quote with no later closer after punctuation; an opener left open runs to the paragraph end."""
    marks = [(i, _kind(text, i, start, end)) for i in range(start, end) if text[i] in SINGLE_MARKS]
    marks = [(i, k) for i, k in marks if k]
    closes_later = _closes_later([k for _, k in marks])
    first_word = start + len(text[start:end]) - len(text[start:end].lstrip())
    out: list[int] = []
    open_at: int | None = None
    for n, (i, kind) in enumerate(marks):
        if open_at is None:
            if kind == "open":
                open_at = i
            elif kind == "close" and i > first_word:
                out.append(i)
        elif kind == "close" or (kind == "weak" and not closes_later[n]):
            out += [open_at, i]
            open_at = None
        elif kind == "open" and text[i] == "‘":
            out.append(open_at)  # a curly opener while open: the first was never closed
            open_at = i
    if open_at is not None:
        out.append(open_at)
    return out


def _closes_later(kinds: list[str]) -> list[bool]:
    """For each mark: whether a closer after punctuation follows it before the next opener (one pass, backwards)."""
    out, later = [False] * len(kinds), False
    for n in range(len(kinds) - 1, -1, -1):
        out[n] = later
        if kinds[n] == "close":
            later = True
        elif kinds[n] == "open":
            later = False
    return out
