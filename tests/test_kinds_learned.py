"""The learned typing step (``quoth.kinds.learned``): its features, its drop and re-typing decisions with small
hand-made models, exemptions, and the shipped model's shape, on sentences written for these tests (no shared
data)."""

from __future__ import annotations

import json

import pytest

from quoth.kinds.learned import (
    TYPES, KindsModel, drop_non_attributions, filter_exempt, filter_features, retype, shipped_filter, using_filter,
)
from quoth.model import Attribution, Span
from marked_text import marked as _marked


def _attribution(text: str, parts: dict[str, tuple[int, int]], id: str = "a1", type: str = "statement",
                 parent: str | None = None, region: str = "body") -> Attribution:
    def span(key: str) -> Span | None:
        return Span.from_offsets(text, [parts[key]]) if key in parts else None

    return Attribution(id=id, kind="indirect", content=span("Q"), cue=span("C"), source=span("S"),  # type: ignore
                       parent=parent, type=type, region=region)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def nlp():
    from quoth.nlp import load_pipeline
    from quoth.options import Options

    return load_pipeline(Options().model, with_quoth=False)


def _model(drop_bias: float = -10.0, statement_bias: float = 10.0, threshold: float = 0.5, below: float = 0.3,
           above: float = 0.9) -> KindsModel:
    types = {t: {"bias": -5.0} for t in TYPES}
    types["statement"] = {"bias": statement_bias}
    types["topic"] = {"bias": -1.0}
    return KindsModel(drop_weights={"bias": drop_bias}, drop_threshold=threshold, type_weights=types, below=below,
                      above=above)


def test_features_drop_confidence_and_add_form_and_position(nlp):
    text, parts = _marked("The mayor spoke on Monday.\n\n[S:She] [C:discussed] [Q:the budget for the new bridge].")
    feats = filter_features(nlp(text), _attribution(text, parts))
    assert not any(k.startswith("confidence") or k == "log_confidence" for k in feats)
    assert {"form=phrase", "order=SCQ", "cue=discuss"} <= feats.keys()
    assert feats == filter_features(nlp(text), _attribution(text, parts))  # deterministic


def test_question_mark_and_short_line_features(nlp):
    text, parts = _marked("[S:Reporters] [C:asked] [Q:whether the plant would close?]")
    feats = filter_features(nlp(text), _attribution(text, parts))
    assert {"content.question_mark", "line.short", "form=question"} <= feats.keys()


def test_retype_moves_a_low_statement_to_the_likeliest_other_type(nlp):
    text, parts = _marked("[S:He] [C:talked about] [Q:the weather].")
    att = _attribution(text, parts)
    feats = filter_features(nlp(text), att)
    assert retype(_model(statement_bias=-5.0), att, feats) == "topic"
    assert retype(_model(statement_bias=5.0), att, feats) == "statement"
    belief = _attribution(text, parts, type="belief")
    assert retype(_model(statement_bias=5.0), belief, feats) == "statement"  # P above `above`
    assert retype(_model(statement_bias=0.0), belief, feats) == "belief"


def test_drop_keeps_quoted_nested_and_headline_and_renumbers(nlp):
    text = 'He tipped the ball. She said "we will win." They kicked it.'
    doc = nlp(text)
    plain = _attribution(text, {"Q": (3, 18)}, id="a1")
    quoted = _attribution(text, {"Q": (29, 43)}, id="a2")
    nested = _attribution(text, {"Q": (50, 59)}, id="a3", parent="a2")
    kept = drop_non_attributions(doc, [plain, quoted, nested], _model(drop_bias=10.0))
    assert [a.content.text for a in kept] == [quoted.content.text, nested.content.text]
    assert [a.id for a in kept] == ["a1", "a2"] and kept[1].parent == "a1"
    assert drop_non_attributions(doc, [plain], _model(drop_bias=-10.0)) == [plain]
    head = _attribution(text, {"Q": (3, 18)}, region="headline")
    assert filter_exempt(head, set()) and drop_non_attributions(doc, [head], _model(drop_bias=10.0)) == [head]


def test_shipped_model_has_every_type_and_sane_thresholds():
    model = shipped_filter()
    if model is None:
        pytest.skip("no resources/kinds_filter.json")
    assert set(TYPES) <= set(model.type_weights)
    assert 0.0 <= model.below <= 1.0 and model.above > model.below
    assert model.drop_threshold > 0.5


def test_using_filter_none_turns_it_off(tmp_path, nlp):
    text, parts = _marked("[S:He] [C:said] [Q:the plan had failed].")
    att = _attribution(text, parts)
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"drop": {"threshold": 0.5, "weights": {"bias": 10.0}},
                                "retype": {"below": 0.0, "above": 1.01},
                                "types": {t: {"bias": 0.0} for t in TYPES}}), encoding="utf-8")
    with using_filter(path):
        assert drop_non_attributions(nlp(text), [att]) == []
    with using_filter(None):
        assert drop_non_attributions(nlp(text), [att]) == [att]


def test_quoted_ones_leave_statement_only_below_quoted_below_and_never_become_one(nlp):
    text = 'She starred in "The Long Road Home" last year. He said "we will win."'
    doc = nlp(text)
    title = _attribution(text, {"Q": (15, 35)}, id="a1")
    speech = _attribution(text, {"Q": (55, 69)}, id="a2")
    low = KindsModel(drop_weights={"bias": 10.0}, drop_threshold=0.5,
                     type_weights={**{t: {"bias": -5.0} for t in TYPES}, "statement": {"bias": -1.0},
                                   "topic": {"bias": -1.5}}, below=0.5, above=0.6, quoted_below=0.3)
    # P(statement) = 0.27: below quoted_below, so the quoted title leaves statement; exempt ones are never dropped
    kept = drop_non_attributions(doc, [title, speech], low)
    assert [a.type for a in kept] == ["topic", "topic"] and len(kept) == 2
    strict = KindsModel(**{**low.__dict__, "quoted_below": 0.2})
    assert [a.type for a in drop_non_attributions(doc, [title, speech], strict)] == ["statement", "statement"]
    belief = _attribution(text, {"Q": (15, 35)}, type="belief")
    high = KindsModel(**{**low.__dict__, "type_weights": {**low.type_weights, "statement": {"bias": 5.0}}})
    assert retype(high, belief, {"bias": 1.0}, exempt=True) == "belief"
    assert retype(high, belief, {"bias": 1.0}) == "statement"
