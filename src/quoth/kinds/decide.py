"""Deciding what an attribution reports, from its cue, the cue's frame and its source.

``classify`` returns one of the six types (``quoth.model.ATTRIBUTION_TYPES``) or ``None`` when the
attribution reports nothing: a physical perception or action ("felt a tap", "tipped the shot"), a naming
("known as …"), a video that merely depicts ("Video shows a man …").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..model import Attribution
from .topic import content_form, is_topic
from ..lexicon.types import (
    ACTION_VERBS,
    AUXILIARIES,
    BELIEF_ADJECTIVES,
    BELIEF_VERBS,
    COMMITMENT_VERBS,
    DEED_IRREGULAR,
    DEED_VERBS,
    DOCUMENT_NOUNS,
    INTENTION_ADJECTIVES,
    INTENTION_VERBS,
    KNOWLEDGE_ADJECTIVES,
    KNOWLEDGE_VERBS,
    NAMING_PHRASES,
    PERCEPTION_VERBS,
    SHARED_THINGS,
    SHARING_VERBS,
    SPEECH_NOUNS,
    VOCABULARY,
    verb_lemma,
)
from ..lexicon.forms import stem_onto

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Finite verbs and modals: their presence makes content a clause, not a noun phrase.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLAUSE_OPENERS = frozenset("that whether if how what why when where who which".split())
# Sources that show rather than state: with a noun-phrase content they depict, they do not attribute.
_VISUAL_NOUNS = frozenset("""video videos footage clip clips photo photos photograph photographs image images picture
pictures camera cameras cctv recording recordings screenshot film documentary""".split())
# Verbs of evidence: with a source that is no person, organisation or pronoun ("the attack showed that …",
# "releases showing …"), what shows is evidence, typed as a document's finding.
_EVIDENCE_VERBS = frozenset({"show", "demonstrate"})
_AGENT_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_BELIEF_SOURCE_NOUNS = frozenset("belief wisdom consensus thinking perception sentiment feeling".split())
# Things that carry written words in the cue ("held signs reading …", "a banner saying …"): a document.
_WRITTEN_THINGS = frozenset("sign signs banner banners placard placards poster posters".split())
# A poll's share of a population as source ("45 per cent of Canadians", "six in 10 voters", "about half of
# respondents", "a majority of Albertans"): what they "say" is the poll's finding. A share of a definite body
# ("half of the board members", "the majority of the council") is people speaking.
_POLL_SHARE = re.compile(
    r"""\b(?:\d+(?:\.\d+)?\s*(?:%|per\s?cent\b|percent\b)|(?:\w+)\s+(?:per\s?cent|percent)\s+of\b
        |(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+(?:10|ten)\b|respondents\b
        |(?:half|majority|majorities|minority|third|thirds|quarter|quarters|fifth|fifths)\s+of\s+
         (?!the\b|this\b|that\b|these\b|those\b|its\b|their\b|his\b|her\b|our\b|my\b)[a-z]+)""",
    re.IGNORECASE | re.VERBOSE)


def cue_words(attribution: Attribution) -> list[str]:
    """The cue's words, lower-cased, auxiliaries and adverbs left out ("has also said" → ["said"])."""
    if attribution.cue is None:
        return []
    return [w.lower() for w in _WORD.findall(attribution.cue.text) if w.lower() not in AUXILIARIES]


def cue_head(words: list[str]) -> str:
    """The lemma of the cue's first word the type lexicon knows ("really believed" → "believe"), else of its
    first word."""
    lemmas = [verb_lemma(w) for w in words]
    return next((lemma for lemma in lemmas if lemma in VOCABULARY), lemmas[0] if lemmas else "")


def source_head(doc: Doc, attribution: Attribution) -> str:
    """The head noun of the source, lower-cased ("the medical examiner's report" → "report"), or ""."""
    if attribution.source is None or not attribution.source.spans:
        return ""
    s, e = attribution.source.spans[-1]
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return ""
    words = [t for t in span if t.is_alpha]
    head = span.root
    if head.is_alpha and head.lower_ not in ("according",):
        return head.lower_
    return words[-1].lower_ if words else ""


def _source_is_agent(doc: Doc, attribution: Attribution) -> bool:
    """Whether the source names a person, organisation, group or place, or is a pronoun (someone speaks)."""
    if attribution.source is None:
        return False
    for s, e in attribution.source.spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and any(t.ent_type_ in _AGENT_ENTITIES or t.pos_ == "PRON" for t in span):
            return True
    return False


def _cue_dependents(doc: Doc, attribution: Attribution, head: str) -> set[str]:
    """The dependency labels of the children of the cue's head verb (the cue word whose lemma is ``head``)."""
    if attribution.cue is None:
        return set()
    for s, e in attribution.cue.spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        for token in span if span is not None else ():
            if verb_lemma(token.text) == head:
                return {child.dep_ for child in token.children}
    return set()


def content_is_clause(doc: Doc, attribution: Attribution) -> bool:
    """Whether the content holds a clause (a finite verb, a "to"-infinitive or a "that/whether …" opener) rather
    than a bare noun phrase ("a tap on his shoulder", "the upside of employing him")."""
    tokens = content_tokens(doc, attribution)
    if not tokens:
        return False
    if tokens[0].lower_ in _CLAUSE_OPENERS or tokens[0].lower_ == "to":
        return True
    return any(t.tag_ in _FINITE_TAGS for t in tokens)


def content_tokens(doc: Doc, attribution: Attribution) -> list[Token]:
    out: list[Token] = []
    for s, e in attribution.content.spans:
        span: DocSpan | None = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out.extend(t for t in span if not t.is_punct and not t.is_space)
    return out


def _cue_tokens(doc: Doc, attribution: Attribution) -> list[Token]:
    out: list[Token] = []
    for s, e in attribution.cue.spans if attribution.cue else ():
        span: DocSpan | None = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out.extend(t for t in span if not t.is_punct and not t.is_space)
    return out


def _starts_with_infinitive(doc: Doc, attribution: Attribution) -> bool:
    tokens = content_tokens(doc, attribution)
    return bool(tokens) and tokens[0].lower_ == "to"


def classify(doc: Doc, attribution: Attribution) -> str | None:
    """The attribution's type, or None when it is no attribution (see the module docstring)."""
    cue_text = attribution.cue.text.lower() if attribution.cue else ""
    if any(phrase in cue_text for phrase in NAMING_PHRASES):
        return None
    words = cue_words(attribution)
    head = cue_head(words)
    quoted = attribution.kind != "indirect"
    source = source_head(doc, attribution)
    if head in ACTION_VERBS and not quoted:
        return None
    if attribution.kind == "mixed" and _is_deed(doc, attribution, head):
        return "topic"  # "voted 12-4 to approve the plan, a move the mayor called "historic"": no claim of the voters
    if source in DOCUMENT_NOUNS and source not in SPEECH_NOUNS or set(words) & _WRITTEN_THINGS:
        return _document_or_depiction(doc, attribution, source)
    if _is_poll_share(attribution):
        return "document"
    if source in _BELIEF_SOURCE_NOUNS:
        return "belief"
    # Words in quotation marks were spoken or written, whatever verb reports them.
    if quoted or "according" in words:
        return "statement"
    if is_topic(head, _cue_tokens(doc, attribution), content_tokens(doc, attribution)):
        return "topic"
    return _type_of_frame(doc, attribution, head, words)


def _is_poll_share(attribution: Attribution) -> bool:
    """Whether the source is a poll's share of a population (``_POLL_SHARE``)."""
    return attribution.source is not None and bool(_POLL_SHARE.search(attribution.source.text))


def _document_or_depiction(doc: Doc, attribution: Attribution, source: str) -> str | None:
    """A document's finding; a picture that shows a thing, not a claim, is none."""
    if source in _VISUAL_NOUNS and attribution.kind == "indirect" and not content_is_clause(doc, attribution):
        return None
    return "document"


def _perception(doc: Doc, attribution: Attribution, head: str) -> str | None:
    """See, hear, feel …: knowledge (or, for feel and sense, belief) of a clause; a belief when the source sees a
    thing "as" something or feels a way about it; none when a thing is perceived ("felt a tap", "heard a bang")."""
    tokens = content_tokens(doc, attribution)
    words = {t.lower_ for t in tokens}
    felt = head in ("feel", "sense")
    if "as" in words and head in ("see", "view"):
        return "belief"
    deps = _cue_dependents(doc, attribution, head)
    # The parse decides first: a direct object is a thing perceived, even when the content runs on into a
    # coordinated clause ("felt a tap on his shoulder and turned around").
    if "dobj" in deps and not deps & {"ccomp", "xcomp"}:
        return None
    if content_is_clause(doc, attribution):
        return "belief" if felt else "knowledge"
    if felt and tokens and (tokens[0].pos_ == "ADJ" or words & {"about", "way", "like"}):
        return "belief"
    return None


def _type_of_frame(doc: Doc, attribution: Attribution, head: str, words: list[str]) -> str | None:
    """The type an unquoted attribution's cue verb (or "be" + adjective) and its content's shape give."""
    if head in PERCEPTION_VERBS:
        return _perception(doc, attribution, head)
    if head in BELIEF_VERBS or any(w in BELIEF_ADJECTIVES for w in words):
        return "intention" if head == "consider" and not content_is_clause(doc, attribution) else "belief"
    found_out = head == "find" and words[1:2] == ["out"]
    if head in KNOWLEDGE_VERBS or any(w in KNOWLEDGE_ADJECTIVES for w in words) or found_out:
        return "knowledge"
    if head in INTENTION_VERBS or any(w in INTENTION_ADJECTIVES for w in words):
        if head in ("look", "mean") and not _starts_with_infinitive(doc, attribution) and "for" not in words:
            return "statement"
        return "intention"
    if head in COMMITMENT_VERBS and _starts_with_infinitive(doc, attribution):
        return "intention"
    if head == "find" and attribution.source is not None:
        return "knowledge"
    if head in _EVIDENCE_VERBS and not _source_is_agent(doc, attribution):
        return "document"
    if _is_deed(doc, attribution, head) or _is_call(doc, attribution, words):
        return "topic"  # no claim reported; kept, as PolNeAR marks many of these as attributions
    return "statement"


def _is_call(doc: Doc, attribution: Attribution, words: list[str]) -> bool:
    """A call that names nothing: "called a meeting" (convened), "were called to the scene" (summoned). "call"
    alone as cue with a direct object and nothing it is called ("called the plan a cash grab", "called it
    historic"), no "out" ("called out the mayor"); "called for calm" and "called on them to …" take no object."""
    if not words or stem_onto(words[0], frozenset({"call"}), {}) != "call" or words[1:] not in ([], ["to"], ["in"]):
        return False
    for s, e in attribution.cue.spans if attribution.cue else ():
        span = doc.char_span(s, e, alignment_mode="expand")
        for token in span if span is not None else ():
            if token.lower_.startswith("call"):
                deps = {c.dep_ for c in token.children}
                if deps & {"oprd", "ccomp", "xcomp", "attr", "acomp", "dative"}:
                    return False
                if "auxpass" in deps:  # "were called to the scene", "was called in": summoned
                    return any(c.dep_ in ("prep", "prt") and c.lower_ in ("to", "in") for c in token.children)
                out = any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
                return "dobj" in deps and not out and not words[1:]
    return False


def _is_deed(doc: Doc, attribution: Attribution, head: str) -> bool:
    """A deed done to a thing ("signed the act", "led the search", "voted to pay"): a deed verb (``DEED_VERBS``)
    whose content is a noun phrase (for "vote" and "veto", anything but a that-clause), or a sharing verb whose
    content is a picture, a video or a link ("tweeted a photo of the bridge"), not speech."""
    tokens = content_tokens(doc, attribution)
    form = content_form(tokens)
    if stem_onto(head, SHARING_VERBS, {"sent": "send"}) in SHARING_VERBS:
        return form == "phrase" and _phrase_head(tokens) in SHARED_THINGS
    deed = stem_onto(head, DEED_VERBS, DEED_IRREGULAR)
    if deed not in DEED_VERBS:
        return False
    return form == "phrase" or (deed in ("vote", "veto") and form == "infinitive")


def _phrase_head(tokens: list[Token]) -> str:
    """The head noun of a noun-phrase content ("a photo of the new bridge" → "photo"), lower-cased, or ""."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return roots[0].lower_ if roots else ""
