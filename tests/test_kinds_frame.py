"""The frame features of the learned typing step (``quoth.kinds.frame``): the source's kind, the cue's class and
its dependents, on sentences written for these tests (no shared data)."""

from __future__ import annotations

import pytest

from quoth.kinds.frame import cue_class, frame_features, source_kind
from quoth.model import Attribution, Span
from marked_text import marked as _marked


def _attribution(text: str, parts: dict[str, tuple[int, int]], kind: str = "indirect") -> Attribution:
    def span(key: str) -> Span | None:
        return Span.from_offsets(text, [parts[key]]) if key in parts else None

    return Attribution(id="a1", kind=kind, content=span("Q"), cue=span("C"), source=span("S"))  # type: ignore


@pytest.fixture(scope="module")
def nlp():
    from quoth.nlp import load_pipeline
    from quoth.options import Options

    return load_pipeline(Options().model, with_quoth=False)


SOURCES = [
    ("[S:Maria Lopez] [C:said] [Q:the bridge would open in May].", "person"),
    ("[S:She] [C:said] [Q:the bridge would open in May].", "pronoun"),
    ("[C:According to] [S:the mayor's spokesman], [Q:the vote will wait].", "person"),
    ("[S:The finance department] [C:said] [Q:the fund is empty].", "organisation"),
    ("[S:Microsoft] [C:said] [Q:the update would ship in May].", "organisation"),
    ("[S:The new report] [C:shows] [Q:that crime fell last year].", "document"),
    ("[S:The poll] [C:found] [Q:that most voters want a change].", "document"),
    ("[S:Analysts] [C:believe] [Q:rates will fall next year].", "group"),
    ("[S:The old bridge] [C:suggests] [Q:that repairs were skipped].", "noun"),
    ("It [C:is understood] [Q:that the vote will wait].", "none"),
]


@pytest.mark.parametrize("sentence, expected", SOURCES)
def test_source_kind(nlp, sentence, expected):
    text, parts = _marked(sentence)
    assert source_kind(nlp(text), _attribution(text, parts)) == expected


@pytest.mark.parametrize("lemma, expected", [("believe", "belief"), ("learn", "knowledge"), ("plan", "intention"),
                                             ("watch", "perception"), ("feel", "belief"), ("vow", "commitment"),
                                             ("show", "finding"),
                                             ("discuss", "topic"), ("ask", "topic"), ("say", "other")])
def test_cue_class(lemma, expected):
    assert cue_class(lemma) == expected


def test_frame_features_clause_object_and_negation(nlp):
    text, parts = _marked("[S:He] [C:said] [Q:that the deal was dead].")
    feats = frame_features(nlp(text), _attribution(text, parts), "clause")
    assert {"cue.class=other", "source.kind=pronoun", "class|form=other|clause", "class|source=other|pronoun",
            "unquoted|source=pronoun", "frame.ccomp"} <= feats.keys()
    text, parts = _marked("[S:He] [C:felt] [Q:a tap on his shoulder].")
    feats = frame_features(nlp(text), _attribution(text, parts), "phrase")
    assert {"cue.class=belief", "frame.dobj", "class|form=belief|phrase"} <= feats.keys()
    assert "frame.ccomp" not in feats
    text, parts = _marked("[S:She] will [C:say] [Q:whether she would run].")
    feats = frame_features(nlp(text), _attribution(text, parts), "question")
    assert {"frame.modal", "class|form=other|question"} <= feats.keys()


def test_frame_features_quotedness_and_first_person(nlp):
    text, parts = _marked('[S:The coach] [C:said] [Q:"we will win the cup"].')
    feats = frame_features(nlp(text), _attribution(text, parts, kind="direct"), "clause")
    assert {"quoted|source=person", "quoted|content.first_person", "content.modal"} <= feats.keys()
    text, parts = _marked("[S:The coach] [C:said] [Q:the team will win the cup].")
    feats = frame_features(nlp(text), _attribution(text, parts), "clause")
    assert "unquoted|source=person" in feats and not any("first_person" in k for k in feats)
