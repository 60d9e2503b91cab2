"""``lexicon.forms.stem_onto``: the one suffix stemmer the word lists share (``types.verb_lemma`` is a use of it)."""

from __future__ import annotations

import pytest

from quoth.lexicon.forms import IRREGULAR_FORMS, SHARED_IRREGULAR_FORMS, stem_onto
from quoth.lexicon.types import _IRREGULAR

VOCAB = frozenset({"plan", "hope", "carry", "glue", "rebut", "press"})


@pytest.mark.parametrize("word, stem", [
    ("Planned", "plan"), ("planning", "plan"), ("hopes", "hope"), ("hoped", "hope"), ("hoping", "hope"),
    ("carries", "carry"), ("carried", "carry"), ("glued", "glue"), ("rebutted", "rebut"), ("presses", "press"),
    ("press", "press"), ("wrote", "pen"), ("walked", "walked"), ("ss", "ss"),
])
def test_stem_onto_tries_irregular_then_the_word_then_regular_suffixes(word, stem):
    assert stem_onto(word, VOCAB, {"wrote": "pen"}) == stem


def test_stem_onto_the_irregular_table_wins_over_the_vocabulary():
    assert stem_onto("hope", VOCAB, {"hope": "wish"}) == "wish"


def test_the_two_irregular_tables_share_their_common_forms():
    assert SHARED_IRREGULAR_FORMS.items() <= IRREGULAR_FORMS.items()
    assert SHARED_IRREGULAR_FORMS.items() <= _IRREGULAR.items()
    overlap = IRREGULAR_FORMS.keys() & _IRREGULAR.keys()
    assert overlap == SHARED_IRREGULAR_FORMS.keys()
