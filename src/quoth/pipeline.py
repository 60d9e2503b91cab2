"""``extract`` and ``extract_many``: text in, ``Article`` out, through the spaCy pipeline with quoth's component.

The component itself (``QuothComponent``, the factory ``make_quoth``) lives in ``quoth.component``; the names stay
importable from here.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Literal

from spacy.language import Language
from spacy.tokens import Doc

from .component import Found, QuothComponent, make_quoth
from .model import Article
from .nlp import pipeline_for
from .options import Options
from .safety import time_limit
from .text import check_size, decode

__all__ = ["Found", "QuothComponent", "extract", "extract_many", "make_quoth"]


ArticleInput = Article | str | bytes | dict[str, Any] | tuple[str, str]

# At most this many characters go through spaCy's parser and NER at once. Their memory grows with the tokens in
# a batch (~3 KiB per character of text while a batch is predicted), not with the number of articles: 32
# PolNeAR-sized articles peaked at ~650 MiB RSS, batches capped at 40,000 characters at ~380 MiB, at the same
# speed. Calibrated with `python scripts/bench_speed.py --stream 2000 --stream-chars 1000000`; re-run it after
# changing this (the budget is ≤ 600 MiB for one process).
MAX_BATCH_CHARS = 40_000
# spaCy's time and memory follow tokens, not characters: text of one-character tokens ('"a" ' × 24,000: 48,500
# tokens in 96,000 characters) took 16 s and 870 MB. News prose has 0.15-0.24 tokens per character (PolNeAR's
# 729 articles over 2,000 characters, measured with spaCy's tokenizer), so an article with more tokens than
# this many per allowed character (``Options.max_chars``) is refused as InputTooLarge before it is parsed.
MAX_TOKENS_PER_CHAR = 0.3
MIN_TOKEN_CAP = 1_000


def extract(text: str | bytes, options: Options | None = None, id: str = "article",
            meta: dict[str, Any] | None = None) -> Article:
    """Extract attributions, entities and disputes from one article's text.

    Takes the text (``str``, or UTF-8 ``bytes``) and returns an ``Article`` whose offsets index that text.
    Raises ``InputError`` (binary, undecodable, too large), ``ArticleTimeout`` (over ``Options.time_limit_s``),
    ``ExtractionFailed`` (any other failure on this article) and ``ModelNotFound``.
    """
    return next(extract_many([Article(id=id, text=_as_text(text, id, options or Options()), meta=meta or {})],
                             options, errors="raise"))


def extract_many(
    items: Iterable[ArticleInput],
    options: Options | None = None,
    errors: Literal["raise", "collect"] = "collect",
) -> Iterator[Article]:
    """Extract from many articles, streaming through ``nlp.pipe`` in batches; yields in input order.

    ``items`` are ``Article``s, strings, bytes, ``(id, text)`` pairs or dicts with ``id``/``text`` (other keys
    become ``meta``). With ``errors="collect"`` (the default) every input yields exactly one Article: one that
    cannot be read or extracted (any exception, or over ``Options.time_limit_s``) has ``error`` set to
    ``"id: Kind: message"`` and no results, and the stream goes on. With ``"raise"`` the first such error is
    raised (``InputError``, ``ArticleTimeout`` or ``ExtractionFailed``). ``ModelNotFound`` is always raised.
    """
    opts = options or Options()
    nlp = pipeline_for(opts)
    cfg = {"quoth": {"speakers": opts.speakers, "disputes": opts.disputes and opts.speakers,
                     "without": opts.without_steps}}
    max_tokens = max(MIN_TOKEN_CAP, int(opts.max_chars * MAX_TOKENS_PER_CHAR))
    batch: list[Article] = []
    for n, item in enumerate(items):
        article = _to_article(item, n, opts, errors)
        batch.append(article)
        if len(batch) >= opts.batch_size:
            yield from _run_batch(nlp, batch, cfg, opts.time_limit_s, errors, max_tokens)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch, cfg, opts.time_limit_s, errors, max_tokens)


def _run_batch(nlp: Language, batch: list[Article], cfg: dict, limit_s: float | None,
               errors: str = "collect", max_tokens: int | None = None) -> Iterator[Article]:
    """Annotate the batch's readable articles chunk by chunk, then yield the whole batch in order."""
    todo = [a for a in batch if a.error is None and a.text.strip() and _within_token_cap(nlp, a, max_tokens)]
    for chunk in _chunk_by_chars(todo, MAX_BATCH_CHARS):
        _annotate(nlp, chunk, cfg, limit_s)
    for article in batch:
        if errors == "raise" and article.error is not None:
            _raise_for(article)
        yield article


def _within_token_cap(nlp: Language, article: Article, max_tokens: int | None) -> bool:
    """Whether the article's text, as spaCy will read it, has at most ``max_tokens`` tokens; if not (or if the
    tokenizer fails on it) the article gets its ``error``."""
    from .errors import InputTooLarge
    from .safety import spacy_view

    if max_tokens is None or len(article.text) <= max_tokens:  # a token has at least one character
        return True
    try:
        tokens = len(nlp.tokenizer(spacy_view(article.text)))
    except Exception as exc:  # noqa: BLE001  the article fails alone
        article.error = _failure_reason(article.id, exc, None)
        return False
    if tokens > max_tokens:
        article.error = str(InputTooLarge(
            f"{tokens:,} tokens is over the limit of {max_tokens:,} ({MAX_TOKENS_PER_CHAR:g} per allowed character; "
            "news prose has at most 0.25): it is not prose; split it or raise --max-chars", article.id))
        return False
    return True


def _annotate(nlp: Language, chunk: list[Article], cfg: dict, limit_s: float | None) -> None:
    """Run spaCy over ``chunk`` at once; if that fails or runs out of time, run each article alone (the bad one
    then fails alone, with its reason in ``error``)."""
    from .errors import ModelNotFound
    from .quote_style import double_view
    from .safety import TimeLimitExceeded, spacy_view
    from .text import reading_view

    try:
        # single-mark (British) quotes read as double (same offsets); CRLF, U+2028/9 as LF, invisible characters
        # dropped (text.reading_view; offsets mapped back in _fill)
        read = [reading_view(double_view(a.text)) for a in chunk]
        views = [spacy_view(view) for view, _ in read]
        with time_limit(limit_s):
            docs = list(nlp.pipe(views, batch_size=len(chunk), component_cfg=cfg))
    except (ModelNotFound, KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except (Exception, TimeLimitExceeded) as exc:  # noqa: BLE001  isolate the article that broke the chunk
        if len(chunk) > 1:
            for article in chunk:
                _annotate(nlp, [article], cfg, limit_s)
        else:
            chunk[0].error = _failure_reason(chunk[0].id, exc, limit_s)
        return
    for article, doc, view, (_, where) in zip(chunk, docs, views, read):
        try:
            _fill(article, doc, view, where)
        except Exception as exc:  # noqa: BLE001  an article whose results cannot be read back fails alone
            article.attributions, article.entities, article.disputes = [], [], []
            article.error = _failure_reason(article.id, exc, limit_s)


def _fill(article: Article, doc: Doc, view: str, where: list[int] | None = None) -> None:
    article.attributions = list(doc._.attributions or [])
    article.entities = list(doc._.quoth_entities or [])
    article.disputes = list(doc._.disputes or [])
    if where is not None:  # spaCy read a view with characters dropped or added: offsets back to the text
        from .safety import move_offsets

        move_offsets(article, where)
    if view != article.text:  # spaCy read a view with hostile runs blanked: give spans the original text
        from .safety import restore_texts

        restore_texts(article, view)


def _failure_reason(article_id: str, exc: BaseException, limit_s: float | None) -> str:
    from .safety import TimeLimitExceeded, describe

    if isinstance(exc, TimeLimitExceeded):
        return (f"{article_id}: ArticleTimeout: extraction took longer than the limit of {limit_s:g} s and was "
                "stopped; split the article or raise the time limit")
    return f"{article_id}: extraction failed ({describe(exc)}); the other articles were extracted"


def _raise_for(article: Article) -> None:
    from .errors import ArticleTimeout, ExtractionFailed, InputError

    reason = article.error or ""
    if ": ArticleTimeout:" in reason:
        raise ArticleTimeout(reason)
    if "extraction failed (" in reason:
        raise ExtractionFailed(reason)
    raise InputError(reason)


def _chunk_by_chars(articles: list[Article], max_chars: int) -> Iterator[list[Article]]:
    """Consecutive runs of ``articles`` of at most ``max_chars`` characters (a longer one makes a run alone)."""
    chunk: list[Article] = []
    size = 0
    for article in articles:
        if chunk and size + len(article.text) > max_chars:
            yield chunk
            chunk, size = [], 0
        chunk.append(article)
        size += len(article.text)
    if chunk:
        yield chunk


def _as_text(text: str | bytes, name: str, options: Options) -> str:
    if isinstance(text, bytes):
        return decode(text, name, options.max_chars)
    return check_size(text, name, options.max_chars)


def _to_article(item: ArticleInput, n: int, options: Options, errors: str) -> Article:
    """The input as an Article with safe text, or with ``error`` set (raised with ``errors="raise"``)."""
    from .errors import InputError
    from .safety import clean_text, clean_value, describe

    article = Article(id=str(n), text="")
    try:
        article, raw = _unpack(item, n)
        # The id and meta are made writable first, so that an article that fails still serialises.
        article.id, article.meta = clean_text(article.id)[0], clean_value(article.meta)
        if article.error:
            return article
        if not isinstance(raw, (str, bytes)):
            raise InputError(f"text must be a string, not {type(raw).__name__}", article.id)
        text, warnings = clean_text(_as_text(raw, article.id, options))
        article.text = text
        if warnings:
            prior = article.meta.get("warnings")
            article.meta["warnings"] = [*(prior if isinstance(prior, list) else [prior] if prior else []), *warnings]
    except InputError as exc:
        if errors == "raise":
            raise
        article.text, article.error = "", str(exc)
    except Exception as exc:  # noqa: BLE001  a malformed input fails alone
        if errors == "raise":
            raise InputError(f"cannot read the input ({describe(exc)})", article.id) from exc
        article.text, article.error = "", f"{article.id}: cannot read the input ({describe(exc)})"
    return article


def _unpack(item: ArticleInput, n: int) -> tuple[Article, Any]:
    """The Article (id, meta, error) an input describes, and its raw text."""
    if isinstance(item, Article):
        return Article(id=item.id, text=item.text, meta=dict(item.meta), error=item.error), item.text
    if isinstance(item, dict):
        meta = {k: v for k, v in item.items() if k not in ("id", "text")}
        return Article(id=str(item.get("id", n)), text="", meta=meta), item.get("text", "")
    if isinstance(item, tuple):
        return Article(id=str(item[0]), text=""), item[1]
    return Article(id=str(n), text=""), item
