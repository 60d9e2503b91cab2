"""Speech reported only by its subject or as a question: the ``topic`` type.

A statement reports what was said: a quotation, a clause ("said that …", "said the plan failed") or a speech act
that carries a claim or a demand ("denied wrongdoing", "accused him of lying", "urged them to leave"). Speech
reported only by what it was about, or as a question, with no claim reported, is a ``topic``:

- a topic verb with a noun phrase, a prepositional phrase or a question as content: "discussed the merits of the
  case", "talked about immigration", "spoke of his plans", "responded to questions", "debated whether …";
- a question verb with a wh-/whether/if clause: "asked whether the meeting would happen", "wondered if …"; "ask"
  with a phrase ("asked about the budget") too, but not with "that", "for" or an infinitive (a demand);
- withheld or negated speech: "declined to comment on …", "refused to say whether …", "would not say when …",
  "has not endorsed him", "never said the plan would cost jobs" (a speech act that did not happen carries no
  claim; with a clause only verbs of speech: negated belief, knowledge, intention or finding verbs and other
  verbs are left to the frame); an amount of speech with
  no claim ("said little during the debate", "said nothing about the plan", "will say more next week");
  "decline" or "refuse" with any infinitive ("declined to endorse him": an infinitive after a non-directive verb).

The decision reads the cue's lemma (``quoth.lexicon.types``) and the content's form in the parse (``content_form``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ..lexicon.forms import base_form
from ..lexicon.speech import is_statement_verb
from ..lexicon.types import (
    BELIEF_VERBS,
    COMMITMENT_VERBS,
    FINDING_VERBS,
    INTENTION_VERBS,
    KNOWLEDGE_VERBS,
    PERCEPTION_VERBS,
    QUESTION_VERBS,
    TOPIC_VERBS,
    WITHHELD_SPEECH_VERBS,
    WITHHOLDING_VERBS,
    verb_lemma,
)

QUESTION_OPENERS = frozenset("whether if how what why when where who whom whose which".split())
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# Words that turn a topic verb into a stance ("spoke out against the bill", "talked up the plan", "described it as
# …"): a statement.
_STANCE_WORDS = frozenset("against for out up favour favor support praise as".split())
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
# "wrote a book about the city", "wrote the foreword": writing reported by its subject or its work (kept out of
# ``TOPIC_VERBS``, whose class the learned step reads).
_WRITING_VERBS = frozenset({"write"})
# A content that is only an amount of speech ("said little during the debate", "said nothing about the plan",
# "will say more next week"): no claim reported.
_NO_CLAIM_WORDS = frozenset("little nothing much more something anything everything less".split())
# Verbs whose negation still reports a belief, knowledge, an intention or a finding ("did not expect …"): the
# negation rule leaves them to the frame.
NOT_SPEECH_VERBS = (BELIEF_VERBS | KNOWLEDGE_VERBS | INTENTION_VERBS | COMMITMENT_VERBS | PERCEPTION_VERBS
                    | FINDING_VERBS)


def content_form(tokens: Sequence[Token]) -> str:
    """The content's form: ``clause`` ("that …", a zero-that clause, a noun with a that-complement),
    ``question`` (a wh-/whether/if clause), ``infinitive`` ("to" + verb) or ``phrase`` (a noun or prepositional
    phrase, a gerund)."""
    if not tokens:
        return "phrase"
    first = tokens[0].lower_
    if first == "that":
        return "clause"
    if first in QUESTION_OPENERS:
        return "question"
    if first == "to" and len(tokens) > 1 and tokens[1].tag_ == "VB":
        return "infinitive"
    if any(t.dep_ == "ccomp" or (t.dep_ == "mark" and t.lower_ == "that") for t in tokens):
        return "clause"
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if any(_is_clause_head(t) for t in roots):
        return "clause"
    return "phrase"


def _is_clause_head(token: Token) -> bool:
    """A verb with a subject that is finite itself or through its auxiliaries ("rose", "is hurting", "have been
    lost")."""
    if not any(c.dep_ in _SUBJECTS for c in token.children):
        return False
    return token.tag_ in _FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS
                                             for c in token.children)


def is_negated(cue_tokens: Sequence[Token]) -> bool:
    """Whether the cue is negated ("did not say", "would n't comment", "never mentioned")."""
    return any(t.lower_ in _NEGATIONS or any(c.dep_ == "neg" for c in t.children) for t in cue_tokens)


def is_topic(head: str, cue_tokens: Sequence[Token], tokens: Sequence[Token]) -> bool:
    """Whether an unquoted attribution with cue lemma ``head``, cue tokens ``cue_tokens`` and content tokens
    ``tokens`` reports only a topic or a question (see the module docstring)."""
    form = content_form(tokens)
    if not tokens:
        return False
    if is_negated(cue_tokens) and head not in NOT_SPEECH_VERBS and (form != "clause" or _speech_verb(head)):
        return True
    if form == "phrase" and tokens[0].lower_ in _NO_CLAIM_WORDS and head not in NOT_SPEECH_VERBS:
        return True
    cue_lemmas = {verb_lemma(t.text) for t in cue_tokens}
    if form == "clause":  # "refused to say the plan had failed": withheld speech; "refused to accept that …" not
        return head in WITHHOLDING_VERBS and bool(cue_lemmas & WITHHELD_SPEECH_VERBS)
    opening = {verb_lemma(t.text) for t in tokens[:2]}
    if head in WITHHOLDING_VERBS:
        infinitive = form == "infinitive" or any(t.lower_ == "to" for t in cue_tokens)
        return infinitive or bool((cue_lemmas | opening) & WITHHELD_SPEECH_VERBS)
    if head in QUESTION_VERBS and form == "question":
        return True
    if head == "ask":
        demand = form == "infinitive" or tokens[0].lower_ == "for" or _has_infinitive_complement(cue_tokens)
        return not demand
    if head not in TOPIC_VERBS | _WRITING_VERBS or form == "infinitive":
        return False
    words = {t.lower_ for t in cue_tokens} | {tokens[0].lower_}
    return not words & _STANCE_WORDS and not _predicates(tokens)


def _speech_verb(head: str) -> bool:
    """Whether the cue lemma is a verb of speech ("did not say that …"; not "never bought the idea that …")."""
    return head in WITHHELD_SPEECH_VERBS or is_statement_verb(base_form(head))


def _predicates(tokens: Sequence[Token]) -> bool:
    """Whether the content says what something is, with "as" hanging from the cue ("described him as a liar",
    "spoke of it as a betrayal"), not inside a noun ("talked about her role as mayor")."""
    inside = {t.i for t in tokens}
    return any(t.lower_ == "as" and t.head.i not in inside for t in tokens)


def _has_infinitive_complement(cue_tokens: Sequence[Token]) -> bool:
    """Whether a cue verb governs an infinitive or a clause ("asked the court to …", "asked that …")."""
    return any(c.dep_ in ("xcomp", "ccomp") for t in cue_tokens for c in t.children)
