"""``quoth.tagmap.FastAttributeRuler`` writes exactly what spaCy's ``AttributeRuler`` writes, only faster."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from quoth import Options
from quoth.tagmap import FACTORY, FastAttributeRuler, UnsupportedPattern, replace_attribute_ruler

# A small ruler in the shape of en_core_web_sm's: a tag map, then exceptions that override it.
PATTERNS = [
    {"patterns": [[{"TAG": "PRP"}]], "attrs": {"POS": "PRON", "MORPH": "PronType=Prs"}},
    {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "VERB", "MORPH": "Number=Sing|Person=3"}},
    {"patterns": [[{"TAG": "IN"}]], "attrs": {"POS": "ADP"}},
    {"patterns": [[{"TAG": "_SP"}]], "attrs": {"POS": "SPACE", "MORPH": "_"}},
    {"patterns": [[{"TAG": "PRP", "LOWER": "she"}]], "attrs": {"LEMMA": "she", "MORPH": "Gender=Fem|PronType=Prs"}},
    {"patterns": [[{"TAG": "VBZ", "LOWER": {"IN": ["is", "'s"]}}]], "attrs": {"LEMMA": "be", "POS": "AUX"}},
    {"patterns": [[{"TAG": "IN", "DEP": "mark"}]], "attrs": {"POS": "SCONJ"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "MORPH": "_"}},
]
WORDS = ["she", "is", "gon", "na", "say", "that", "he", "'s", "nothin'", "\n\n", "if", "it", "is"]
TAGS = ["PRP", "VBZ", "VBG", "TO", "VB", "IN", "PRP", "VBZ", "NN", "NN", "IN", "PRP", "VBZ"]
DEPS = ["nsubj", "aux", "ROOT", "aux", "xcomp", "mark", "nsubj", "ccomp", "attr", "dep", "mark", "nsubj", "advcl"]
HEADS = [2, 2, 2, 4, 2, 7, 7, 4, 7, 8, 12, 12, 7]


def _attrs(doc: Doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def _doc(nlp) -> Doc:
    return Doc(nlp.vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=HEADS)


def test_tagmap_same_attributes_as_attribute_ruler() -> None:
    nlp = spacy.blank("en")
    slow = AttributeRuler(nlp.vocab)
    slow.add_patterns(PATTERNS)
    fast = FastAttributeRuler(nlp, "fast", slow.patterns)
    expected, got = _attrs(slow(_doc(nlp))), _attrs(fast(_doc(nlp)))
    assert got == expected
    assert ("na", "TO", "", "", "to", "aux") in got  # the second token of a two-token pattern
    assert ("is", "VBZ", "AUX", "Number=Sing|Person=3", "be", "aux") in got  # a later pattern overrides


def test_tagmap_empty_doc() -> None:
    nlp = spacy.blank("en")
    assert len(FastAttributeRuler(nlp, "fast", PATTERNS)(nlp.make_doc(""))) == 0


@pytest.mark.parametrize("pattern", [
    {"patterns": [[{"SHAPE": "Xxxx"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"LOWER": {"FUZZY": "said"}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"NORM": "x"}},
])
def test_tagmap_unsupported_pattern_keeps_spacy_ruler(pattern: dict) -> None:
    nlp = spacy.blank("en")
    with pytest.raises(UnsupportedPattern):
        FastAttributeRuler(nlp, "fast", [pattern])
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns([pattern])
    assert replace_attribute_ruler(nlp) is False
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)


def test_tagmap_fast_is_the_default_option() -> None:
    assert Options().fast is True


MODEL_TEXTS = [
    "“We ain't gonna let 'em win,” she said. Y'all know that. Let's go, c'mon. I'd have done it.",
    "Somethin' happened, an' nothin' was doin'. It's 'nuff. There is a problem, there's two.\n\n  \n"
    "He gets it. She got it. The man who did it wasn't there. I can't and I won't. They'd said it's done.",
    "Mixed   spaces\tand\r\nnewlines.  “Yes,” according to   the mayor’s office: “No.”  ",
]


@pytest.mark.model
def test_tagmap_same_annotations_as_en_core_web_sm() -> None:
    slow = spacy.load(Options().model, exclude=["lemmatizer"])
    fast = spacy.load(Options().model, exclude=["lemmatizer"])
    assert replace_attribute_ruler(fast) is True
    assert fast.get_pipe_meta("attribute_ruler").factory == FACTORY
    for a, b in zip(slow.pipe(MODEL_TEXTS), fast.pipe(MODEL_TEXTS)):
        assert _attrs(b) == _attrs(a)
        assert [(e.start, e.end, e.label_) for e in b.ents] == [(e.start, e.end, e.label_) for e in a.ents]


@pytest.mark.model
def test_tagmap_extraction_identical_with_and_without_fast() -> None:
    import quoth

    fast = [a.to_dict() for a in quoth.extract_many(MODEL_TEXTS, Options(fast=True))]
    slow = [a.to_dict() for a in quoth.extract_many(MODEL_TEXTS, Options(fast=False))]
    assert fast == slow
    assert any(article["attributions"] for article in fast)
    for article in fast:  # offsets index the input text exactly
        for att in article["attributions"]:
            span = att["content"]
            assert span["text"] == " ".join(article["text"][s:e] for s, e in span["spans"])


def test_tagmap_batch_same_as_one_by_one_and_no_match_across_docs() -> None:
    nlp = spacy.blank("en")
    slow = AttributeRuler(nlp.vocab)
    slow.add_patterns(PATTERNS)
    fast = FastAttributeRuler(nlp, "fast", slow.patterns)
    # "gon" ends the first Doc and "na" starts the second: the two-token pattern must not match across them.
    first = Doc(nlp.vocab, words=["she", "is", "gon"], tags=["PRP", "VBZ", "VBG"])
    second = Doc(nlp.vocab, words=["na", "say", "nothin'"], tags=["TO", "VB", "NN"])
    empty = Doc(nlp.vocab, words=[])
    batch = list(fast.pipe([first, empty, second, _doc(nlp)], batch_size=4))
    assert [_attrs(d) for d in batch] == [_attrs(slow(d)) for d in
                                         (Doc(nlp.vocab, words=["she", "is", "gon"], tags=["PRP", "VBZ", "VBG"]),
                                          Doc(nlp.vocab, words=[]),
                                          Doc(nlp.vocab, words=["na", "say", "nothin'"], tags=["TO", "VB", "NN"]),
                                          _doc(nlp))]
    assert batch[2][0].lemma_ != "to"  # "na" alone is not the second half of "gonna"
    assert batch[2][2].lemma_ == "nothing"  # the REGEX condition
