"""quoth: who said what, about whom, and who disputes it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from .errors import BinaryInput, DecodingError, InputError, InputTooLarge, ModelNotFound, QuothError
from .model import SCHEMA_VERSION, Article, Attribution, Dispute, Entity, Mention, Span
from .options import Options

if TYPE_CHECKING:
    from .pipeline import ArticleInput

__version__ = "0.1.0"

__all__ = [
    "Article", "Attribution", "BinaryInput", "DecodingError", "Dispute", "Entity", "InputError", "InputTooLarge",
    "Mention", "ModelNotFound", "Options", "QuothError", "SCHEMA_VERSION", "Span", "extract", "extract_many",
]


def extract(text: str | bytes, options: Options | None = None, id: str = "article",
            meta: dict[str, Any] | None = None) -> Article:
    """See ``quoth.pipeline.extract`` (imported lazily so ``import quoth`` stays cheap)."""
    from .pipeline import extract as _extract

    return _extract(text, options, id=id, meta=meta)


def extract_many(items: Iterable[ArticleInput], options: Options | None = None,
                 errors: Literal["raise", "collect"] = "collect") -> Iterator[Article]:
    """See ``quoth.pipeline.extract_many``."""
    from .pipeline import extract_many as _extract_many

    return _extract_many(items, options, errors=errors)
