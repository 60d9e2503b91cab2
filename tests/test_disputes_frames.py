"""Issue 15, frames round (branch s10-disp-detect): dispute cues from a verb's frame (``disputes.frames``), and the
identity comparisons of spaCy tokens fixed (texts written here, not taken from any article). Attributions are marked
by hand (see speaker_fixtures)."""

from __future__ import annotations

import pytest

from speaker_fixtures import parse_marked, resolve

pytestmark = pytest.mark.model

CLAIM = "[1|Tom Burke|] {1|said|} <1|the mine will close next year|>. "

# (marked text, the disputing attribution, kind)
POSITIVES = [
    # deny + any thing, no recipient
    (CLAIM + "[2|Ann Jones|] {2|said|} <2|the union had always denied its opposition to the sale|>.", "a2",
     "denial"),
    (CLAIM + "[2|Ann Jones|] {2|said|} <2|Acme Mining denied any improper role in the closure|>.", "a2", "denial"),
    # an attempt to dispute that was made
    (CLAIM + "[2|Ann Jones|] {2|said|} <2|Acme Mining tried to refute the gloomy assessments|>.", "a2",
     "rejection"),
    # disagreement with no object, first person
    (CLAIM + "<2|\"I fundamentally disagree,\"|> {2|said|} [2|Ann Jones|].", "a2", "rejection"),
    # a warning is a statement: rejecting it rejects a claim
    (CLAIM + "[2|Ann Jones|] {2|said|} <2|the council rejected the industry's warning|>.", "a2", "rejection"),
]

NEGATIVES = [
    # deny with a recipient, or a person, or a policy object: refusals
    "[1|Ann Jones|] {1|said|} <1|the rules deny many miners a fair wage|>.",
    "[1|Ann Jones|] {1|said|} <1|the board wants to deny Tom Burke the nomination|>.",
    "[1|Ann Jones|] {1|said|} <1|the council denied the request for more time|>.",
    "[1|Ann Jones|] {1|said|} <1|the miners were denied overtime|>.",
    "[1|Ann Jones|] {1|said|} <1|the ruling denied full status to the miners|>.",
    # an attempt not made, or negated
    "[1|Ann Jones|] {1|said|} <1|the miners did not try to refute the assessments|>.",
    "[1|Ann Jones|] {1|said|} <1|the miners want to refute the assessments|>.",
    "[1|Ann Jones|] {1|said|} <1|\"we can attempt to deny the way the market works, or we can adapt\"|>.",
    # disagreement that is unasserted, by no party, or with a plan
    "[1|Ann Jones|] {1|said|} <1|\"We may disagree, but we are friends\"|>.",
    "Most residents agree; 37 percent disagree.",
    "[1|Ann Jones|] {1|said|} <1|the miners disagree with the new shift plan|>.",
]


def _disputes(marked: str):
    from quoth.disputes import find_disputes

    doc, atts, ents = resolve(marked)
    return find_disputes(doc, list(atts.values()), list(ents.values()))


@pytest.mark.parametrize("marked,by,kind", POSITIVES)
def test_frames_find_positive(marked, by, kind):
    disputes = _disputes(marked)
    assert [(d.by, d.kind) for d in disputes] == [(by, kind)], f"in: {parse_marked(marked)[0]}"


@pytest.mark.parametrize("marked", NEGATIVES)
def test_frames_ignore_negative(marked):
    assert _disputes(marked) == [], f"invented a dispute in: {parse_marked(marked)[0]}"


def test_disagreed_alone_makes_its_own_statement():
    """"Ann Jones disagreed." in narration: no speech verb reports it, so the verb is the statement (``verbal``)."""
    disputes = _disputes(CLAIM + "Ann Jones disagreed.")
    assert [d.kind for d in disputes] == ["rejection"]
    assert disputes[0].cue.text == "disagreed"


def test_reporters_label_on_a_cited_theory_is_not_a_dispute():
    """"Citing an unfounded theory, X accused …": the falsity word modifies the claim noun it is said of, so it
    counts only inside another's words (the identity check ``subject is word.head`` was always false)."""
    from quoth.disputes.detect import find_cues

    doc, _atts, _ents = resolve("Citing an unfounded theory, Ann Jones accused the mine of hiding losses.")
    cues = [c for c in find_cues(doc) if c.anchor.lower_ == "unfounded"]
    assert cues and all(c.inside for c in cues)


def test_a_question_opposes_nothing():
    """A statement whose cue asks ("asked about", "asked whether") asserts nothing, so it contradicts nothing."""
    claim = "[1|Tom Burke|] {1|said|} <1|Acme Mining will close the old mine in Dover|>. "
    said = _disputes(claim + "But [2|Ann Jones|] {2|said|} <2|Acme Mining will not close the old mine in Dover|>.")
    asked = _disputes(claim + "But [2|Ann Jones|] {2|asked|} <2|Acme Mining will not close the old mine in Dover|>.")
    assert [d.kind for d in said] == ["contradiction"]
    assert asked == []


def test_disagreed_alone_answers_what_was_just_said():
    """"Ann Jones disagreed." has no object: it answers the latest statement by another named party before it,
    whose speaker is the party disputed (``target._just_said``)."""
    disputes = _disputes(CLAIM + "Ann Jones disagreed.")
    assert [(d.target_attribution, d.target_entity is not None) for d in disputes] == [("a1", True)]


def test_disagreed_alone_answers_nothing_far_back():
    """Nothing said within ``JUST_SAID_CHARS`` before it: no target, rather than a guess."""
    filler = "The mine employs four hundred people in the valley and has done so for many decades. " * 8
    disputes = _disputes(CLAIM + filler + "Ann Jones disagreed.")
    assert [d.target_attribution for d in disputes] == [None]
