"""``quoth load``: the Parquet output of ``quoth dask`` into a quoth store (``quoth.store.Store``)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Article
from .tables import iter_article_rows

if TYPE_CHECKING:
    from ..store import Store


def load_into_store(out_dir: str | Path, db: str | Path, failures: bool = True, replace: bool = False) -> Counter:
    """Add every article of a ``quoth dask`` output to the store at ``db``, one transaction per article.

    With ``failures`` the failed articles are recorded as the store's failures too. Articles the store already
    holds with the same text are skipped (``replace=True`` overwrites them); an id the store holds with different
    text (the same id in two partitions, or from an earlier ingest) is a conflict, recorded as a failure as
    ``quoth ingest`` records it. A row or a Parquet file that cannot be read or stored fails alone, recorded as a
    failure naming it. Returns counts: ``articles`` read, ``failures`` read and the store's results (``added``,
    ``skipped``, ``replaced``, ``failed``). Raises FileNotFoundError when ``out_dir`` is not a ``quoth dask``
    output and ``StoreError`` when ``db`` cannot be written.
    """
    from ..store import Store

    counts: Counter = Counter(articles=0, failures=0)
    with Store(db) as store:
        for where, article in iter_article_rows(out_dir):
            counts["articles"] += 1
            counts[_add(store, where, article, replace)] += 1
        if failures:
            for where, article in iter_article_rows(out_dir, failures=True):
                counts["failures"] += 1
                counts[_add(store, where, article, False)] += 1
    return counts


def _add(store: "Store", where: str, article: Article | Exception, replace: bool) -> str:
    """Store one row's article; a row that cannot be read, a conflict or a row SQLite refuses fails alone."""
    from ..ingest.run import CONFLICT_STORED
    from ..safety import describe
    from ..store import StoreError, content_hash

    if isinstance(article, Exception):
        store.add_failure(where, where, f"{where}: cannot be read ({describe(article)}); rerun `quoth dask` on a "
                                        "new --out to rebuild it")
        return "failed"
    if article.error is None and not replace:
        stored = store.stored_hash(article.id)
        if stored is not None and stored != content_hash(article.text):
            article.error = f"{article.id}: {CONFLICT_STORED}"
    try:
        return store.add_article(article, replace=replace)
    except StoreError:
        raise
    except Exception as exc:  # noqa: BLE001  a value SQLite refuses fails this article alone
        store.add_failure(where, article.id, f"{article.id}: cannot be stored ({describe(exc)})")
        return "failed"
