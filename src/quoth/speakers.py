"""Entities and speaker resolution (being built: see issue 3)."""

from __future__ import annotations

from spacy.tokens import Doc

from .model import Attribution, Entity


def resolve_speakers(doc: Doc, attributions: list[Attribution]) -> list[Entity]:
    """Cluster entity mentions and set each attribution's ``speaker``; returns the entities."""
    return []
