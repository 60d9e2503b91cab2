"""Turning the last drafts into ``Attribution``s: ordered by content start, ids ``a1``…, kind from the quotes."""

from __future__ import annotations

from ..model import Attribution, Kind, Span
from .context import Context
from .draft import Draft, Offsets

# A word or two outside the marks ("that", a trailing "he said") does not make a quote mixed.
MAX_UNQUOTED_WORD_CHARS_DIRECT = 3
MIN_QUOTED_CHARS_MIXED = 4


def kind_of(text: str, pieces: list[Offsets], quoted_mask: bytearray) -> Kind:
    """direct (all content inside quotation marks), indirect (none) or mixed, by alphanumeric characters."""
    quoted = unquoted = 0
    for s, e in pieces:
        for i in range(s, e):
            if not text[i].isalnum():
                continue
            if quoted_mask[i] == 1:
                quoted += 1
            else:
                unquoted += 1
    if quoted and unquoted <= MAX_UNQUOTED_WORD_CHARS_DIRECT:
        return "direct"
    if quoted >= MIN_QUOTED_CHARS_MIXED:
        return "mixed"
    return "indirect"


def to_attributions(ctx: Context, drafts: list[Draft]) -> list[Attribution]:
    """The drafts as attributions, ordered by content start (longer first on a tie), ids ``a1``… in that order;
    a nested draft's ``parent`` becomes its parent's id."""
    text = ctx.text
    drafts = sorted(drafts, key=lambda d: (d.content[0][0], -d.content[-1][1]))
    ids = {id(d): f"a{n}" for n, d in enumerate(drafts, 1)}
    return [
        Attribution(
            id=ids[id(d)],
            kind=kind_of(text, d.content, ctx.quoted_mask),
            content=Span.from_offsets(text, d.content),
            cue=Span.from_offsets(text, d.cue) if d.cue else None,
            source=Span.from_offsets(text, d.source) if d.source else None,
            parent=ids.get(id(d.parent)) if d.parent is not None else None,
            confidence=d.confidence,
        )
        for d in drafts
    ]
