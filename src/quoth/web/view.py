"""What the article templates show, computed once in Python so the templates stay simple."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from ..model import ATTRIBUTION_TYPES, Article, Attribution, Dispute
from .highlight import UNKNOWN_COLOUR, highlight_html, speaker_colours

PREVIEW_CHARS = 90
# Headings of the article page's list of attributions, one group per type, statements first.
TYPE_HEADINGS = {"statement": "Statements", "belief": "Beliefs", "knowledge": "Knowledge",
                 "intention": "Intentions", "document": "Documents' findings",
                 "topic": "Topics and questions"}


@dataclass
class SpeakerKey:
    """One entry of the legend."""

    entity_id: str | None
    name: str
    colour: str
    count: int


@dataclass
class DisputeLine:
    """One dispute, as seen from one attribution: who disputes whom, and with which words."""

    cue: str
    other_id: str | None
    other_label: str


@dataclass
class AttributionView:
    """One attribution with everything its details panel shows."""

    attribution: Attribution
    speaker_name: str | None
    colour: str
    parent: Attribution | None
    parent_preview: str
    children: list[Attribution] = field(default_factory=list)
    disputes_made: list[DisputeLine] = field(default_factory=list)
    disputed_by: list[DisputeLine] = field(default_factory=list)


@dataclass
class TypeGroup:
    """The article's attributions of one type, in document order, for the list beside the text."""

    type: str
    heading: str
    items: list[AttributionView]


@dataclass
class DisputeRow:
    """One dispute of the article for the list beside the text: who disputes whom, with which words."""

    kind: str
    cue: str
    by_id: str
    by_label: str
    target_id: str | None
    target_label: str


@dataclass
class ArticleView:
    """An article ready to render: highlighted text, legend, per-attribution details, and the attributions
    grouped by type (statements first) with the article's disputes."""

    article: Article
    html: Markup
    legend: list[SpeakerKey]
    attributions: list[AttributionView]
    groups: list[TypeGroup] = field(default_factory=list)
    disputes: list[DisputeRow] = field(default_factory=list)


_OPENING_MARKS = "“\"«‘'„‹"


def quoted(text: str | None) -> str:
    """``text`` in curly quotation marks, unless it already opens with one (a direct quote keeps its own marks:
    no “"…"” doubling)."""
    body = (text or "").strip()
    if body[:1] in _OPENING_MARKS:
        return body
    return f"“{body}”"


def preview(text: str, limit: int = PREVIEW_CHARS) -> str:
    """``text`` cut to ``limit`` characters at a word boundary, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def build_legend(article: Article, colours: dict[str | None, str]) -> list[SpeakerKey]:
    """Speakers in order of first attribution, unresolved ones last as "unknown speaker"."""
    counts: dict[str | None, int] = {}
    for attribution in article.attributions:
        counts[attribution.speaker] = counts.get(attribution.speaker, 0) + 1
    keys = [SpeakerKey(eid, _entity_name(article, eid), colours.get(eid, UNKNOWN_COLOUR), n)
            for eid, n in counts.items() if eid is not None]
    if None in counts:
        keys.append(SpeakerKey(None, "unknown speaker", UNKNOWN_COLOUR, counts[None]))
    return keys


def _entity_name(article: Article, entity_id: str | None) -> str:
    entity = article.entity(entity_id)
    return entity.name if entity else (entity_id or "unknown speaker")


def _dispute_target_label(article: Article, dispute: Dispute) -> tuple[str | None, str]:
    target = article.attribution(dispute.target_attribution)
    if target is not None:
        who = article.speaker_name(target) or "an unknown speaker"
        return target.id, f"{who}: {quoted(preview(target.content.text, 60))}"
    return None, _entity_name(article, dispute.target_entity)


def _dispute_lines(article: Article, attribution: Attribution) -> tuple[list[DisputeLine], list[DisputeLine]]:
    made, received = [], []
    for dispute in article.disputes:
        if dispute.by == attribution.id:
            other_id, label = _dispute_target_label(article, dispute)
            made.append(DisputeLine(dispute.cue.text, other_id, label))
        if dispute.target_attribution == attribution.id or (
            dispute.target_entity is not None and dispute.target_entity == attribution.speaker
            and dispute.target_attribution is None
        ):
            by = article.attribution(dispute.by)
            who = (article.speaker_name(by) if by else None) or "an unknown speaker"
            received.append(DisputeLine(dispute.cue.text, dispute.by if by else None, who))
    return made, received


def build_view(article: Article) -> ArticleView:
    """Everything the article templates need for ``article``."""
    colours = speaker_colours(article)
    views = []
    for attribution in article.attributions:
        parent = article.attribution(attribution.parent)
        made, received = _dispute_lines(article, attribution)
        views.append(AttributionView(
            attribution=attribution,
            speaker_name=article.speaker_name(attribution),
            colour=colours.get(attribution.speaker, UNKNOWN_COLOUR),
            parent=parent,
            parent_preview=preview(parent.content.text) if parent else "",
            children=[a for a in article.attributions if a.parent == attribution.id],
            disputes_made=made,
            disputed_by=received,
        ))
    return ArticleView(article, highlight_html(article), build_legend(article, colours), views,
                       group_by_type(views), dispute_rows(article))


def group_by_type(views: list[AttributionView]) -> list[TypeGroup]:
    """Non-empty groups of attributions, one per type, statements first."""
    groups = []
    for kind in ATTRIBUTION_TYPES:
        items = [v for v in views if v.attribution.type == kind]
        if items:
            groups.append(TypeGroup(kind, TYPE_HEADINGS.get(kind, kind), items))
    return groups


def dispute_rows(article: Article) -> list[DisputeRow]:
    """The article's disputes in order, each with readable labels for both parties."""
    rows = []
    for dispute in article.disputes:
        by = article.attribution(dispute.by)
        who = (article.speaker_name(by) if by else None) or (by.source.text if by and by.source else "unknown")
        target_id, target_label = _dispute_target_label(article, dispute)
        rows.append(DisputeRow(dispute.kind, dispute.cue.text, dispute.by, who, target_id, target_label))
    return rows
