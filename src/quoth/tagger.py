"""Moved to ``quoth.attribution.tagger``; kept importable (``load_tagger``, ``using_models`` for training and
cross-fitting)."""

from __future__ import annotations

from spacy.tokens import Doc

from .attribution.paragraphs import Paragraph, split_paragraphs
from .attribution.tagger import DocFeatures, TaggedSpan, load_tagger, tag_paragraphs
from .attribution.tagger.model import MODEL_RESOURCE, ROLE_OF_TAG, using_models


def tag_doc(doc: Doc, feats: DocFeatures) -> tuple[list[TaggedSpan], list[Paragraph]]:
    """Tag every paragraph of ``doc``; returns role spans (token offsets) and the paragraphs."""
    paragraphs = split_paragraphs(doc)
    return tag_paragraphs(feats, paragraphs), paragraphs


__all__ = ["MODEL_RESOURCE", "ROLE_OF_TAG", "TaggedSpan", "load_tagger", "tag_doc", "using_models"]
