"""Gold readers and scorers: PolNeAR brat standoff (``brat``) and its attribution scores (``polnear``).

Each scorer is a pure function returning a plain dict; ``quoth eval`` only formats it.
"""

from __future__ import annotations

from .brat import BratError, GoldArticle, GoldAttribution, dataset_sha256, read_split
from .polnear import evaluate_polnear, flat_metrics, score, score_articles

__all__ = [
    "BratError", "GoldArticle", "GoldAttribution", "dataset_sha256", "evaluate_polnear", "flat_metrics",
    "read_split", "score", "score_articles",
]
