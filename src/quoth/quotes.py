"""Pairing quotation marks: straight, curly and guillemets, unbalanced marks, quotes running over paragraphs.

Never fails: any sequence of marks yields a list of quotes (possibly with ``closed=False``).
Single-mark (British) documents are paired through ``quote_style.double_view``: the same offsets, their
quotation marks read as double ones, so '…' and ‘…’ pair like "…" and “…” and apostrophes stay apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quote_style import double_view

OPENERS = {"“": "”", "«": "»", "„": "“", "‹": "›"}
CLOSERS = {"”", "»", "›"}
STRAIGHT = '"'
# Every double quotation mark: content holding one is quoted speech (' and ’ are mostly apostrophes).
DOUBLE_QUOTES = frozenset('"“”„‟«»「」『』〝〞＂')
# Characters after which a straight quote opens (before it a word ends, so it closes).
_OPEN_CONTEXT = set(" \t\n\r([{—―–-/:;,")
# A quote longer than this without a closing mark is cut at the paragraph end (news convention aside).
MAX_OPEN_PARAGRAPHS = 12

_PARA = re.compile(r"\n\s*")
# A quotation mark: two apostrophes or two backticks (one mark, tried first), or one opener, closer or '"'.
_MARK = re.compile("''|``|[" + re.escape("".join(OPENERS) + "".join(CLOSERS) + STRAIGHT) + "]")


@dataclass(frozen=True)
class Quote:
    """A quoted stretch. ``pieces`` are inner spans (marks excluded), one per paragraph it runs over."""

    start: int  # offset of the opening mark (or of the paragraph start, when no opener)
    end: int  # offset after the closing mark (or of the paragraph end, when never closed)
    pieces: tuple[tuple[int, int], ...]
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return self.pieces[0][0], self.pieces[-1][1]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _PARA.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def _classify(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the mark at i."""
    ch = text[i]
    if ch in OPENERS and ch != "„":
        if ch == "“" and i > 0 and not text[i - 1].isspace() and text[i - 1] not in _OPEN_CONTEXT:
            # “ after a word: some texts use it as a closer (German-style or OCR); treat as either.
            return "either"
        return "open"
    if ch == "„":
        return "open"
    if ch in CLOSERS:
        return "close"
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev in _OPEN_CONTEXT and not nxt.isspace():
        return "open"
    if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
        return "close"
    return "either"


def _marks(text: str, start: int, end: int) -> list[tuple[int, str, int]]:
    """(offset, open/close/either, width) of each quotation mark; two apostrophes or backticks (NYT style) are 2
    wide."""
    out = []
    for m in _MARK.finditer(text, start, end):
        i = m.start()
        if m.end() - i == 2:
            out.append((i, "open" if text[i] == "`" else _classify_double_apostrophe(text, i), 2))
        else:
            out.append((i, _classify(text, i), 1))
    return out


def _classify_double_apostrophe(text: str, i: int) -> str:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 2] if i + 2 < len(text) else " "
    if prev in _OPEN_CONTEXT and not nxt.isspace():
        return "open"
    if not prev.isspace():
        return "close"
    return "either"


def pair_quotes(text: str) -> list[Quote]:
    """Every quote in ``text``, in order. Unbalanced marks are recovered, never raised. A single-style document
    pairs its single marks (its double ones are quotes inside quotes)."""
    return _pair(double_view(text))


def _pair(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    paras = _paragraphs(text)
    open_at: int | None = None  # offset of the opening mark of a quote still open
    pieces: list[tuple[int, int]] = []
    for p_index, (p_start, p_end) in enumerate(paras):
        marks = _marks(text, p_start, p_end)
        cursor = p_start
        if open_at is not None:
            # Previous paragraph never closed. If this one opens with a mark, the quote runs on.
            if marks and marks[0][0] == p_start and marks[0][1] in ("open", "either") \
                    and _style(text, marks[0][0]) == _style(text, open_at) and len(pieces) < MAX_OPEN_PARAGRAPHS:
                cursor = p_start + marks[0][2]
                marks = marks[1:]
            else:
                quotes.append(Quote(open_at, pieces[-1][1], tuple(pieces), closed=False))
                open_at, pieces = None, []
        piece_start = cursor
        for i, kind, width in marks:
            if open_at is None:
                if kind == "close" and not _closes_a_piece(text, p_start, i):
                    continue
                if kind == "close":
                    # A closer with no opener: the quote started at the paragraph start.
                    quotes.append(Quote(p_start, i + width, ((p_start, i),), closed=False))
                    continue
                open_at, pieces, piece_start = i, [], i + width
            else:
                if kind == "open" and text[i] in OPENERS and i > piece_start:
                    # A second opener while open: the first was never closed; restart here.
                    quotes.append(Quote(open_at, i, tuple(pieces + [(piece_start, i)]), closed=False))
                    open_at, pieces, piece_start = i, [], i + width
                    continue
                pieces.append((piece_start, i))
                quotes.append(Quote(open_at, i + width, tuple(pieces), closed=True))
                open_at, pieces = None, []
        if open_at is not None:
            pieces.append((piece_start if piece_start > p_start or p_index == 0 else p_start + 1, p_end))
            pieces[-1] = (min(pieces[-1][0], p_end), p_end)
    if open_at is not None and pieces:
        quotes.append(Quote(open_at, pieces[-1][1], tuple(pieces), closed=False))
    return [Quote(q.start, q.end, tuple((s, e) for s, e in q.pieces if e > s), q.closed)
            for q in quotes if any(e > s for s, e in q.pieces)]


def _style(text: str, i: int) -> str:
    """The family of the mark at ``i``: a quote runs on into a paragraph that reopens it with the same kind of
    mark ('"' after '"', '“' after '“'); a paragraph opening with another kind starts a quote of its own."""
    ch = text[i]
    if ch in "“”„":
        return "curly"
    if ch in "«»‹›":
        return "guillemet"
    if text[i:i + 2] in ("''", "``"):
        return "apostrophes"
    return ch


def _closes_a_piece(text: str, p_start: int, i: int) -> bool:
    """A stray closer counts only when there is text before it in the paragraph."""
    return bool(text[p_start:i].strip())


def quoted_mask(text: str, quotes: list[Quote] | None = None) -> bytearray:
    """Per character: 1 inside quote content, 2 on a quotation mark, 0 elsewhere."""
    mask = bytearray(len(text))
    text = double_view(text)
    for q in quotes if quotes is not None else _pair(text):
        for s, e in q.pieces:
            mask[s:e] = b"\x01" * (e - s)
        for pos in (q.start, q.start + 1, q.end - 2, q.end - 1):
            if 0 <= pos < len(text) and (text[pos] in OPENERS or text[pos] in CLOSERS or text[pos] in "\"'`"):
                if q.pieces[0][0] > pos or pos >= q.pieces[-1][1]:
                    mask[pos] = 2
    return mask
