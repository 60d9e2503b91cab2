"""Reading one source so that nothing it does can stop the others: any exception becomes one failure."""

from __future__ import annotations

from typing import Iterator

from ..model import Article
from ..safety import clean_text, clean_value, describe
from .common import failure


def isolated(source: str, articles: Iterator[Article], label: str | None = None) -> Iterator[Article]:
    """Pass on ``articles`` with their text made safe; an exception while reading ends ``source`` in a failure
    naming it (the articles read before it are kept). ``label`` names the failure (default ``source``): a
    directory's file is named by its path relative to the directory, as its articles are."""
    count = 0
    name = label or source
    try:
        for article in articles:
            count += 1
            yield made_safe(article)
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except Exception as exc:  # noqa: BLE001  a reader bug on one input must not stop the run
        where = f"{source} (after {count} article(s))" if count else source
        hint = "check that it exists and can be read; " if isinstance(exc, OSError) else ""
        yield failure(name if not count else f"{name}#{count + 1}", source,
                      f"{where}: cannot read it ({describe(exc)}); {hint}the other inputs were read")


def made_safe(article: Article) -> Article:
    """``article`` with lone surrogates in its text and id replaced (noted in ``meta["warnings"]``)."""
    if article.error is None and article.text:
        text, warnings = clean_text(article.text)
        if warnings:
            article.text = text
            prior = article.meta.get("warnings")
            article.meta["warnings"] = [*(prior if isinstance(prior, list) else [prior] if prior else []), *warnings]
    article.id = clean_text(article.id)[0]
    article.meta = clean_value(article.meta)
    if article.error:
        article.error = clean_text(article.error)[0]
    return article
