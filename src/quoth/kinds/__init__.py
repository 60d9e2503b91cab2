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
   naming, a picture that depicts); a deed done to a thing ("signed the bill", "charged the man with assault") is
   kept as a ``topic`` (no claim reported; PolNeAR marks many as attributions);
3. drops the shorter of two un-nested body statements that report the same words (``drop_doubles``).

Survivors are renumbered ``a1``… in order; a parent that was dropped leaves its child without one.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..docindex import doc_text
from ..model import Attribution, Span
from .decide import classify
from .layout import Layout, find_layout, inside, subtract

__all__ = ["classify", "drop_doubles", "find_layout", "type_attributions"]


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
    return _renumber(drop_doubles(kept))


def drop_doubles(attributions: list[Attribution]) -> list[Attribution]:
    """Without the shorter of two un-nested body statements whose contents share more than half of the shorter's
    characters (the same words reported twice, e.g. by two cues read for one quotation)."""
    statements = [a for a in attributions if a.type == "statement" and a.region == "body" and a.parent is None
                  and not any(b.parent == a.id for b in attributions)]
    chars = {a.id: {i for s, e in a.content.spans for i in range(s, e)} for a in statements}
    doubles: set[str] = set()
    for n, a in enumerate(statements):
        for b in statements[n + 1:]:
            shorter, longer = sorted((a, b), key=lambda x: (len(chars[x.id]), x.id))
            shared = len(chars[a.id] & chars[b.id])
            if shared * 2 > len(chars[shorter.id]) and longer.id not in doubles:
                doubles.add(shorter.id)
    return [a for a in attributions if a.id not in doubles]


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
