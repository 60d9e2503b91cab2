"""``quoth serve``: the JSON API and the web pages over a store. Start with ``create_app``."""

from .app import create_app

__all__ = ["create_app"]
