"""Issue 15, detection round (branch s9-disp-detect): dispute wording generalised from misses in train files a, c,
d and the even dev half (texts written here, not taken from any article). Attributions are marked by hand (see
speaker_fixtures)."""

from __future__ import annotations

import pytest

from speaker_fixtures import parse_marked, resolve

pytestmark = pytest.mark.model

CLAIM = "[1|Tom Burke|] {1|said|} <1|the mine will close|>. "

# (marked text, the disputing attribution, kind)
POSITIVES = [
    (CLAIM + "[2|Ann Jones|] {2|said|} <2|\"Let's dispel with this fiction that the mine will close\"|>.",
     "a2", "rejection"),
    (CLAIM + "[2|Ann Jones|] {2|said|} <2|\"It is wrong to imply that the mine will close\"|>.", "a2",
     "rejection"),
    (CLAIM + "[2|Ann Jones|] {2|said|} <2|the scene in his film is entirely untrue|>.", "a2", "denial"),
    (CLAIM + "[2|Ann Jones|] {2|said|} <2|she had never suggested that the mine would stay open|>.", "a2",
     "denial"),
    (CLAIM + "[2|Ann Jones|] {2|said|} <2|\"I never claimed that the mine would stay open\"|>.", "a2", "denial"),
    (CLAIM + "[2|Ann Jones|] {2|said|} <2|\"I didn't post that\"|>.", "a2", "denial"),
    (CLAIM + "[2|Ann Jones|] {2|said|} <2|the miners never bought the idea that the mine would close|>.", "a2",
     "rejection"),
]

NEGATIVES = [
    "[1|Ann Jones|] {1|said|} <1|it is wrong to steal from the mine|>.",
    "[1|Ann Jones|] {1|said|} <1|the miners had a false start|>.",
    "[1|Ann Jones|] {1|said|} <1|the miners would not buy the argument|>.",
    "[1|Ann Jones|] {1|said|} <1|the miners did not buy the mine|>.",
    # the journalist's account of what someone never said is no one's denial
    CLAIM + "Jones has never suggested that the mine would stay open.",
    CLAIM + "[2|Ann Jones|] {2|said|} <2|Burke has never suggested that the mine would stay open|>.",
    # "told him to deny …": the object, not the subject, would deny
    CLAIM + "Acme Mining told its manager to deny the reports.",
]


def _disputes(marked: str):
    from quoth.disputes import find_disputes

    doc, atts, ents = resolve(marked)
    return find_disputes(doc, list(atts.values()), list(ents.values()))


@pytest.mark.parametrize("marked,by,kind", POSITIVES)
def test_round6_finds_positive(marked, by, kind):
    disputes = _disputes(marked)
    assert [(d.by, d.kind) for d in disputes] == [(by, kind)], f"in: {parse_marked(marked)[0]}"


@pytest.mark.parametrize("marked", NEGATIVES)
def test_round6_ignores_negative(marked):
    assert _disputes(marked) == [], f"invented a dispute in: {parse_marked(marked)[0]}"


@pytest.mark.parametrize("sentence,source", [
    ("Then Acme Mining began dismissing the notion that the mine would close.", "Acme Mining"),
    ("Acme Mining was quick to push back on the claim.", "Acme Mining"),
    ("Acme Mining has pooh-poohed the consensus that the mine would close.", "Acme Mining"),
    ("The reports were denied by Acme Mining.", "Acme Mining"),
    ("But some of the older miners took issue with the prediction.", "some of the older miners"),
    ("His claims have been contested by those who know the mine.", "those who know the mine"),
])
def test_dispute_verb_statement_finds_its_subject(sentence, source):
    """A dispute verb that no attribution reports makes its own statement, with the subject of the verb it
    completes ("began dismissing"), the one the parser hangs on the auxiliary ("has pooh-poohed"), or a passive's
    agent; "some of the older miners" and "those who …" are parties too."""
    from quoth.disputes import find_disputes

    doc, atts, ents = resolve(CLAIM + sentence)
    attributions = list(atts.values())
    disputes = find_disputes(doc, attributions, list(ents.values()))
    assert len(disputes) == 1, f"in: {parse_marked(CLAIM + sentence)[0]}"
    made = next(a for a in attributions if a.id == disputes[0].by)
    assert made.id not in atts and made.source is not None and made.source.text == source
