"""Ingesting sources into a Store: read, skip what is stored, extract (in this process or a pool), write.

Only the calling process writes, one article per transaction, so a crash loses at most the articles in flight and
a rerun (which skips stored ids) finishes the rest.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..model import Article
from ..options import Options
from . import read_sources
from .options import ReadOptions

if TYPE_CHECKING:
    from ..store import Store

# Articles per task sent to a worker process: large enough to amortise pickling, small enough to stream.
WORKER_CHUNK_ARTICLES = 32
# Tasks in flight per worker: keeps every worker busy without reading the whole corpus ahead.
INFLIGHT_PER_WORKER = 2

Progress = Callable[[str, Article], None]


@dataclass
class IngestSummary:
    """Counts of one ingest run, and the failures' ids and reasons."""

    added: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ingested(self) -> int:
        """Articles written this run (added or replaced)."""
        return self.added + self.replaced

    def to_dict(self) -> dict[str, object]:
        return {"ingested": self.ingested, "added": self.added, "replaced": self.replaced,
                "skipped": self.skipped, "failed": self.failed, "seconds": round(self.seconds, 3)}


def ingest(sources: Iterable[str | Path], store: "Store", options: Options | None = None,
           read_options: ReadOptions | None = None, workers: int = 1, replace: bool = False,
           on_article: Progress | None = None) -> IngestSummary:
    """Read ``sources``, extract every article not yet stored and write each in its own transaction.

    ``on_article(status, article)`` is called once per input with "added", "replaced", "skipped" or "failed".
    Returns the counts; unreadable inputs are recorded in the store's failures table, never raised.
    """
    opts = options or Options()
    summary = IngestSummary()
    started = time.perf_counter()
    notify = on_article or (lambda status, article: None)

    def record(status: str, article: Article) -> None:
        setattr(summary, status, getattr(summary, status) + 1)
        if status == "failed":
            summary.failures.append((article.id, article.error or ""))
        notify(status, article)

    todo = _unstored(read_sources(sources, read_options or ReadOptions.from_options(opts)), store, replace, record)
    results = _extract_in_pool(todo, opts, workers) if workers > 1 else _extract_here(todo, opts)
    for article in results:
        record(store.add_article(article, replace=replace), article)
    summary.seconds = time.perf_counter() - started
    return summary


def _unstored(articles: Iterable[Article], store: "Store", replace: bool,
              record: Callable[[str, Article], None]) -> Iterator[Article]:
    """Pass on the articles to extract; record failures and already-stored ones on the way."""
    for article in articles:
        if article.error:
            record(store.add_article(article), article)
        elif not replace and store.has_article(article.id, article.text):
            record("skipped", article)
        else:
            yield article


def _extract_here(articles: Iterable[Article], options: Options) -> Iterator[Article]:
    from ..pipeline import extract_many

    return extract_many(articles, options, errors="collect")


def _extract_in_pool(articles: Iterable[Article], options: Options, workers: int) -> Iterator[Article]:
    """Extract in ``workers`` processes (each loads the model once), yielding in input order."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(options,)) as pool:
        pending: deque = deque()
        for chunk in _chunks(articles, WORKER_CHUNK_ARTICLES):
            pending.append(pool.apply_async(_extract_chunk, (chunk,)))
            while len(pending) >= workers * INFLIGHT_PER_WORKER:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


_WORKER_OPTIONS: Options | None = None


def _init_worker(options: Options) -> None:
    global _WORKER_OPTIONS
    from ..nlp import pipeline_for

    _WORKER_OPTIONS = options
    pipeline_for(options)  # load the model once per worker, before the first chunk


def _extract_chunk(chunk: list[Article]) -> list[Article]:
    from ..pipeline import extract_many

    return list(extract_many(chunk, _WORKER_OPTIONS, errors="collect"))


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def estimate_total(sources: Iterable[str | Path]) -> int | None:
    """How many inputs ``sources`` hold (files, JSONL lines, URLs), or None when some cannot be counted cheaply."""
    from . import source_kind
    from .files import iter_directory

    total = 0
    for source in sources:
        text = str(source)
        if text.startswith(("http://", "https://")):
            total += 1
            continue
        path = Path(text)
        files = list(iter_directory(path)) if path.is_dir() else [path]
        for file in files:
            kind = source_kind(file) if file.exists() else "text"
            if kind in ("warc", "feed"):
                return None
            total += _count_lines(file) if kind == "jsonl" else 1
    return total


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())
