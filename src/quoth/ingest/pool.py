"""Extraction in worker processes for ``quoth ingest --workers N``, with no article able to stop the run.

An exception in one article fails that article alone (``extract_many`` collects it). A worker *process* that dies
(killed for memory, a crash inside a compiled library) used to leave ``multiprocessing.Pool`` waiting for ever;
here the pool is a ``ProcessPoolExecutor``, which reports the death (``BrokenProcessPool``): the chunks that were
in flight are then run again one article at a time, in a fresh pool, and the article whose process dies alone is
a failure that says so. Results come back in input order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

from ..errors import ModelNotFound
from ..model import Article
from ..options import Options

# Articles per task sent to a worker process: large enough to amortise pickling, small enough to stream.
WORKER_CHUNK_ARTICLES = 32
# Tasks in flight per worker: keeps every worker busy without reading the whole corpus ahead.
INFLIGHT_PER_WORKER = 2


class _Pool:
    """A process pool that can be started again after one of its processes died."""

    def __init__(self, options: Options, workers: int) -> None:
        self.options, self.workers = options, workers
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        """A new pool, once a worker has loaded the model (a missing model raises ModelNotFound here, not as a
        dead process for every article)."""
        executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_init_worker, initargs=(self.options,))
        executor.submit(_extract_chunk, []).result()
        return executor

    def submit(self, chunk: list[Article]) -> "Future[list[Article]]":
        return self.executor.submit(_extract_chunk, chunk)

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def extract_in_pool(articles: Iterable[Article], options: Options, workers: int) -> Iterator[Article]:
    """Extract in ``workers`` processes (each loads the model once), yielding in input order."""
    pool = _Pool(options, workers)
    try:
        pending: deque[tuple[list[Article], Future[list[Article]]]] = deque()
        for chunk in chunks(articles, WORKER_CHUNK_ARTICLES):
            pending.append((chunk, pool.submit(chunk)))
            while len(pending) >= workers * INFLIGHT_PER_WORKER:
                yield from _next_result(pool, pending)
        while pending:
            yield from _next_result(pool, pending)
    finally:
        pool.shutdown()


def _next_result(pool: _Pool, pending: deque[tuple[list[Article], Future[list[Article]]]]) -> list[Article]:
    """The oldest chunk's articles; if its process died, every chunk in flight again, one article at a time."""
    chunk, future = pending.popleft()
    try:
        return future.result()
    except ModelNotFound:
        raise
    except Exception:  # noqa: BLE001  BrokenProcessPool (a process died), or a chunk that could not be sent
        lost = [(chunk, future), *pending]
        pending.clear()
        pool.restart()
        return [done for c, f in lost for done in (_finished(f) or [a for article in c for a in _alone(pool, article)])]


def _finished(future: "Future[list[Article]]") -> list[Article] | None:
    """The result of a chunk that finished before the pool broke, or None to run it again."""
    return future.result() if future.done() and not future.cancelled() and future.exception() is None else None


def _alone(pool: _Pool, article: Article) -> list[Article]:
    """One article in its own task; if the process dies on it, its failure (and a fresh pool for the rest)."""
    from ..safety import describe

    try:
        return pool.submit([article]).result()
    except ModelNotFound:
        raise
    except BrokenProcessPool:
        pool.restart()
        reason = ("the extraction process died while extracting this article alone (out of memory, or a crash in "
                  "a library); it was skipped and the others were extracted; check or split the article, or run "
                  "with fewer --workers")
    except Exception as exc:  # noqa: BLE001  it fails alone
        reason = f"extraction failed ({describe(exc)}); the other articles were extracted"
    return [Article(id=article.id, text="", meta=dict(article.meta), error=f"{article.id}: {reason}")]


_WORKER_OPTIONS: Options | None = None
_WORKER_ERROR: Exception | None = None


def _init_worker(options: Options) -> None:
    global _WORKER_OPTIONS, _WORKER_ERROR
    from ..nlp import pipeline_for

    _WORKER_OPTIONS = options
    try:
        pipeline_for(options)  # load the model once per worker, before the first chunk
    except Exception as exc:  # noqa: BLE001  raised by every task instead (an initializer error breaks the pool)
        _WORKER_ERROR = exc


def _extract_chunk(chunk: list[Article]) -> list[Article]:
    from ..pipeline import extract_many

    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    return list(extract_many(chunk, _WORKER_OPTIONS, errors="collect"))


def chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
