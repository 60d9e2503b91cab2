"""Reading one partition's articles on a worker, with ``quoth.ingest``'s per-source readers.

Every article gets the id, metadata and failure message ``quoth.ingest.read_sources`` gives it; the only thing
done here is reading a piece of a source: a byte range of a JSONL file or a chunk of a directory's files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..ingest.jsonl import read_jsonl_range
from ..ingest.options import ReadOptions
from ..model import Article
from .partitions import PartitionSpec


def read_partition(spec: PartitionSpec, options: ReadOptions) -> Iterator[Article]:
    """The partition's articles in input order, their text made safe; an unreadable one (or a reader that
    raises) has ``error`` set."""
    from ..ingest.safe import isolated

    yield from isolated(spec.path, _read(spec, options))


def _read(spec: PartitionSpec, options: ReadOptions) -> Iterator[Article]:
    if spec.kind == "jsonl":
        yield from read_jsonl_range(Path(spec.path), spec.start, spec.end, spec.first_line, options)
    elif spec.kind == "warc":
        from ..ingest.warc import read_warc

        yield from read_warc(Path(spec.path), options)
    else:
        yield from read_files(Path(spec.path), spec.files, options, dict(spec.renamed))


def read_files(root: Path, files: tuple[str, ...], options: ReadOptions,
               renamed: dict[str, str] | None = None) -> Iterator[Article]:
    """Files of a directory (ids relative to it, as ``read_sources`` gives them: ``renamed`` holds the prefixed
    ids of those another input also gives), or ``root`` itself alone."""
    from ..ingest import read_file, read_path
    from ..ingest.safe import isolated

    if not files:
        yield from read_path(root, options)
        return
    for rel in files:
        name = (renamed or {}).get(rel, rel)
        # Each file alone, as read_sources reads a directory: one that cannot be read must not end the partition.
        yield from isolated(str(root / rel), read_file(root / rel, name, options, name), name)


