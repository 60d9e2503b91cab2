"""Pronoun sources on hand-written texts (issue 14): the conventions that settle a he/she, they or "I" before, or
beside, the learned ranker. Attributions are marked by hand (see speaker_fixtures)."""

from __future__ import annotations

import pytest

from quoth.speakers.introduced import quote_opens_paragraph
from speaker_fixtures import speaker_name

pytestmark = pytest.mark.model


# The ranker's pick, when it is also the writer's last main-clause subject, is sure enough to name even without a
# quotation opening the paragraph: two independent signals agree.
def test_he_is_the_rankers_pick_when_it_is_the_last_main_subject():
    marked = ("Senator Paul Reyes declared on Monday that he would not back Tom Hale for the leadership. "
              "Reyes told a radio host that he was not ready to endorse Hale.\n\n"
              "It was a reversal for the Ohio senator, who had promised his support. "
              "[1|He|] {1|said|} <1|that Hale must earn it|>.")
    assert speaker_name(marked, "a1") == "Paul Reyes"


# A quotation that fills whole paragraphs continues the writer's last subject: "Howard continued. / “…” / “…” /
# However, he …" is still Howard, not whoever the quotation names.
def test_he_after_paragraphs_of_quotation_is_the_writers_last_subject():
    marked = ("Clint Howard backed Ted Cruz last year. Howard praised Cruz on Monday.\n\n"
              "Howard continued his remarks.\n\n"
              "<2|“Eight years ago Mike Austin came along and beat everyone. Austin was a fellow with a plan.”|>\n\n"
              "<3|“He was winning, and all of a sudden Austin was gone,”|> [3|he|] {3|said|}.\n\n"
              "However, [1|he|] {1|does see|} <1|the need for a conservative hand at the helm|>.")
    assert speaker_name(marked, "a1") == "Clint Howard"


# An entity built for two people ("Hillary Clinton and Bill Clinton") is never a he or a she.
def test_she_is_never_a_pair():
    marked = ("Hillary Clinton visited a diner in Manchester on Monday.\n\n"
              "Making their way around the room, [1|Clinton and husband Bill|] {1|thanked|} <1|a diner|> for "
              "wearing a button. [2|She|] {2|says|}, <2|“With your help, we can do it.”|>")
    assert speaker_name(marked, "a2") == "Hillary Clinton"


# Cataphora: a he/she subject of an adverbial clause opening its sentence is the main clause's subject named after
# it, however salient another woman is.
def test_she_in_a_fronted_clause_is_the_main_subject_named_after_it():
    marked = ("Anna Price toured the plant on Monday. Price said the jobs were safe, and Price thanked the staff.\n\n"
              "Ever since [1|she|] {1|endorsed|} <1|Price|> last month, Senator Maria Lopez has been a loyal ally.")
    assert speaker_name(marked, "a1") == "Maria Lopez"


# A paragraph opening with a connective ("But he …") continues the writer's last main-clause subject, as a
# paragraph opening with the pronoun does.
def test_he_after_a_connective_opening_the_paragraph_is_the_writers_last_subject():
    marked = ("Ronald Reagan freed a spy in exchange for Nick Daniloff, a reporter. Reagan was criticized for the "
              "trade, and Reagan defended it for weeks. Reagan said it was worth it.\n\n"
              "<2|“If Reagan had waited, I would have been sitting in Siberia,”|> [2|Mr. Daniloff|] {2|said|} by "
              "telephone. <3|“Every minute was like a day.”|>\n\n"
              "But [1|he|] {1|agreed|} <1|that a president should make clear such exchanges are not a precedent|>.")
    assert speaker_name(marked, "a1") == "Nick Daniloff"


def test_a_connective_does_not_break_a_paragraph_opening():
    text = "Reagan freed a spy.\n\n“Every minute was like a day.”\n\nBut he agreed. However, she said no."
    quoted = range(text.index("“"), text.index("”") + 1)
    offset = text.index("he agreed")
    assert quote_opens_paragraph(text, offset, lambda i: i in quoted)
    assert quote_opens_paragraph(text, text.index("he agreed") - 4, lambda i: i in quoted)  # "But" itself
    assert not quote_opens_paragraph(text, text.index("she said"), lambda i: i in quoted)


# A he/she in a clause that modifies another is that clause's subject's, when two people of its gender are subjects
# earlier in the sentence: "As Obama spoke, Trump responded as he tweeted" → Trump.
def test_he_in_a_governed_clause_is_the_governing_subject():
    marked = ("Barack Obama spoke on Sunday, and Obama defended his record. Obama thanked the troops.\n\n"
              "As President Barack Obama lectured the nation, Donald Trump responded from his tower as [1|he|] "
              "{1|wrote|} <1|that the speech was weak|>.")
    assert speaker_name(marked, "a1") == "Donald Trump"


# With the ranker's pick as a second signal, the writer's last main-clause subject may be a lone surname of unknown
# gender ("Obama"): still no woman's name, but no first name needed either.
def test_he_after_a_quotation_may_be_a_lone_surname_the_ranker_picks():
    marked = ("Donald Trump warned supporters that the election would be rigged. Trump repeated the charge at "
              "a rally. [2|Roger Stone|] {2|said|} <2|the vote would be stolen|>.\n\n"
              "[3|Obama|] also {3|addressed|} <3|Trump's concerns|> last Thursday, stating that local officials "
              "run the vote.\n\n"
              "<1|“We do take seriously our responsibility to protect the vote,”|> [1|he|] {1|added|}.")
    assert speaker_name(marked, "a1") == "Obama"


# A plural "who" after two named people is both of them, wherever the parser hangs the clause (the last conjunct,
# or a plural appositive).
@pytest.mark.parametrize("marked,expected", [
    ("Rubio spared his rivals, particularly Govs. Jeb Bush and Chris Christie, [1|who|] {1|say|} <1|the senator "
     "lacks experience|>.", "Jeb Bush and Chris Christie"),
    ("The first two volunteers are Eva Miller and Gloria Major, retired teachers [1|who|] {1|insist|} <1|the "
     "struggle is not over|>.", "Eva Miller and Gloria Major"),
])
def test_a_plural_who_after_two_named_people_is_both(marked, expected):
    assert speaker_name(marked, "a1") == expected


# "Party's spokeswoman, NAME TD, … She said": the she is the spokeswoman, never the party; letters after a name
# ("TD", "MP") make it a person and are a role, not part of the name.
@pytest.mark.parametrize("marked", [
    "The housing plan drew fire on Tuesday. Sinn Féin's spokeswoman on housing, Aoife Breen TD, spoke to reporters "
    "outside Leinster House. [1|She|] {1|said|} <1|the plan would fail renters|>.",
    "Sinn Féin's housing spokeswoman, Aoife Breen TD, criticised the plan.\n\n"
    "<1|“This will fail renters,”|> [1|she|] {1|said|}.",
])
def test_she_after_an_appositive_introduction_is_the_spokeswoman(marked):
    assert speaker_name(marked, "a1") == "Aoife Breen"


# "X asked Y …. He replied": the one who replies is the one asked, not the asker who is the sentence's subject.
def test_he_who_replies_is_the_person_asked():
    marked = ("Bernie Sanders made a stop at a high school on Saturday. Sanders talked to voters about health care."
              "\n\nCNN host Jake Tapper asked Sanders how he was feeling. [1|He|] {1|replied|}: "
              "<1|“The bigger the turnout, the better I feel.”|>")
    assert speaker_name(marked, "a1") == "Bernie Sanders"
