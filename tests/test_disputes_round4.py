"""Issue 15, fourth round: dispute wording from plain English, tuned on PolNeAR train annotations c and d (texts
written here, not taken from any article). Attributions are marked by hand (see speaker_fixtures)."""

from __future__ import annotations

import pytest

from speaker_fixtures import parse_marked, resolve

pytestmark = pytest.mark.model

CLAIM = "[1|Tom Burke|] {1|said|} <1|the mine will close|>. "

# (marked text, the disputing attribution, kind)
POSITIVES = [
    (CLAIM + "[2|Ann Jones|] {2|said|} <2|\"Anyone claiming that the mine will close is peddling fiction\"|>.",
     "a2", "rejection"),
    (CLAIM + "[2|Ann Jones|] {2|said|} <2|Burke keeps putting out this fiction that the mine will close|>.",
     "a2", "rejection"),
    (CLAIM + "[2|Ann Jones|] {2|said|} <2|the idea that the mine will close is just not accurate|>.",
     "a2", "correction"),
    (CLAIM + "[2|The company's spokeswoman|] {2|challenged|} <2|the assertion that the mine would close|>.",
     "a2", "rejection"),
    (CLAIM + "[2|Ann Jones|] {2|quashed|} <2|rumors that the mine would close|>.", "a2", "rejection"),
]

NEGATIVES = [
    "[1|Ann Jones|] {1|said|} <1|Burke tells so many lies|>.",
    "[1|Ann Jones|] {1|said|} <1|trolls spread misinformation online|>.",
    "[1|Ann Jones|] {1|said|} <1|she wanted to dispel the gloom at the mine|>.",
    CLAIM + "[2|Ann Jones|] {2|disagreed|} <2|with Burke's stance on the mine|>.",
]


def _disputes(marked: str):
    from quoth.disputes import find_disputes

    doc, atts, ents = resolve(marked)
    return find_disputes(doc, list(atts.values()), list(ents.values()))


@pytest.mark.parametrize("marked,by,kind", POSITIVES)
def test_round4_finds_positive(marked, by, kind):
    disputes = _disputes(marked)
    assert [(d.by, d.kind) for d in disputes] == [(by, kind)], f"in: {parse_marked(marked)[0]}"


@pytest.mark.parametrize("marked", NEGATIVES)
def test_round4_ignores_negative(marked):
    assert _disputes(marked) == [], f"invented a dispute in: {parse_marked(marked)[0]}"


def test_dispute_verb_with_no_attribution_makes_its_statement():
    """"Acme denied the reports" with no speech verb: the dispute verb is the statement, and it is ``by``."""
    from quoth.disputes import find_disputes

    doc, atts, ents = resolve("[1|Tom Burke|] {1|said|} <1|Acme will sell the mine|>. (Acme Mining denied the "
                              "reports, and no buyer emerged.)")
    attributions = list(atts.values())
    disputes = find_disputes(doc, attributions, list(ents.values()))
    assert [(d.kind, d.cue.text) for d in disputes] == [("denial", "denied")]
    made = next(a for a in attributions if a.id == disputes[0].by)
    assert made.id not in atts and made.source is not None and made.source.text == "Acme Mining"
    assert made.content.text == "the reports"


def test_dispute_verb_without_a_claim_noun_makes_none():
    from quoth.disputes import find_disputes

    doc, atts, ents = resolve("[1|Tom Burke|] {1|said|} <1|Acme will sell the mine|>. (Acme Mining denied it, "
                              "and no buyer emerged.)")
    attributions = list(atts.values())
    assert find_disputes(doc, attributions, list(ents.values())) == []
    assert len(attributions) == len(atts)
