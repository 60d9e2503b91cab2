"""Article text with each attribution's content, cue and source highlighted, built safely.

The text is split at every span boundary; each piece is escaped on its own and wrapped in one element that
names every attribution covering it, so overlapping and nested spans never produce crossed tags.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from markupsafe import Markup

from ..model import Article, Attribution

ROLES = ("content", "cue", "source")
# Which role colours a piece covered by several roles of one attribution: the short, specific ones win.
ROLE_PRIORITY = {"source": 0, "cue": 1, "content": 2}
# Distinct, colour-blind-friendly hues (Okabe–Ito plus two); speakers beyond these reuse them in order.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C564B", "#7F7F00")
UNKNOWN_COLOUR = "#8A8A8A"


@dataclass(frozen=True)
class Mark:
    """One role span of one attribution."""

    start: int
    end: int
    attribution: str
    role: str
    depth: int


@dataclass
class Piece:
    """A run of text whose covering marks are all the same."""

    text: str
    marks: list[Mark] = field(default_factory=list)


def speaker_colours(article: Article) -> dict[str | None, str]:
    """A colour per speaker entity id in order of first attribution; ``None`` (unknown speaker) is grey."""
    colours: dict[str | None, str] = {None: UNKNOWN_COLOUR}
    for attribution in article.attributions:
        if attribution.speaker is not None and attribution.speaker not in colours:
            colours[attribution.speaker] = PALETTE[(len(colours) - 1) % len(PALETTE)]
    return colours


def attribution_depths(article: Article) -> dict[str, int]:
    """Nesting depth of each attribution (0 for top level), following ``parent`` links, cycle-safe."""
    by_id = {a.id: a for a in article.attributions}
    depths: dict[str, int] = {}
    for attribution in article.attributions:
        depth, seen, current = 0, {attribution.id}, attribution.parent
        while current in by_id and current not in seen:
            seen.add(current)
            depth += 1
            current = by_id[current].parent
        depths[attribution.id] = depth
    return depths


def collect_marks(article: Article) -> list[Mark]:
    """Every role span of every attribution, clipped to the text; empty and out-of-range spans are dropped."""
    depths = attribution_depths(article)
    size = len(article.text)
    marks: list[Mark] = []
    for attribution in article.attributions:
        for role in ROLES:
            span = getattr(attribution, role)
            for start, end in span.spans if span else ():
                start, end = max(0, start), min(size, end)
                if end > start:
                    marks.append(Mark(start, end, attribution.id, role, depths.get(attribution.id, 0)))
    return marks


def split_pieces(text: str, marks: list[Mark]) -> list[Piece]:
    """Cut ``text`` at every mark boundary; each piece lists the marks covering it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces: list[Piece] = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [m for m in marks if m.start <= start and end <= m.end]
        pieces.append(Piece(text[start:end], covering))
    return pieces


def leading_mark(marks: list[Mark]) -> Mark:
    """The mark that colours a piece: the innermost attribution, then its most specific role."""
    return min(marks, key=lambda m: (-m.depth, ROLE_PRIORITY[m.role], m.end - m.start))


def render_piece(piece: Piece, speakers: dict[str, str | None], colours: dict[str | None, str]) -> str:
    """One piece as escaped HTML: plain text, or a focusable highlight naming its attributions."""
    if not piece.marks:
        return escape(piece.text)
    lead = leading_mark(piece.marks)
    ids = sorted({m.attribution for m in piece.marks}, key=lambda i: (-_depth_of(piece.marks, i), i))
    colour = colours.get(speakers.get(lead.attribution), UNKNOWN_COLOUR)
    nested = " nested" if len(ids) > 1 else ""
    return (
        f'<a class="hl hl-{lead.role}{nested}" href="#att-{escape(lead.attribution)}" '
        f'data-att="{escape(" ".join(ids))}" data-lead="{escape(lead.attribution)}" '
        f'style="--c:{colour}">{escape(piece.text)}</a>'
    )


def _depth_of(marks: list[Mark], attribution_id: str) -> int:
    return max(m.depth for m in marks if m.attribution == attribution_id)


def highlight_html(article: Article) -> Markup:
    """The whole article text as safe HTML with every attribution highlighted."""
    colours = speaker_colours(article)
    speakers = {a.id: a.speaker for a in article.attributions}
    pieces = split_pieces(article.text, collect_marks(article))
    return Markup("".join(render_piece(p, speakers, colours) for p in pieces))


def attribution_colour(article: Article, attribution: Attribution) -> str:
    """The colour an attribution is highlighted in."""
    return speaker_colours(article).get(attribution.speaker, UNKNOWN_COLOUR)
