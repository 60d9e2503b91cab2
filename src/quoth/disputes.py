"""Disputes: statements that reject, deny, contradict or call false another party's statements.

Precision first: a dispute needs a dispute word, a *party* whose statement is disputed (a named or resolved
entity, never guessed), and an attribution to hang it on (``by``). Patterns, on the dependency parse:

| pattern | example | cue |
|---|---|---|
| dispute verb + statement noun owned by a party | "rejects the statements made by Kristi Noem", "denied Smith's claim" | the verb |
| dispute verb + a party directly (contradict-type verbs only) | "contradicted Trump", "pushed back on Warren" | the verb |
| statement noun owned by a party + a falsity predicate | "her statements were incorrect", "dismissed … as false" | the adjective |
| demonstrative statement noun after a quote | "Smith disputed that account." | the verb |

``by`` is the attribution whose content holds the cue, else the one whose cue is (or hangs on) the dispute verb,
else the one whose source is the verb's subject. ``target_attribution`` is the party's nearest statement the
article holds (before the dispute if any, else after).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import LOWER, POS
from spacy.tokens import Doc, Token

from .model import Attribution, Dispute, Entity, Span

DISPUTE_VERBS = frozenset({"reject", "deny", "dispute", "contradict", "refute", "rebut", "dismiss", "debunk",
                           "contest", "repudiate", "disavow", "challenge", "question", "decry", "slam"})
# Verbs whose object may be the party itself ("contradicted Trump" disputes what Trump said).
PARTY_OBJECT_VERBS = frozenset({"contradict", "refute", "rebut"})
STATEMENT_NOUNS = frozenset({"statement", "claim", "assertion", "remark", "comment", "word", "allegation",
                             "accusation", "charge", "account", "characterization", "characterisation", "version",
                             "description", "assessment", "suggestion", "insinuation", "testimony", "narrative",
                             "contention", "argument", "declaration", "story", "portrayal", "depiction"})
FALSE_WORDS = frozenset({"false", "incorrect", "untrue", "wrong", "inaccurate", "baseless", "misleading",
                         "unfounded", "groundless", "erroneous", "fabricated", "fake", "lie", "lies", "nonsense",
                         "absurd", "ridiculous", "mistaken", "bogus", "fiction", "falsehood", "falsehoods"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
# A dispute verb under one of these is not asserted ("refused to deny", "declined to dispute").
NOT_ASSERTED_HEADS = frozenset({"refuse", "decline", "fail", "avoid", "hesitate"})


def find_disputes(doc: Doc, attributions: list[Attribution], entities: list[Entity]) -> list[Dispute]:
    """Disputes in ``doc``: who (an attribution) rejects whose statement (an attribution and/or entity)."""
    entity_of = _token_entities(doc, entities)
    speaker_of = {a.id: a.speaker for a in attributions}
    out: list[Dispute] = []
    seen: set[tuple[str, str | None]] = set()
    for cue, party in _candidates(doc, entity_of, attributions):
        by = _by_attribution(cue, attributions)
        if by is None:
            continue
        target_entity, target_att = party
        if target_entity is not None and target_entity.id == speaker_of.get(by.id):
            continue
        if target_att is not None and (target_att is by or target_att.speaker == by.speaker):
            continue
        if target_att is None and target_entity is not None:
            target_att = _statement_of(target_entity.id, cue.idx, attributions, by)
        key = (by.id, target_entity.id if target_entity else target_att.id if target_att else None)
        if key in seen:
            continue
        seen.add(key)
        out.append(Dispute(by=by.id, cue=Span(text=cue.text, spans=((cue.idx, cue.idx + len(cue)),)),
                           target_attribution=target_att.id if target_att else None,
                           target_entity=target_entity.id if target_entity else speaker_of.get(
                               target_att.id if target_att else "")))
    return out


Party = tuple[Entity | None, Attribution | None]
# The pipeline runs without spaCy's lemmatizer (speed), so inflections are undone here for the few words used.
BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "’s", "'re"})
CALL_FORMS = frozenset({"call", "calls", "called", "calling", "label", "labels", "labeled", "labelled", "deem",
                        "deems", "deemed", "brand", "branded", "branding"})


def base_form(word: str, vocabulary: frozenset[str]) -> str:
    """``word`` lower-cased and, when an inflection of a vocabulary word ("rejects", "denied"), that word."""
    low = word.lower()
    if low in vocabulary:
        return low
    for cut, add in ((1, ""), (2, ""), (3, ""), (1, "e"), (2, "e"), (3, "e"), (3, "y"), (2, "y")):
        stem = low[:-cut] + add if len(low) > cut + 2 else ""
        if stem in vocabulary:
            return stem
    return low


def _token_entities(doc: Doc, entities: list[Entity]) -> dict[int, Entity]:
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


def _candidates(doc: Doc, entity_of: dict[int, Entity],
                attributions: list[Attribution]) -> list[tuple[Token, Party]]:
    """(cue token, disputed party) for every dispute pattern that fires."""
    found: list[tuple[Token, Party]] = []
    for tok in _scan(doc):
        lemma = base_form(tok.text, DISPUTE_VERBS)
        if tok.pos_ == "VERB" and (lemma in DISPUTE_VERBS or _is_push_back(tok)) and _asserted(tok):
            party = _verb_party(tok, lemma, entity_of, attributions)
            if party is not None:
                found.append((tok, party))
        elif tok.lower_ in FALSE_WORDS:
            party = _falsity_party(tok, entity_of)
            if party is not None:
                found.append((tok, party))
    return found


def _scan(doc: Doc) -> list[Token]:
    """Verbs and falsity words only, picked from the token arrays (creating every Token object is slow)."""
    array = doc.to_array([LOWER, POS])
    strings = doc.vocab.strings
    verb = strings["VERB"]
    out = []
    for i, (lower, pos) in enumerate(array.tolist()):
        word = strings[lower]
        if (pos == verb and _may_dispute(word)) or word in FALSE_WORDS:
            out.append(doc[i])
    return out


PUSH_TAKE = frozenset({"push", "take"})


@lru_cache(maxsize=8192)
def _may_dispute(word: str) -> bool:
    """Could this verb form be a dispute cue ("rejects") or start "pushed back"/"took issue"? Once per word."""
    return base_form(word, DISPUTE_VERBS) in DISPUTE_VERBS or _push_or_take(word) is not None


def _push_or_take(word: str) -> str | None:
    """"push" or "take" for their forms ("pushed", "took"), else None."""
    if word.lower() in ("took", "taken"):
        return "take"
    lemma = base_form(word, PUSH_TAKE)
    return lemma if lemma in PUSH_TAKE else None


def _is_push_back(tok: Token) -> bool:
    """"pushed back on/against" and "took issue with"."""
    lemma = _push_or_take(tok.text)
    if lemma == "push":
        return any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children)
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "issue" for c in tok.children)
    return False


def _asserted(tok: Token) -> bool:
    """False for negated or unasserted uses: "did not deny", "refused to dispute"."""
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    return not (tok.dep_ == "xcomp" and base_form(tok.head.text, NOT_ASSERTED_HEADS) in NOT_ASSERTED_HEADS)


def _objects(verb: Token) -> list[Token]:
    """The verb's direct objects, and objects of "on/against/with" for push-back and take-issue verbs."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ != "issue"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "with"):
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    return [o for obj in out for o in [obj, *obj.conjuncts]]


def _verb_party(verb: Token, lemma: str, entity_of: dict[int, Entity],
                attributions: list[Attribution]) -> Party | None:
    for obj in _objects(verb):
        noun = base_form(obj.text, STATEMENT_NOUNS)
        if noun in STATEMENT_NOUNS:
            owner = _statement_owner(obj, entity_of)
            if owner is not None:
                return owner, None
            if any(c.lower_ in DEMONSTRATIVES and c.dep_ == "det" for c in obj.children):
                previous = _previous_statement(verb.idx, attributions)
                if previous is not None:
                    return None, previous
        elif (lemma in PARTY_OBJECT_VERBS or _is_push_back(verb)) and obj.i in entity_of:
            return entity_of[obj.i], None
    return None


def _statement_owner(noun: Token, entity_of: dict[int, Entity]) -> Entity | None:
    """Whose statement: "Noem's claims", "the words of the secretary", "statements made by Noem"."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound") and child.i in entity_of:
            return entity_of[child.i]
        if child.dep_ == "prep" and child.lower_ in ("of", "by", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i in entity_of:
                    return entity_of[pobj.i]
        if child.dep_ in ("acl", "relcl"):
            for grand in child.children:
                if grand.dep_ == "agent" or grand.dep_ == "prep" and grand.lower_ == "by":
                    for pobj in grand.children:
                        if pobj.dep_ == "pobj" and pobj.i in entity_of:
                            return entity_of[pobj.i]
                if grand.dep_ == "nsubj" and child.dep_ == "relcl" and grand.i in entity_of:
                    return entity_of[grand.i]
    return None


def _falsity_party(word: Token, entity_of: dict[int, Entity]) -> Party | None:
    """"her statements … were incorrect", "dismissed Noem's claims as false", "called the claim a lie"."""
    head = word.head
    if word.pos_ == "VERB" and word.dep_ != "amod":
        head, subjects = word, [c for c in word.children if c.dep_ == "nsubjpass"]
    elif word.dep_ in ("npadvmod", "appos", "attr") and head.head.lower_ in CALL_FORMS:
        subjects = [head]
    elif word.dep_ in ("acomp", "attr", "oprd", "xcomp") and head.lower_ in BE_FORMS | CALL_FORMS:
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    elif word.dep_ == "pobj" and head.lower_ == "as":
        subjects = [c for c in head.head.children if c.dep_ == "dobj"]
    elif word.dep_ == "amod" and word.head.pos_ == "NOUN":
        return None
    else:
        return None
    if any(c.dep_ == "neg" for c in head.children):
        return None
    for subj in subjects:
        if base_form(subj.text, STATEMENT_NOUNS) in STATEMENT_NOUNS:
            owner = _statement_owner(subj, entity_of)
            if owner is not None:
                return owner, None
    return None


def _by_attribution(cue: Token, attributions: list[Attribution]) -> Attribution | None:
    """The attribution making the dispute (see the module docstring)."""
    start = cue.idx
    inside = [a for a in attributions if any(s <= start < e for s, e in a.content.spans)]
    if inside:
        return min(inside, key=lambda a: a.content.end - a.content.start)
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    chain = {verb.i, verb.head.i}
    for att in attributions:
        if att.cue is None:
            continue
        for s, e in att.cue.spans:
            tok = next((t for t in verb.sent if s <= t.idx < e), None)
            if tok is not None and (tok.i in chain or tok.head.i == verb.i):
                return att
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    for att in attributions:
        if att.source and any(att.source.start <= s.idx < att.source.end for s in subjects):
            return att
    return None


def _statement_of(entity_id: str, before: int, attributions: list[Attribution],
                  by: Attribution) -> Attribution | None:
    """The disputed party's statement: the nearest one before the dispute, else the first after."""
    theirs = [a for a in attributions if a.speaker == entity_id and a is not by]
    earlier = [a for a in theirs if a.content.start < before]
    if earlier:
        return max(earlier, key=lambda a: a.content.start)
    return min(theirs, key=lambda a: a.content.start) if theirs else None


def _previous_statement(before: int, attributions: list[Attribution]) -> Attribution | None:
    """The last attribution with a speaker that ends before ``before`` (for "disputed that account")."""
    earlier = [a for a in attributions if a.content.end <= before and a.speaker]
    return max(earlier, key=lambda a: a.content.end) if earlier else None
