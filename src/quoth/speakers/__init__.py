"""Entities and speaker resolution: cluster an article's mentions and resolve each attribution's source.

``resolve_speakers(doc, attributions)`` sets every attribution's ``speaker`` (and ``parent`` for nested ones)
and returns the article's entities. Resolution runs in text order so that earlier resolutions feed the
salience of later pronouns; first-person sources inside a quotation take the quote's speaker afterwards.

Floating quotes: an attribution with neither source nor cue (a quotation standing alone in its paragraph)
continues the speaker of the previous attribution when that one lies in the same or the preceding paragraph.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..model import Attribution, Entity
from .entities import Cluster
from .nesting import set_parents
from .resolve import Resolver, attribution_containing
from .table import EntityTable

__all__ = ["resolve_speakers", "set_parents"]

PARAGRAPH_BREAK = re.compile(r"\n\s*")


def resolve_speakers(doc: Doc, attributions: list[Attribution]) -> list[Entity]:
    """Cluster entity mentions, set each attribution's ``speaker`` (and nested ``parent``); return the entities."""
    table = EntityTable(doc)
    resolver = Resolver(doc, table)
    chosen: dict[str, Cluster] = {}
    first_person: list[Attribution] = []
    for att in sorted(attributions, key=lambda a: a.source.start if a.source else a.content.start):
        if att.source is None:
            continue
        if resolver.is_first_person(att.source):
            first_person.append(att)
            continue
        cluster = resolver.resolve(att.source, att.cue)
        if cluster is not None:
            chosen[att.id] = cluster
    _resolve_first_person(resolver, attributions, first_person, chosen)
    resolver.resolve_other_mentions(resolver.resolved_tokens)
    entities = table.finish()
    for att in attributions:
        if att.id in chosen:
            att.speaker = chosen[att.id].entity.id
    _continue_floating(table.text, attributions)
    set_parents(attributions)
    return entities


def _resolve_first_person(resolver: Resolver, attributions: list[Attribution], pending: list[Attribution],
                          chosen: dict[str, Cluster]) -> None:
    """"I"/"we" inside a quotation → the quotation's speaker; outside every quotation → the writer."""
    for _ in range(2):  # a quote inside a quote may need its outer speaker first
        for att in list(pending):
            outer = attribution_containing(attributions, att)
            if outer is None:
                assert att.source is not None
                chosen[att.id] = resolver.resolve_author(att.source)
                pending.remove(att)
            elif outer.id in chosen:
                cluster = chosen[outer.id]
                chosen[att.id] = cluster
                assert att.source is not None
                resolver.table.add_mention(cluster, att.source.start, att.source.end)
                pending.remove(att)


def _continue_floating(text: str, attributions: list[Attribution]) -> None:
    """A quotation with no source and no cue continues the previous speaker (same or preceding paragraph)."""
    previous: Attribution | None = None
    for att in sorted(attributions, key=lambda a: a.content.start):
        if att.source is None and att.cue is None and att.speaker is None and previous is not None:
            if len(PARAGRAPH_BREAK.findall(text, previous.content.end, att.content.start)) <= 1:
                att.speaker = previous.speaker
        if att.speaker is not None and att.parent is None:
            previous = att
