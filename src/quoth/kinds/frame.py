"""Features of an attribution's frame for the learned typing step (``quoth.kinds.learned``): the cue's lexicon
class, the dependents of the cue's head word (what it takes: a clause, an object, an infinitive, a
negation), the source's kind and their combinations with the content's form and quotedness.

The source's kind is one of ``document`` (its head noun is a document, study, poll, video …), ``person`` (a
PERSON entity, or a head noun that names a person or a role: "the spokesman", "the mayor"), ``pronoun`` (a
personal pronoun), ``organisation`` (an ORG, NORP or GPE entity, or "the department", "the campaign"), ``group``
("analysts", "officials", another plural noun), ``noun`` (another noun), ``other`` or ``none`` (no source).
(Speakers are resolved after typing, so whether the source resolves to a speaker is read from these entity,
role and pronoun cues.)
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon.types import (
    ACTION_VERBS,
    BELIEF_VERBS,
    COMMITMENT_VERBS,
    DOCUMENT_NOUNS,
    FINDING_VERBS,
    INTENTION_VERBS,
    KNOWLEDGE_VERBS,
    PERCEPTION_VERBS,
    SPEECH_NOUNS,
    TOPIC_VERBS,
    verb_lemma,
)
from ..lexicon.people import GROUP_NOUNS, ORG_NOUNS, PERSON_NOUNS, TITLES
from ..model import Attribution
from ..quotes import DOUBLE_QUOTES
from .decide import content_tokens, cue_head, cue_words, source_head

_PERSON_PRONOUNS = frozenset("i you he she we they me him her us them who".split())
_CLASSES = (("belief", BELIEF_VERBS), ("knowledge", KNOWLEDGE_VERBS), ("perception", PERCEPTION_VERBS),
            ("intention", INTENTION_VERBS), ("commitment", COMMITMENT_VERBS), ("finding", FINDING_VERBS),
            ("topic", TOPIC_VERBS), ("action", ACTION_VERBS))
# Dependents of the cue's head word that tell its frame apart.
_FRAME_DEPS = frozenset("ccomp xcomp dobj prep neg advcl attr acomp dative nsubjpass agent advmod".split())
_FIRST_PERSON = frozenset("i me my mine we us our ours".split())
_MODALS = frozenset("will would should could can may might must".split())


def cue_class(lemma: str) -> str:
    """The type lexicon's class of a cue lemma (``belief``, ``knowledge`` …), or ``other``."""
    return next((name for name, words in _CLASSES if lemma in words), "other")


def source_kind(doc: Doc, att: Attribution) -> str:
    """The kind of the attribution's source (see the module docstring)."""
    if att.source is None or not att.source.spans:
        return "none"
    tokens = [t for s, e in att.source.spans
              for t in (doc.char_span(s, e, alignment_mode="expand") or ())]
    head = source_head(doc, att)
    if head in DOCUMENT_NOUNS and head not in SPEECH_NOUNS:
        return "document"
    ents = {t.ent_type_ for t in tokens}
    if "PERSON" in ents:
        return "person"
    if any(t.lower_ in _PERSON_PRONOUNS for t in tokens):
        return "pronoun"
    if ents & {"ORG", "NORP", "GPE"} or head in ORG_NOUNS:
        return "organisation"
    if head in GROUP_NOUNS:
        return "group"
    if head in PERSON_NOUNS or head in TITLES:
        return "person"
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN")]
    if nouns and nouns[-1].tag_ in ("NNS", "NNPS"):
        return "group"
    return "noun" if nouns else "other"


def _head_token(doc: Doc, att: Attribution, lemma: str) -> Token | None:
    """The cue's word whose lemma is ``lemma`` (else the cue's root)."""
    if att.cue is None:
        return None
    tokens = [t for s, e in att.cue.spans for t in (doc.char_span(s, e, alignment_mode="expand") or ())]
    return next((t for t in tokens if verb_lemma(t.text) == lemma), tokens[0] if tokens else None)


def frame_features(doc: Doc, att: Attribution, form: str) -> dict[str, float]:
    """The frame features of ``att``; ``form`` is its content's form (``topic.content_form``)."""
    lemma = cue_head(cue_words(att)) or "none"
    kind = source_kind(doc, att)
    klass = cue_class(lemma)
    quoted = "quoted" if any(m in att.content.text for m in DOUBLE_QUOTES) else "unquoted"
    # The cue's own word is already a sieve feature (``cue=``); crossing it with the form or the source fitted
    # PolNeAR's wording without a better out-of-fold score, so only the cue's class is crossed.
    feats = {f"cue.class={klass}": 1.0, f"source.kind={kind}": 1.0,
             f"class|source={klass}|{kind}": 1.0, f"class|form={klass}|{form}": 1.0,
             f"{quoted}|source={kind}": 1.0, f"{quoted}|class={klass}": 1.0, f"{quoted}|form={form}": 1.0}
    head = _head_token(doc, att, lemma)
    if head is not None:
        for child in head.children:
            if child.dep_ in _FRAME_DEPS:
                feats[f"frame.{child.dep_}"] = 1.0
            if child.dep_ == "aux" and child.lower_ in _MODALS:
                feats["frame.modal"] = 1.0
        feats[f"frame.tag={head.tag_}"] = 1.0
    words = {t.lower_ for t in content_tokens(doc, att)}
    if words & _FIRST_PERSON:
        feats[f"{quoted}|content.first_person"] = 1.0
    if words & _MODALS:
        feats["content.modal"] = 1.0
    return feats


__all__ = ["cue_class", "frame_features", "source_kind"]
