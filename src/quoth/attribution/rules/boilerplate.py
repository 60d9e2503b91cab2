"""Content inside captions, "RECOMMENDATION" and related-link lines is never an attribution."""

from __future__ import annotations

from ...text import boilerplate_ranges
from ..context import Context
from ..draft import Draft


def drop_boilerplate(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Drop drafts whose every content piece lies inside a boilerplate line (``text.boilerplate_ranges``)."""
    ranges = boilerplate_ranges(ctx.text)
    if not ranges:
        return drafts

    def inside(s: int, e: int) -> bool:
        return any(rs <= s and e <= re_ for rs, re_ in ranges)

    return [d for d in drafts if not all(inside(s, e) for s, e in d.content)]
