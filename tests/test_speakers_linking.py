"""Linking a he/she source after a quotation that opens its paragraph, and the calibrated ranker confidence
(texts written for these tests)."""

from __future__ import annotations

import pytest

from speaker_fixtures import resolve, speaker_name

PROTAGONIST = ("Governor Tom Reyes opened the bridge on Friday. Reyes praised the engineers, and Reyes thanked the "
               "crews. Reyes called it historic.\n\n")


@pytest.mark.model
def test_speakers_he_after_a_paragraph_opening_quote_is_the_last_main_subject():
    # the governor is more salient, named after the councillor and inside the quotation; the councillor is the
    # writer's last main-clause subject
    marked = PROTAGONIST + ("Councillor Dan Ford disagreed with Reyes on every point.\n\n"
                            "<1|“Reyes has ignored the cost of the bridge,”|> [1|he|] {1|said|}.")
    assert speaker_name(marked, "a1") == "Dan Ford"


@pytest.mark.model
def test_speakers_he_opening_a_paragraph_after_a_quote_run_continues_its_speaker():
    marked = PROTAGONIST + ("<1|“The bridge cost too much,”|> {1|said|} [1|Dan Ford|], a councillor.\n\n"
                            "[2|He|] {2|added|} <2|that Reyes had ignored the auditors|>.")
    assert speaker_name(marked, "a2") == "Dan Ford"


@pytest.mark.model
def test_speakers_subject_of_a_relative_clause_does_not_take_the_pronoun():
    # Reyes is the subject of "who defended": a subordinate clause; the main clause's subject is Ford
    marked = PROTAGONIST + ("Councillor Dan Ford criticised Reyes, who defended the plan.\n\n"
                            "<1|“It is too costly,”|> [1|he|] {1|said|}.")
    assert speaker_name(marked, "a1") == "Dan Ford"


@pytest.mark.model
def test_speakers_two_main_subjects_leave_the_convention_silent():
    # two men share the last main clause: the convention does not pick one, and the answer is never a confident
    # guess of the one named in the quotation
    marked = PROTAGONIST + ("Dan Ford and Mark Bell disagreed.\n\n"
                            "<1|“Reyes has ignored the cost,”|> [1|he|] {1|said|}.")
    _, atts, ents = resolve(marked)
    att = atts["a1"]
    assert att.speaker is None or ents[att.speaker].name != "Tom Reyes"


@pytest.mark.model
def test_speakers_woman_subject_does_not_take_he():
    marked = PROTAGONIST + ("Councillor Ana Ford disagreed.\n\n"
                            "<1|“The cost is too high,”|> [1|he|] {1|said|}.")
    assert speaker_name(marked, "a1") != "Ana Ford"


@pytest.mark.parametrize("calibration,p,expected", [
    (None, 0.7, 0.7),  # uncalibrated: the model's probability itself
    ((0.0, 0.0), 0.9, 0.5),  # a calibration that learned nothing says even odds, whatever the model claims
    ((-2.0, 4.0), 0.5, 0.5),  # sigmoid(-2 + 4 × 0.5)
])
def test_speakers_ranker_confidence_is_the_calibrated_probability(calibration, p, expected):
    from quoth.speakers.ranker import RankerModel

    model = RankerModel(weights=(), threshold=0.5, calibration=calibration)
    assert model.calibrated(p) == pytest.approx(expected)


def test_speakers_shipped_ranker_is_calibrated_and_keeps_only_answers_worth_more_than_they_cost():
    from quoth.speakers.ranker import load_model

    model = load_model()
    assert model.calibration is not None and model.calibration[1] > 0  # more model probability, more confidence
    assert model.calibrated(0.5) < model.threshold  # even odds in the model is never kept
    assert model.threshold >= 0.55
