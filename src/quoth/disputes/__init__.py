"""Disputes: who denies, rejects, contradicts or corrects whose claim (guideline: ``data/disputes-dev/README.md``).

Runs after attribution extraction and speaker resolution. Stages, one module each:

- ``quoth.lexicon.disputes``: word lists and ``base_form`` (quoth runs without a lemmatizer);
- ``detect``: dispute cues in the cue or content of a statement ("denied that …", "the claims are unfounded");
- ``target``: the disputed claim (attribution, text) and its party;
- ``claim``: a claim the disputing sentence states ("rejected claims by Y that …") as a nested attribution;
- ``contradict``: contradictions with no dispute word (same topic, opposite polarity, another party).

A dispute needs a disputing attribution (``by``): the journalist's own voice is never a dispute.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..docindex import doc_text
from ..model import Attribution, Dispute, DisputeKind, Entity, Span
from .claim import link_stated_claim
from .contradict import find_contradictions
from .detect import Cue, asserted, find_cues
from .frames import DISAGREE_FORMS, frame_cues
from .phrases import BUY_VERBS, phrase_cues
from ..lexicon.disputes import PHRASAL_VERBS, REJECT_VERBS, UNASSERTED_MARKS, base_form
from .target import Target, refine_target, resolve_target
from .verbal import verb_statement

# Verb cues keep their kind; a falsity predicate with no named party is a denial ("the report was false").
VERB_KINDS = REJECT_VERBS | PHRASAL_VERBS
REJECTING_FORMS = DISAGREE_FORMS | BUY_VERBS

__all__ = ["base_form", "find_disputes"]


def find_disputes(doc: Doc, attributions: list[Attribution], entities: list[Entity]) -> list[Dispute]:
    """Disputes in ``doc``: each names the disputing attribution, its cue and kind, and what it disputes.

    At most one dispute per disputing attribution (its first, most confident cue). A dispute verb with a named
    subject that no attribution reports ("News Corporation denied the reports") is added to ``attributions`` as
    its own statement (``verbal.verb_statement``).
    """
    entity_of = token_entities(doc, entities)
    by_id = {e.id: e for e in entities}
    out: list[Dispute] = []
    taken: set[str] = set()
    spans: set[tuple[int, int]] = set()
    by_ids = {a.id: a for a in attributions}
    claims: list[Attribution] = []  # claims stated in a disputing sentence (``claim.stated_claim``), added last
    for cue in all_cues(doc):
        by = disputing_attribution(doc, cue, attributions)
        if by is not None and narrated(doc, cue, by):
            by = _outer(doc, cue, by_ids.get(by.parent or ""))
        elif by is None and (made := verb_statement(doc, cue, attributions, entity_of)) is not None:
            by = made
            attributions.append(made)
            by_ids[made.id] = made
        if by is None or by.id in taken or (cue.start, cue.end) in spans or hypothetical(doc, by):
            continue
        target = resolve_target(doc, cue, by, attributions, entity_of, by_id)
        if target.entity is not None and target.entity.id == by.speaker:
            continue
        if cue.kind == "contradiction" and target.attribution is None and target.entity is None:
            continue  # a contradiction opposes a claim the article reports ("Other voices counter …" alone does not)
        target = refine_target(doc, cue, by, target, attributions, by_id)
        target = link_stated_claim(doc, cue, by, target, attributions, claims)
        taken.add(by.id)
        spans.add((cue.start, cue.end))
        out.append(_dispute(doc, cue, by, target))
    out.extend(find_contradictions(doc, attributions, taken, {e.id: e for e in entities if e.named}))
    attributions.extend(claims)
    return sorted(out, key=lambda d: d.cue.start)


def all_cues(doc: Doc) -> list[Cue]:
    """The cues of ``detect`` and ``phrases`` in text order, one per anchor token, asserted ones only."""
    cues = find_cues(doc)
    anchors = {c.anchor.i for c in cues}
    cues.extend(c for c in phrase_cues(doc) if c.anchor.i not in anchors and asserted(c.anchor))
    cues.extend(frame_cues(doc, {c.anchor.i for c in cues}))
    return sorted(cues, key=lambda c: (c.start, c.end))


def hypothetical(doc: Doc, by: Attribution) -> bool:
    """"I would say, 'That's ridiculous'", "he might deny it": the disputer's own verb is not asserted."""
    if by.cue is None:
        return False
    verbs = [t for s, e in by.cue.spans for t in _tokens(doc, s, e) if t.pos_ in ("VERB", "AUX")]
    return any(c.dep_ == "aux" and c.lower_ in UNASSERTED_MARKS - {"will", "'ll", "’ll"} for v in verbs
               for c in v.children)


def narrated(doc: Doc, cue: Cue, by: Attribution) -> bool:
    """"Many assumed that X, but that wasn't the case": a clause joined to the attribution's own verb is said by
    whoever reports that attribution (the journalist, when no one does), even when the content runs over it."""
    if by.cue is None:
        return False
    node = cue.anchor
    while node.dep_ not in ("conj", "ccomp", "ROOT", "advcl", "parataxis") and node.head.i != node.i:
        node = node.head
    return node.dep_ == "conj" and any(s <= node.head.idx < e for s, e in by.cue.spans)


def _outer(doc: Doc, cue: Cue, parent: Attribution | None) -> Attribution | None:
    """The attribution whose words hold a narrated clause ("Politico said Carson implied X, but that was not the
    case": Politico), or None when it is the journalist's."""
    start = doc[cue.start].idx
    if parent is not None and any(s <= start < e for s, e in parent.content.spans):
        return parent
    return None


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _dispute(doc: Doc, cue: Cue, by: Attribution, target: Target) -> Dispute:
    start, end = doc[cue.start].idx, doc[cue.end - 1].idx + len(doc[cue.end - 1])
    kind: DisputeKind = cue.kind
    if kind == "rejection" and target.entity is None and not _rejecting_verb(doc, cue):
        kind = "denial"
    return Dispute(by=by.id, cue=Span(text=doc_text(doc)[start:end], spans=((start, end),)), kind=kind,
                   target_attribution=target.attribution.id if target.attribution else None,
                   target_entity=target.entity.id if target.entity else None,
                   target_text=target.text, confidence=cue.confidence)


def _rejecting_verb(doc: Doc, cue: Cue) -> bool:
    """Does the cue hold a verb of rejecting ("rejected", "pushed back", "disagreed", "never bought the idea")? Those
    stay rejections with no named party; a falsity predicate with none is a denial ("the report was false")."""
    return any(base_form(t.text) in VERB_KINDS or t.lower_ in REJECTING_FORMS for t in doc[cue.start:cue.end])


def token_entities(doc: Doc, entities: list[Entity]) -> dict[int, Entity]:
    """Token index → the named entity one of whose mentions covers it."""
    out: dict[int, Entity] = {}
    for entity in entities:
        if not entity.named:
            continue
        for m in entity.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    out.setdefault(tok.i, entity)
    return out


def disputing_attribution(doc: Doc, cue: Cue, attributions: list[Attribution]) -> Attribution | None:
    """Whose dispute: the attribution whose content holds the cue (the innermost), else the one whose cue is the
    cue verb or governs it, else the one whose source is the verb's subject."""
    anchor = cue.anchor.idx
    own = [a for a in attributions if a.cue and any(s <= anchor < e for s, e in a.cue.spans)]
    if own and not cue.inside:
        return own[0]
    start = doc[cue.start].idx
    inside = [a for a in attributions if any(s <= start < e for s, e in a.content.spans)]
    if inside:
        return min(inside, key=lambda a: a.content.end - a.content.start)
    if cue.inside:
        return None
    verb = cue.anchor if cue.anchor.pos_ in ("VERB", "AUX") else cue.anchor.head
    chain = {verb.i, verb.head.i}
    for att in attributions:
        for s, e in (att.cue.spans if att.cue else ()):
            tok = _token_at(verb, s, e)
            if tok is not None and (tok.i in chain or tok.head.i == verb.i):
                return att
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    for att in attributions:
        if att.source and any(att.source.start <= s.idx < att.source.end for s in subjects):
            return att
    return None


def _token_at(verb: Token, start: int, end: int) -> Token | None:
    return next((t for t in verb.sent if start <= t.idx < end), None)
