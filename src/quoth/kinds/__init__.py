"""Attribution types and the non-attribution filter: what each attribution reports, and dropping what reports
nothing.

``type_attributions(doc, attributions)`` is the one entry point, called once at the end of
``quoth.attribution.find_attributions``. For each attribution it

1. reads the page layout (``layout``): content in the headline is kept with ``region="headline"`` (its source and
   cue only from the headline); content in a section heading or page furniture ("Read more …", "Story continues
   below advertisement", bylines, credits) is dropped, and no heading, furniture or dateline supplies a piece of
   a body attribution's source, cue or content;
2. types it from its cue, the cue's frame and its source (``decide``): ``statement``, ``belief``,
   ``knowledge``, ``intention``, ``document`` or ``topic`` (speech reported only by its subject or as a question,
   ``topic``), or drops it as no attribution (physical perception or action,
   naming, a picture that depicts).

Survivors are renumbered ``a1``… in order; a parent that was dropped leaves its child without one.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..docindex import doc_text
from ..model import Attribution, Span
from .decide import classify
from .layout import Layout, find_layout, inside, subtract

__all__ = ["classify", "find_layout", "type_attributions"]


def type_attributions(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """``attributions`` typed, placed (body or headline) and filtered; see the module docstring."""
    if not attributions:
        return attributions
    text = doc_text(doc)
    layout = find_layout(text)
    kept: list[Attribution] = []
    for att in attributions:
        placed = _place(text, layout, att)
        if placed is None:
            continue
        kind = classify(doc, placed)
        if kind is not None:
            kept.append(replace(placed, type=kind))  # type: ignore[arg-type]
    return _renumber(kept)


def _place(text: str, layout: Layout, att: Attribution) -> Attribution | None:
    """The attribution with its region set and non-body pieces removed; None when no content is left."""
    if inside(att.content.spans, layout.headline):
        head = (layout.headline,) if layout.headline else ()
        own = tuple(r for r in layout.outside_body() if r not in head)
        outside = _complement(head, len(text)) + own
        region = "headline"
    else:
        outside = layout.outside_body()
        region = "body"
    content = subtract(att.content.spans, outside, text)
    if not content:
        return None
    cue = subtract(att.cue.spans, outside, text) if att.cue else []
    source = subtract(att.source.spans, outside, text) if att.source else []
    return replace(att, region=region,  # type: ignore[arg-type]
                   content=_span(text, content, att.content),
                   cue=_span(text, cue, att.cue) if cue else None,
                   source=_span(text, source, att.source) if source else None)


def _span(text: str, pieces: list[tuple[int, int]], old: Span | None) -> Span:
    """The old span when nothing was cut (no needless rebuild), else one built from ``pieces``."""
    if old is not None and tuple(pieces) == old.spans:
        return old
    return Span.from_offsets(text, pieces)


def _complement(ranges: tuple[tuple[int, int], ...], length: int) -> tuple[tuple[int, int], ...]:
    """Everything in [0, length) outside ``ranges``."""
    out = []
    pos = 0
    for s, e in sorted(ranges):
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    if pos < length:
        out.append((pos, length))
    return tuple(out)


def _renumber(attributions: list[Attribution]) -> list[Attribution]:
    """Ids ``a1``… in order; parents remapped, or None when the parent was dropped."""
    new_ids = {a.id: f"a{n}" for n, a in enumerate(attributions, 1)}
    return [replace(a, id=new_ids[a.id], parent=new_ids.get(a.parent) if a.parent else None) for a in attributions]
