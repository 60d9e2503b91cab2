"""The learned speaker ranker: which earlier entity a pronoun or an anaphoric description refers to, and how sure.

Each candidate (an entity mentioned before the source, or just after it in the same sentence) gets a feature
vector (``candidates.collect``); a conditional-logit model (softmax over one query's candidates) scores them. The
answer is the model's best candidate, or the best by salience × agreement (``heuristic_best``) when that did
better on held-out train queries (``RankerModel.chooser``); its probability, calibrated on held-out queries with
real labels (``RankerModel.calibration``), is the resolution's ``speaker_confidence``. The weights are trained on
PolNeAR train by ``scripts/train_speakers.py`` (``make train``) and shipped as ``resources/speaker_ranker.json``;
without the file the ranker falls back to salience alone (the feature ``salience_share``), at lower confidence.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

from .entities import Cluster

RESOURCE = "speaker_ranker.json"

FEATURES: tuple[str, ...] = (
    "salience_share", "accept", "gender_match", "gender_unknown", "organization", "place", "group",
    "last_speaker", "was_speaker", "last_subject", "quoted_share", "person_evidence", "weak_person",
    "log_mentions", "cataphora", "recent_speaker", "recent_last_speaker", "heuristic_best", "log_weighted",
    "nearest_subject", "nearest_main_subject", "same_sentence",
)
# Features ``candidates.collect`` sets by comparing the candidates (the rest describe one candidate alone).
COMPARED = ("heuristic_best", "log_weighted", "nearest_subject", "nearest_main_subject", "same_sentence")


@dataclass(frozen=True)
class RankerModel:
    """Feature weights, the calibration of the model's probability, and the confidence below which a speaker is
    left unresolved."""

    weights: tuple[float, ...]
    threshold: float
    # "argmax": the model's own best candidate; "heuristic": the best salience × agreement. The training script
    # keeps whichever answers more held-out train queries rightly.
    chooser: str = "argmax"
    # (a, b): the confidence is sigmoid(a + b × p), p the model's probability for its answer, fitted on held-out
    # queries with real labels so that a confidence of 0.8 is right about 80% of the time. None: p itself.
    calibration: tuple[float, float] | None = None

    def calibrated(self, p: float) -> float:
        """The confidence of an answer the model gives probability ``p``."""
        if self.calibration is None:
            return p
        a, b = self.calibration
        return 1.0 / (1.0 + math.exp(-(a + b * p)))


# Without trained weights: rank by salience share alone; every answer sits below the default threshold
# unless one candidate holds nearly all the salience.
FALLBACK = RankerModel(weights=tuple(4.0 if f == "salience_share" else 0.0 for f in FEATURES), threshold=0.6,
                       chooser="heuristic")


@lru_cache(maxsize=1)
def load_model() -> RankerModel:
    """The shipped ranker weights (``resources/speaker_ranker.json``), or ``FALLBACK`` when absent."""
    try:
        raw = resources.files("quoth.resources").joinpath(RESOURCE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return FALLBACK
    data = json.loads(raw)
    weights = dict(zip(data["features"], data["weights"]))
    calibration = data.get("calibration")
    return RankerModel(weights=tuple(float(weights.get(f, 0.0)) for f in FEATURES),
                       threshold=float(data["threshold"]), chooser=data.get("chooser", "argmax"),
                       calibration=(float(calibration[0]), float(calibration[1])) if calibration else None)


def score(model: RankerModel, features: Sequence[float]) -> float:
    """The linear score of one candidate."""
    return sum(w * x for w, x in zip(model.weights, features))


HEURISTIC = FEATURES.index("heuristic_best")


def choose(features: Sequence[Sequence[float]], scores: Sequence[float] | None = None) -> int:
    """Which candidate is the answer: the best by ``scores`` when given, else the first with the best
    salience × agreement."""
    if scores is not None:
        return max(range(len(scores)), key=lambda n: scores[n])
    return next(n for n, f in enumerate(features) if f[HEURISTIC] > 0)


def rank(model: RankerModel, candidates: list[tuple[Cluster, list[float]]]) -> tuple[Cluster, float] | None:
    """The chosen candidate and its confidence, the model's calibrated probability for it (None without
    candidates)."""
    if not candidates:
        return None
    scores = [score(model, f) for _, f in candidates]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    n = choose([f for _, f in candidates], scores if model.chooser == "argmax" else None)
    return candidates[n][0], model.calibrated(exps[n] / sum(exps))
