"""Contradictions without a dispute word: a statement that asserts the opposite of an earlier one by another party.

Three rules, tried in turn for each statement no dispute cue has taken: the contrast rule here, a reply
(``reply``: "Hollande retaliated", "tweeted in response") and the accused answering (``opposite``: "We have never
expressed interest", after another party said the speaker had).

After "Y said the plant will close", "But X said the plant is not closing": the two statements share their topic
(content words) and differ in polarity (one is negated, the other not). Precision first: both speakers must be
known and differ, neither statement may hold the other, the later one must be close, open with a contrast ("But",
"However", "Yet") and share at least ``MIN_SHARED`` content words with the earlier one.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Attribution, Dispute, DisputeKind, Entity, Span
from ..lexicon.disputes import CONTRAST_MARKS, NEGATIONS
from .opposite import CONFIDENCE_OPPOSITE, answers_about_self
from .reply import CONFIDENCE_REPLY, answered
from .target import content_words, topic_words

# Shared content words (5-letter prefixes) that make two statements "on the same topic". Set on the even half of
# disputes-dev (2: more false ones; without a contrast marker even 6 shared words brought 3 false per right one)
# and checked by reading PolNeAR train; re-run `quoth eval disputes --half even` / `--half odd` after changing it.
MIN_SHARED = 3
# How far apart (characters) the two statements may be.
MAX_GAP_CHARS = 1500
CONFIDENCE_CONTRADICTION = 0.5
# Cues by which an outlet relays another's words ("…, said Day, reports USA Today"): no contradiction of its own.
RELAY_CUES = frozenset({"reports", "reported", "reporting", "according to"})
# Cues of conceding ("admitted", "acknowledges", "conceded", "confessed"): an admission, forced or not, grants a
# point and opposes no one, whoever the speaker resolves to ("the senator forced Stumpf to admit that …").
CONCEDING_CUES = ("admit", "acknowledg", "conced", "confess")


def find_contradictions(doc: Doc, attributions: list[Attribution], taken: set[str],
                        named: dict[str, Entity]) -> list[Dispute]:
    """Contradictions among ``attributions``; ``taken`` are ids already disputing something (skipped), ``named``
    the named entities by id (the only ones a target party may be)."""
    statements = sorted((a for a in attributions if a.speaker and a.type == "statement"),
                        key=lambda a: a.content.start)
    out: list[Dispute] = []
    for i, later in enumerate(statements):
        if later.id in taken or (later.cue is not None and later.cue.text.lower() in RELAY_CUES):
            continue
        if _asking(later) or _conceding(later):
            continue
        found = _opposing(doc, later, statements[:i], named)
        if found is not None:
            earlier, kind, confidence = found
            cue = later.cue or later.content
            out.append(Dispute(by=later.id, cue=Span(text=cue.text, spans=cue.spans), kind=kind,
                               target_attribution=earlier.id,
                               target_entity=earlier.speaker if earlier.speaker in named else None,
                               confidence=confidence))
    return out


def _opposing(doc: Doc, later: Attribution, before: list[Attribution],
              named: dict[str, Entity]) -> tuple[Attribution, DisputeKind, float] | None:
    """The earlier statement ``later`` opposes, with the kind and confidence of the rule that found it: a contrast
    and the opposite polarity (below), a reply (``reply``), or the accused answering (``opposite``: a claim about
    the speaker's own side said untrue is a denial, by the guideline)."""
    earlier = _contradicted(doc, later, before)
    if earlier is not None:
        return earlier, "contradiction", CONFIDENCE_CONTRADICTION
    earlier = answered(doc, later, before, named)
    if earlier is not None:
        return earlier, "contradiction", CONFIDENCE_REPLY
    earlier = answers_about_self(doc, later, before, named)
    if earlier is not None:
        return earlier, "denial", CONFIDENCE_OPPOSITE
    return None


def _contradicted(doc: Doc, later: Attribution, before: list[Attribution]) -> Attribution | None:
    """The earlier statement ``later`` contradicts, if any (see the module docstring)."""
    if not _opens_with_contrast(doc, later):
        return None
    reporter = {a.id: a.speaker for a in before}
    words = content_words(later.content.text)
    negated = _negated(later.content.text)
    best: tuple[int, Attribution] | None = None
    for other in before:
        if other.speaker == later.speaker or later.content.start - other.content.end > MAX_GAP_CHARS:
            continue
        if _holds(other, later) or _holds(later, other) or other.parent == later.id or later.parent == other.id:
            continue
        if reporter.get(other.parent or "") == later.speaker:
            continue  # "Noem revealed that Petro assured …": Noem does not contradict the claim she reports
        if _negated(other.content.text) == negated:
            continue
        shared = len(words & topic_words(other.content.text))
        if shared >= MIN_SHARED and (best is None or shared > best[0]):
            best = (shared, other)
    return best[1] if best else None


def _asking(att: Attribution) -> bool:
    """"the Post asked about them", "reporters asked whether …": a question asserts nothing to oppose."""
    return att.cue is not None and att.cue.text.lower().startswith(("ask", "inquir", "wonder"))


def _conceding(att: Attribution) -> bool:
    """"he admitted that no executive was held accountable": an admission asserts nothing against anyone."""
    return att.cue is not None and att.cue.text.lower().startswith(CONCEDING_CUES)


def _negated(text: str) -> bool:
    """Does the statement hold an odd number of negations?"""
    words = text.lower().replace("’", "'").replace("n't", " n't").split()
    return sum(1 for w in words if w.strip(".,;:\"'“”") in NEGATIONS) % 2 == 1


def _holds(outer: Attribution, inner: Attribution) -> bool:
    return outer.content.start <= inner.content.start and inner.content.end <= outer.content.end


def _opens_with_contrast(doc: Doc, att: Attribution) -> bool:
    """Does the sentence of ``att`` open with "But", "However", "Yet" …?"""
    start = min(s for s, _ in (att.source or att.cue or att.content).spans)
    tok = doc.char_span(start, start + 1, alignment_mode="expand")
    if tok is None:
        return False
    first = tok[0].sent[0]
    return first.lower_ in CONTRAST_MARKS
