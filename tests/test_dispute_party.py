"""Issue 15, dispute targets: whose claim (the party) and which statement (texts written here, not taken from any
article). Attributions are marked by hand (see speaker_fixtures)."""

from __future__ import annotations

import pytest

from speaker_fixtures import resolve

pytestmark = pytest.mark.model


def _disputes(marked: str):
    from quoth.disputes import find_disputes

    doc, atts, ents = resolve(marked)
    return find_disputes(doc, list(atts.values()), list(ents.values())), ents, doc


def _party(marked: str) -> str | None:
    disputes, ents, _ = _disputes(marked)
    assert len(disputes) == 1, disputes
    entity = disputes[0].target_entity
    return ents[entity].name if entity else None


CLAIM = "[1|Tom Burke|] {1|said|} <1|the mine will close next year|>. "


def test_criticism_of_someones_plan_is_not_their_claim():
    """"dismissed criticism of Burke's plan": Burke is what is criticised, not who criticised."""
    assert _party(CLAIM + "[2|Ann Jones|] {2|dismissed|} <2|criticism of Burke's plan as nonsense|>.") is None


def test_the_notion_that_has_no_maker():
    """"rejected the notion that …": a claim in the air, not the earlier speaker's (the guideline's null party)."""
    disputes, _, _ = _disputes(CLAIM + "[2|Ann Jones|] {2|rejected|} <2|the notion that the mine will close|>.")
    assert [d.target_entity for d in disputes] == [None]
    assert disputes[0].target_text is not None and disputes[0].target_text.text == "the mine will close"


def test_a_spokesman_does_not_dispute_his_own_side():
    """The spokesman's role names his side: "that charge" is Burke's, not the senator's later statement."""
    disputes, ents, _ = _disputes(
        "[1|Tom Burke|] {1|said|} <1|the senator lied about the mine|>. [2|Senator Ruth Hartley|] {2|said|} "
        "<2|she will visit the mine on Monday|>. [3|Hartley spokesman Joe Lane|] {3|said|} <3|the charge is false|>.")
    assert [(d.by, d.target_attribution) for d in disputes] == [("a3", "a1")]
    assert ents[disputes[0].target_entity].name == "Tom Burke"


def test_the_maker_of_false_claims_through_a_clause():
    """"Burke was looking for publicity using false claims": Burke makes the claims."""
    assert _party("[1|Tom Burke|] {1|said|} <1|Acme broke the contract|>. [2|Acme lawyer Ann Jones|] {2|said|} "
                  "<2|Burke was looking for free publicity using false claims|>.") == "Tom Burke"


def test_half_of_someones_advice_is_theirs():
    """"half of Burke's advice is wrong": the owner of the thing a quantity is taken of."""
    assert _party(CLAIM + "[2|Ann Jones|] {2|said|} <2|half of Burke's advice is wrong|>.") == "Tom Burke"


def test_can_be_party():
    """A named entity, or a plural group with a proper word; not a single office or a bare noun."""
    from quoth.disputes.party import can_be_party
    from quoth.model import Entity

    assert can_be_party(Entity(id="e1", name="former Acme advisers", kind="group", named=False))
    assert can_be_party(Entity(id="e2", name="Republicans on Capitol Hill", kind="group", named=False))
    assert not can_be_party(Entity(id="e3", name="the GOP front-runner", kind="group", named=False))
    assert not can_be_party(Entity(id="e4", name="critics", kind="group", named=False))
    assert not can_be_party(Entity(id="e5", name="the report published Tuesday", kind="group", named=False))
    assert not can_be_party(None)
