"""Speaker coverage (issue 14): relative clauses, pronoun antecedents and role nouns on hand-written texts
(attributions marked by hand, see speaker_fixtures). Each rule has a case it must resolve and one it must leave."""

from __future__ import annotations

import pytest

from speaker_fixtures import speaker_name

pytestmark = pytest.mark.model


def test_who_keeps_a_short_restrictive_clause_of_an_unnamed_antecedent():
    marked = "The polls closed at eight. Voters [1|who|] {1|prefer|} <1|a younger candidate|> stayed home."
    assert (speaker_name(marked, "a1") or "").lower() == "voters who prefer a younger candidate"


def test_who_drops_a_clause_set_off_by_a_comma():
    marked = "The polls closed at eight. Local farmers, [1|who|] {1|said|} <1|the river had flooded|>, left early."
    assert (speaker_name(marked, "a1") or "").lower() == "local farmers"


def test_they_is_the_unnamed_group_that_was_the_last_subject():
    marked = ("The mayor closed the bridge on Monday. Local shop owners met her on Tuesday. "
              "[1|They|] {1|said|} <1|the closure would cost them a month of trade|>.")
    assert (speaker_name(marked, "a1") or "").lower() == "local shop owners"


def test_they_after_a_question_clause_is_not_its_subject():
    # "how many accidents happen" is no agent: the subject of a wh-clause never takes the "they"
    marked = ("Harbor Insurance studied how many accidents happen on the bridge. "
              "[1|They|] {1|said|} <1|the bridge was safe|>.")
    assert (speaker_name(marked, "a1") or "").lower() != "many accidents"
