"""Words that report speech, writing, belief and intention: the attribution core's verb and noun lists.

Every list holds base forms (``forms.base_form`` maps an inflected word to one); each question the rules ask has
one predicate here. Add a word to the list that answers its question; add a list with its predicate for a new
question (the type and speaker lists are in ``types`` and ``people``).
"""

from __future__ import annotations

# Verbs that report a statement (speech or writing).
STATEMENT_VERBS = frozenset("""
say tell add state claim argue assert insist note explain announce declare report reveal write tweet post
warn suggest acknowledge admit concede confirm deny reject dispute contend maintain reply respond answer
ask wonder question predict promise pledge vow threaten urge call demand accuse charge complain criticize
praise describe recall remember testify comment remark observe point mention emphasize stress
assure affirm allege boast brag quip joke lament decry blast slam counter retort rebut protest
caution continue repeat reiterate concur recommend propose advise inform notify signal hint
""".split())

# Verbs that report a belief, knowledge, perception or intention ("think", "know", "hope", "plan").
BELIEF_VERBS = frozenset("""
believe think feel know hope expect fear worry doubt suspect want plan intend agree disagree estimate
find show indicate conclude learn hear read understand realize recognize consider
""".split())

# Everything PolNeAR counts as a cue verb: a cue word for the tagger's features and the default speech verb of
# the rules.
REPORTING_VERBS = STATEMENT_VERBS | BELIEF_VERBS

# Verbs whose subject + clausal complement is an attribution (speech, not belief: "think" and "know" head too
# many ordinary clauses).
CLAUSE_VERBS = frozenset("""
say tell assure claim insist argue add explain state reveal report warn promise deny admit announce write
complain suggest boast brag allege acknowledge confirm declare maintain contend testify predict vow pledge
comment remark note observe reply respond answer counter retort concede emphasize stress recall
""".split())

# Participles that open a second statement of the same speaker: "…, adding that …", "…, saying …".
PARTICIPLE_VERBS = frozenset({"add", "say", "note", "explain", "insist", "argue", "warn", "claim", "stress"})

# Verbs reliable enough to open a nested attribution inside a content: the clause verbs less those that inside a
# statement mostly start a reply or an aside rather than report one, plus "talk" ("talked about how …").
NESTING_VERBS = (CLAUSE_VERBS - {
    "answer", "comment", "concede", "counter", "emphasize", "note", "observe", "recall", "remark", "reply",
    "respond", "retort", "stress",
}) | {"talk"}

# Verbs that report through "about" ("talked about how …").
ABOUT_VERBS = frozenset({"talk", "speak", "complain", "boast", "brag", "write"})

# Nouns heading an attribution phrase: "according to", "in a statement", "his claim that".
CUE_NOUNS = frozenset("""
statement interview remark remarks comment comments claim claims assertion announcement report reports
tweet post letter memo email speech testimony release briefing conference
""".split())

# Multi-word cues, matched on lower-cased text.
CUE_PHRASES = (
    "according to", "told reporters", "has learned", "have learned", "in a statement", "said in a statement",
    "went on to say", "pointed out", "made clear", "spoke of", "weighed in",
)


def is_reporting_verb(base: str) -> bool:
    """Whether a verb of this base form reports speech, writing, belief or intention (PolNeAR's cue verbs)."""
    return base in REPORTING_VERBS


def is_statement_verb(base: str) -> bool:
    """Whether a verb of this base form reports a statement (speech or writing)."""
    return base in STATEMENT_VERBS


def is_belief_verb(base: str) -> bool:
    """Whether a verb of this base form reports a belief, knowledge, perception or intention."""
    return base in BELIEF_VERBS


def is_clause_verb(base: str) -> bool:
    """Whether this verb's subject and clausal complement make an attribution ("X said that …")."""
    return base in CLAUSE_VERBS


def is_participle_verb(base: str) -> bool:
    """Whether this verb's participle opens a second statement ("…, adding that …")."""
    return base in PARTICIPLE_VERBS


def is_nesting_verb(base: str) -> bool:
    """Whether this verb opens an attribution nested in another's content."""
    return base in NESTING_VERBS


def is_about_verb(base: str) -> bool:
    """Whether this verb reports through "about" ("talked about how …")."""
    return base in ABOUT_VERBS


def is_cue_noun(base: str) -> bool:
    """Whether this noun heads an attribution phrase ("in a statement", "his claim that")."""
    return base in CUE_NOUNS
