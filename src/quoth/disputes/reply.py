"""Replies: a statement whose cue says it answers another ("responded", "retaliated", "tweeted in response", "hit
back"), on the topic of an earlier statement by another named party, contradicts it without a dispute word:

    Trump said "France is no longer France". "France will always be France," an angry Hollande retaliated.

Precision first: both speakers must be named entities and differ; the reply verb must be asserted (not "did not
respond", "declined to answer", "sought to answer") and answer a claim, not a request ("responded to a request for
comment", "answering questions"); the answered statement is no question; and the two statements share at least
``MIN_SHARED`` content words. Verbs that answer with a dispute word of their own ("countered", "retorted",
"rebutted") are ``phrases``' cues.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from spacy.tokens import Doc, Token

from ..model import Attribution
from .target import content_words, topic_words

# Shared content words (5-letter prefixes) with the answered statement. Set on train files a, c, d and the even
# half of disputes-dev (1 shared word: about one right reply in four); checked on train b and the odd half.
MIN_SHARED = 2
MAX_GAP_CHARS = 1500
CONFIDENCE_REPLY = 0.55
# Word beginnings of reply verbs and nouns ("responded", "response", "retaliated", "replied", "answers").
REPLY_STEMS = ("respond", "response", "retaliat", "repl", "answer")
# "hit back", "fired back", "shot back", "pushed back" (the particle makes the verb a reply).
BACK_VERBS = frozenset({"hit", "hits", "fire", "fired", "fires", "shot", "shoots", "strike", "struck", "strikes"})
# What is answered when the reply is not to a claim: "responded to a request for comment", "answering questions".
NOT_CLAIMS = frozenset({"request", "requests", "question", "questions", "comment", "comments", "call", "calls",
                        "email", "emails", "inquiry", "inquiries", "message", "messages", "invitation"})
# Heads that leave the reply unasserted or not yet made: "sought to answer", "declined to respond", "failed to".
UNASSERTED_HEADS = frozenset({"decline", "declined", "declines", "refuse", "refused", "refuses", "fail", "failed",
                              "fails", "seek", "sought", "seeks", "try", "tried", "tries", "trying", "choose",
                              "chose", "choosing", "want", "wanted", "wants", "expect", "expected", "struggle",
                              "struggled", "struggling", "plan", "planned", "will", "would"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "’t"})


def answered(doc: Doc, later: Attribution, before: list[Attribution], named: Collection[str]) -> Attribution | None:
    """The earlier statement by another named party that ``later``, a reply, answers; None when ``later`` is no
    reply or answers none of them (see the module docstring)."""
    if later.speaker not in named or later.cue is None or not _replies(doc, later):
        return None
    words = content_words(later.content.text)
    best: tuple[int, int, Attribution] | None = None
    for other in answerable(later, before, named):
        shared = len(words & topic_words(other.content.text))
        if shared >= MIN_SHARED and (best is None or (shared, other.content.start) > best[:2]):
            best = (shared, other.content.start, other)
    return best[2] if best else None


def answerable(later: Attribution, before: list[Attribution], named: Collection[str]) -> Iterator[Attribution]:
    """The statements ``later`` may answer: by another named party, ending before it within ``MAX_GAP_CHARS``,
    neither nested in the other, and not a question."""
    for other in before:
        if other.speaker == later.speaker or other.speaker not in named or other.content.end > later.content.start:
            continue
        if later.content.start - other.content.end > MAX_GAP_CHARS or other.id == later.parent \
                or later.id == other.parent or asks(other):
            continue
        yield other


def asks(att: Attribution) -> bool:
    """Is the statement a question ("Who do you think will win?")? An answer to a question disputes nothing."""
    return att.content.text.rstrip(" \"'”’").endswith("?")


def _replies(doc: Doc, att: Attribution) -> bool:
    """Does the cue of ``att`` say it answers something, asserted ("Hollande retaliated", "tweeted in response")?"""
    assert att.cue is not None
    tokens = [t for s, e in att.cue.spans for t in _tokens(doc, s, e)]
    verbs = [t for t in tokens if _is_reply(t)]
    return bool(verbs) and not any(_unasserted(v) or _not_a_claim(v) for v in verbs)


def _is_reply(tok: Token) -> bool:
    low = tok.lower_
    if low.startswith(REPLY_STEMS) and not low.startswith(("responsib", "respondent", "replica", "replace")):
        return True
    return low in BACK_VERBS and any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in tok.children)


def _unasserted(tok: Token) -> bool:
    """"did not respond", "declined to answer", "was slow to respond" …"""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for node in (verb, verb.head):
        if any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in node.children):
            return True
    return verb.dep_ in ("xcomp", "acomp", "pcomp", "acl") and verb.head.lower_ in UNASSERTED_HEADS \
        or verb.dep_ in ("xcomp", "pcomp", "acl", "amod", "advcl") and verb.head.pos_ in ("NOUN", "ADJ")


def _not_a_claim(tok: Token) -> bool:
    """"responded to a request for comment", "answering questions about …": a reply to a question, not a claim."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for child in verb.children:
        objs = [child] if child.dep_ == "dobj" else [g for g in child.children if g.dep_ == "pobj"] \
            if child.dep_ == "prep" else []
        if any(o.lower_ in NOT_CLAIMS for o in objs):
            return True
    return False


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []
