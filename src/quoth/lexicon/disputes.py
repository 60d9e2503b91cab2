"""The dispute lexicon: word lists (in base form) and the one base-form function that maps word forms onto them.

quoth runs without spaCy's lemmatizer (speed), so ``base_form`` undoes the few English inflections these lists
need ("denies", "denied", "denying" → "deny"). Every list is written from the guideline in
``data/disputes-dev/README.md``, not from the dev disputes; a word added here should be one the guideline names
or a plain synonym of one.
"""

from __future__ import annotations

from functools import lru_cache

from .forms import stem_onto

# Verbs whose subject contests a claim: "X denied that …", "X rejected Y's claims".
DENY_VERBS = frozenset({"deny"})
REJECT_VERBS = frozenset({"reject", "dispute", "refute", "rebut", "dismiss", "debunk", "contest", "repudiate",
                          "pooh-pooh", "deride", "challenge", "mock", "ridicule", "quash", "dispel"})
# Dispute verbs whose object may be a clause: "denied that …", "disputed that …" (not "dismissed what …").
CLAUSE_VERBS = frozenset({"deny", "dispute", "contest", "reject", "refute", "rebut"})
CONTRADICT_VERBS = frozenset({"contradict"})
CORRECT_VERBS = frozenset({"misquote", "misrepresent", "mischaracterize", "mischaracterise", "distort",
                           "exaggerate", "overstate", "misstate", "twist", "correct"})
DISPUTE_VERBS = DENY_VERBS | REJECT_VERBS | CONTRADICT_VERBS
# Verbs of passing on falsehoods: "peddling fiction", "put out this fiction", "spreading lies" reject the claims.
SPREAD_VERBS = frozenset({"peddle", "spread", "put", "push", "tell", "repeat", "perpetuate", "promote", "circulate",
                          "spin", "spout", "dispel"})
# Falsity nouns that name a claim when passed on: "spreading lies", "peddling fiction".
SPREAD_NOUNS = frozenset({"fiction", "lie", "lies", "falsehood", "falsehoods", "untruths", "misinformation",
                          "disinformation", "myth", "myths", "fantasy", "fabrications", "conspiracy"})
# Verbs that make a dispute only with a particle or object: "pushed back on", "took issue with", "bristled at".
PHRASAL_VERBS = frozenset({"push", "take", "bristle", "hit", "scoff", "laugh", "brush", "wave"})

# What a statement is called: the object of a dispute verb or the subject of "… is false".
STATEMENT_NOUNS = frozenset({
    "statement", "claim", "assertion", "remark", "comment", "word", "allegation", "accusation", "charge",
    "account", "characterization", "characterisation", "version", "description", "assessment", "suggestion",
    "insinuation", "testimony", "narrative", "contention", "argument", "declaration", "story", "portrayal",
    "depiction", "report", "reporting", "notion", "criticism", "critique", "rumor", "rumour",
    "speculation", "theory", "premise", "assumption", "consensus", "conclusion", "finding", "figure", "number",
    "estimate", "statistic", "analysis", "interpretation", "impression", "perception", "quote", "tweet",
    "article", "headline", "post", "attack", "smear", "suspicion", "implication", "prediction", "projection",
    "advice", "recommendation", "message", "answer", "warning",
    "explanation", "excuse", "rationale", "justification", "belief", "view", "position", "line", "talking"})
# Quantities whose "of" object is what a predicate is said of: "half of his advice is unsubstantiated".
QUANTITY_WORDS = frozenset({"half", "most", "much", "some", "all", "part", "many", "none", "majority", "portion",
                            "parts", "bulk", "each", "any", "one"})
# What one denies about oneself: "denied wrongdoing", "denied any involvement".
GUILT_NOUNS = frozenset({"wrongdoing", "involvement", "responsibility", "knowledge", "wrong", "guilt",
                         "link", "role", "participation", "misconduct", "impropriety", "abuse", "harassment"})
# Objects that make "deny/reject" a refusal or a policy decision, never a dispute ("denied bail").
NOT_CLAIM_NOUNS = frozenset({
    "bail", "entry", "request", "access", "permission", "application", "visa", "parole", "offer", "proposal",
    "plan", "bill", "appeal", "deal", "invitation", "motion", "petition", "nomination", "nominee", "call",
    "demand", "bid", "amendment", "measure", "policy", "candidate", "treaty", "agreement", "budget",
    "settlement", "suit", "lawsuit", "case", "service", "benefit", "coverage", "claimant", "loan", "license",
    "licence", "asylum", "refuge", "funding", "vote", "resolution", "legislation", "rule", "regulation", "change",
    "reform", "pardon", "clemency", "right", "chance", "opportunity", "help", "aid", "support", "platform"})

# Predicates that call a claim untrue: "the claims are unfounded", "called the charges fabricated".
FALSE_WORDS = frozenset({
    "false", "untrue", "wrong", "baseless", "unfounded", "groundless", "unsubstantiated", "fabricated", "bogus",
    "fake", "fictitious", "lie", "lies", "lying", "nonsense", "absurd", "ridiculous", "preposterous", "ludicrous",
    "laughable", "hoax", "fiction", "fantasy", "falsehood", "falsehoods", "untruth", "untruths", "made-up",
    "incorrect", "erroneous", "mistaken", "manufactured", "invented", "garbage", "rubbish", "baloney", "malarkey",
    "defamatory", "libelous", "slanderous", "smear", "conspiracy", "fabrication", "fabrications", "misinformation",
    "disinformation", "debunked", "discredited", "disproven", "disproved"})
# Predicates that call a claim inaccurate rather than untrue: a correction.
CORRECTION_WORDS = frozenset({
    "misleading", "inaccurate", "exaggerated", "exaggerating", "overstated", "overstating", "distorted",
    "distorting", "misquoted", "misrepresented", "misrepresenting", "mischaracterized", "mischaracterizing",
    "mischaracterised", "misinterpreted", "misconstrued", "twisted", "out-of-context", "imprecise", "selective",
    "cherry-picked", "understated", "understating", "skewed", "distortion", "distortions", "misrepresentation",
    "misrepresentations", "mischaracterization", "mischaracterisation", "exaggeration", "exaggerations",
    "overstatement"})
# Nouns after "no" that deny a claim: "there was no truth to", "no evidence that".
NO_NOUNS = frozenset({"truth", "basis", "merit", "evidence", "foundation", "substance", "proof"})
# Words that keep a falsity predicate from asserting anything: "whether it is false", "if it were wrong".
UNASSERTED_MARKS = frozenset({"if", "whether", "would", "could", "might", "may", "unless", "will", "'ll", "’ll"})
# Heads under which a dispute verb is not asserted ("refused to deny", "declined to dispute").
NOT_ASSERTED_HEADS = frozenset({"refuse", "decline", "fail", "avoid", "hesitate", "want", "try", "ask", "urge",
                                "need", "plan", "expect", "hope", "wish", "pretend", "imagine", "suppose"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "it"})
CONTRAST_MARKS = frozenset({"but", "however", "yet", "instead", "contrary", "though", "although", "meanwhile"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor", "’t"})
BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "’s", "'re", "’re", "am"})
CALL_VERBS = frozenset({"call", "label", "deem", "brand", "describe", "characterize", "characterise", "term",
                        "dub", "consider"})
# Common words that carry no topic (for comparing two statements' content).
STOP_WORDS = frozenset("""a an the and or but if of to in on at by for with from as that this these those it its
is are was were be been being have has had do does did will would shall should can could may might must not no
n't he she they we i you him her them us me my our your their his hers theirs who whom whose which what when where
why how there here than then so too very also just about into over after before said says say told tell according
more most some any all one two new mr mrs ms dr s 's ’s""".split())  # noqa: SIM905


@lru_cache(maxsize=16384)
def base_form(word: str) -> str:
    """``word`` lower-cased, its possessive ending dropped, and, when an inflection of a lexicon word ("rejects",
    "denied", "took"), that word (the lexicon's one stemmer, ``forms.stem_onto``)."""
    low = word.lower().replace("’", "'")
    for ending in ("'s", "'"):
        if low.endswith(ending) and len(low) > len(ending):
            low = low[: -len(ending)]
            break
    return stem_onto(low, _VOCABULARY, _IRREGULAR)


_IRREGULAR = {"took": "take", "taken": "take", "takes": "take", "taking": "take", "pooh-poohed": "pooh-pooh",
              "pooh-poohs": "pooh-pooh", "pooh-poohing": "pooh-pooh", "lied": "lie", "lying": "lie",
              "told": "tell", "spun": "spin"}
_VOCABULARY = (DISPUTE_VERBS | CORRECT_VERBS | PHRASAL_VERBS | STATEMENT_NOUNS | GUILT_NOUNS | NOT_CLAIM_NOUNS
               | NOT_ASSERTED_HEADS | CALL_VERBS | NO_NOUNS | SPREAD_VERBS
               | frozenset({"support", "back", "substantiate", "prove", "corroborate", "confirm", "suggest", "show",
                            "lie", "accuse", "allege", "denial"}))
