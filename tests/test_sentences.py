"""One attribution per quoted sentence (``quoth.attribution.sentences``), on texts written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _extract(text: str):
    import quoth

    return quoth.extract(text)


def _holding(article, piece: str):
    found = [a for a in article.attributions if piece in a.content.text]
    assert found, f"no attribution holds {piece!r}: {[a.content.text for a in article.attributions]}"
    return found[0]


def test_sentences_quotes_around_a_cue_in_two_sentences_are_two_attributions():
    article = _extract('"We did everything we could," Chief Dana Ortiz said. "We will keep trying until spring."')
    first, second = _holding(article, "We did everything"), _holding(article, "We will keep trying")
    assert first.id != second.id
    assert len(first.content.spans) == 1 and len(second.content.spans) == 1
    assert first.cue is not None and second.cue is not None and first.cue.spans == second.cue.spans
    assert first.source is not None and second.source is not None and first.source.spans == second.source.spans
    assert first.speaker is not None and first.speaker == second.speaker
    assert first.type == second.type == "statement" and first.kind == second.kind == "direct"
    assert [a.id for a in article.attributions] == [f"a{n}" for n in range(1, len(article.attributions) + 1)]


def test_sentences_one_sentence_around_its_cue_stays_one_attribution():
    article = _extract('"We did everything we could," the chief said, "and we will keep trying."')
    a = _holding(article, "We did everything we could")
    assert "and we will keep trying" in a.content.text and len(a.content.spans) == 2


def test_sentences_disputes_point_to_existing_pieces():
    text = ('"The bridge is safe," Mayor Ana Ruiz said. "Engineers checked every beam last week."\n\n'
            'Councillor Jim Park rejected the mayor\'s claims as false and said the beams were never checked.')
    article = _extract(text)
    ids = {a.id for a in article.attributions}
    assert article.disputes, "the rejection should be found"
    for d in article.disputes:
        assert d.by in ids and (d.target_attribution is None or d.target_attribution in ids)
    for a in article.attributions:
        assert a.parent is None or a.parent in ids
