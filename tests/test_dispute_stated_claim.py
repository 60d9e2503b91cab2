"""Issue 15, target claim: a claim the disputing sentence spells out becomes a nested attribution that
``target_attribution`` points at (``quoth.disputes.claim``). Texts written here, not taken from any article;
attributions are marked by hand (see speaker_fixtures)."""

from __future__ import annotations

import pytest

from speaker_fixtures import resolve

pytestmark = pytest.mark.model


def _run(marked: str):
    from quoth.disputes import find_disputes

    doc, atts, ents = resolve(marked)
    attributions = list(atts.values())
    disputes = find_disputes(doc, attributions, list(ents.values()))
    return disputes, {a.id: a for a in attributions}, ents, len(atts)


def _claim(marked: str):
    disputes, atts, ents, given = _run(marked)
    assert len(disputes) == 1, disputes
    target = atts.get(disputes[0].target_attribution or "")
    return disputes[0], target, atts, ents, given


@pytest.mark.parametrize("marked,claim", [
    ("[1|Mayor Ellen Parks|] {1|rejected|} <1|criticism from council member Tom Reyes that closing the east "
     "library had hurt the neighborhood|>.", "closing the east library had hurt the neighborhood"),
    ("[1|The port authority|] {1|spent months pushing back against|} <1|claims by dock workers that the cranes "
     "were unsafe|>.", "the cranes were unsafe"),
    ("[1|Coach Dana Miles|] {1|quashed|} <1|rumors she was leaving for a college job|>.",
     "she was leaving for a college job"),
    ("[1|Governor Ana Ruiz|] {1|said|} <1|Senator Paul Grant was wrong to say the bridge had been delayed by "
     "her office|>.", "the bridge had been delayed by her office"),
])
def test_the_claim_stated_in_the_disputing_sentence_is_the_target(marked, claim):
    dispute, target, atts, _ents, given = _claim(marked)
    assert target is not None and claim in target.content.text
    assert target.parent == dispute.by and len(atts) == given + 1  # a new attribution, nested in the disputer's


def test_the_maker_named_in_the_sentence_speaks_the_stated_claim():
    dispute, target, _atts, ents, _given = _claim(
        "[1|Mayor Ellen Parks|] {1|rejected|} <1|criticism from council member Tom Reyes that closing the east "
        "library had hurt the neighborhood|>.")
    assert target is not None and target.speaker == dispute.target_entity
    assert ents[target.speaker].name.endswith("Tom Reyes")


@pytest.mark.parametrize("marked", [
    # a bare denied clause or a guilt noun is the disputer's own content, not a reported claim
    "[1|Mayor Ellen Parks|] {1|denied|} <1|that she had misused city funds|>.",
    "[1|The shipping company|] {1|denied|} <1|any role in the spill|>.",
    # "the claims that he made", "the false story he would tell": a relative clause on the noun states nothing
    "[1|Ann Jones|] {1|said|} <1|Tom Burke's statements that he made on Monday were false|>.",
    "[1|Ann Jones|] {1|said|} <1|the mine owners spread a false story they would later repeat|>.",
])
def test_no_stated_claim_without_a_reported_claim(marked):
    disputes, atts, _ents, given = _run(marked)
    assert disputes, "the dispute itself should still be found"
    assert len(atts) == given
    assert all(d.target_attribution is None or d.target_attribution in atts for d in disputes)


def test_a_stated_claim_never_becomes_a_disputer():
    """A dispute word inside the stated claim ("rumors that she denied …") does not make the claim a disputer."""
    disputes, atts, _ents, given = _run(
        "[1|Coach Dana Miles|] {1|quashed|} <1|rumors that she had denied the players a raise|>.")
    made = [a for a in atts.values() if a.parent == "a1" and int(a.id[1:]) > given]
    assert all(d.by != a.id for d in disputes for a in made)


def test_a_liar_for_insisting_states_the_claim():
    dispute, target, _atts, _ents, _given = _claim(
        "[1|Senator Ana Ruiz|] {1|said|} <1|Mayor Tom Reyes was wrong for insisting the bridge was finished|>.")
    assert target is not None and target.content.text.startswith("the bridge was finished")
    assert target.parent == dispute.by


def test_the_disputed_noun_and_what_it_is_about_is_the_claim_when_no_statement_is_found():
    """"dismissed criticism of her game plan": no earlier statement, so the phrase itself is the claim."""
    dispute, target, _atts, _ents, _given = _claim(
        "[1|Coach Dana Miles|] {1|dismissed|} <1|criticism of her game plan in the final|>.")
    assert target is not None and target.content.text.startswith("criticism of her game plan")
    assert dispute.target_entity is None


def test_it_is_wrong_to_say_names_no_one_who_said_it():
    """"It is wrong to say …" states no one's claim: no attribution is made for it."""
    from quoth.disputes.claim import stated_claim
    from quoth.disputes import all_cues

    doc, atts, _ents = resolve("[1|Ann Jones|] {1|said|} <1|it is wrong to say the mine will close|>.")
    by, cues = atts["a1"], all_cues(doc)
    assert cues, "the falsity word should still be a cue"
    assert all(stated_claim(doc, cue, by, [by], None) is None for cue in cues)


def test_a_party_named_only_inside_the_claim_does_not_speak_it():
    marked = ("[1|Mayor Tom Reyes|] {1|said|} <1|the governor had misled the city council about the budget|>. "
              "[2|Governor Ana Ruiz|] {2|bristled at|} <2|the suggestion that she had misled Mayor Tom Reyes and "
              "the city council about the budget|>.")
    disputes, atts, _ents, _given = _run(marked)
    stated = [atts[d.target_attribution] for d in disputes
              if d.target_attribution and atts[d.target_attribution].parent]
    assert stated and stated[0].content.text.startswith("she had misled")
    assert stated[0].speaker is None
