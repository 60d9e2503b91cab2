"""Nesting: an attribution whose content lies inside another's content gets that one as ``parent``."""

from __future__ import annotations

from ..model import Attribution


def _inside(inner: Attribution, outer: Attribution) -> bool:
    """True when every piece of ``inner``'s content (and its cue, if any) lies within ``outer``'s content."""
    pieces = list(inner.content.spans) + (list(inner.cue.spans) if inner.cue else [])
    return all(any(os <= s and e <= oe for os, oe in outer.content.spans) for s, e in pieces)


def set_parents(attributions: list[Attribution]) -> None:
    """Set ``parent`` to the innermost containing attribution, where the extractor left it unset."""
    ordered = sorted(attributions, key=lambda a: (a.content.start, -(a.content.end - a.content.start)))
    for n, att in enumerate(ordered):
        if att.parent is not None or not att.content.spans:
            continue
        best: Attribution | None = None
        for outer in ordered[:n + 1][::-1] + ordered[n + 1:]:
            if outer.content.start > att.content.start:
                break
            # A content ending before ``att``'s cannot hold it (the cheap test first: this loop is quadratic).
            if outer.content.end < att.content.end or outer is att or outer.content.spans == att.content.spans \
                    or not _inside(att, outer):
                continue
            if best is None or outer.content.end - outer.content.start < best.content.end - best.content.start:
                best = outer
        if best is not None:
            att.parent = best.id
