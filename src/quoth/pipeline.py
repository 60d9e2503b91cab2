"""``extract`` and ``extract_many``: text in, ``Article`` out, through the spaCy pipeline with quoth's component.

The component itself (``QuothComponent``, the factory ``make_quoth``) lives in ``quoth.component``; the names stay
importable from here.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Literal

from spacy.language import Language

from .component import Found, QuothComponent, make_quoth
from .model import Article
from .nlp import pipeline_for
from .options import Options
from .text import check_size, decode

__all__ = ["Found", "QuothComponent", "extract", "extract_many", "make_quoth"]


ArticleInput = Article | str | bytes | dict[str, Any] | tuple[str, str]

# At most this many characters go through spaCy's parser and NER at once. Their memory grows with the tokens in
# a batch (~3 KiB per character of text while a batch is predicted), not with the number of articles: 32
# PolNeAR-sized articles peaked at ~650 MiB RSS, batches capped at 40,000 characters at ~380 MiB, at the same
# speed. Calibrated with `python scripts/bench_speed.py --stream 2000 --stream-chars 1000000`; re-run it after
# changing this (the budget is ≤ 600 MiB for one process).
MAX_BATCH_CHARS = 40_000


def extract(text: str | bytes, options: Options | None = None, id: str = "article",
            meta: dict[str, Any] | None = None) -> Article:
    """Extract attributions, entities and disputes from one article's text.

    Takes the text (``str``, or UTF-8 ``bytes``) and returns an ``Article`` whose offsets index that text.
    Raises ``InputError`` (binary, undecodable, too large) and ``ModelNotFound``.
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
    become ``meta``). With ``errors="collect"`` an article that cannot be read is yielded with ``error`` set and no
    results, and the stream goes on; with ``"raise"`` the ``InputError`` propagates.
    """
    opts = options or Options()
    nlp = pipeline_for(opts)
    cfg = {"quoth": {"speakers": opts.speakers, "disputes": opts.disputes and opts.speakers,
                     "without": opts.without_steps}}
    batch: list[Article] = []
    for n, item in enumerate(items):
        article = _to_article(item, n, opts, errors)
        batch.append(article)
        if len(batch) >= opts.batch_size:
            yield from _run_batch(nlp, batch, cfg, opts.batch_size)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch, cfg, opts.batch_size)


def _run_batch(nlp: Language, batch: list[Article], cfg: dict, batch_size: int) -> Iterator[Article]:
    todo = [a for a in batch if a.error is None and a.text.strip()]
    docs = (doc for chunk in _chunk_by_chars([a.text for a in todo], MAX_BATCH_CHARS)
            for doc in nlp.pipe(chunk, batch_size=len(chunk), component_cfg=cfg))
    for article in batch:
        if article.error is None and article.text.strip():
            doc = next(docs)
            article.attributions = list(doc._.attributions or [])
            article.entities = list(doc._.quoth_entities or [])
            article.disputes = list(doc._.disputes or [])
        yield article


def _chunk_by_chars(texts: list[str], max_chars: int) -> Iterator[list[str]]:
    """Consecutive runs of ``texts`` of at most ``max_chars`` characters (a longer text makes a run alone)."""
    chunk: list[str] = []
    size = 0
    for text in texts:
        if chunk and size + len(text) > max_chars:
            yield chunk
            chunk, size = [], 0
        chunk.append(text)
        size += len(text)
    if chunk:
        yield chunk


def _as_text(text: str | bytes, name: str, options: Options) -> str:
    if isinstance(text, bytes):
        return decode(text, name, options.max_chars)
    return check_size(text, name, options.max_chars)


def _to_article(item: ArticleInput, n: int, options: Options, errors: str) -> Article:
    from .errors import InputError

    if isinstance(item, Article):
        article = Article(id=item.id, text=item.text, meta=dict(item.meta), error=item.error)
        raw: str | bytes = item.text
    elif isinstance(item, dict):
        meta = {k: v for k, v in item.items() if k not in ("id", "text")}
        raw = item.get("text", "")
        article = Article(id=str(item.get("id", n)), text="", meta=meta)
    elif isinstance(item, tuple):
        article, raw = Article(id=str(item[0]), text=""), item[1]
    else:
        article, raw = Article(id=str(n), text=""), item
    if article.error:
        return article
    try:
        if not isinstance(raw, (str, bytes)):
            raise InputError(f"text must be a string, not {type(raw).__name__}", article.id)
        article.text = _as_text(raw, article.id, options)
    except InputError as exc:
        if errors == "raise":
            raise
        article.text = ""
        article.error = str(exc)
    return article
