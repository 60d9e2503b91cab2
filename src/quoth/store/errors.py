"""The store's domain errors; the CLI and the API translate them at their boundary."""

from __future__ import annotations

from ..errors import QuothError


class StoreError(QuothError):
    """The database cannot be opened or used; the message says what to do."""


class NotFound(StoreError):
    """No article, entity or speaker with that id or name."""
