"""scripts/train_kinds.py: each labelled (final, possibly sentence-split) prediction takes the features of the
attribution it was cut from, the one the learned typing step sees at run time."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from quoth.model import Attribution, Span

_PATH = Path(__file__).resolve().parent.parent / "scripts" / "train_kinds.py"
_SPEC = importlib.util.spec_from_file_location("train_kinds", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
train_kinds = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(train_kinds)

TEXT = 'The mayor said: "We will rebuild the bridge. It will open in May." The council said the cost is high.'


def _att(id: str, content: tuple[int, int], cue: tuple[int, int]) -> Attribution:
    return Attribution(id=id, kind="direct", content=Span.from_offsets(TEXT, [content]),
                       cue=Span.from_offsets(TEXT, [cue]))


def _at(word: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(word, after)
    return start, start + len(word)


def test_a_split_piece_takes_the_whole_it_was_cut_from():
    said, council_said = _at("said"), _at("said", 60)
    whole = _att("a1", (_at('"We')[0], _at('May."')[1]), said)
    other = _att("a2", (_at("the cost")[0], _at("high")[1]), council_said)
    second_sentence = _att("a2", (_at("It will")[0], _at('May."')[1]), said)
    assert train_kinds.run_time_twin(second_sentence, [whole, other]) is whole
    assert train_kinds.run_time_twin(other, [whole, other]) is other


def test_a_piece_with_no_overlapping_whole_keeps_itself():
    said = _at("said")
    piece = _att("a1", _at("the bridge"), said)
    elsewhere = _att("a1", (_at("the cost")[0], _at("high")[1]), _at("said", 60))
    assert train_kinds.run_time_twin(piece, [elsewhere]) is piece
    assert train_kinds.run_time_twin(piece, []) is piece
