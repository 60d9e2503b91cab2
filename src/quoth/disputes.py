"""Dispute detection (being built: see issue 3)."""

from __future__ import annotations

from spacy.tokens import Doc

from .model import Attribution, Dispute, Entity


def find_disputes(doc: Doc, attributions: list[Attribution], entities: list[Entity]) -> list[Dispute]:
    """Statements that reject, deny or contradict another party's statements."""
    return []
