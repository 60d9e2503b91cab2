"""Training the sieve: labelled features from cross-fitted predictions, a logistic regression in numpy, and a
threshold picked on held-out halves.

Labels come from PolNeAR's lenient criterion (``quoth.evaluate.polnear``): a predicted attribution is positive
when the one-to-one lenient matching pairs it with a gold content. ``scripts/train_filter.py`` drives it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from ..evaluate.brat import GoldArticle
from ..evaluate.polnear import gold_items, make_item, match
from ..model import Attribution
from .features import attribution_features

MIN_FEATURE_COUNT = 5
L2 = 1.0
NEWTON_STEPS = 25


@dataclass
class Example:
    """One predicted attribution of one article: its features and whether it matches a gold content."""

    article: str
    features: dict[str, float]
    positive: bool


def label(gold: GoldArticle, attributions: Sequence[Attribution]) -> list[bool]:
    """Per attribution, whether the lenient one-to-one matching pairs it with a gold content (nested ones too)."""
    pred = [make_item(gold.text, a.content.spans) for a in attributions]
    matched = {p for _, p in match(gold_items(gold), pred, "lenient")}
    return [n in matched for n in range(len(attributions))]


def examples(gold: GoldArticle, doc: Doc, attributions: Sequence[Attribution]) -> list[Example]:
    """The labelled examples of one article."""
    parents = {a.parent for a in attributions if a.parent is not None}
    return [Example(gold.id, attribution_features(doc, a, parents), positive)
            for a, positive in zip(attributions, label(gold, attributions))]


def vocabulary(train: Sequence[Example], min_count: int = MIN_FEATURE_COUNT) -> list[str]:
    """Feature names seen in at least ``min_count`` examples, sorted (``bias`` always)."""
    counts = Counter(name for ex in train for name in ex.features)
    return sorted({name for name, n in counts.items() if n >= min_count} | {"bias"})


def design(rows: Sequence[Mapping[str, float]], names: Sequence[str]) -> np.ndarray:
    """The feature matrix of ``rows`` over ``names`` (unknown names dropped)."""
    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, feats in enumerate(rows):
        for name, value in feats.items():
            if name in index:
                x[r, index[name]] = value
    return x


def fit(train: Sequence[Example], l2: float = L2, steps: int = NEWTON_STEPS) -> dict[str, float]:
    """L2-regularised logistic regression by Newton's method (deterministic); the bias is not penalised.
    Returns weights by feature name."""
    names = vocabulary(train)
    x = design([ex.features for ex in train], names)
    y = np.array([1.0 if ex.positive else 0.0 for ex in train])
    penalty = np.full(len(names), l2)
    penalty[names.index("bias")] = 0.0
    w = np.zeros(len(names))
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {name: float(v) for name, v in zip(names, w)}


def predict(weights: Mapping[str, float], rows: Sequence[Mapping[str, float]]) -> np.ndarray:
    """P(real attribution) per feature dict."""
    z = np.array([sum(weights.get(k, 0.0) * v for k, v in row.items()) for row in rows])
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def to_json(weights: Mapping[str, float], threshold: float, meta: Mapping[str, object]) -> str:
    """The shipped resource: weights rounded to 5 decimals (near-zero ones dropped), the threshold, and how it was
    made."""
    kept = {k: round(v, 5) for k, v in sorted(weights.items()) if abs(v) >= 1e-5}
    return json.dumps({"threshold": round(threshold, 4), "meta": dict(meta), "weights": kept}, indent=1) + "\n"
