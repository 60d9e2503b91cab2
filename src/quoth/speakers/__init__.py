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

from ..model import Attribution, Entity, Span
from ..quotes import Quote, pair_quotes
from .entities import Cluster
from .nesting import set_parents
from .ranker import RankerModel
from .resolve import Resolver, attribution_containing
from .table import EntityTable

__all__ = ["resolve_speakers", "set_parents"]

PARAGRAPH_BREAK = re.compile(r"\n\s*")


def resolve_speakers(doc: Doc, attributions: list[Attribution],
                     trace: list[tuple[list[list[float]], int]] | None = None,
                     model: RankerModel | None = None,
                     source_trace: list[tuple[int, list[list[float]], list[Cluster]]] | None = None) -> list[Entity]:
    """Cluster entity mentions, set each attribution's ``speaker``, ``speaker_confidence`` (and nested ``parent``);
    return the entities. A speaker resolved with confidence below the ranker's threshold is left null (the
    source text stays). ``trace``, when a list, collects the ranker's training queries (see ``Resolver.trace``);
    ``model`` replaces the shipped ranker (training collects its queries with a fixed one, so that ``make train``
    does not depend on the weights it replaces); ``source_trace``, when a list, collects every ranker query made
    for a source (``Resolver.source_trace``: real training queries once labelled).
    """
    table = EntityTable(doc)
    resolver = Resolver(doc, table)
    if model is not None:
        resolver.model = model
    resolver.trace = trace
    resolver.source_trace = source_trace
    resolver.history.set_text(table.text, [span for a in attributions for span in a.content.spans])
    chosen = _resolve_all(resolver, attributions)
    resolver.resolve_other_mentions(resolver.resolved_tokens)
    entities = table.finish()
    threshold = resolver.model.threshold
    for att in attributions:
        if att.id in chosen:
            cluster, confidence = chosen[att.id]
            att.speaker_confidence = confidence
            att.speaker = cluster.entity.id if confidence >= threshold else None
        elif att.source is not None:
            att.speaker_confidence = 0.0
    _continue_floating(table.text, attributions)
    set_parents(attributions)
    return entities


def _resolve_all(resolver: Resolver, attributions: list[Attribution]) -> dict[str, tuple[Cluster, float]]:
    """Resolve every source in text order: attribution id → (cluster, confidence)."""
    chosen: dict[str, tuple[Cluster, float]] = {}
    first_person: list[Attribution] = []
    for att in sorted(attributions, key=lambda a: a.source.start if a.source else a.content.start):
        if att.source is None:
            continue
        if resolver.is_first_person(att.source):
            first_person.append(att)
            continue
        cluster = resolver.resolve(att.source, att.cue, att.content)
        if cluster is not None:
            chosen[att.id] = (cluster, resolver.confidence)
    _resolve_first_person(resolver, attributions, first_person, chosen)
    return chosen


def _resolve_first_person(resolver: Resolver, attributions: list[Attribution], pending: list[Attribution],
                          chosen: dict[str, tuple[Cluster, float]]) -> None:
    """"I"/"we" inside a quotation → the quotation's speaker (as sure as that one); inside quotation marks no
    attribution holds → the speaker of an attribution overlapping that quotation, else unresolved; outside every
    quotation → the writer (or a transcript label's speaker)."""
    quotes: list[Quote] | None = None
    for _ in range(2):  # a quote inside a quote may need its outer speaker first
        for att in list(pending):
            outer = attribution_containing(attributions, att)
            assert att.source is not None
            if outer is None:
                quotes = pair_quotes(resolver.table.text) if quotes is None else quotes
                outer = _overlapping_quote(attributions, quotes, att)
            if outer is QUOTED_ELSEWHERE:
                run = _quote_run_speaker(resolver.table.text, attributions, att, chosen)
                if run is not None:
                    chosen[att.id] = (run, chosen_confidence(chosen, run))
                    resolver.table.add_mention(run, att.source.start, att.source.end)
                pending.remove(att)  # else left unresolved: no speaker, confidence 0
            elif outer is None:
                cluster = resolver.resolve_author(att.source)
                if cluster is not None:
                    chosen[att.id] = (cluster, resolver.confidence)
                pending.remove(att)
            elif outer.id in chosen:
                chosen[att.id] = chosen[outer.id]
                resolver.table.add_mention(chosen[att.id][0], att.source.start, att.source.end)
                pending.remove(att)


def _quote_run_speaker(text: str, attributions: list[Attribution], att: Attribution,
                       chosen: dict[str, tuple[Cluster, float]]) -> Cluster | None:
    """An "I" in quotation marks no attribution holds, in a run of quotes: the speaker of the latest resolved
    attribution before it in the same or the preceding paragraph, when that one quotes (a direct or mixed quotation)."""
    assert att.source is not None
    offset = att.source.start
    before = [a for a in attributions if a.id in chosen and a.kind != "indirect" and a.content.start < offset
              and a is not att]
    if not before:
        return None
    last = max(before, key=lambda a: a.content.end)
    if len(PARAGRAPH_BREAK.findall(text, min(last.content.end, offset), offset)) > 1:
        return None
    return chosen[last.id][0]


def chosen_confidence(chosen: dict[str, tuple[Cluster, float]], cluster: Cluster) -> float:
    """The confidence of the latest choice of ``cluster`` (a quote run's "I" is as sure as its speaker)."""
    return max((conf for c, conf in chosen.values() if c is cluster), default=0.0)


# Marks an "I" inside quotation marks that no attribution accounts for.
QUOTED_ELSEWHERE = Attribution(id="", kind="direct", content=Span(text="", spans=()))


def _overlapping_quote(attributions: list[Attribution], quotes: list[Quote], att: Attribution) -> Attribution | None:
    """For a source inside quotation marks: another attribution whose content overlaps that quotation, else
    ``QUOTED_ELSEWHERE``; None when the source is outside every quotation."""
    assert att.source is not None
    offset = att.source.start
    quote = next((q for q in quotes if q.inner[0] <= offset < q.inner[1]), None)
    if quote is None:
        return None
    start, end = quote.inner
    for other in attributions:
        if other is not att and other.source is not None and any(s < end and start < e
                                                                 for s, e in other.content.spans):
            return other
    return QUOTED_ELSEWHERE


def _continue_floating(text: str, attributions: list[Attribution]) -> None:
    """A quotation with no source and no cue continues the previous speaker (same or preceding paragraph)."""
    previous: Attribution | None = None
    for att in sorted(attributions, key=lambda a: a.content.start):
        if att.source is None and att.cue is None and att.speaker is None and previous is not None:
            if len(PARAGRAPH_BREAK.findall(text, previous.content.end, att.content.start)) <= 1:
                att.speaker, att.speaker_confidence = previous.speaker, previous.speaker_confidence
        if att.speaker is not None and att.parent is None:
            previous = att
