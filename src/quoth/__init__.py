"""quoth: who said what, about whom, and who disputes it."""

from .errors import BinaryInput, DecodingError, InputError, InputTooLarge, ModelNotFound, QuothError
from .model import SCHEMA_VERSION, Article, Attribution, Dispute, Entity, Mention, Span
from .options import Options

__version__ = "0.1.0"

__all__ = [
    "Article", "Attribution", "BinaryInput", "DecodingError", "Dispute", "Entity", "InputError", "InputTooLarge",
    "Mention", "ModelNotFound", "Options", "QuothError", "SCHEMA_VERSION", "Span", "extract", "extract_many",
]


def extract(text, options=None, id="article", meta=None):  # type: ignore[no-untyped-def]
    """See ``quoth.pipeline.extract`` (imported lazily so ``import quoth`` stays cheap)."""
    from .pipeline import extract as _extract

    return _extract(text, options, id=id, meta=meta)


def extract_many(items, options=None, errors="collect"):  # type: ignore[no-untyped-def]
    """See ``quoth.pipeline.extract_many``."""
    from .pipeline import extract_many as _extract_many

    return _extract_many(items, options, errors=errors)
