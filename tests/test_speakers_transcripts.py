"""Transcripts and interviews: line labels name who speaks (texts written for these tests)."""

from __future__ import annotations

import pytest

from quoth.speakers.transcripts import label_name_parts, label_role, line_label
from speaker_fixtures import speaker_name

INTRO = "Senator Ruth Okafor spoke to the radio host Dan Pierce on Tuesday.\n\n"


@pytest.mark.parametrize("line,label", [
    ("OKAFOR: I believe it.", "OKAFOR"),
    ("PRIME MINISTER: We will.", "PRIME MINISTER"),
    ("Q: Will it close?", "Q"),
    ("A: No.", "A"),
    ("Ruth Okafor: Thank you.", "Ruth Okafor"),
    ("Note: this story was updated.", None),
    ("The vote: a short history of it.", None),
])
def test_speakers_line_label(line: str, label: str | None) -> None:
    found = line_label("Intro.\n" + line, len("Intro.\n") + line.index(":") + 2)
    assert (found[2] if found else None) == label


def test_speakers_label_parts_and_roles() -> None:
    assert label_name_parts("PREMIER ANNE VOSS") == (["Anne", "Voss"], ["premier"])
    assert label_name_parts("PRIME MINISTER") == ([], ["prime", "minister"])
    assert [label_role(x) for x in ("Q", "ANSWER", "SMITH")] == ["question", "answer", "name"]


@pytest.mark.model
@pytest.mark.parametrize("marked,attribution,expected", [
    # "I" in a labelled line is the labelled speaker, in any case, not the writer
    (INTRO + "PIERCE: Do you support it?\n\nOKAFOR: [1|I|] {1|believe|} <1|the bill is flawed|>.", "a1",
     "Ruth Okafor"),
    (INTRO + "[1|OKAFOR|]{1|:|} <1|We will vote against it.|>", "a1", "Ruth Okafor"),
    # an interview: the answer is the interviewee's
    ("Premier Anne Voss answered questions from reporters.\n\nQ: Will the plant close?\n\n"
     "A: [1|I|] {1|think|} <1|it will stay open|>.", "a1", "Anne Voss"),
    # the interviewee is who is salient where the interview starts, not whoever the answers name later; an
    # unlabelled line after an answer continues it; "you" in a question is the interviewee
    ("Interview with Mayor Tessa Lindqvist.\n\nMayor Tessa Lindqvist met us at city hall. Lindqvist smiled.\n\n"
     "Q: Is Councillor Omar Haddad right about the budget?\n\nA: Haddad is wrong, and Haddad knows it.\n\n"
     "Q: Why?\n\nA: Look at the numbers.\n\nHonestly, [1|I|] {1|think|} <1|the budget is sound|>.", "a1",
     "Tessa Lindqvist"),
    ("Interview with Mayor Tessa Lindqvist.\n\nMayor Tessa Lindqvist met us at city hall.\n\n"
     "Q: [1|You|] {1|said|} <1|the budget is sound|>. Is it?\n\nA: Yes.", "a1", "Tessa Lindqvist"),
])
def test_speakers_transcript_speakers(marked: str, attribution: str, expected: str) -> None:
    assert speaker_name(marked, attribution) == expected


def test_speakers_speaking_label_continues_answers_only() -> None:
    from quoth.speakers.transcripts import speaking_label

    text = "Intro.\n\nQ: Why?\n\nA: Because.\n\nMore of it.\n\nQ: And?\n\nNext line.\n"
    assert speaking_label(text, text.index("Because"))[2] == "A"  # type: ignore[index]
    assert speaking_label(text, text.index("More")) == (text.index("A:"), text.index("A:") + 1, "A")
    assert speaking_label(text, text.index("Next")) is None  # after a question: not continued
    assert speaking_label(text, text.index("Intro")) is None


@pytest.mark.model
def test_speakers_first_person_without_label_is_still_the_writer() -> None:
    assert speaker_name("Intro.\n\n[1|I|] {1|think|} <1|the plan will fail|>.", "a1") == "the article's author"
