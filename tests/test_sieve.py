"""The sieve (``quoth.sieve``): features of an attribution, the filter's decisions and renumbering, and the
training pieces, on sentences and attributions written for these tests (no shared data)."""

from __future__ import annotations

import json

import pytest

from quoth.model import Attribution, Span
from quoth.sieve import SieveModel, exempt, renumber, sieve_attributions, using_sieve
from quoth.sieve.features import attribution_features
from quoth.sieve.training import Example, fit, predict, to_json, vocabulary
from marked_text import marked as _marked

def _attribution(text: str, parts: dict[str, tuple[int, int]], id: str = "a1", kind: str = "indirect",
                 parent: str | None = None, confidence: float = 0.9) -> Attribution:
    def span(key: str) -> Span | None:
        return Span.from_offsets(text, [parts[key]]) if key in parts else None

    return Attribution(id=id, kind=kind, content=span("Q"), cue=span("C"), source=span("S"),  # type: ignore
                       parent=parent, confidence=confidence)


@pytest.fixture(scope="module")
def nlp():
    from quoth.nlp import load_pipeline
    from quoth.options import Options

    return load_pipeline(Options().model, with_quoth=False)


def test_features_of_a_reported_statement(nlp):
    text, parts = _marked("[S:She] [C:said] [Q:that the bridge would open in May].")
    feats = attribution_features(nlp(text), _attribution(text, parts))
    assert feats["cue=say"] == 1.0
    assert {"cue.reporting", "cue.statement", "source.pronoun", "content.first=that", "cue.pos=VERB"} <= feats.keys()
    assert "cue.unknown" not in feats and "nested" not in feats
    assert feats["confidence"] == pytest.approx(0.9)


def test_features_of_an_action_that_is_no_attribution(nlp):
    text, parts = _marked("[S:The president] [C:turned] [Q:his speech into a rally] on Friday.")
    feats = attribution_features(nlp(text), _attribution(text, parts, confidence=0.3))
    assert feats["cue=turned"] == 1.0  # not in the lexicons, so not lemmatised
    assert "cue.unknown" in feats and "cue.reporting" not in feats
    assert "content.first=PRON" in feats or "content.first=DET" in feats
    assert feats["source.ent=none"] == 1.0 or "source.ent=" not in feats


def test_features_without_cue_or_source_and_nesting(nlp):
    text, parts = _marked("Officials expect [Q:to read the plans] soon.")
    feats = attribution_features(nlp(text), _attribution(text, parts, id="a2", parent="a1"), parents={"a2"})
    assert {"cue=none", "source=none", "nested", "has_nested", "content.first=to"} <= feats.keys()


def _three(text: str) -> list[Attribution]:
    """a1 (a parent, unquoted), a2 nested in a1, a3 quoted."""
    content = Span.from_offsets(text, [(0, 5)])
    quoted = Span.from_offsets(text, [(6, len(text))])
    return [Attribution("a1", "indirect", content, confidence=0.1),
            Attribution("a2", "indirect", content, parent="a1", confidence=0.9),
            Attribution("a3", "direct", quoted, confidence=0.1)]


def test_sieve_drops_below_threshold_keeps_quotes_and_renumbers(nlp):
    text = 'Alpha "beta gamma"'
    doc = nlp(text)
    model = SieveModel(weights={"confidence": 10.0, "bias": -5.0}, threshold=0.5)
    kept = sieve_attributions(doc, _three(text), model)
    # a1 (confidence 0.1) is dropped; a2 survives as a1 without a parent; the quoted a3 is exempt
    assert [(a.id, a.parent, a.confidence) for a in kept] == [("a1", None, 0.9), ("a2", None, 0.1)]
    assert exempt(kept[1]) and not exempt(kept[0])
    assert exempt(_three(text)[1])  # nested: exempt whatever its score


def test_sieve_off_and_swapped(nlp, tmp_path):
    text = 'Alpha "beta gamma"'
    doc = nlp(text)
    atts = _three(text)
    with using_sieve(None):
        assert sieve_attributions(doc, atts) == atts
    path = tmp_path / "sieve.json"
    path.write_text(to_json({"bias": -9.0}, 0.5, {}), encoding="utf-8")
    with using_sieve(path):
        kept = sieve_attributions(doc, atts)
    # only the nested one (now without its parent) and the quoted one are left
    assert [(a.id, a.parent, a.kind) for a in kept] == [("a1", None, "indirect"), ("a2", None, "direct")]


def test_renumber_keeps_parents_valid():
    text = "one two three"
    c = Span.from_offsets(text, [(0, 3)])
    atts = [Attribution("a2", "indirect", c), Attribution("a3", "indirect", c, parent="a2"),
            Attribution("a5", "indirect", c, parent="a4")]
    assert [(a.id, a.parent) for a in renumber(atts)] == [("a1", None), ("a2", "a1"), ("a3", None)]


def test_logistic_regression_learns_a_separable_feature():
    train = ([Example("x", {"bias": 1.0, "good": 1.0}, True) for _ in range(20)]
             + [Example("x", {"bias": 1.0, "bad": 1.0}, False) for _ in range(20)]
             + [Example("x", {"bias": 1.0, "rare": 1.0}, True)])
    assert vocabulary(train) == ["bad", "bias", "good"]
    weights = fit(train, l2=0.1)
    good, bad = predict(weights, [{"bias": 1.0, "good": 1.0}, {"bias": 1.0, "bad": 1.0}])
    assert good > 0.9 and bad < 0.1
    assert fit(train, l2=0.1) == weights  # deterministic
    data = json.loads(to_json(weights, 0.3, {"note": "test"}))
    assert data["threshold"] == 0.3 and set(data["weights"]) <= {"bad", "bias", "good"}
    model = SieveModel.from_json(to_json(weights, 0.3, {}))
    assert model.probability({"bias": 1.0, "good": 1.0}) == pytest.approx(good, abs=1e-3)
