"""Helpers every reader shares: the metadata shape and failure articles."""

from __future__ import annotations

from typing import Any

from ..model import Article

META_KEYS = ("title", "url", "published", "authors", "source")


def make_meta(source: str, **fields: Any) -> dict[str, Any]:
    """Article metadata with every standard key present (None / [] when unknown)."""
    meta: dict[str, Any] = {"title": None, "url": None, "published": None, "authors": [], "source": source}
    for key, value in fields.items():
        if value not in (None, "", []):
            meta[key] = value
    if isinstance(meta["authors"], str):
        meta["authors"] = [a.strip() for a in meta["authors"].replace(";", ",").split(",") if a.strip()]
    return meta


def failure(article_id: str, source: str, reason: str) -> Article:
    """An article that could not be read: no text, ``error`` says why and what to do."""
    return Article(id=article_id, text="", meta=make_meta(source), error=reason)


def too_large(size: int, limit: int) -> str:
    """The failure reason for input over the byte cap."""
    return f"{size:,} bytes is over the limit of {limit:,}; split the input or raise the size cap"
