"""More dispute cues, written from the guideline's wording and plain English (not from dev errors).

| pattern | example | kind |
|---|---|---|
| a response verb with a clause | "Jones countered that the mine was profitable" | contradiction |
| "disagree with" + a statement noun or clause | "disagreed with that assessment" | rejection |
| a reporting verb said to be false, inside someone's words | "Jones said Smith falsely claimed that …" | rejection |
| never said / did not say + that, a statement noun or "such a thing" | "he never said that" | denial |
| got it wrong | "Jones said Smith got it wrong" | rejection |
| a claim that does not hold up / add up / hold water | "Smith's numbers did not add up" | rejection |
| a claim without merit / basis / foundation | "the allegations were without merit" | rejection |

Each is a ``detect.Cue``; the caller keeps the guideline's exclusions (``detect.asserted``) and needs a disputing
attribution (the journalist's own voice is never a dispute). ``inside`` cues count only inside another's words.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from ..lexicon.disputes import BE_FORMS, DEMONSTRATIVES, NO_NOUNS, STATEMENT_NOUNS, base_form
from .detect import CONFIDENCE_PERSON, CONFIDENCE_PREDICATE, Cue, claimish, has_claim_clause, is_person

# Verbs that answer a claim with the opposite one when they take a clause: "countered that …".
COUNTER_VERBS = frozenset({"counter", "countered", "counters", "countering", "retort", "retorted", "retorts",
                           "rebut", "rebutted"})
# Adverbs that call a reported claim untrue, and the reporting verbs they mark.
FALSELY = frozenset({"falsely", "wrongly", "erroneously", "incorrectly", "mistakenly", "inaccurately"})
REPORT_VERBS = frozenset({"claim", "claimed", "claims", "claiming", "say", "said", "says", "saying", "suggest",
                          "suggested", "suggests", "assert", "asserted", "asserts", "state", "stated", "states",
                          "allege", "alleged", "alleges", "accuse", "accused", "accuses", "report", "reported",
                          "reports", "imply", "implied", "implies", "charge", "charged", "charges", "insist",
                          "insisted", "insists", "tweet", "tweeted", "tweets", "portray", "portrayed",
                          "describe", "described", "characterize", "characterized", "blame", "blamed"})
# Verbs of having said something, for "never said that".
SAID_VERBS = frozenset({"say", "said", "says", "make", "made", "tell", "told", "write", "wrote", "written",
                        "tweet", "tweeted", "use", "used", "utter", "uttered", "post", "posted", "retweet",
                        "retweeted"})
NEGATORS = frozenset({"not", "n't", "never", "’t"})
# "did not buy the argument", "never bought into the idea that …".
BUY_VERBS = frozenset({"buy", "buys", "bought", "buying"})
# Verbs of having claimed, for "never suggested / claimed / said that …" with a clause.
SUGGEST_VERBS = frozenset({"suggest", "suggested", "claim", "claimed", "say", "said", "propose", "proposed",
                           "imply", "implied", "assert", "asserted", "advocate", "advocated"})
SAY_ONLY = frozenset({"say", "said", "says", "write", "wrote", "written", "tweet", "tweeted", "tell", "told",
                      "post", "posted", "retweet", "retweeted"})
# "does not hold up / add up / stand up / hold water".
HOLD_VERBS = frozenset({"hold", "holds", "held", "add", "adds", "added", "stand", "stands", "stood"})
SUCH = frozenset({"such", "anything", "any"})
# Every word ``phrase_cues`` looks at (besides "disagree…").
CUE_WORDS = COUNTER_VERBS | FALSELY | NEGATORS | {"wrong", "without"}


def phrase_cues(doc: Doc) -> list[Cue]:
    """Cues of the patterns in the module's table, in text order."""
    out: list[Cue] = []
    strings = doc.vocab.strings
    # Only the tokens whose lower-case form can start a pattern become Token objects (read from the LOWER array).
    for i, low_id in enumerate(doc.to_array(LOWER).tolist() if len(doc) else []):
        low = strings[low_id]
        if low not in CUE_WORDS and not low.startswith("disagree"):
            continue
        tok = doc[i]
        cue: Cue | None = None
        if low in COUNTER_VERBS and tok.pos_ == "VERB":
            cue = counter_cue(tok)
        elif low.startswith("disagree") and tok.pos_ == "VERB":
            cue = disagree_cue(tok)
        elif low in FALSELY and tok.dep_ == "advmod":
            cue = falsely_cue(tok)
        elif low in NEGATORS and tok.dep_ == "neg":
            cue = never_said_cue(tok) or not_hold_cue(tok) or not_buy_cue(tok)
        elif low == "wrong" and tok.dep_ in ("acomp", "oprd", "xcomp"):
            cue = got_wrong_cue(tok)
        elif low == "without" and tok.dep_ == "prep":
            cue = without_cue(tok)
        if cue is not None:
            out.append(cue)
    return out


def counter_cue(verb: Token) -> Cue | None:
    """"countered that the mine was profitable", "'…,' she retorted": a reply that asserts the opposite."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None or any(t.tag_ in ("WDT", "WP", "WRB") for t in clause.lefts):
        return None
    return Cue(verb.i, verb.i + 1, "contradiction", verb, clause, CONFIDENCE_PREDICATE)


def disagree_cue(verb: Token) -> Cue | None:
    """"disagreed with that assessment / the notion that …" (a claim, not a plan or a person)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "with":
            continue
        for obj in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
            if obj.tag_ in ("WDT", "WP") or obj.i < verb.i:
                return None  # "people that I disagree with": a relative pronoun, no claim
            if base_form(obj.text) in STATEMENT_NOUNS or obj.lower_ in DEMONSTRATIVES or has_claim_clause(obj):
                return Cue(verb.i, prep.i + 1, "rejection", verb, obj, CONFIDENCE_PREDICATE)
    return None


def falsely_cue(adverb: Token) -> Cue | None:
    """"Smith falsely claimed that …" inside another's words: the reported claim is disputed, its maker the party."""
    verb = adverb.head
    if verb.lower_ not in REPORT_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    return Cue(adverb.i, verb.i + 1 if verb.i == adverb.i + 1 else adverb.i + 1, "rejection", adverb, subject,
               CONFIDENCE_PREDICATE, inside=True)


def never_said_cue(neg: Token) -> Cue | None:
    """"he never said that", "I did not make those remarks", "she never said any such thing": a denial of having
    said what someone reports."""
    verb = neg.head
    if verb.lower_ in SUGGEST_VERBS and _past(verb) and neg.lower_ == "never" and _own_word(verb):
        clause = next((c for c in verb.children if c.dep_ == "ccomp" or c.dep_ == "dobj"
                       and base_form(c.text) in STATEMENT_NOUNS), None)
        if clause is not None:  # "he had never suggested that …", "I never claimed that …"
            return Cue(min(neg.i, verb.i), max(neg.i, verb.i) + 1, "denial", neg, clause, CONFIDENCE_PERSON)
    if verb.lower_ not in SAID_VERBS or not any(c.dep_ == "nsubj" for c in verb.children) or not _past(verb):
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        words = {t.lower_ for t in obj.subtree}
        if base_form(obj.text) in STATEMENT_NOUNS or (obj.lower_ in DEMONSTRATIVES and verb.lower_ in SAY_ONLY) or (
                words & SUCH and "thing" in words) or ("like" in words and words & DEMONSTRATIVES):
            return Cue(min(neg.i, verb.i), max(neg.i, verb.i) + 1, "denial", neg, obj, CONFIDENCE_PERSON)
    return None


def not_buy_cue(neg: Token) -> Cue | None:
    """"Republicans never bought the idea that …", "did not buy her argument": a claim not believed, rejected."""
    verb = neg.head
    if verb.lower_ not in BUY_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "into" for g in c.children if g.dep_ == "pobj"]
    for obj in objects:
        if base_form(obj.text) in STATEMENT_NOUNS or has_claim_clause(obj):
            return Cue(min(neg.i, verb.i), max(neg.i, verb.i) + 1, "rejection", neg, obj, CONFIDENCE_PREDICATE)
    return None


def _own_word(verb: Token) -> bool:
    """"I never claimed …", "he said he had never suggested …": the speaker's own denial, not the journalist's
    account of what someone never said."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.lower_ in ("i", "we") or verb.dep_ == "ccomp"
                                    and subject.lower_ in ("he", "she", "they"))


def _past(verb: Token) -> bool:
    """Said of the past, with no modal: "never said", "did not say", "has never said" (not "should not say")."""
    if any(c.tag_ == "MD" for c in verb.children):
        return False
    return verb.tag_ in ("VBD", "VBN") or any(
        c.dep_ == "aux" and c.lower_ in ("did", "has", "had", "have") for c in verb.children)


def got_wrong_cue(wrong: Token) -> Cue | None:
    """"Smith got it wrong", "they have it all wrong": the person's account is disputed."""
    verb = wrong.head
    if base_form(verb.text) not in ("get", "got", "have", "has", "had") and verb.lower_ not in ("got", "gotten"):
        return None
    if not any(c.dep_ == "dobj" and c.lower_ in ("it", "that", "this") for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not is_person(subject) or subject.lower_ in ("i", "we"):
        return None
    return Cue(verb.i, wrong.i + 1, "rejection", wrong, subject, CONFIDENCE_PREDICATE)


def not_hold_cue(neg: Token) -> Cue | None:
    """"the claim did not hold up", "his numbers don't add up", "that doesn't hold water"."""
    verb = neg.head
    if verb.lower_ not in HOLD_VERBS:
        return None
    up = any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "up" for c in verb.children)
    water = any(c.dep_ == "dobj" and c.lower_ == "water" for c in verb.children)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if not (up or water) or subject is None or not claimish(subject, person_ok=False):
        return None
    return Cue(min(neg.i, verb.i), max(neg.i, verb.i) + 1, "rejection", neg, subject, CONFIDENCE_PREDICATE)


def without_cue(without: Token) -> Cue | None:
    """"the allegations are without merit / basis / foundation"."""
    noun = next((c for c in without.children if c.dep_ == "pobj"), None)
    head = without.head
    if noun is None or noun.lower_ not in NO_NOUNS or head.lower_ not in BE_FORMS:
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is None or not claimish(subject, person_ok=False):
        return None
    return Cue(without.i, noun.i + 1, "rejection", without, subject, CONFIDENCE_PREDICATE)
