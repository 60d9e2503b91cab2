"""Domain errors. Each shell (CLI, API) translates them once, at its boundary."""

from __future__ import annotations


class QuothError(Exception):
    """Base class of every error quoth raises on purpose."""


class InputError(QuothError):
    """An input could not be read as an article; the message names it and says what to do."""

    def __init__(self, message: str, name: str | None = None) -> None:
        self.name = name
        super().__init__(f"{name}: {message}" if name else message)


class BinaryInput(InputError):
    """The input looks like a binary file, not text."""


class DecodingError(InputError):
    """The input is not valid text in the encodings quoth tries."""


class InputTooLarge(InputError):
    """The input is longer than ``Options.max_chars``."""


class ModelNotFound(QuothError):
    """The spaCy model package is not installed."""


class ExtractionFailed(QuothError):
    """Extraction raised on one article; the message names the article and the exception."""


class ArticleTimeout(ExtractionFailed):
    """One article's extraction ran past ``Options.time_limit_s``."""
