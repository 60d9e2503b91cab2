"""Dispute cues on the dependency parse: what says a claim is untrue, and what that claim is.

| pattern | example | kind |
|---|---|---|
| deny + clause, statement noun, guilt noun or nothing | "denied that she mishandled …", "denied wrongdoing" | denial |
| reject-type verb + statement noun or clause | "rejected the statements made by …", "disputed the notion that …" | rejection |
| contradict-type verb + statement noun or party | "flatly contradicted half of Oz's recommendations" | contradiction |
| phrasal verb + statement or party | "pushed back on …", "took issue with …", "bristles at the suggestion" | rejection |
| falsity predicate of a statement noun, demonstrative or person | "the claims are unfounded", "Clinton is lying" | rejection |
| inaccuracy predicate | "the figure was misleading", "the states were exaggerating" | correction |
| "no truth/basis/merit to", "not true" | "there was no truth to the report" | rejection |

Each returns a ``Cue``: the cue tokens, the kind, and the token that heads the disputed thing (``target``).
Exclusions from the guideline: refusals and policy objects ("denied bail", "rejected the offer"), negated or
unasserted uses ("did not deny", "refused to dispute", "if it were false"), questions.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import ADJ, NOUN, VERB
from spacy.tokens import Doc, Token

from ..model import DisputeKind
from ..lexicon.people import ORG_NOUNS, PERSON_NOUNS
from ..lexicon.disputes import (
    BE_FORMS,
    CALL_VERBS,
    CLAUSE_VERBS,
    CONTRADICT_VERBS,
    CORRECT_VERBS,
    CORRECTION_WORDS,
    DEMONSTRATIVES,
    DENY_VERBS,
    DISPUTE_VERBS,
    FALSE_WORDS,
    GUILT_NOUNS,
    NO_NOUNS,
    NOT_ASSERTED_HEADS,
    NOT_CLAIM_NOUNS,
    PHRASAL_VERBS,
    QUANTITY_WORDS,
    SPREAD_NOUNS,
    SPREAD_VERBS,
    STATEMENT_NOUNS,
    UNASSERTED_MARKS,
    base_form,
)

# Cue confidences, by pattern: how often each pattern was a dispute on the tuning half of disputes-dev and on
# the PolNeAR train articles read by hand. Re-run `quoth eval disputes --half even` after changing them.
CONFIDENCE_VERB = 0.85
CONFIDENCE_PREDICATE = 0.75
CONFIDENCE_PERSON = 0.6
# Verbs whose object may be the party itself ("rebutted Wong" disputes what Wong said).
PARTY_VERBS = frozenset({"contradict", "refute", "rebut"})
# Nouns that name a claim when a clause follows ("the idea that …"; "the idea of raising taxes" is a plan).
CLAUSE_NOUNS = STATEMENT_NOUNS | frozenset({"idea", "impression", "sense", "thought", "fear", "concern"})
# Dispute verbs that also take things and people ("mocked him", "challenged the ruling"): a statement noun only.
NOUN_ONLY_VERBS = frozenset({"challenge", "mock", "ridicule", "quash", "dispel"})
# Verbs of backing a claim: "no evidence to support that".
SUPPORT_VERBS = frozenset({"support", "back", "substantiate", "prove", "corroborate", "confirm", "suggest", "show"})
# Falsity words only a claim can be: "the scene in the movie is entirely untrue" (not "false": "a false start").
ONLY_CLAIMS = frozenset({"untrue", "unfounded", "baseless", "groundless", "unsubstantiated"})
# Verbs of making a claim: "it is wrong to imply that …".
SAYING_VERBS = frozenset({"imply", "suggest", "say", "claim", "assert", "argue", "insinuate", "characterize",
                          "characterise", "portray", "describe", "call", "state", "conclude", "assume", "report"})
PERSON_PRONOUNS = frozenset({"he", "she", "they", "you", "i", "we"})
TRUE_WORDS = frozenset({"true", "accurate", "correct", "factual", "case"})  # not "right": "that isn't right" is moral
PERSON_PREDICATES = frozenset({"lying", "wrong", "mistaken", "exaggerating", "overstating", "misrepresenting",
                               "mischaracterizing", "distorting", "understating"})


@dataclass(frozen=True)
class Cue:
    """One dispute cue: tokens ``start``..``end`` (exclusive), its kind, and the head of what it disputes."""

    start: int
    end: int
    kind: DisputeKind
    anchor: Token
    target: Token | None
    confidence: float
    inside: bool = False  # a dispute only inside another's words ("X said Y falsely claimed …")


def find_cues(doc: Doc) -> list[Cue]:
    """Every dispute cue in ``doc``, in text order (at most one per anchor token)."""
    out: list[Cue] = []
    for i, (low_id, pos) in enumerate(doc.to_array([LOWER, POS]).tolist()):
        if pos not in _CUE_POS and low_id not in _CUE_WORD_IDS:
            continue  # none of the tests below can fire: no Token made for it
        tok = doc[i]
        low = tok.lower_
        cue: Cue | None = None
        if low in FALSE_WORDS or low in CORRECTION_WORDS:
            cue = predicate_cue(tok)
        elif low in TRUE_WORDS:
            cue = not_true_cue(tok)
        elif low == "no" and tok.head.lower_ in NO_NOUNS:
            cue = no_truth_cue(tok)
        elif low == "made" and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
            cue = made_up_cue(tok)
        elif low == "contrary" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            cue = contrary_cue(tok)
        elif low == "context" and tok.i >= 2 and doc[tok.i - 2].lower_ == "out" and doc[tok.i - 1].lower_ == "of":
            cue = out_of_context_cue(tok)
        if cue is None and low in SPREAD_NOUNS:
            cue = spread_cue(tok)
        if cue is None and tok.pos_ in ("VERB", "NOUN", "ADJ"):
            lemma = base_form(hyphenated(doc, tok))
            if lemma in DISPUTE_VERBS and tok.pos_ == "VERB":
                cue = verb_cue(tok, lemma)
            elif lemma in PHRASAL_VERBS:
                cue = phrasal_cue(tok, lemma)
            elif lemma in CORRECT_VERBS and tok.pos_ == "VERB":
                cue = correction_verb_cue(tok)
        if cue is not None and asserted(cue.anchor):
            out.append(cue)
    return out


# find_cues looks at a token only when its part of speech or its lower-case form could make one of its cues.
_CUE_POS = frozenset({int(VERB), int(NOUN), int(ADJ)})
_CUE_WORD_IDS = frozenset(get_string_id(w) for w in (
    *FALSE_WORDS, *CORRECTION_WORDS, *TRUE_WORDS, *SPREAD_NOUNS, "no", "made", "contrary", "context"))


def hyphenated(doc: Doc, tok: Token) -> str:
    """The word with a hyphenated first part the tokenizer split off ("pooh - poohed" → "pooh-poohed")."""
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 1].idx == doc[tok.i - 2].idx + len(doc[tok.i - 2]):
        return f"{doc[tok.i - 2].text}-{tok.text}"
    return tok.text


def asserted(tok: Token) -> bool:
    """False for negated, hypothetical, questioned or reported uses: "did not deny", "refused to dispute", "is it
    false?", "claims he exaggerated" (the word is the content of someone else's claim)."""
    if any(c.dep_ == "neg" for c in tok.children) or _nobody_subject(tok):
        return False
    if tok.dep_ == "xcomp" and base_form(tok.head.text) in NOT_ASSERTED_HEADS:
        return False
    for node in (tok, *tok.ancestors):
        if any(c.dep_ in ("mark", "aux") and c.lower_ in UNASSERTED_MARKS for c in node.children):
            return False
        if _content_of_claim_noun(node):
            return False
        if node.dep_ == "ccomp" and base_form(node.head.text) in NOT_ASSERTED_HEADS:
            return False  # "I wish that had not been the case"
        if node.dep_ in ("ccomp", "ROOT", "conj") and node is not tok:
            break
    sent = tok.sent
    return not sent.text.rstrip(" \"'”’").endswith("?")


def _nobody_subject(tok: Token) -> bool:
    """"No one has disputed …", "nobody denies …": a negative subject asserts no dispute."""
    for subject in (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ in ("nobody", "none", "noone") or any(
                c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
            return True
    return False


def _content_of_claim_noun(node: Token) -> bool:
    """Is ``node`` the content clause of a claim noun ("claims he exaggerated"), not a relative clause about it
    ("an idea that was untrue")?"""
    if node.dep_ not in ("acl", "relcl", "ccomp", "appos") or node.head.i > node.i:
        return False
    if node.head.pos_ != "NOUN" or base_form(node.head.text) not in CLAUSE_NOUNS:
        return False
    return node.dep_ != "relcl" or not any(c.tag_ in ("WDT", "WP") for c in node.children)


def verb_cue(verb: Token, lemma: str) -> Cue | None:
    """deny / reject / contradict + a claim (see the table)."""
    if lemma == "challenge" and not any(c.dep_ == "nsubj" and is_person(c) for c in verb.children):
        return None  # "it is challenging the assumptions": only a party challenges a claim
    kind: DisputeKind = ("denial" if lemma in DENY_VERBS else
                         "contradiction" if lemma in CONTRADICT_VERBS else "rejection")
    for obj in verb_objects(verb):
        if obj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            obj = verb.head  # "the allegations, which Ailes denies": the antecedent is the object
        if obj.dep_ in ("ccomp", "xcomp") or obj.pos_ in ("VERB", "AUX"):
            if lemma not in CLAUSE_VERBS or any(t.tag_ in ("WDT", "WP", "WRB") for t in obj.lefts):
                return None
            return _cue(verb, verb, kind, obj, CONFIDENCE_VERB)
        noun = base_form(obj.text)
        if noun in NOT_CLAIM_NOUNS:
            return None
        if lemma in NOUN_ONLY_VERBS and noun not in STATEMENT_NOUNS:
            continue  # "it is being mocked", "challenged it in court": only a named claim
        if noun in STATEMENT_NOUNS or obj.lower_ in DEMONSTRATIVES or (lemma in DENY_VERBS and noun in GUILT_NOUNS):
            return _cue(verb, _as_end(verb), kind, obj, CONFIDENCE_VERB)
        if (lemma in CONTRADICT_VERBS and (obj.pos_ == "PROPN" or _owned(obj))) or (
                lemma in PARTY_VERBS and obj.pos_ == "PROPN"):
            return _cue(verb, verb, kind, obj, CONFIDENCE_VERB)
        if has_claim_clause(obj) or _dismissed_as_false(verb, lemma, obj):
            return _cue(verb, _as_end(verb), kind, obj, CONFIDENCE_VERB)
    if lemma in DENY_VERBS and not any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in verb.children):
        return _cue(verb, verb, kind, None, CONFIDENCE_PREDICATE)
    return None


def verb_objects(verb: Token) -> list[Token]:
    """Objects and clausal complements of a verb, the subject of its passive, and objects of on/against/with/at."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp") and c.lower_ != "issue"]
    for prep in verb.children:
        if prep.dep_ in ("prep", "prt") and prep.lower_ in ("on", "against", "with", "at", "off", "aside", "away"):
            out.extend(c for c in prep.children if c.dep_ in ("pobj", "pcomp"))
        if prep.dep_ == "prt" and prep.lower_ == "back":
            for p in prep.children:
                out.extend(c for c in p.children if c.dep_ == "pobj")
    return [o for obj in out for o in [obj, *obj.conjuncts]]


def phrasal_cue(verb: Token, lemma: str) -> Cue | None:
    """"pushed back on/against X", "took issue with X", "bristled at X", "hit back at X"."""
    parts = {c.lower_ for c in verb.children}
    if lemma in ("push", "hit") and "back" not in parts:
        return None
    if lemma == "take" and not any(c.dep_ == "dobj" and c.lower_ == "issue" for c in verb.children):
        return None
    aside = lemma in ("laugh", "brush", "wave")  # "laughed off / brushed aside / waved away the report"
    if aside and not parts & {"off", "aside", "away"}:
        return None
    for obj in verb_objects(verb):
        noun = base_form(obj.text)
        if noun in NOT_CLAIM_NOUNS:
            return None
        if noun in STATEMENT_NOUNS or (obj.pos_ == "PROPN" and not aside) or obj.lower_ in DEMONSTRATIVES or has_claim_clause(obj):
            return _cue(verb, verb, "rejection", obj, CONFIDENCE_VERB)
    return None


def correction_verb_cue(verb: Token) -> Cue | None:
    """"his words had been misquoted / taken out of context", "the states were exaggerating" (a verb)."""
    if verb.lower_.endswith("ing") and not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    target = subject if subject is not None and verb.tag_ == "VBN" else obj or subject
    if target is None or not claimish(target, person_ok=True):
        return None
    return _cue(verb, verb, "correction", target, CONFIDENCE_PREDICATE)


def made_up_cue(made: Token) -> Cue | None:
    """"the story was made up", "he made up the claims": a fabrication."""
    target = next((c for c in made.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if target is None or not claimish(target, person_ok=False):
        return None
    up = next(c for c in made.children if c.dep_ == "prt" and c.lower_ == "up")
    return Cue(made.i, up.i + 1 if up.i - made.i < 6 else made.i + 1, "rejection", made, target,
               CONFIDENCE_PREDICATE)


def contrary_cue(contrary: Token) -> Cue | None:
    """"contrary to Y's claims, X said …": a contradiction of the claim named after "to"."""
    to = contrary.doc[contrary.i + 1]
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None or not (claimish(obj, person_ok=False) or obj.pos_ == "PROPN"):
        return None
    return Cue(contrary.i, to.i + 1, "contradiction", contrary, obj, CONFIDENCE_PREDICATE)


def out_of_context_cue(context: Token) -> Cue | None:
    """"his words had been taken out of context", "she quoted him out of context": a correction."""
    verb = context.head.head if context.head.lower_ == "of" else context.head
    while verb.dep_ in ("prep", "pobj", "advmod") and verb.head.i != verb.i:
        verb = verb.head
    target = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if target is None or not claimish(target, person_ok=True):
        return None
    return Cue(context.i - 2, context.i + 1, "correction", verb, target, CONFIDENCE_PREDICATE)


def predicate_cue(word: Token) -> Cue | None:
    """A falsity or inaccuracy word said of a claim: "the claims are unfounded", "called the charges fabricated"."""
    kind: DisputeKind = "correction" if word.lower_ in CORRECTION_WORDS else "rejection"
    first = word
    while first.dep_ == "conj" or (first.dep_ in ("nmod", "compound") and first.head.dep_ == "attr"):
        first = first.head
    subject = _predicate_subject(word, first)
    if subject is None or any(c.dep_ == "neg" for c in (*first.children, *first.head.children)):
        return None
    if subject.lower_ in ("it", "this", "that") and word.lower_ == "wrong" and not _says_wrongly(word):
        return None
    if word.lower_ == "mistaken" and any(c.dep_ == "prep" and c.lower_ == "for" for c in word.children):
        return None  # "he has been mistaken for a staffer"
    if any(c.lower_ == "own" for c in subject.children):
        return None  # "her own statement was incorrect": a self-correction, no dispute
    person_ok = word.lower_ in PERSON_PREDICATES
    if not claimish(subject, person_ok) and not (word.lower_ in ONLY_CLAIMS and word.dep_ == "acomp"
                                                 and subject.pos_ == "NOUN" and not is_person(subject)):
        return None
    confidence = CONFIDENCE_PREDICATE if not is_person(subject) else CONFIDENCE_PERSON
    cue = _cue(word, word, kind, subject, confidence)
    if word.dep_ == "amod" and subject.i == word.head.i:  # "citing an unfounded theory": counts only in another's words
        return Cue(cue.start, cue.end, kind, word, subject, confidence, inside=True)
    return cue


def _says_wrongly(word: Token) -> bool:
    """"it is wrong to imply / suggest / say that …": a claim called wrong, not an act ("it is wrong to lie")."""
    return any(c.dep_ == "xcomp" and c.lower_ in SAYING_VERBS for c in (*word.children, *word.head.children))


def _predicate_subject(word: Token, first: Token) -> Token | None:
    """What the predicate is said of, over the parse shapes "X is W", "called X W", "X W", "W X", "dismissed X as W"."""
    head = first.head
    if first.dep_ == "acl" and word.lower_ in PERSON_PREDICATES and head.pos_ in ("NOUN", "PROPN"):
        return head  # "sick of the Sanders campaign lying about my record"
    if word.dep_ == "amod" and head.dep_ in ("attr", "oprd", "xcomp", "ccomp", "acomp"):
        return _predicate_subject(head, head)  # "called the report fake news", "it is a fake story"
    if word.dep_ == "amod" or (first.i == word.i and word.dep_ == "amod"):
        return head if base_form(head.text) in STATEMENT_NOUNS else None
    if first.dep_ in ("acomp", "attr", "oprd", "xcomp", "ccomp") and (
            head.lower_ in BE_FORMS or base_form(head.text) in CALL_VERBS or head.pos_ == "VERB"):
        own = [c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")]
        subjects = own or [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        if base_form(head.text) in CALL_VERBS:
            subjects = own or [c for c in head.children if c.dep_ == "dobj"]
        elif head.lower_ not in BE_FORMS and not own:
            return None
        return subjects[0] if subjects else None
    if first.dep_ == "pobj" and head.lower_ == "as":
        if head.head.pos_ in ("NOUN", "PRON") and head.head.dep_ == "dobj":
            return head.head  # "denounced [the accusations as lies]": the parser hangs "as" on the object
        objs = [c for c in head.head.children if c.dep_ == "dobj"]
        return objs[0] if objs else None
    if first.pos_ in ("VERB", "AUX") or first.dep_ in ("ROOT", "ccomp", "conj"):
        subjects = [c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")]
        return subjects[0] if subjects else None
    if first.dep_ == "appos" or (first.dep_ == "npadvmod" and base_form(head.head.text) in CALL_VERBS):
        return head
    return None


def spread_cue(noun: Token) -> Cue | None:
    """"is peddling fiction" (said of "anyone claiming that …"), "put out this fiction that …", "dispel this myth":
    a specific claim passed on is untrue. "tells so many lies", "spread misinformation" name no claim (an insult
    without a claim, excluded by the guideline)."""
    verb = noun.head if noun.dep_ in ("dobj", "attr") else None
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and base_form(noun.head.head.text) == "dispel":
        verb = noun.head.head  # "let's dispel with this fiction that …"
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    claim = any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES | {"the"} for c in noun.children) or (
        subject is not None and _names_claim(subject))
    if not claim:
        return None
    if base_form(verb.text) in SPREAD_VERBS:
        return _cue(verb, noun, "rejection", subject or noun, CONFIDENCE_PREDICATE)
    if verb.lower_ in BE_FORMS and any(c.dep_ == "amod" and base_form(c.text) in SPREAD_VERBS for c in noun.children):
        return _cue(noun, noun, "rejection", subject or noun, CONFIDENCE_PREDICATE)  # "is peddling fiction"
    return None


def _names_claim(subject: Token) -> bool:
    """"anyone claiming that …", "those who say …": a subject described by what it claims."""
    return any(c.dep_ in ("acl", "relcl") and base_form(c.text) in ("claim", "say", "suggest", "argue", "assert")
               for c in subject.children)


def not_true_cue(word: Token) -> Cue | None:
    """"the report is not true", "that's not accurate": a truth word under negation."""
    head = word.head if word.dep_ in ("acomp", "attr") else None
    if head is None or head.lower_ not in BE_FORMS:
        return None
    if not any(c.dep_ == "neg" for c in (*head.children, *word.children)):
        return None
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not claimish(subject, person_ok=False):
        return None
    kind: DisputeKind = "correction" if word.lower_ in ("accurate", "correct") else "rejection"
    neg = next(c for c in (*head.children, *word.children) if c.dep_ == "neg")
    start = min(neg.i, word.i)
    return Cue(start, max(neg.i, word.i) + 1, kind, word, subject, CONFIDENCE_PREDICATE)


def no_truth_cue(no: Token) -> Cue | None:
    """"there is no truth to the report", "the claims have no basis": the claim is the "to/in" object or subject."""
    noun = no.head
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "in", "for", "behind"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return Cue(no.i, noun.i + 1, "rejection", noun, obj, CONFIDENCE_PREDICATE)
    backed = _unsupported(noun)
    if backed is not None:
        return Cue(no.i, noun.i + 1, "rejection", noun, backed, CONFIDENCE_PREDICATE, inside=True)
    verb = noun.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ != "there"), None)
    if subject is not None and claimish(subject, person_ok=False) and (
            verb.lower_ in BE_FORMS or base_form(verb.text) in ("have", "has", "had")):  # not "cited no evidence"
        return Cue(no.i, noun.i + 1, "rejection", verb, subject, CONFIDENCE_PREDICATE)
    if noun.lower_ == "truth":
        return Cue(no.i, noun.i + 1, "rejection", verb, None, CONFIDENCE_PERSON)
    return None


def _unsupported(noun: Token) -> Token | None:
    """"no evidence to support that / the claim": the claim that lacks support ("no evidence that X …" alone names
    no one's claim)."""
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and base_form(child.text) in SUPPORT_VERBS:
            obj = next((c for c in child.children if c.dep_ == "dobj"), None)
            if obj is not None and claimish(obj, person_ok=False):
                return obj
    return None


def claimish(tok: Token, person_ok: bool) -> bool:
    """Can ``tok`` head a claim (a statement noun or a pointer to one), or, for "lying", a person?"""
    if tok.lower_ in QUANTITY_WORDS:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None:
            return base_form(obj.text) in STATEMENT_NOUNS
    if base_form(tok.text) in STATEMENT_NOUNS or tok.lower_ in DEMONSTRATIVES or has_claim_clause(tok):
        return True
    if tok.lower_ in ("what", "which") and tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    return person_ok and is_person(tok)


def is_person(tok: Token) -> bool:
    """A pronoun, a name, a plural with a modifier ("some critics"), or a person or organisation noun with a
    determiner, owner or name ("Grayson's spokeswoman", "the Sanders campaign")."""
    return tok.lower_ in PERSON_PRONOUNS or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or (
        tok.pos_ == "NOUN" and tok.tag_ == "NNS" and any(c.dep_ in ("det", "amod", "compound") for c in tok.children)
    ) or (tok.pos_ == "NOUN" and tok.lower_ in PERSON_NOUNS | ORG_NOUNS
          and any(c.dep_ in ("det", "poss", "compound") for c in tok.children))


def _owned(noun: Token) -> bool:
    """"half of Oz's recommendations", "Smith's forecast": a noun phrase that names an owner by name."""
    return any(t.dep_ == "poss" and t.pos_ == "PROPN" for t in noun.subtree)


def _dismissed_as_false(verb: Token, lemma: str, obj: Token) -> bool:
    """"dismissed X as false / a hoax / overblown": the "as" object says the claim is untrue, whatever X is."""
    if lemma != "dismiss":
        return False
    for prep in (*verb.children, *obj.children):
        if prep.dep_ == "prep" and prep.lower_ == "as":
            words = {t.lower_ for t in prep.subtree}
            return bool(words & (FALSE_WORDS | CORRECTION_WORDS))
    return False


def has_claim_clause(noun: Token) -> bool:
    """"the notion that …", "the idea that …", "the suggestion he won't be ready": a statement noun with a clause."""
    return base_form(noun.text) in CLAUSE_NOUNS and any(
        c.dep_ in ("acl", "ccomp", "relcl", "appos") and c.pos_ in ("VERB", "AUX") for c in noun.children)


def _as_end(verb: Token) -> Token:
    """The last cue token: "dismissed … as" ends on "as", other verbs on themselves."""
    return next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), verb)


def _cue(anchor: Token, last: Token, kind: DisputeKind, target: Token | None, confidence: float) -> Cue:
    """A cue from ``anchor`` to ``last`` (the anchor alone when ``last`` precedes it)."""
    end = max(anchor.i, last.i) + 1 if last.i - anchor.i < 12 else anchor.i + 1
    return Cue(anchor.i, end, kind, anchor, target, confidence)
