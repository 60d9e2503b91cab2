"""Agreement constraints on pronoun speakers, quote runs and first person (texts written for these tests)."""

from __future__ import annotations

import pytest

from quoth.speakers.agreement import learned_first_names, name_gender, role_gender
from quoth.speakers.resolve import PARAGRAPH_SUBJECT_CONFIDENCE
from speaker_fixtures import resolve, speaker_name


def test_speakers_role_nouns_give_a_gender_only_when_they_agree():
    assert role_gender(["spokeswoman for the clinic"]) == "f"
    assert role_gender(["congressman"]) == "m"
    assert role_gender(["spokesperson"]) is None
    assert role_gender(["father", "mother"]) is None


def test_speakers_learned_first_names_need_a_full_name():
    table = learned_first_names()
    if not table:
        pytest.skip("resources/first_name_gender.json not built (make train)")
    name, gender = sorted(table.items())[0]
    assert name_gender([name.capitalize(), "Pike"]) == gender
    assert name_gender([name.capitalize()]) is None  # a lone word may be a surname
    assert name_gender(["Mary", "Pike"]) == "f"  # the hand lists come first


@pytest.mark.model
@pytest.mark.parametrize("marked,expected", [
    # a restaurant named after a person is not a "he"
    ("Marco Bellini opened Stella's on Main Street in 2019. Business at Stella's has been slow since the "
     "construction began. [1|He|] {1|said|} <1|the city never asked him|>.", "Marco Bellini"),
    # a city the tagger called a person is not a "she"
    ("Priya Nand is a nurse in Surrey. The hospital in Surrey is full. [1|She|] {1|said|} "
     "<1|the wards were overflowing|>.", "Priya Nand"),
    # a bill with a number is not a "he", whatever its first word
    ("Finance Minister Tom Halvorsen tabled Bill C-74 on Tuesday. Bill C-74 would raise the levy. "
     "[1|He|] {1|said|} <1|families would be better off|>.", "Tom Halvorsen"),
])
def test_speakers_he_she_never_resolve_to_a_non_person(marked, expected):
    assert speaker_name(marked, "a1") == expected


@pytest.mark.model
def test_speakers_a_person_named_in_a_possessive_stays_a_person():
    # the possessive modifies a noun ("Okafor's office"): the one-word name is still a person
    marked = ("Okafor's office released the figures. Okafor's staff worked late. [1|She|] {1|said|} "
              "<1|the numbers were final|>.")
    assert speaker_name(marked, "a1") == "Okafor"


@pytest.mark.model
@pytest.mark.parametrize("pronoun,expected", [("He", "Kevin Marsh"), ("She", "Laura Jensen")])
def test_speakers_he_she_take_the_person_of_their_gender(pronoun, expected):
    # the more salient person (the subject, named last) is of the other gender half the time
    marked = (f"Kevin Marsh was driving behind the truck. Laura Jensen saw the crash from the corner. "
              f"[1|{pronoun}|] {{1|said|}} <1|the light was red|>.")
    assert speaker_name(marked, "a1") == expected


@pytest.mark.model
def test_speakers_role_noun_in_apposition_gives_the_gender():
    marked = ("Robin Tate, a spokeswoman for the clinic, stood beside Sasha Kerr at the hearing. "
              "[1|She|] {1|said|} <1|the clinic would stay open|>.")
    assert speaker_name(marked, "a1") == "Robin Tate"


@pytest.mark.model
def test_speakers_first_person_in_a_quote_run_takes_the_run_speaker():
    marked = ("[1|Elon Musk|] {1|said|} <1|“The factory will open next year.”|>\n"
              "“Demand is strong. [2|I|] {2|think|} <2|prices will fall|>.”")
    assert speaker_name(marked, "a2") == "Elon Musk"


@pytest.mark.model
def test_speakers_first_person_in_quotes_far_from_any_speaker_stays_unresolved():
    marked = ("[1|Elon Musk|] {1|said|} <1|“The factory will open next year.”|>\n"
              "Analysts were divided.\nMarkets fell on Tuesday.\n"
              "“Demand is strong. [2|I|] {2|think|} <2|prices will fall|>.”")
    _, atts, _ = resolve(marked)
    assert atts["a2"].speaker is None and atts["a2"].speaker_confidence == 0.0


@pytest.mark.model
def test_speakers_interview_answer_without_a_named_interviewee_is_not_the_writer():
    marked = ("We spoke with an official about the bridge.\n\nQ: What next?\n\n"
              "A: [1|I|] {1|think|} <1|a vote comes soon|>.")
    _, atts, _ = resolve(marked)
    assert atts["a1"].speaker is None


@pytest.mark.model
def test_speakers_opposing_witnesses_each_keep_their_quotes():
    # the second witness is introduced as the paragraph's subject: that paragraph's "he" is his, and the run goes on
    marked = ("[1|Kevin Marsh|] {1|said|} <1|the truck ran a red light|>.\n"
              "<2|“It came straight through the intersection,”|> [2|he|] {2|said|}.\n"
              "Tom Pryor, the truck's driver, told a different story. "
              "<3|“The light was yellow,”|> [3|he|] {3|said|}.\n"
              "<4|“Marsh was not even looking,”|> [4|he|] {4|added|}.\n")
    _, atts, ents = resolve(marked)
    names = {k: ents[atts[k].speaker].name if atts[k].speaker else None for k in ("a2", "a3", "a4")}
    assert names == {"a2": "Kevin Marsh", "a3": "Tom Pryor", "a4": "Tom Pryor"}


@pytest.mark.model
def test_speakers_paragraph_subject_needs_to_be_the_only_one():
    # two men are subjects in the paragraph: the rule stays out and the ranker (or nobody) decides
    marked = ("Dale Hunt met Ravi Patel at the fire. Hunt called the crew, and Patel waited by the road. "
              "<1|“It started at noon,”|> [1|he|] {1|said|}.")
    _, atts, _ = resolve(marked)
    assert atts["a1"].speaker_confidence != pytest.approx(PARAGRAPH_SUBJECT_CONFIDENCE)


def test_speakers_threshold_is_where_a_kept_answer_stops_paying():
    import importlib.util
    import sys
    from pathlib import Path

    scripts = Path(__file__).resolve().parents[1] / "scripts"
    sys.path.insert(0, str(scripts))
    try:
        spec = importlib.util.spec_from_file_location("train_speakers", scripts / "train_speakers.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(scripts))
    # answers right with probability 0.25 below 0.7 and 0.95 from 0.7: the fitted curve crosses 2/3 in between
    results = [(c / 100, n < (95 if c >= 70 else 25)) for c in range(40, 100) for n in range(100)]
    threshold = module.choose_threshold(results)
    assert 0.6 < threshold < 0.75
    # all answers right: the floor holds; none right: nothing is kept
    assert module.choose_threshold([(c / 10, True) for c in range(3, 10)]) == module.MIN_THRESHOLD
    assert module.choose_threshold([(c / 10, False) for c in range(3, 10)]) == 0.95
