"""The one id rule every command follows (``quoth ingest``, ``quoth extract``, the Dask job).

- A file given as an argument: the path as given (``dd/2023/story.txt``).
- A file found in a directory argument: its path relative to that directory (``story.txt``), unless another
  argument gives the same id; then it is prefixed with its directory as given (``dd/2023/story.txt``).
- A record inside a file: its own id (JSONL ``id``, feed guid or link, WARC target URI); else the file's id
  with the line or record number (``data.jsonl:7``, ``crawl.warc.gz#3``) for a failure, or, for a JSONL record
  with text and no id, ``sha256:`` and the first 16 hex digits of the SHA-256 of its text (the id the store
  gives it, so the same record gets the same id whoever reads it).
- A URL: the URL.

Two records with the same id and different text are a conflict, reported, never dropped silently.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import Iterable


def content_id(text: str) -> str:
    """The id of an id-less record: ``sha256:`` and 16 hex digits of its text's SHA-256."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:16]


def plan_prefixes(sources: Iterable[str]) -> dict[str, dict[str, str]]:
    """For each directory argument, the relative ids that another argument also gives, mapped to prefixed ids."""
    from .files import iter_directory

    given: dict[str, list[str]] = {}
    for source in sources:
        if source.startswith(("http://", "https://")) or source == "-":
            given.setdefault(source, []).append(source)
            continue
        path = Path(source)
        try:
            if path.is_dir():
                given[source] = [file.relative_to(path).as_posix() for file in iter_directory(path)]
            else:
                given.setdefault(source, []).append(source)
        except OSError:
            continue
    counts: Counter[str] = Counter(i for ids in given.values() for i in set(ids))
    plan: dict[str, dict[str, str]] = {}
    for source, ids in given.items():
        if Path(source).is_dir():
            base = Path(source).as_posix().rstrip("/")
            clashing = {i: f"{base}/{i}" for i in ids if counts[i] > 1}
            if clashing:
                plan[source] = clashing
    return plan
