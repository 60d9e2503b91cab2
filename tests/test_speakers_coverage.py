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
