"""Who is disputed, and which of their statements: the target party, attribution and text of a dispute cue.

In order: the claim's owner in the phrase itself ("Noem's statements", "the allegations made by Y", "Y is
lying"); a reported statement nested in the disputing content ("Trump's tweets accusing Machado … are lies");
else the earlier statement, by another party, that best shares the disputed claim's content words and entities
(for "the charges", "those reports", "denied that …"). The party is the owner, else that statement's speaker;
null when neither is known ("denied reports that …").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from ..docindex import doc_text
from ..model import Attribution, Entity, Span
from .detect import Cue
from .party import (bare_judgement, can_be_party, claim_maker, claim_owner, described_owner, name_words, named_group,
                    side_words)
from .frames import DISAGREE_FORMS
from .phrases import COUNTER_VERBS
from ..lexicon.disputes import DEMONSTRATIVES, GUILT_NOUNS, STATEMENT_NOUNS, STOP_WORDS, base_form

# A candidate earlier statement must share at least this many content words (5-letter prefixes) with the disputed
# claim, unless its speaker owns the claim. Set on the even half of disputes-dev; re-run
# `quoth eval disputes --half even` and `--half odd` after changing it.
MIN_SHARED_WORDS = 2
# When the disputing sentence states the claim with no owner ("denied that …", "rejected the notion that …"), the
# claim is usually not an earlier statement (the guideline's party is then null): an earlier statement is the
# target only when it shares this many content words, and its speaker is not taken as the party.
STATED_MIN_SHARED = 3
MAKERLESS_NOUNS = frozenset({"notion", "idea", "rumor", "rumour", "speculation", "theory", "perception",
                             "impression", "premise", "assumption", "myth", "belief", "view", "narrative"})
# How far back (characters) to look for the disputed statement.
LOOKBACK_CHARS = 6000
# How far back (characters) "that", "the charges", "those reports" may point.
POINTER_CHARS = 1500
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Statement nouns that name what an accuser, alleger or reporter said.
ACCUSING_CUES = frozenset({"accuse", "allege", "charge", "claim", "report", "suggest", "say", "argue", "assert",
                           "insist", "contend", "write", "tweet", "state"})


# How far back a bare "X disagreed." looks for what it answers.
JUST_SAID_CHARS = 600


@dataclass(frozen=True)
class Target:
    """What a dispute targets; every field may be None."""

    attribution: Attribution | None
    entity: Entity | None
    text: Span | None


def resolve_target(doc: Doc, cue: Cue, by: Attribution, attributions: list[Attribution],
                   entity_of: dict[int, Entity], entities: dict[str, Entity]) -> Target:
    """The target of ``cue`` said in ``by`` (see the module docstring)."""
    text = target_text(doc, cue)
    owner = claim_owner(cue.target, entity_of) if cue.target is not None else None
    # A contradiction needs a claim or party to fire at all (``find_disputes``): these only narrow other kinds.
    narrow = cue.kind != "contradiction"
    described = narrow and owner is None and cue.target is not None and (
        described_owner(cue.target, entity_of) or bare_judgement(cue.target))
    if owner is None and cue.target is not None:
        maker = claim_maker(cue.target, cue.anchor, entity_of)
        owner = maker if maker is not None and maker.id != by.speaker else None
    group = named_group(cue.target, entities) if owner is not None and cue.target is not None else None
    if cue.kind == "correction" and cue.target is not None and cue.target.dep_ == "nsubjpass":
        owner = None  # "Trump's comments were distorted": Trump is the distorted, not the party disputed
    side = side_words(by, entities)
    if owner is not None and side & _speaker_words(owner):
        owner = group = None  # "it's the same false attack" said by the campaign's press secretary
    others = [a for a in attributions if a is not by and a.id != by.parent and (
        a.speaker is None or (a.speaker != by.speaker and not side & _speaker_words(entities.get(a.speaker))))]
    nested = _nested_claim(cue, by, others)
    if nested is not None:
        return Target(nested, owner or entities.get(nested.speaker or ""), text)
    answered = _just_said(doc, cue, others, entities) if cue.target is None else None
    if answered is not None:
        return Target(answered, entities.get(answered.speaker or ""), text)
    words = content_words(text.text if text else _claim_words_source(doc, cue, by))
    context = content_words(cue.anchor.sent.text)
    about = _speaker_words(entities.get(by.speaker or "")) if cue.kind == "denial" else set()
    stated = narrow and text is not None and owner is None and not described and _makerless(cue)
    att = None if described else best_statement(cue, words, owner, others, context, about,
                                                STATED_MIN_SHARED if stated else MIN_SHARED_WORDS)
    entity = group or owner or (entities.get(att.speaker) if att is not None and att.speaker and not stated
                                else None)
    if entity is not None and (entity.id == by.speaker or not can_be_party(entity)):
        entity = None
    return Target(att, entity, text)


def _just_said(doc: Doc, cue: Cue, others: list[Attribution], entities: dict[str, Entity]) -> Attribution | None:
    """"Nia Coombs disagreed.": a disagreement with no object answers what was just said, the latest statement by
    another named party that ends before the cue, at most ``JUST_SAID_CHARS`` before it."""
    if cue.anchor.lower_ not in DISAGREE_FORMS:
        return None
    at = doc[cue.start].idx
    before = [a for a in others if a.speaker and (e := entities.get(a.speaker)) is not None and e.named
              and a.content is not None and 0 <= at - a.content.spans[-1][1] <= JUST_SAID_CHARS]
    return max(before, key=lambda a: a.content.spans[-1][1], default=None)


def _makerless(cue: Cue) -> bool:
    """A claim stated with no one behind it: a denied clause ("denied that …"), a guilt noun ("denied any role")
    or a noun for what is in the air ("the notion that …", "rumors that …"); not "the suggestion that …",
    "anyone claiming that …" or "countered that …", which answer someone."""
    tok = cue.target
    if tok is None:
        return False
    if tok.pos_ in ("VERB", "AUX"):
        return tok.tag_ != "VBG" and cue.kind != "contradiction" and not _replies(cue)
    return base_form(tok.text) in GUILT_NOUNS | MAKERLESS_NOUNS


def _speaker_words(entity: Entity | None) -> set[str]:
    return name_words(entity.name) if entity is not None and can_be_party(entity) else set()


def refine_target(doc: Doc, cue: Cue, by: Attribution, target: Target, attributions: list[Attribution],
                  entities: dict[str, Entity]) -> Target:
    """Prefer the statement the disputing sentence itself reports before the cue: "the contest had been rigged,
    a charge that the leaders denied", "blamed the network for reporting that …, which the network called false".
    Applied after detection is decided, so it changes only the target."""
    att = same_sentence_claim(cue, by, attributions)
    if att is None:
        return target
    entity = target.entity
    if entity is None and att.speaker and att.speaker != by.speaker:
        found = entities.get(att.speaker)
        entity = found if can_be_party(found) and not side_words(by, entities) & _speaker_words(found) else None
    return Target(att, entity, target.text)


def same_sentence_claim(cue: Cue, by: Attribution, attributions: list[Attribution]) -> Attribution | None:
    """Another party's statement whose content lies in the cue's sentence, before the cue."""
    sent = cue.anchor.sent
    lo, at = sent.start_char, cue.anchor.idx
    inside = [a for a in attributions if a is not by and a.id != by.parent and a.parent != by.id
              and a.speaker is not None and a.speaker != by.speaker
              and lo <= a.content.start and a.content.end <= at and not _covers(by, a)]
    return max(inside, key=lambda a: a.content.end) if inside else None


def _covers(by: Attribution, att: Attribution) -> bool:
    return by.content.start <= att.content.start and att.content.end <= by.content.end


def target_text(doc: Doc, cue: Cue) -> Span | None:
    """The disputed claim's words when the disputing sentence states them: "denied that the coach resigned"."""
    tok = cue.target
    if tok is None:
        return None
    clause = tok if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("ccomp", "xcomp", "pcomp") else next(
        (c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl", "appos") and c.pos_ in ("VERB", "AUX")
         and tok.i < c.i and _has_subject(c) and not c.left_edge.i <= cue.anchor.i <= c.right_edge.i), None)
    if clause is None and base_form(tok.text) in GUILT_NOUNS and tok.dep_ == "dobj":
        clause = tok  # "denied any involvement in the attacks"
    if clause is None:
        return None
    words = [t for t in clause.subtree if t.dep_ != "mark" or t.i != clause.left_edge.i]
    if not words:
        return None
    span: TokenSpan = doc[words[0].i:words[-1].i + 1]
    start, end = span.start_char, span.end_char
    return Span(text=doc_text(doc)[start:end], spans=((start, end),))


def _has_subject(verb: Token) -> bool:
    """A clause with its own subject ("the notion that the reform failed") or a present participle ("tweets
    accusing Y of …") states a claim; "the statements made by Y" does not."""
    return verb.tag_ == "VBG" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def _nested_claim(cue: Cue, by: Attribution, others: list[Attribution]) -> Attribution | None:
    """A statement reported inside the disputing content, before the cue, that the cue's target covers."""
    if cue.target is None:
        return None
    lo, hi = cue.target.left_edge.idx, cue.target.right_edge.idx + len(cue.target.right_edge)
    inside = [a for a in others if a.parent == by.id and lo <= a.content.start < hi and a.content.end <= hi + 1]
    return min(inside, key=lambda a: a.content.start) if inside else None


def _claim_words_source(doc: Doc, cue: Cue, by: Attribution) -> str:
    """Text to compare with earlier statements when the claim is not stated: the target phrase and the content."""
    parts = []
    if cue.target is not None:
        sub = list(cue.target.subtree)
        parts.append(doc_text(doc)[sub[0].idx:sub[-1].idx + len(sub[-1])])
    parts.append(by.content.text)
    return " ".join(parts)


def content_words(text: str) -> set[str]:
    """Topic words of ``text``: lower-cased 5-letter prefixes of words that are not stop words."""
    out = set()
    for raw in text.replace("’", "'").split():
        word = "".join(ch for ch in raw.lower() if ch.isalnum() or ch == "-").strip("-")
        if len(word) > 2 and word not in STOP_WORDS and not word.isdigit():
            out.add(word[:5])
    return out


@lru_cache(maxsize=4096)
def topic_words(text: str) -> frozenset[str]:
    """``content_words`` of ``text``, cached: the contradiction rules compare each statement with many others."""
    return frozenset(content_words(text))


def best_statement(cue: Cue, words: set[str], owner: Entity | None, others: list[Attribution],
                   context: set[str] = frozenset(), about: set[str] = frozenset(),
                   min_shared: int = MIN_SHARED_WORDS) -> Attribution | None:
    """The earlier statement that best matches the claim; among the owner's when the owner is known, ranked by
    words shared with the claim, then with the disputing sentence ("the Colombian government rejected the words
    of …" is about Colombia), then nearness. ``about`` are the name words of a denier: a denial answers a claim
    about the denier, so a statement that names them gets a point."""
    at = cue.anchor.idx
    earlier = [a for a in others if a.content.start < at and at - a.content.end < LOOKBACK_CHARS]
    if owner is not None:
        theirs = [a for a in others if a.speaker == owner.id and -POINTER_CHARS < at - a.content.end < LOOKBACK_CHARS]
        scored = [(len(words & content_words(a.content.text)), len(context & content_words(a.content.text)),
                   -abs(at - a.content.start), a) for a in theirs]
        # With no shared word, only a statement close by is the one meant ("rejects the statements made by Y").
        scored = [s for s in scored if s[0] + s[1] > 0 or -s[2] < POINTER_CHARS]
        return max(scored, key=lambda s: s[:3])[3] if scored else None
    if cue.target is not None and (_points_back(cue.target) or _replies(cue)):
        near = [a for a in earlier if at - a.content.end < POINTER_CHARS]
        return max(near, key=lambda a: (_accusing_bonus(cue, a) + _names(about, a), a.content.end)) if near else None
    scored = [(len(words & content_words(a.content.text)) + _accusing_bonus(cue, a) + _names(about, a),
               -(at - a.content.start), a) for a in earlier]
    scored = [s for s in scored if s[0] >= min_shared]
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def _names(about: set[str], att: Attribution) -> int:
    return 1 if about and about & content_words(att.content.text) else 0


def _replies(cue: Cue) -> bool:
    """"X countered that …": a reply answers the statement just before it."""
    return cue.anchor.lower_ in COUNTER_VERBS


def _points_back(tok: Token) -> bool:
    """"that", "those reports", "the charges", "the suggestion …": a claim the article stated before."""
    if tok.lower_ in DEMONSTRATIVES:
        return True
    return base_form(tok.text) in STATEMENT_NOUNS and not any(c.dep_ == "poss" for c in tok.children) and any(
        c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)


def _accusing_bonus(cue: Cue, att: Attribution) -> int:
    """One point when the claim is called "the allegations/charges/…" and the statement's cue accuses or alleges."""
    if cue.target is None or att.cue is None:
        return 0
    noun = base_form(cue.target.text)
    verb = base_form(att.cue.text.split()[0]) if att.cue.text.split() else ""
    return 1 if noun in ("allegation", "accusation", "charge", "claim", "report") and verb in ACCUSING_CUES else 0
