"""Speakers named by layout rather than grammar: `"…" — Name`, transcript labels ("WALLACE: …") and a name with
a colon opening the line."""

from __future__ import annotations

import re

from ..context import Context
from ..draft import Draft

_DASH = re.compile(r"[ \t\u00a0]*([—―–]|--?)[ \t\u00a0]*")
_NAME = re.compile(r"(?:[A-Z][\w.'’-]*(?:[ \u00a0]+(?:de|van|von|da|del|la|bin)?[ \u00a0]*[A-Z][\w.'’-]*){0,4})")
_SPEAKER_COLON = re.compile(r"(?:^|\n)[ \t\"“]*((?:[A-Z][\w.'’-]*[ \u00a0]+){0,3}[A-Z][\w.'’-]*)[ \t]*(:)[ \t\"“]*$")
# A transcript speaker label opening a content: "WALLACE: Let's start …" (capitals, at a line start, possibly
# after an opening quotation mark). Labels that are not people are left alone.
_TRANSCRIPT_LABEL = re.compile(r"[ \t\"“]*((?:[A-Z][A-Z.'’-]+[ \u00a0]+){0,2}[A-Z][A-Z.'’-]+)[ \t]*(:)[ \t]+")
NOT_SPEAKER_LABELS = frozenset({"UPDATE", "UPDATED", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH", "READ",
                                "READ MORE", "PHOTO", "PHOTOS", "VIDEO", "CORRECTION", "RELATED", "SOURCE", "Q", "A"})
# A name and colon open a content's line at most this many characters before the content.
MAX_COLON_LEAD_CHARS = 60


def dash_sources(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """`"…" — Name`: a dash right after a content (or after a quote inside it, where the content is then cut),
    followed by a name, is its cue and source."""
    text, quote_ends = ctx.text, [q.end for q in ctx.quotes]
    for d in drafts:
        start, end = d.content[0][0], d.content[-1][1]
        for stop in [end] + [q for q in quote_ends if start < q < end]:
            dash = _DASH.match(text, stop)
            name = _NAME.match(text, dash.end()) if dash is not None else None
            if dash is None or name is None or not name.group(0):
                continue
            if stop < end:
                d.set_content_chars(ctx.doc, [(s, min(e, stop)) for s, e in d.content if s < stop])
            d.cue, d.source, d.cue_token = [dash.span(1)], [(name.start(), name.end())], None
            break
    return drafts


def transcript_labels(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A content opening its line with a transcript label ("WALLACE: …") starts after the label, the label is
    its source and the colon its cue: in a transcript the label names who speaks."""
    text = ctx.text
    for d in drafts:
        start, end = d.content[0]
        line_start = ctx.paragraphs.line_start(start)
        m = _TRANSCRIPT_LABEL.match(text, line_start)
        if m is None or not (line_start <= start <= m.start(1)) or m.end() >= end \
                or m.group(1) in NOT_SPEAKER_LABELS:
            continue
        d.set_content_start(ctx.doc, m.end())
        d.cue, d.source = [m.span(2)], [m.span(1)]
    return drafts


def colon_sources(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Transcript style "WALLACE: …" / "Jane Roe: …": a name and a colon opening the line is a cue-less content's
    cue and source."""
    text = ctx.text
    for d in drafts:
        if d.cue:
            continue
        start = d.content[0][0]
        line_start = ctx.paragraphs.line_start(start)
        m = _SPEAKER_COLON.search(text, line_start, start) if start - line_start <= MAX_COLON_LEAD_CHARS else None
        if m is not None:
            d.cue, d.source = [m.span(2)], [m.span(1)]
    return drafts
