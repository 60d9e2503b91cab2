"""The corpus store: SQLite (WAL) with FTS5, written one article per transaction, read by the CLI and the API.

    with Store("quoth.db") as store:
        store.add_article(article)               # "added" | "skipped" | "replaced" | "failed"
        page = store.search("border", speaker="Noem", limit=20)

The schema is documented in docs/store.md; any SQLite tool (``datasette quoth.db``) reads it as is.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Literal, Sequence

from ..model import Article
from . import query
from .errors import NotFound, StoreError
from .records import ArticleSummary, DisputeRecord, EntityRecord, Failure, Page, SpeakerProfile, Statement
from .schema import SCHEMA_VERSION, migrate
from .write import content_hash, delete_article, insert_article, now_iso

__all__ = [
    "ArticleSummary", "DisputeRecord", "EntityRecord", "Failure", "NotFound", "Page", "SCHEMA_VERSION",
    "SpeakerProfile", "Statement", "Store", "StoreError", "DEFAULT_DB", "content_hash", "export_store",
]

DEFAULT_DB = "quoth.db"
# Milliseconds a writer waits for another process's lock before giving up with "database is locked".
BUSY_TIMEOUT_MS = 10_000

AddResult = Literal["added", "skipped", "replaced", "failed"]


class Store:
    """A quoth corpus in one SQLite file. Opening creates or migrates it; ``read_only`` opens it for queries only.

    One Store (one connection) per thread: open one per worker thread or request, it is cheap.
    Raises StoreError when the file is not a database quoth can use.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            self.conn = self._connect()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as a quoth database ({exc}); "
                             "check the path, or pass --db with a new file name") from exc

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            if not self.path.exists():
                raise StoreError(f"{self.path}: no such database; create it with `quoth ingest SOURCES --db FILE`")
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None,
                                   check_same_thread=False)
        else:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: a committed transaction survives a process crash (SIGKILL); only an OS crash or power
            # loss can drop the last few, never corrupt the file.
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys=ON")
        if not self.read_only:
            migrate(conn)
        elif conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'").fetchone()[0] == 0:
            raise StoreError(f"{self.path}: not a quoth database (no schema_version table)")
        return conn

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------------------

    def add_article(self, article: Article, replace: bool = False) -> AddResult:
        """Write one article with all its results in ONE transaction.

        An article already stored under the same id (or, when ``article.id`` is empty, with the same text) is
        ``"skipped"``, or ``"replaced"`` when ``replace=True``; an article with ``error`` set is recorded as a
        failure (``"failed"``). An id-less article is stored under ``sha256:<hash prefix>``.
        """
        if article.error:
            self.add_failure(article.meta.get("source") or article.id, article.id, article.error)
            return "failed"
        digest = content_hash(article.text)
        if not article.id:
            article = _with_id(article, self._id_for_hash(digest) or f"sha256:{digest[:16]}")
        return self._write(article, digest, replace)

    def _write(self, article: Article, digest: str, replace: bool) -> AddResult:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            exists = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone()
            if exists and not replace:
                self.conn.execute("ROLLBACK")
                return "skipped"
            if exists:
                delete_article(self.conn, article.id)
            insert_article(self.conn, article, digest)
            # A failure recorded for this article by an earlier run (then fixed) is no longer one; a conflict is
            # another record's failure (same id, other text), which storing this one does not resolve.
            self.conn.execute("DELETE FROM failures WHERE id = ? AND source = ? AND reason NOT LIKE '%conflict:%'",
                              (article.id, str(article.meta.get("source") or article.id)))
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._rollback()
            raise _storage_error(self.path, exc) from exc
        except BaseException:
            self._rollback()
            raise
        return "replaced" if exists else "added"

    def _rollback(self) -> None:
        """Roll back the transaction if one is still open (SQLite ends it by itself on a full disk or I/O error,
        and a second ROLLBACK would hide the real error behind "no transaction is active")."""
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def add_failure(self, source: str, article_id: str, reason: str) -> None:
        """Record (or update) why an input could not be ingested; one row per (source, id)."""
        try:
            self.conn.execute(
                "INSERT INTO failures (source, id, reason, time) VALUES (?, ?, ?, ?) ON CONFLICT(source, id)"
                " DO UPDATE SET reason = excluded.reason, time = excluded.time",
                (str(source), str(article_id), reason, now_iso()))
        except sqlite3.OperationalError as exc:
            raise _storage_error(self.path, exc) from exc

    def stored_hash(self, article_id: str) -> str | None:
        """The content hash of the article stored under ``article_id``, or None when there is none."""
        row = self.conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def has_article(self, article_id: str = "", text: str | None = None) -> bool:
        """Whether an article with this id (or, with no id, this text) is already stored."""
        if article_id:
            sql, arg = "SELECT 1 FROM articles WHERE id = ?", article_id
        elif text is not None:
            sql, arg = "SELECT 1 FROM articles WHERE content_hash = ?", content_hash(text)
        else:
            return False
        return self.conn.execute(sql, (arg,)).fetchone() is not None

    def _id_for_hash(self, digest: str) -> str | None:
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash = ? LIMIT 1", (digest,)).fetchone()
        return row[0] if row else None

    # -- reading (shared by the CLI and the HTTP API) ------------------------------------------------------

    def search(self, text: str = "", speaker: str | None = None, kind: str | None = None,
               since: str | None = None, until: str | None = None, limit: int = 20,
               offset: int = 0, types: Sequence[str] | None = None) -> Page[Statement]:
        """Attributions whose content contains every word of ``text`` (FTS5; "quoted phrases" kept together).

        ``speaker`` is an entity id or part of a name; ``kind`` direct/indirect/mixed; ``since``/``until``
        ISO dates (inclusive) on the article's published date; ``types`` the attribution types to keep
        (statement, belief, knowledge, intention, document, topic; None keeps all). Statements first, then best match
        first; newest first with no text. Raises StoreError for a bad kind, type or page.
        """
        return query.search(self.conn, _plain(text), _plain(speaker), kind, _plain(since), _plain(until), limit,
                            offset, types)

    def search_articles(self, text: str, limit: int = 20, offset: int = 0) -> Page[ArticleSummary]:
        """Articles whose title or text contains every word of ``text``, best match first."""
        return query.search_articles(self.conn, _plain(text) or "", limit, offset)

    def speakers(self, limit: int = 20, offset: int = 0) -> Page[EntityRecord]:
        """Speakers, most quoted first, with statement and article counts and first/last dates."""
        return query.speakers(self.conn, limit, offset)

    def speaker(self, name_or_id: str | int, limit: int = 100, offset: int = 0,
                types: Sequence[str] | None = None) -> SpeakerProfile:
        """A speaker's entity, the names articles gave it, and their attributions oldest first (only ``types``
        when given); raises NotFound."""
        return query.speaker(self.conn, _plain(name_or_id) if isinstance(name_or_id, str) else name_or_id, limit,
                             offset, types)

    def disputes(self, name: str | None = None, limit: int = 20, offset: int = 0, kind: str | None = None,
                 unnamed: bool = False) -> Page[DisputeRecord]:
        """Disputes, newest first; with ``name``, only those where that party disputes or is disputed; with
        ``kind``, only that kind; with ``unnamed``, only those whose target party is unnamed."""
        return query.disputes(self.conn, _plain(name), limit, offset, kind=_plain(kind), unnamed=unnamed)

    def article(self, article_id: str) -> Article:
        """The Article rebuilt from the store, as ``extract`` returned it; raises NotFound."""
        return query.article(self.conn, _plain(article_id) or "")

    def articles(self, limit: int = 20, offset: int = 0) -> Page[ArticleSummary]:
        """Articles in ingest order, without text."""
        return query.articles(self.conn, limit, offset)

    def entities(self, name: str | None = None, kind: str | None = None, limit: int = 20,
                 offset: int = 0) -> Page[EntityRecord]:
        """Corpus entities (merged across articles by key), optionally filtered by part of a name and kind."""
        return query.entities(self.conn, _plain(name), kind, limit, offset)

    def entity(self, entity_id: int) -> EntityRecord:
        """One corpus entity by id; raises NotFound."""
        return query.entity(self.conn, entity_id)

    def failures(self, limit: int = 20, offset: int = 0) -> Page[Failure]:
        """Recorded ingest failures, newest first."""
        return query.failures(self.conn, limit, offset)

    def stats(self) -> dict[str, Any]:
        """Corpus counts (articles, attributions by kind, entities, speakers, disputes, failures) and dates."""
        return query.stats(self.conn)


def _plain(text: str | None) -> str | None:
    return None if text is None else query.plain_text(text)


def _storage_error(path: Path, exc: sqlite3.OperationalError) -> StoreError:
    """The StoreError for a failed write: the disk's own error (full, read-only, I/O) and what to do."""
    message = str(exc)
    if "full" in message:
        hint = "free some disk space (or move --db to a disk with room), then run the same command again"
    elif "readonly" in message or "read-only" in message:
        hint = "check that the database file and its folder are writable"
    elif "locked" in message or "busy" in message:
        hint = "another process holds the database; wait for it or use another --db"
    else:
        hint = "check the disk and the file; articles written before this are kept"
    return StoreError(f"{path}: cannot write to the database ({message}); {hint}")


def _with_id(article: Article, article_id: str) -> Article:
    return Article(id=article_id, text=article.text, meta=article.meta, entities=article.entities,
                   attributions=article.attributions, disputes=article.disputes)


def export_store(store: Store, out_dir: str | Path, fmt: str = "jsonl") -> dict[str, Path]:
    """Write articles, attributions, entities and disputes to ``out_dir`` as jsonl, csv or parquet files."""
    from .export import export

    return export(store.conn, out_dir, fmt)
