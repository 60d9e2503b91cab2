"""Planning a corpus into partitions on the client, cheaply: file sizes and a few seeks, never the texts.

A partition is a small, picklable description of where its articles are:

| kind | what a partition holds |
|---|---|
| ``jsonl`` | a byte range ``[start, end)`` of one JSONL file, cut at line starts; ``first_line`` numbers its lines |
| ``files`` | a contiguous chunk of a directory's files (relative paths), or one top-level file (``files`` empty) |
| ``warc`` | one whole WARC file (compressed WARCs cannot be split without reading them) |

Inputs are classified with ``quoth.ingest.source_kind``, so a directory's JSONL and WARC files are split like
top-level ones, and every article gets the id and metadata ``quoth.ingest.read_sources`` would give it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Literal, Sequence

from ..errors import InputError

PartitionKind = Literal["jsonl", "files", "warc"]

# Without --partitions, a partition holds about this many bytes of input: ~2,000 news articles, a few minutes of
# one worker's time, so a lost worker costs little and the plan does not depend on how many workers there are.
DEFAULT_PARTITION_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class PartitionSpec:
    """Where one partition's articles are; ``index`` names its output files (``part-00007.parquet``)."""

    index: int
    kind: PartitionKind
    path: str
    start: int = 0
    end: int = 0
    files: tuple[str, ...] = ()
    first_line: int = 1
    # (relative path, id) for the files whose relative path another input also gives: the prefixed id
    # ``quoth.ingest.read_sources`` gives them (``quoth.ingest.ids.plan_prefixes``).
    renamed: tuple[tuple[str, str], ...] = ()

    @property
    def name(self) -> str:
        """The file stem of this partition's outputs."""
        return f"part-{self.index:05d}"

    def describe(self) -> str:
        """A short human description, for messages."""
        if self.kind == "jsonl":
            return f"{self.path} bytes {self.start}-{self.end}"
        if self.kind == "files":
            return f"{self.path} ({len(self.files)} files)"
        return self.path

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON for the manifest and the partition's success marker."""
        return {"index": self.index, "kind": self.kind, "path": self.path, "start": self.start, "end": self.end,
                "files": list(self.files), "first_line": self.first_line,
                "renamed": [list(pair) for pair in self.renamed]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PartitionSpec":
        return cls(index=int(data["index"]), kind=data["kind"], path=data["path"], start=int(data["start"]),
                   end=int(data["end"]), files=tuple(data.get("files", ())), first_line=int(data.get("first_line", 1)),
                   renamed=tuple((str(r), str(i)) for r, i in data.get("renamed", ())))

    def same_place(self, other: "PartitionSpec") -> bool:
        """Whether both describe the same input piece (``first_line`` is derived, so not compared)."""
        return replace(self, first_line=1) == replace(other, first_line=1)


def input_kind(path: Path) -> PartitionKind:
    """How a file is partitioned (by ``quoth.ingest.source_kind``); raises InputError for a missing input."""
    from ..ingest import source_kind

    if not path.exists():
        raise InputError("no such file or directory; check the path", str(path))
    kind = source_kind(path)
    return kind if kind in ("jsonl", "warc") else "files"


def list_files(directory: Path) -> list[str]:
    """The directory's files as ``quoth.ingest`` reads them (recursive, sorted, hidden ones skipped), relative."""
    from ..ingest.files import iter_directory

    return [p.relative_to(directory).as_posix() for p in iter_directory(directory)]


def plan_partitions(inputs: Sequence[str | Path], partitions: int | None = None) -> list[PartitionSpec]:
    """Cut ``inputs`` into about ``partitions`` pieces of similar size (by bytes).

    Without ``partitions``, pieces hold about ``DEFAULT_PARTITION_BYTES``. Each WARC file is one piece. JSONL
    pieces have ``first_line`` 1 until ``number_lines`` sets it. Raises InputError for a missing input.
    """
    if partitions is not None and partitions < 1:
        raise ValueError("partitions must be at least 1")
    from ..ingest.ids import plan_prefixes

    prefixes = plan_prefixes([str(Path(p)) for p in inputs])
    units = [unit for p in inputs for unit in _units(Path(p))]
    total = sum(size for _, _, _, size in units)
    target = max(1, math.ceil(total / partitions)) if partitions else DEFAULT_PARTITION_BYTES
    specs: list[PartitionSpec] = []
    for kind, path, files, size in units:
        pieces = max(1, round(size / target))
        clashing = prefixes.get(str(path), {})
        for piece in _split(kind, path, files, pieces):
            renamed = tuple((rel, clashing[rel]) for rel in piece.get("files", ()) if rel in clashing)
            specs.append(PartitionSpec(index=len(specs), renamed=renamed, **piece))
    return specs


def _units(path: Path) -> Iterable[tuple[PartitionKind, Path, list[str], int]]:
    """``(kind, path, files, bytes)`` for an input: a directory's text and HTML files stay together as one unit."""
    if not path.is_dir():
        yield input_kind(path), path, [], path.stat().st_size
        return
    loose: list[str] = []
    for rel in list_files(path):
        kind = input_kind(path / rel)
        if kind == "files":
            loose.append(rel)
        else:
            yield kind, path / rel, [], file_size(path / rel)
    if loose:
        yield "files", path, loose, sum(file_size(path / f) for f in loose)


def _split(kind: PartitionKind, path: Path, files: list[str], pieces: int) -> Iterable[dict[str, Any]]:
    if kind == "jsonl":
        try:
            ranges = split_jsonl(path, pieces)
        except OSError:  # unreadable: one piece, whose task records the failure (the other inputs still run)
            ranges = [(0, max(1, file_size(path)))]
        for start, end in ranges:
            yield {"kind": "jsonl", "path": str(path), "start": start, "end": end}
    elif kind == "files" and files:
        for chunk in split_files(path, files, pieces):
            yield {"kind": "files", "path": str(path), "files": tuple(chunk)}
    else:
        yield {"kind": kind, "path": str(path)}


def file_size(path: Path) -> int:
    """A file's size in bytes, 0 when it cannot be read (it vanished, or its folder cannot be listed): its task
    records the failure, and planning goes on."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def count_newlines(path: str, start: int, end: int) -> int:
    """Newlines in a byte range of a file (run on workers, so the client never reads the corpus); 0 for a file that
    cannot be read (its piece's task records the failure, the other pieces run)."""
    count = 0
    try:
        with open(path, "rb") as handle:
            handle.seek(start)
            left = end - start
            while left > 0:
                chunk = handle.read(min(left, 1 << 22))
                if not chunk:
                    break
                count += chunk.count(b"\n")
                left -= len(chunk)
    except OSError:
        return 0
    return count


def with_line_numbers(specs: list[PartitionSpec], newlines: dict[int, int]) -> list[PartitionSpec]:
    """Set each JSONL piece's ``first_line`` from the newline counts of the pieces before it in its file."""
    numbered = []
    seen: dict[str, int] = {}
    for spec in specs:
        if spec.kind == "jsonl":
            spec = replace(spec, first_line=1 + seen.get(spec.path, 0))
            seen[spec.path] = seen.get(spec.path, 0) + newlines[spec.index]
        numbered.append(spec)
    return numbered


def split_jsonl(path: Path, pieces: int) -> list[tuple[int, int]]:
    """Byte ranges that cut a JSONL file into ``pieces`` at line starts, by seeking (never reading it all)."""
    size = path.stat().st_size
    cuts = [0]
    with path.open("rb") as handle:
        for i in range(1, pieces):
            handle.seek(max(cuts[-1], size * i // pieces))
            if handle.tell() > 0:
                handle.seek(handle.tell() - 1)
                handle.readline()  # finish the line the guess landed in (a no-op when it is a line start)
            cuts.append(handle.tell())
    cuts.append(size)
    return [(s, e) for s, e in zip(cuts, cuts[1:]) if e > s]


def split_files(directory: Path, files: list[str], pieces: int) -> list[list[str]]:
    """Contiguous chunks of ``files`` holding about equal bytes each."""
    if not files:
        return []
    sizes = [file_size(directory / f) + 1 for f in files]  # +1: empty files still cost a task
    target = sum(sizes) / pieces
    chunks: list[list[str]] = [[]]
    filled = 0
    for name, size in zip(files, sizes):
        if chunks[-1] and filled + size / 2 > target * len(chunks) and len(chunks) < pieces:
            chunks.append([])
        chunks[-1].append(name)
        filled += size
    return chunks
