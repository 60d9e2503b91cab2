"""Issue 15, target resolution: the claim reported in the disputing sentence itself, and a named campaign as the
party (texts written here, not taken from any article). Attributions are marked by hand (see speaker_fixtures)."""

from __future__ import annotations

import pytest

from speaker_fixtures import resolve

pytestmark = pytest.mark.model


def _disputes(marked: str):
    from quoth.disputes import find_disputes

    doc, atts, ents = resolve(marked)
    return find_disputes(doc, list(atts.values()), list(ents.values())), ents


def test_claim_reported_before_the_cue_in_the_same_sentence_is_the_target():
    """"Parks said the vote was rigged, a charge that Reyes denied": the target is Parks's statement."""
    disputes, ents = _disputes(
        "[1|Mayor Ellen Parks|] {1|complained|} <1|the vote had been rigged against her|>, a charge that "
        "[2|board chairman Tom Reyes|] {2|denied|}, {2|saying|} <2|the count was accurate|>.")
    assert [(d.by, d.target_attribution) for d in disputes] == [("a2", "a1")]
    assert ents[disputes[0].target_entity].name.endswith("Ellen Parks")


def test_the_named_campaign_not_its_candidate_is_the_party():
    disputes, ents = _disputes(
        "[1|The Dawson campaign|] {1|said|} <1|the senator had voted to cut school funding|>. "
        "[2|Senator Ruth Hartley|] {2|said|} <2|\"I am so tired of the Dawson campaign lying about my votes\"|>.")
    assert len(disputes) == 1 and disputes[0].target_entity is not None
    assert ents[disputes[0].target_entity].name.lower().endswith("dawson campaign")
