"""The accused answering: a statement by X that asserts, with the opposite polarity, what an earlier statement by
another party said about X, contradicts it without a dispute word:

    Jane Roe said the Smithsonian had expressed interest in the gun. "We have never expressed interest in
    collecting the gun," the Smithsonian said.

Precision first: both speakers are named and differ; the earlier statement names the later speaker; the two
share at least ``MIN_SHARED`` content words; and one of the words they share (not a name) is negated in one and
not in the other, in its own clause (``polarity``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Attribution, Entity
from .polarity import core_keys, generic_subject, key_polarity_tokens, opposed, predicate_keys
from .reply import answerable
from .target import content_words, topic_words

# Set on train files a, c, d and the even half of disputes-dev; checked on train b and the odd half.
MIN_SHARED = 2
CONFIDENCE_OPPOSITE = 0.45


def answers_about_self(doc: Doc, later: Attribution, before: list[Attribution],
                       named: dict[str, Entity]) -> Attribution | None:
    """The earlier statement about ``later``'s speaker that ``later`` asserts the opposite of, or None."""
    speaker = named.get(later.speaker or "")
    if speaker is None:
        return None
    own = _name_words(speaker)
    words = content_words(later.content.text)
    keys: dict[str, set[bool]] | None = None  # the later statement's predicates, read once a candidate needs them
    tokens: dict[str, list[Token]] = {}
    best: tuple[int, int, Attribution] | None = None
    for other in answerable(later, before, named):
        theirs = topic_words(other.content.text)
        if not own & theirs:
            continue
        shared = len(words & theirs)
        if shared < MIN_SHARED:
            continue
        if keys is None:
            keys = predicate_keys(doc, later.content.spans)
            tokens = key_polarity_tokens(doc, later.content.spans)
        ignore = own | _name_words(named[other.speaker or ""])
        opp = opposed(predicate_keys(doc, other.content.spans), keys, ignore)
        opp &= core_keys(doc, other.content.spans) & core_keys(doc, later.content.spans)
        opp = {k for k in opp if not any(generic_subject(t) for t in tokens.get(k, []))}
        if opp and (best is None or (shared, other.content.start) > best[:2]):
            best = (shared, other.content.start, other)
    return best[2] if best else None


def _name_words(entity: Entity) -> set[str]:
    return content_words(entity.name)
