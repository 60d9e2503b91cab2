"""Role and nominal descriptions linked to the holder the article establishes, else left honestly unnamed (texts
written for these tests; issue 14)."""

from __future__ import annotations

import pytest

from speaker_fixtures import resolve, speaker_name
from quoth.speakers.ties import marks_conflict, mark_stem, phrase_marks

pytestmark = pytest.mark.model

SAID = "{1|said|} <1|the plan was sound|>."


def test_ties_marks_stem_states_and_parties():
    assert phrase_marks("the Vermont senator") == {"vermo"}
    assert phrase_marks("first-term senator from New Hampshire") == phrase_marks("N.H.")
    assert mark_stem("GOP") == mark_stem("Republican")
    assert phrase_marks("Sen.") == set()
    # a party and a place are two questions: "the Vermont senator" may be a Democrat
    assert not marks_conflict({"vermo"}, {"democ"})
    assert marks_conflict({"vermo"}, {"democ", "misso"})


@pytest.mark.parametrize("marked,expected", [
    # a bracket after the name ties the senator to the state
    ("Sen. Claire Dunn (D-Mo.) praised the bill on Monday. Later, [1|the Missouri senator|] " + SAID, "Claire Dunn"),
    # "of <Place>" after the name does too, and the other person nearby is no senator of it
    ("Sen. Joe Mandel of West Virginia praised the bill. Tom Reyes, a lobbyist, disagreed. "
     "[1|The West Virginia senator|] " + SAID, "Joe Mandel"),
    # the one senator, just named, that nothing ties elsewhere: the article's epithet for him
    ("Sen. Mark Tolliver responded first, attacking the budget.\n\n<1|\"It is a disaster,\"|> "
     "[1|the Florida senator|] {1|said|}.", "Mark Tolliver"),
    # no role: the one person named just before, the party word no obstacle
    ("Attack ads have targeted Sen. Kelly Ayre for months. [1|The GOP senator|] " + SAID, "Kelly Ayre"),
    ("Crown prosecutor Lena Marsh laid the charges on Friday. [1|The prosecutor|] " + SAID, "Lena Marsh"),
    ("Former Secretary of State Ruth Kellner campaigned in Concord. [1|The former secretary of state|] " + SAID,
     "Ruth Kellner"),
    ("The Canada Revenue Agency sent letters to 2,000 people. [1|The agency|] " + SAID, "Canada Revenue Agency"),
    ("A fire broke out at the Darlow refinery on Monday. Northway Energy, the operator of the refinery, shut it "
     "down. [1|The operator|] " + SAID, "Northway Energy"),
])
def test_speakers_role_description_goes_to_the_holder_the_article_establishes(marked, expected):
    assert speaker_name(marked, "a1") == expected


def test_speakers_a_senator_tied_to_another_state_is_no_vermont_senator():
    marked = ("Sen. Dana Whitfield (R-Ky.) spoke at the rally on Monday.\n\nMany voters came to the hall. The "
              "weather was cold all day.\n\n[1|The Vermont senator|] " + SAID)
    assert speaker_name(marked, "a1") == "the Vermont senator"


def test_speakers_a_senator_named_only_later_does_not_take_the_senator():
    marked = ("Tom Bragg spoke to Jane Orr on Monday. <1|\"I am ready,\"|> [1|the senator|] {1|said|}.\n\n"
              "Sen. Ada Moss (D-Mo.) spoke later.")
    assert speaker_name(marked, "a1") != "Ada Moss"


def test_speakers_a_role_of_another_body_is_no_match():
    marked = ("The inquiry was opened by Gen. Paul Hurst in March. [1|The State Department's inspector general|] "
              "{1|said|} <1|the files were lost|>.")
    assert speaker_name(marked, "a1") == "The State Department's inspector general"


def test_speakers_someone_elses_spokeswoman_is_not_hers():
    marked = ("Murphy's spokeswoman Galia Stern said the plan was fair. Alan Grayson disagreed.\n\n"
              "[1|Grayson's spokeswoman|] {1|said|} <1|the plan was unfair|>.")
    assert speaker_name(marked, "a1") != "Galia Stern"


def test_speakers_the_man_is_the_one_man_just_introduced():
    marked = ("One man in Halifax interrupted the mayor, Ana Ruiz. <1|\"You failed us,\"|> [1|the man|] "
              "{1|shouted|}.")
    assert speaker_name(marked, "a1") == "one man in Halifax"


def test_speakers_post_nominal_title_and_a_following_reference():
    marked = ("[1|Sinn Féin's spokeswoman, Aoife Breen TD,|] {1|said|} <1|the bill was flawed|>. "
              "[2|The spokeswoman|] {2|added|} <2|that she would vote against it|>. "
              "[3|Ms Breen|] {3|said|} <3|the vote was on Friday|>.")
    _, atts, ents = resolve(marked)
    assert {ents[atts[a].speaker].name for a in ("a1", "a2", "a3")} == {"Aoife Breen"}


def test_speakers_an_appositive_before_a_name_describes_the_name():
    marked = ("Hillary Clinton spoke to the Financial Times on Monday. [1|The Financial Times, her senior policy "
              "adviser, Jake Sullivan,|] {1|said|} <1|the plan would work|>.")
    _, atts, ents = resolve(marked)
    assert ents[atts["a1"].speaker].name == "Jake Sullivan"
    paper = next(e for e in ents.values() if e.name == "Financial Times")
    assert paper.kind == "organization" and paper.roles == []
