"""The sieve: a learned filter that drops extracted attributions that are no attributions.

``sieve_attributions(doc, attributions)`` runs last in ``quoth.attribution.find_attributions``, after the
attributions are typed (``quoth.kinds``). It scores each attribution with a logistic regression over
``features.attribution_features`` (cue base form and lexicon class, cue/source/content parse, type, kind,
tagger confidence, nesting, region) and drops those whose probability of being a real attribution is below the
model's threshold. An attribution whose content holds a double quotation mark is never dropped: quoted speech
is what the extractor finds best, and losing any costs quoted recall (a CI gate); nor is a nested one
(PolNeAR, the training data, forbids nesting). Survivors are renumbered ``a1``…; a child whose parent was dropped
loses its ``parent``.

The weights and threshold ship in ``resources/sieve.json``, trained by ``scripts/train_filter.py`` (``make train``)
on PolNeAR train with cross-fitted taggers (see that script). ``using_sieve(path)`` swaps the model for the
current thread or task, and ``using_sieve(None)`` turns the sieve off (to train it, or measure it).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..model import Attribution
from ..quotes import DOUBLE_QUOTES
from ..shipped import UNSET, ShippedModel
from .features import attribution_features

RESOURCE = "sieve.json"


@dataclass(frozen=True)
class SieveModel:
    """Logistic-regression weights by feature name, and the probability below which an attribution is dropped."""

    weights: Mapping[str, float]
    threshold: float

    def probability(self, features: Mapping[str, float]) -> float:
        """P(real attribution) for a feature dict; features without a weight count for nothing."""
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    @classmethod
    def from_json(cls, text: str) -> "SieveModel":
        data = json.loads(text)
        return cls(weights={k: float(v) for k, v in data["weights"].items()}, threshold=float(data["threshold"]))


_MODEL: ShippedModel[SieveModel] = ShippedModel("quoth_sieve", RESOURCE, SieveModel.from_json)
shipped_model = _MODEL.shipped
current_model = _MODEL.current
# Within the block, sieve with the model at ``path``, or not at all when ``path`` is None.
using_sieve = _MODEL.using


def exempt(att: Attribution) -> bool:
    """Whether the sieve keeps ``att`` whatever its score: its content holds a double quotation mark, or it is
    nested (PolNeAR forbids nesting, so its gold cannot tell a real nested attribution from a spurious one)."""
    return att.parent is not None or any(mark in att.content.text for mark in DOUBLE_QUOTES)


def score_attributions(doc: Doc, attributions: list[Attribution], model: SieveModel) -> list[float]:
    """Each attribution's probability of being a real attribution."""
    parents = {a.parent for a in attributions if a.parent is not None}
    return [model.probability(attribution_features(doc, a, parents)) for a in attributions]


def sieve_attributions(doc: Doc, attributions: list[Attribution],
                       model: SieveModel | None | object = UNSET) -> list[Attribution]:
    """``attributions`` less those the model scores below its threshold, renumbered (see the module docstring).
    ``model`` defaults to ``current_model()``; None keeps everything."""
    chosen = current_model() if model is UNSET else model
    if not attributions or not isinstance(chosen, SieveModel):
        return attributions
    scores = score_attributions(doc, attributions, chosen)
    kept = [a for a, p in zip(attributions, scores) if p >= chosen.threshold or exempt(a)]
    if len(kept) == len(attributions):
        return attributions
    return renumber(kept)


def renumber(attributions: list[Attribution]) -> list[Attribution]:
    """Ids ``a1``… in order; parents remapped, or None when the parent is not among ``attributions``."""
    new_ids = {a.id: f"a{n}" for n, a in enumerate(attributions, 1)}
    return [replace(a, id=new_ids[a.id], parent=new_ids.get(a.parent) if a.parent else None)
            for a in attributions]


__all__ = ["RESOURCE", "SieveModel", "attribution_features", "current_model", "exempt", "renumber",
           "score_attributions", "shipped_model", "sieve_attributions", "using_sieve"]
