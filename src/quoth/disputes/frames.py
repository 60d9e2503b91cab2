"""Dispute cues from a verb's frame rather than from the word its object happens to be.

The object-word patterns of ``detect`` need a statement noun ("denied the reports"); real news also names what is
denied with any noun, disputes as an attempt, or disagrees with no object at all:

| frame | example | kind |
|---|---|---|
| deny + one thing, no recipient | "He later denied his opposition", "denied any improper role" | denial |
| an attempt to dispute, made | "used the speech to try to refute gloomy assessments" | as the verb |
| disagree, no object, by a name or "I"/"we" | "Rubio disagreed.", "'I fundamentally disagree,' X said" | rejection |

The guideline's exclusions hold: refusals ("denied bail"; "deny Trump the nomination", "denied everyday Americans a
voice", "denied the status to employees": a recipient makes deny a refusal), a person denied, a passive ("were
denied"), negated and unasserted uses ("did not deny", "we may disagree", "wants to refute", "we can attempt to deny
…"), a verb with no subject ("denying claims of plagiarism"), and "37% disagree" (no party). Measured and left out
(no gain on held-out files, one more false dispute each): reproach for saying ("rebuked X for suggesting that …"),
"accused X of lying / rewriting history", "clarified that …" / "walked back the comments", a reject-verb on any
owned noun ("rejected the industry's warning"; "warning" is a statement noun instead).
"""

from __future__ import annotations

from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from ..lexicon.disputes import DISPUTE_VERBS, NOT_CLAIM_NOUNS, base_form
from .detect import CONFIDENCE_PREDICATE, CONFIDENCE_VERB, Cue, asserted, is_person, verb_cue

DENY_FORMS = frozenset({"deny", "denies", "denied", "denying"})
DISAGREE_FORMS = frozenset({"disagree", "disagrees", "disagreed"})
# Heads under which a verb is an attempt that was made ("tried to refute …"), when the head itself is asserted.
ATTEMPT_FORMS = frozenset({"try", "tries", "tried", "trying", "seek", "seeks", "sought", "seeking", "attempt",
                           "attempts", "attempted", "attempting"})
PARTY_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def frame_cues(doc: Doc, taken: set[int]) -> list[Cue]:
    """Cues of the module's frames on verbs that are not anchors in ``taken`` (the other patterns' cues first),
    asserted ones only."""
    out: list[Cue] = []
    for i in (doc.to_array("POS") == VERB).nonzero()[0].tolist():  # verbs only: no Token made for the rest
        if i in taken:
            continue
        tok = doc[i]
        cue: Cue | None = None
        if tok.dep_ == "xcomp" and tok.head.lower_ in ATTEMPT_FORMS and base_form(tok.text) in DISPUTE_VERBS:
            cue = attempted_cue(tok)
        elif tok.lower_ in DENY_FORMS:
            cue = deny_object_cue(tok)
        elif tok.lower_ in DISAGREE_FORMS:
            cue = disagreed_cue(tok)
        if cue is not None and _asserted(tok):
            out.append(cue)
    return out


def deny_object_cue(verb: Token) -> Cue | None:
    """"He later denied his opposition": deny with one object that is a thing (not a person, no recipient)."""
    if not _subject(verb) or any(c.dep_ in ("nsubjpass", "auxpass", "dative", "ccomp") for c in verb.children):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1:
        return None
    obj = objects[0]
    if obj.pos_ not in ("NOUN", "PROPN") or is_person(obj) or obj.ent_type_ in PARTY_ENTS:
        return None
    if base_form(obj.text) in NOT_CLAIM_NOUNS or any(c.dep_ in ("dobj", "dative") for c in obj.children):
        return None  # "denied bail"; "deny the group sanctuary" parsed with the second object under the first
    if any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in verb.children):
        return None  # "denied class-action status to employees": a recipient
    return Cue(verb.i, verb.i + 1, "denial", verb, obj, CONFIDENCE_PREDICATE)


def attempted_cue(verb: Token) -> Cue | None:
    """"tried to refute the assessments": the dispute verb's own cue (``detect.verb_cue``), under an attempt."""
    cue = verb_cue(verb, base_form(verb.text))
    if cue is None and verb.lower_ in DENY_FORMS:
        cue = deny_object_cue(verb)
    return Cue(cue.start, cue.end, cue.kind, cue.anchor, cue.target, CONFIDENCE_VERB) if cue is not None else None


def disagreed_cue(verb: Token) -> Cue | None:
    """"Rubio disagreed.", "'I fundamentally disagree,' said …": disagreement with what was just said, by a named
    party or in the first person ("disagree with our policy": there the object decides, ``phrases``)."""
    if verb.dep_ not in ("ROOT", "ccomp") or any(
            c.dep_ in ("prep", "dobj", "ccomp", "xcomp", "advcl", "neg", "mark") for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.pos_ == "PROPN" or subject.lower_ in ("i", "we")):
        return None
    return Cue(verb.i, verb.i + 1, "rejection", verb, None, CONFIDENCE_PREDICATE)


def _asserted(verb: Token) -> bool:
    """``detect.asserted``, except that an attempt that was made counts ("tried to refute", "sought to deny")."""
    if verb.dep_ == "xcomp" and verb.head.lower_ in ATTEMPT_FORMS:
        if any(c.dep_ == "neg" for c in verb.children) or any(c.tag_ == "MD" for c in verb.head.children):
            return False  # "did not try to refute", "we can attempt to deny …": no attempt reported
        return asserted(verb.head)
    return asserted(verb)


def _subject(verb: Token) -> bool:
    """The verb has a subject of its own, or one it shares ("… and denied it", "sought to deny")."""
    node = verb
    for _ in range(3):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return True
        if node.dep_ not in ("conj", "xcomp"):
            return False
        node = node.head
    return False
