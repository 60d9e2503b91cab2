"""Speaker confidence, "no guessing", entity evidence and the ranker (texts written for these tests)."""

from __future__ import annotations

import pytest

from quoth.model import Article, Attribution, Span
from quoth.speakers.ranker import FEATURES, FALLBACK, RankerModel, choose, load_model, rank
from speaker_fixtures import resolve, speaker_name


def test_speakers_ranker_model_loads_with_every_feature_and_a_threshold():
    model = load_model()
    assert len(model.weights) == len(FEATURES)
    assert 0.0 < model.threshold < 1.0


def test_speakers_ranker_chooses_the_heuristic_best_and_scores_it():
    heur = FEATURES.index("heuristic_best")
    a, b = [0.0] * len(FEATURES), [0.0] * len(FEATURES)
    b[heur] = 1.0
    model = RankerModel(weights=tuple(2.0 if n == heur else 0.0 for n in range(len(FEATURES))), threshold=0.5)
    assert choose([a, b]) == 1
    chosen = rank(model, [("first", a), ("second", b)])  # type: ignore[list-item]
    assert chosen is not None and chosen[0] == "second"
    assert chosen[1] == pytest.approx(1 / (1 + 2.718281828 ** -2.0), rel=1e-6)
    assert rank(FALLBACK, []) is None


@pytest.mark.model
@pytest.mark.parametrize("marked,attribution,expected", [
    # a title is evidence of a person, whatever NER says; the surname joins the titled name
    ("[1|Mayor Ana Ruiz|] {1|said|} <1|the bridge would reopen|>. [2|Ruiz|] {2|added|} <2|that it was safe|>.",
     "a2", "Ana Ruiz"),
    ("[1|Councillor Josh Ambler|] {1|said|} <1|the budget was late|>.", "a1", "Josh Ambler"),
    # a one-word "person" that is mostly the object of place prepositions is a place, not a "she"
    ("Dana Whitfield runs a clinic in Tolbury. Patients from Tolbury wait for weeks in Tolbury. "
     "[1|She|] {1|said|} <1|the wait was too long|>.", "a1", "Dana Whitfield"),
    # conjoined names in apposition speak together, and "they" is the pair
    ("[1|The cafe's owners Mira Sandell and Paul Okoro|] {1|said|} <1|the rent had doubled|>. "
     "<2|\"We may have to close,\"|> [2|they|] {2|said|}.", "a2", "Mira Sandell and Paul Okoro"),
    # the statement of a named organisation (a definite compound) is spoken by it
    ("The Harbour Authority closed the pier on Monday. [1|The Harbour Authority statement|] {1|said|} "
     "<1|repairs would take a month|>.", "a1", "Harbour Authority"),
    # a possessor speaks its own statement
    ("Hana Kowalski rejected the plan. [1|Kowalski's statement|] {1|said|} <1|it was unworkable|>.", "a1",
     "Hana Kowalski"),
])
def test_speakers_entities_from_evidence(marked, attribution, expected):
    assert speaker_name(marked, attribution) == expected


@pytest.mark.model
def test_speakers_byline_name_is_never_a_pronouns_referent():
    marked = ("By Lena Marsh, staff writer\n\nThe bakery on Main Street doubled its sales this year. "
              "[1|She|] {1|said|} <1|the town needed it|>.")
    _, atts, ents = resolve(marked)
    assert "Lena Marsh" in {e.name for e in ents.values()}
    assert atts["a1"].speaker is None and atts["a1"].source.text == "She"


@pytest.mark.model
def test_speakers_named_source_is_confident():
    _, atts, _ = resolve("[1|Hana Kowalski|] {1|said|} <1|the plan was unworkable|>.")
    assert atts["a1"].speaker is not None
    assert atts["a1"].speaker_confidence >= load_model().threshold


@pytest.mark.model
def test_speakers_ambiguous_pronoun_is_left_unresolved_with_its_source():
    # two men, equally salient, then "he": the article does not say which one; no guess
    marked = "Tom Hale and Jack Brody met on Monday. [1|He|] {1|said|} <1|the vote was rigged|>."
    _, atts, _ = resolve(marked)
    att = atts["a1"]
    assert att.speaker_confidence is not None and att.speaker_confidence < load_model().threshold
    assert att.speaker is None and att.source is not None and att.source.text == "He"


@pytest.mark.model
def test_speakers_lone_antecedent_pronoun_is_resolved_confidently():
    marked = "Tom Hale opened the meeting. Hale spoke for an hour. [1|He|] {1|said|} <1|the vote was rigged|>."
    _, atts, ents = resolve(marked)
    assert ents[atts["a1"].speaker].name == "Tom Hale"
    assert atts["a1"].speaker_confidence >= load_model().threshold


@pytest.mark.model
def test_speakers_mention_inside_the_quote_is_never_its_speaker():
    marked = ('[1|Olga Brandt|] {1|said|} <1|the talks had stalled|>. '
              '<2|"We would never accept a governor who lies,"|> [2|she|] {2|said|}.')
    assert speaker_name(marked, "a2") == "Olga Brandt"


def _unresolved_article() -> Article:
    text = "He said it was fine."
    att = Attribution(id="a1", kind="indirect", content=Span.from_offsets(text, [(8, 19)]),
                      source=Span.from_offsets(text, [(0, 2)]), speaker=None, speaker_confidence=0.3)
    return Article(id="x", text=text, attributions=[att])


def test_speakers_unresolved_speaker_is_marked_in_the_table():
    from quoth import render

    article = _unresolved_article()
    assert render.speaker_label(article, article.attributions[0]) == "He (unresolved)"
    article.attributions[0].speaker_confidence = None  # no resolution attempted: the source as written
    assert render.speaker_label(article, article.attributions[0]) == "He"


def test_speakers_unresolved_speaker_is_marked_on_the_article_page():
    pytest.importorskip("fastapi")
    from quoth.web.app import make_templates
    from quoth.web.view import build_view

    html = make_templates().env.get_template("_article_view.html").render(
        view=build_view(_unresolved_article()), has_corpus=False, show_title=False)
    assert 'class="speaker-unresolved">He<' in html and ">unresolved</span>" in html
    assert "Unknown speaker" not in html


@pytest.mark.model
@pytest.mark.parametrize("marked,expected", [
    # the quotation is the mayor's (an attribution holds part of it): so is its "I"
    ('Mayor Ana Ruiz spoke on Monday. “<2|The bridge is safe.|> [1|I|] {1|believe|} <1|it will reopen soon|>,” '
     '[2|Ruiz|] {2|said|}.', "Ana Ruiz"),
    # quotation marks no attribution accounts for: not the writer, unresolved
    ("Residents were angry. “The bridge is a disgrace. [1|I|] {1|think|} <1|the city failed us|>.”", None),
])
def test_speakers_first_person_inside_quotation_marks_is_never_the_writer(marked, expected):
    _, atts, ents = resolve(marked)
    att = atts["a1"]
    assert (ents[att.speaker].name if att.speaker else None) == expected
    if expected is None:
        assert att.speaker_confidence == 0.0 and att.source.text == "I"


@pytest.mark.model
def test_speakers_organisation_variants_merge_where_the_article_supports_it():
    marked = ("Norway's Prime Minister Erna Vik met Danish officials. [1|The Government of Norway|] {1|said|} "
              "<1|the talks went well|>. [2|The Norwegian government|] {2|added|} <2|that a deal was near|>.")
    _, atts, ents = resolve(marked)
    assert atts["a1"].speaker == atts["a2"].speaker
    assert ents[atts["a1"].speaker].name == "Government of Norway"


@pytest.mark.model
def test_speakers_nationality_of_a_role_noun_must_fit_the_person():
    marked = ("U.S. Trade Representative Carla Moss met Brazilian President Paulo Arantes in Brasilia. "
              "Arantes spoke with the U.S. official for an hour. [1|Moss|] {1|said|} <1|the talks were frank|>.")
    _, _, ents = resolve(marked)
    holder = next(e for e in ents.values() if any(m.text == "the U.S. official" for m in e.mentions))
    assert holder.name == "Carla Moss"
