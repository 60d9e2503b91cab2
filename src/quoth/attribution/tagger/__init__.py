"""The CRF tagger: its feature strings (``features``) and its model (``model``), nothing else."""

from __future__ import annotations

from .features import DocFeatures, paragraph_features
from .model import TaggedSpan, load_tagger, tag_paragraphs

__all__ = ["DocFeatures", "TaggedSpan", "load_tagger", "paragraph_features", "tag_paragraphs"]
