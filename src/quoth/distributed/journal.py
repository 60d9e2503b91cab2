"""A partition's crash journal: which articles a worker was extracting when its process died.

An exception in one article fails that article alone (``extract_many`` collects it). A worker *process* that
dies (killed for memory, a crash inside a compiled library) takes the whole task with it, and Dask runs the task
again. Before each batch the task writes the positions it is about to extract to
``_partitions/part-NNNNN.inflight.json``; a retry that finds the file extracts that batch one article at a time,
and an article that was alone in flight when a worker died is not extracted again: it is recorded as a failure
that says so, and the rest of the partition is written as usual. The file is removed when the partition is done.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Article

JOURNAL_SUFFIX = ".inflight.json"


@dataclass
class Journal:
    """Positions (in the partition's input order) to extract alone, and those never to extract again."""

    path: Path | None
    suspects: set[int] = field(default_factory=set)
    killers: set[int] = field(default_factory=set)

    @classmethod
    def open(cls, marker_dir: Path, name: str) -> "Journal":
        """The journal of partition ``name``, with what an earlier attempt left in flight taken into account."""
        path = marker_dir / f"{name}{JOURNAL_SUFFIX}"
        try:
            data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        except (OSError, ValueError):
            data = {}
        journal = cls(path, set(data.get("suspects", ())), set(data.get("killers", ())))
        inflight = list(data.get("inflight", ()))
        if len(inflight) == 1:
            journal.killers.add(int(inflight[0]))
        else:
            journal.suspects.update(int(p) for p in inflight)
        journal.record([])
        return journal

    def careful(self, positions: range) -> bool:
        """Whether a batch holds an article to extract alone or to skip."""
        return any(p in self.suspects or p in self.killers for p in positions)

    def record(self, inflight: list[int]) -> None:
        """Note the positions about to be extracted (written before the work, so a dead process leaves them)."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps({"suspects": sorted(self.suspects), "killers": sorted(self.killers),
                                   "inflight": inflight}), encoding="utf-8")
        tmp.replace(self.path)

    def close(self) -> None:
        """The partition is written: forget it."""
        if self.path is not None:
            self.path.unlink(missing_ok=True)


def killed_worker(article: Article) -> Article:
    """The failure of an article that was being extracted, alone, when a worker process died."""
    return Article(id=article.id, text="", meta=dict(article.meta), error=(
        f"{article.id}: the worker process died while extracting this article alone (out of memory, or a crash "
        "in a library); it was skipped so that the rest of its partition could be written; check or split the "
        "article, or give the workers more memory, then run it again"))
