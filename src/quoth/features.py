"""Moved to ``quoth.attribution.tagger.features`` (and the paragraphs to ``quoth.attribution.paragraphs``); kept
importable for ``scripts/train.py``."""

from __future__ import annotations

from .attribution.paragraphs import Paragraph, split_paragraphs
from .attribution.tagger.features import _QUOTE_CHARS, MAX_ANCESTOR_DEPTH, DocFeatures, _shape, paragraph_features

__all__ = ["MAX_ANCESTOR_DEPTH", "DocFeatures", "Paragraph", "_QUOTE_CHARS", "_shape", "paragraph_features",
           "split_paragraphs"]
