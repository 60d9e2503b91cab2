"""Proper names right (issue 14, wrong proper names): a surname two people share is the one the article points to,
or stays the bare surname; short and full forms of one first name merge; a label that names a paper is an
organisation in its own capitals; descriptions keep the capitals of the names they open with. Hand-written texts;
attributions marked by hand (see speaker_fixtures)."""

from __future__ import annotations

import pytest

from speaker_fixtures import resolve, speaker_name
from quoth.speakers.table import _nickname
from quoth.speakers.transcripts import label_name_parts

pytestmark = pytest.mark.model

FAMILY = ("Walter Brennick founded the mill in 1971. His son, Arthur Brennick, runs it now. "
          "The town council met on Friday. ")


def test_names_a_shared_surname_far_from_either_bearer_stays_the_surname():
    marked = FAMILY + "Prices rose again. [1|Brennick|] {1|said|} <1|the mill would hire in spring|>."
    assert speaker_name(marked, "a1") == "Brennick"


def test_names_a_shared_surname_right_after_one_bearer_is_that_bearer():
    marked = ("Walter Brennick founded the mill in 1971. Walter Brennick retired in 2001. The council met on Friday. "
              "Walter Brennick still visits. Prices rose again. "
              "Arthur Brennick, his son, took over last year. [1|Brennick|] {1|said|} <1|the mill would hire|>.")
    assert speaker_name(marked, "a1") == "Arthur Brennick"


def test_names_an_honorific_picks_the_bearer_of_its_gender():
    marked = ("Janet Corrow and her husband, Michael Corrow, run the bakery. The street was quiet on Monday. "
              "Prices rose again. [1|Mrs. Corrow|] {1|said|} <1|flour costs had doubled|>.")
    assert speaker_name(marked, "a1") == "Janet Corrow"


def test_names_one_person_of_a_surname_is_never_ambiguous():
    marked = "Daniel Okoro chairs the board. Prices rose. [1|Okoro|] {1|said|} <1|the vote would wait|>."
    assert speaker_name(marked, "a1") == "Daniel Okoro"


def test_names_a_verb_run_into_a_surname_is_no_second_bearer():
    marked = ("Daniel Okoro chairs the board.\n\nBlaming Okoro Misses The Point\n\nPrices rose. "
              "[1|Okoro|] {1|said|} <1|the vote would wait|>.")
    assert speaker_name(marked, "a1") == "Daniel Okoro"


def test_names_short_and_full_first_names():
    assert _nickname("sandy", "sandra") and _nickname("dan", "daniel") and _nickname("chris", "christopher")
    assert not _nickname("mark", "mary")  # two genders
    assert not _nickname("eric", "erica") and not _nickname("louis", "louise")  # a feminine ending
    assert not _nickname("dan", "dan")


def test_names_a_label_in_mixed_case_keeps_its_capitals():
    assert label_name_parts("NY Daily News") == (["NY", "Daily", "News"], [])
    assert label_name_parts("OKAFOR") == (["Okafor"], [])


def test_names_a_label_naming_a_paper_is_an_organisation():
    marked = "[1|Harbour Daily News|]{1|:|} <1|The Ferry Cuts Go Too Far|>\n\nThe ferry will run twice a week."
    _, atts, ents = resolve(marked)
    entity = ents[atts["a1"].speaker or ""]
    assert (entity.name, entity.kind) == ("Harbour Daily News", "organization")


def test_names_a_description_keeps_the_capital_of_a_nationality_or_name():
    marked = ("Talks resumed in Oslo. [1|Norwegian diplomats|] {1|said|} <1|the talks would go on|>. "
              "[2|TV crews|] {2|reported|} <2|that the rooms were full|>.")
    assert speaker_name(marked, "a1") == "Norwegian diplomats"
    assert speaker_name(marked, "a2") == "TV crews"


def test_names_a_sentence_opening_person_noun_is_a_description_not_a_name():
    marked = ("Mayor Ana Ruiz faced questions on Monday. "
              "[1|Aides to Ruiz|] {1|said|} <1|the budget would pass|>.")
    name = speaker_name(marked, "a1")
    assert name is not None and name != "Aides" and name.lower().startswith("aides to")


def test_names_an_organisation_phrase_is_spaced_as_written():
    marked = "Carla Fiorina spoke in Iowa. [1|Fiorina's team|] {1|said|} <1|the ads would run|>."
    name = speaker_name(marked, "a1")
    assert name is None or "Fiorina 's" not in name


def test_names_a_who_clause_makes_a_person_of_a_bare_surname():
    marked = ("Norvale shares fell on Monday. Lindqvist, who sits on its board, spoke. "
              "[1|Lindqvist|] {1|said|} <1|the plan was sound|>.")
    _, atts, ents = resolve(marked)
    entity = ents[atts["a1"].speaker or ""]
    assert (entity.name, entity.kind) == ("Lindqvist", "person")


def test_names_a_person_is_named_in_running_texts_casing_not_a_headlines():
    marked = ("MAYOR ANA RUIZ VISITS THE HARBOUR\n\nAna Ruiz met fishers on Monday. "
              "[1|Ruiz|] {1|said|} <1|the quay would be rebuilt|>.")
    assert speaker_name(marked, "a1") == "Ana Ruiz"


def test_names_a_possessed_description_keeps_its_conjuncts():
    marked = "Ana Ruiz spoke on Monday. [1|Her advisers and allies|] {1|said|} <1|the vote would pass|>."
    name = speaker_name(marked, "a1")
    assert name is not None and name.endswith("advisers and allies")


def test_names_a_capitalised_person_noun_opening_a_sentence_is_no_entity_name():
    marked = "Marco Rubio spoke in Ohio. [1|Advisers to Mr. Rubio|] {1|said|} <1|the race was close|>."
    assert speaker_name(marked, "a1") == "advisers to Mr. Rubio"


def test_names_an_honorific_without_a_period_opens_a_persons_name():
    marked = ("Nigel Farage leads the party. The vote is near. Mr Farage told the radio. "
              "[1|Mr Farage|] {1|said|} <1|the polls were wrong|>.")
    assert speaker_name(marked, "a1") == "Nigel Farage"


def test_names_a_headline_kicker_is_no_speaker_label():
    from quoth.speakers.transcripts import line_label

    assert line_label("Breaking News: The Ferry Cuts Go Too Far", 20) is None
    assert line_label("Analysis: why the plant closed", 15) is None
    assert line_label("Harbour Daily News: The Ferry Cuts Go Too Far", 25) is not None
