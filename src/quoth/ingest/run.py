"""Ingesting sources into a Store: read, skip what is stored, extract (in this process or a pool), write.

Only the calling process writes, one article per transaction, so a crash loses at most the articles in flight and
a rerun (which skips stored ids) finishes the rest.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..model import Article
from ..options import Options
from . import read_sources
from .options import ReadOptions

if TYPE_CHECKING:
    from ..store import Store

Progress = Callable[[str, Article], None]


@dataclass
class IngestSummary:
    """Counts of one ingest run, and every failure and skip with its id and reason."""

    added: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)
    skips: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ingested(self) -> int:
        """Articles written this run (added or replaced)."""
        return self.added + self.replaced

    def skipped_by_reason(self) -> dict[str, int]:
        """How many articles were skipped for each reason."""
        return dict(Counter(reason for _id, reason in self.skips))

    def failed_by_kind(self) -> dict[str, int]:
        """How many articles failed for each kind of failure (``failure_kind``)."""
        return dict(Counter(failure_kind(reason) for _id, reason in self.failures))

    def to_dict(self) -> dict[str, object]:
        return {"ingested": self.ingested, "added": self.added, "replaced": self.replaced,
                "skipped": self.skipped, "failed": self.failed, "seconds": round(self.seconds, 3),
                "skipped_by_reason": self.skipped_by_reason(), "failed_by_kind": self.failed_by_kind()}


# Why an article is not extracted again, as ``IngestSummary.skips`` and ``quoth ingest -v`` name it.
SKIP_STORED = "already stored with the same text"
SKIP_REPEATED = "repeated earlier in this run with the same text"
SKIP_EMPTY = "empty: no text to extract"
# Why an article with an id met before, but different text, is a failure.
CONFLICT_IN_RUN = ("conflict: another article with this id and different text came earlier in this run; give each "
                   "article its own id")
CONFLICT_STORED = ("conflict: an article with this id and different text is already stored; pass --replace to "
                   "overwrite it, or give the new one another id")


def failure_kind(reason: str) -> str:
    """A short kind for a failure reason: conflict, timeout, extraction, too large, binary, encoding, JSON, …"""
    lowered = reason.lower()
    for kind, marks in FAILURE_KINDS:
        if any(mark in lowered for mark in marks):
            return kind
    return "unreadable"


FAILURE_KINDS = (
    ("conflict", ("conflict:",)), ("timeout", ("articletimeout", "took longer than")),
    ("process died", ("process died",)),
    ("extraction error", ("extraction failed",)), ("too large", ("over the limit",)),
    ("binary", ("binary",)), ("encoding", ("utf-8", "utf-16", "unicode")), ("bad JSON", ("json",)),
    ("empty", ("empty", "no article text", "no text", "nothing to extract")),
    ("missing", ("no such file", "not a regular file", "broken symbolic")),
    ("fetch", ("fetch failed", "http ", "resolve", "redirect", "non-public", "url")),
)


def ingest(sources: Iterable[str | Path], store: "Store", options: Options | None = None,
           read_options: ReadOptions | None = None, workers: int = 1, replace: bool = False,
           on_article: Progress | None = None) -> IngestSummary:
    """Read ``sources``, extract every article not yet stored and write each in its own transaction.

    ``on_article(status, article)`` is called once per input with "added", "replaced", "skipped" or "failed".
    Returns the counts; unreadable inputs, articles whose extraction failed and id conflicts (a record whose id
    is stored, or came earlier in the run, with different text) are recorded in the store's failures table,
    never raised. Raises StoreError when the database itself cannot be written (a full disk).
    """
    opts = options or Options()
    summary = IngestSummary()
    started = time.perf_counter()
    notify = on_article or (lambda status, article: None)

    def record(status: str, article: Article, reason: str = "") -> None:
        setattr(summary, status, getattr(summary, status) + 1)
        if status == "failed":
            summary.failures.append((article.id, article.error or ""))
        elif status == "skipped":
            summary.skips.append((article.id, reason or SKIP_STORED))
        notify(status, article)

    guard = _Unstored(store, replace, record)
    todo = guard.filter(read_sources(sources, read_options or ReadOptions.from_options(opts)))
    results = (_extract_in_pool(todo, opts, workers) if workers > 1
               else _extract_journaled(todo, opts, journal_for(store)))
    for article in results:
        record(_write(store, article, replace), article)
    summary.seconds = time.perf_counter() - started
    return summary


def _write(store: "Store", article: Article, replace: bool) -> str:
    """Store one article; an error writing this article (not the database) makes it a failure."""
    from ..safety import describe
    from ..store import StoreError

    try:
        return store.add_article(article, replace=replace)
    except StoreError:
        raise
    except Exception as exc:  # noqa: BLE001  a value SQLite refuses fails this article alone
        article.error = f"{article.id}: cannot be stored ({describe(exc)})"
        article.attributions, article.entities, article.disputes = [], [], []
        return store.add_article(article)


class _Unstored:
    """Passes on the articles to extract; records failures, skips and id conflicts on the way."""

    def __init__(self, store: "Store", replace: bool, record: Callable[..., None]) -> None:
        self.store, self.replace, self.record = store, replace, record
        self.seen: dict[str, str] = {}  # id -> content hash of the articles met this run

    def filter(self, articles: Iterable[Article]) -> Iterator[Article]:
        from ..store import content_hash

        for article in articles:
            if article.error:
                self.record(self.store.add_article(article), article)
                continue
            if not article.text.strip():
                self.record("skipped", article, SKIP_EMPTY)
                continue
            digest = content_hash(article.text)
            verdict = self._verdict(article.id, digest)
            self.seen.setdefault(article.id, digest)
            if verdict is None:
                yield article
            elif verdict.startswith("conflict:"):
                article.error = f"{article.id}: {verdict}"
                self.record(self.store.add_article(article), article)
            else:
                self.record("skipped", article, verdict)

    def _verdict(self, article_id: str, digest: str) -> str | None:
        """None to extract the article, a skip reason, or a conflict reason starting with "conflict:"."""
        if article_id in self.seen:
            if self.seen[article_id] == digest:
                return SKIP_REPEATED
            return CONFLICT_IN_RUN
        stored = self.store.stored_hash(article_id)
        if stored is None or self.replace:
            return None
        if stored == digest:
            return SKIP_STORED
        return CONFLICT_STORED


def journal_for(store: "Store") -> Path | None:
    """Where ``ingest`` notes the articles in flight: beside the database (none for an in-memory one, or while
    another live ``quoth ingest`` writes into the same database)."""
    from .journal import JOURNAL_SUFFIX, held_by_another

    if str(store.path) == ":memory:":
        return None
    path = store.path.with_name(store.path.name + JOURNAL_SUFFIX)
    return None if held_by_another(path) else path


def _extract_journaled(articles: Iterable[Article], options: Options, journal_path: Path | None = None
                       ) -> Iterator[Article]:
    """Extract in this process, batch by batch, noting each batch's ids in the journal first: after a run that
    died (killed for memory, a crash in a library), the next run extracts that batch one article at a time and
    fails the article it died on alone instead of dying on it again."""
    from .journal import Journal, Key, died_on
    from .pool import chunks

    journal = Journal.open(journal_path)
    try:
        for batch in chunks(articles, options.batch_size):
            keys: list[Key] = [_key(a) for a in batch]
            if not journal.careful(keys):
                journal.record(keys)
                yield from _extract_here(batch, options)
                continue
            for key, article in zip(keys, batch):
                if key in journal.killers:
                    yield died_on(article, "the process", "it is skipped (until its text changes)")
                    continue
                journal.record([key])
                yield from _extract_here([article], options)
    except BaseException:
        journal.record([])  # stopped, not killed (Ctrl-C, a full disk): nothing in flight is to blame
        raise
    journal.close(keep_killers=True)


def _extract_here(articles: Iterable[Article], options: Options) -> Iterator[Article]:
    from ..pipeline import extract_many

    return extract_many(articles, options, errors="collect")


def _key(article: Article) -> str:
    """An article's journal key: its id and text, so that a changed text is tried again."""
    from ..store import content_hash

    return f"{article.id}#{content_hash(article.text)[:16]}"


def _extract_in_pool(articles: Iterable[Article], options: Options, workers: int) -> Iterator[Article]:
    from .pool import extract_in_pool

    return extract_in_pool(articles, options, workers)


def estimate_total(sources: Iterable[str | Path]) -> int | None:
    """How many inputs ``sources`` hold (files, JSONL lines, URLs), or None when some cannot be counted cheaply
    (or cannot be read: the run itself reports that input as a failure)."""
    try:
        return _count_inputs(sources)
    except OSError:
        return None


def _count_inputs(sources: Iterable[str | Path]) -> int | None:
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
            kind = source_kind(file) if file.is_file() else "text"
            if kind in ("warc", "feed"):
                return None
            total += _count_lines(file) if kind == "jsonl" else 1
    return total


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())
