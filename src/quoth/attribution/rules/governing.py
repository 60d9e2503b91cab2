"""Cues read off the parse for contents the tagger left without one, and passive cues whose content is their
subject."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..context import Context
from ..draft import Draft
from ..link import set_parsed_source
from ..parse import subject


def governing_cues(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A content left without a cue by the tagger and the rules takes the verb it hangs from: in "Mr. Obama had
    talked about raising taxes", "talked". When it has no source either, that verb's subject becomes one. Only a
    verb outside the content counts. PolNeAR train cue accuracy 0.881 → 0.885 (dev 0.883 → 0.884), other scores
    unchanged."""
    doc = ctx.doc
    for d in drafts:
        if d.cue or not d.content:
            continue
        start, end = d.content[0][0], d.content[-1][1]
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        verb = span.root.head
        if span.start <= verb.i < span.end or verb.pos_ != "VERB":
            continue
        d.set_cue(doc, verb.i)
        subj = None if d.source else subject(verb)
        if subj is not None and not start <= subj.idx < end:
            set_parsed_source(doc, d, (subj.left_edge.i, subj.right_edge.i + 1))
    return drafts


def passive_complements(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A content that is only the subject of its passive cue ("Residents along the river were told to prepare
    for flooding") becomes what they were told: the verb's complement ("to prepare for flooding"). Rare in
    PolNeAR (4 contents in train, none in dev; scores unchanged)."""
    doc = ctx.doc
    for d, verb, subj in _passive_subjects(doc, drafts):
        comp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i), None)
        if comp is None:
            continue
        start, end = d.content[0]
        if abs(start - subj.left_edge.idx) <= 1 and abs(end - (subj.right_edge.idx + len(subj.right_edge))) <= 2:
            d.set_content(doc, comp.left_edge.i, comp.right_edge.i)
    return drafts


def passive_addressees(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A content that runs on into the subject of its passive cue after it ("The man stole £600, the jury was
    told"; "The plant will close, staff were told on Monday") ends before that subject: the jury is who was told,
    not part of what. The speaker stays unnamed. PolNeAR train and dev scores unchanged (rare in US politics)."""
    doc = ctx.doc
    for d, verb, subj in _passive_subjects(doc, drafts):
        if not any(c.dep_ == "auxpass" for c in verb.children):
            continue
        lo, hi = d.token_range(doc)
        first = subj.left_edge.i
        if not lo < first <= hi < verb.i + 1 or verb.i < first:
            continue
        end = first - 1
        while end > lo and (doc[end].is_punct or doc[end].is_space):
            end -= 1
        if end > lo:
            d.set_content(doc, lo, end)
    return drafts


def _passive_subjects(doc: Doc, drafts: list[Draft]) -> Iterator[tuple[Draft, Token, Token]]:
    """Each draft with one content piece whose cue verb has a passive subject, with that verb and subject."""
    for d in drafts:
        if d.cue_token is None or len(d.content) != 1:
            continue
        verb = doc[d.cue_token]
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            yield d, verb, subj
