"""``quoth load``: the Parquet output of ``quoth dask`` into a quoth store (``quoth.store.Store``)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .tables import read_dask_output


def load_into_store(out_dir: str | Path, db: str | Path, failures: bool = True, replace: bool = False) -> Counter:
    """Add every article of a ``quoth dask`` output to the store at ``db``, one transaction per article.

    With ``failures`` the failed articles are recorded as the store's failures too. Articles the store already
    holds are skipped (``replace=True`` overwrites them). Returns counts: ``articles`` read, ``failures`` read and
    the store's results (``added``, ``skipped``, ``replaced``, ``failed``). Raises FileNotFoundError when
    ``out_dir`` is not a ``quoth dask`` output and ``StoreError`` when ``db`` is not a usable store.
    """
    from ..store import Store

    counts: Counter = Counter(articles=0, failures=0)
    with Store(db) as store:
        for article in read_dask_output(out_dir):
            counts["articles"] += 1
            counts[store.add_article(article, replace=replace)] += 1
        if failures:
            for article in read_dask_output(out_dir, failures=True):
                counts["failures"] += 1
                counts[store.add_article(article)] += 1
    return counts
