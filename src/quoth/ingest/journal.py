"""A crash journal: which articles were being extracted when the process died, so the next attempt isolates them.

An exception in one article fails that article alone (``extract_many`` collects it). A *process* that dies (killed
for memory, a crash inside a compiled library) takes everything in flight with it, and running the same work again
would die on the same article. So the keys (ids, or positions) of each batch are written to a small JSON file
before the batch is extracted: the next attempt that finds them extracts those articles one at a time, and an
article that was alone in flight when the process died is not extracted again but failed, with a reason that says
so. ``quoth ingest`` keeps one beside its database (``quoth.db.inflight.json``, for the next run), a ``quoth dask``
task one per partition (``_partitions/part-NNNNN.inflight.json``, for its retry). The file is removed when the
work is done.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Union

from ..model import Article

JOURNAL_SUFFIX = ".inflight.json"
Key = Union[str, int]


@dataclass
class Journal:
    """Keys to extract alone (``suspects``: in a batch that was in flight when the process died), and keys never to
    extract again (``killers``: alone in flight when it died). ``path`` None keeps nothing (no journal)."""

    path: Path | None
    suspects: set[Key] = field(default_factory=set)
    killers: set[Key] = field(default_factory=set)

    @classmethod
    def open(cls, path: Path | None) -> "Journal":
        """The journal at ``path``, with what an earlier attempt left in flight taken into account."""
        if path is None:
            return cls(None)
        try:
            data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        except (OSError, ValueError):
            data = {}
        journal = cls(path, set(data.get("suspects", ())), set(data.get("killers", ())))
        inflight = list(data.get("inflight", ()))
        if len(inflight) == 1:
            journal.killers.add(inflight[0])
        else:
            journal.suspects.update(inflight)
        journal.record([])
        return journal

    def careful(self, keys: Iterable[Key]) -> bool:
        """Whether a batch holds an article to extract alone or to skip."""
        return any(k in self.suspects or k in self.killers for k in keys)

    def record(self, inflight: list[Key]) -> None:
        """Note the keys about to be extracted (written before the work, so a dead process leaves them)."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps({"suspects": sorted(self.suspects, key=str), "killers": sorted(self.killers, key=str),
                                   "inflight": inflight, "pid": os.getpid()}), encoding="utf-8")
        tmp.replace(self.path)

    def close(self, keep_killers: bool = False) -> None:
        """The work is done: forget it (but, with ``keep_killers``, not the articles never to extract again)."""
        if self.path is None:
            return
        if keep_killers and self.killers:
            self.suspects = set()
            self.record([])
        else:
            self.path.unlink(missing_ok=True)


def held_by_another(path: Path | None) -> bool:
    """Whether another live process on this machine is writing the journal at ``path`` (two ``quoth ingest`` runs
    into one database): then this one keeps none, so neither blames the other's articles."""
    if path is None or not path.exists():
        return False
    try:
        pid = int(json.loads(path.read_text(encoding="utf-8")).get("pid") or 0)
    except (OSError, ValueError, AttributeError):
        return False
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by another user
        return True
    return True


def died_on(article: Article, where: str, then: str) -> Article:
    """The failure of an article that was being extracted, alone, when ``where`` died; ``then`` says what was done."""
    return Article(id=article.id, text="", meta=dict(article.meta), error=(
        f"{article.id}: {where} died while extracting this article alone (out of memory, or a crash in a library); "
        f"{then}; check or split the article, or give it more memory, then run it again"))
