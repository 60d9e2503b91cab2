"""Reading one partition's articles on a worker, with ``quoth.ingest``'s per-source readers.

Every article gets the id, metadata and failure message ``quoth.ingest.read_sources`` gives it; the only thing
done here is reading a piece of a source: a byte range of a JSONL file or a chunk of a directory's files.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Iterator

from ..ingest.common import failure, too_large
from ..ingest.jsonl import parse_line
from ..ingest.options import ReadOptions
from ..model import Article
from .partitions import PartitionSpec


def read_partition(spec: PartitionSpec, options: ReadOptions) -> Iterator[Article]:
    """The partition's articles in input order; an unreadable one has ``error`` set."""
    if spec.kind == "jsonl":
        yield from read_jsonl_range(Path(spec.path), spec.start, spec.end, spec.first_line, options)
    elif spec.kind == "warc":
        from ..ingest.warc import read_warc

        yield from read_warc(Path(spec.path), options)
    else:
        yield from read_files(Path(spec.path), spec.files, options)


def read_files(root: Path, files: tuple[str, ...], options: ReadOptions) -> Iterator[Article]:
    """Files of a directory (ids relative to it, as ``read_sources`` gives them), or ``root`` itself alone."""
    from ..ingest import _read_file  # the per-file dispatch of read_sources (text, HTML, feeds)
    from ..ingest import read_path

    if not files:
        yield from read_path(root, options)
        return
    for rel in files:
        yield from _read_file(root / rel, rel, options)


def read_jsonl_range(path: Path, start: int, end: int, first_line: int, options: ReadOptions) -> Iterator[Article]:
    """The records whose lines start in ``[start, end)``, as ``quoth.ingest.jsonl.read_jsonl`` reads them.

    ``first_line`` is the line number at ``start``, so failures name the same line a single-process run names.
    """
    with path.open("rb") as handle:
        handle.seek(start)
        lineno = first_line - 1
        while handle.tell() < end:
            raw = handle.readline(options.max_bytes + 1)
            if not raw:
                return
            lineno += 1
            line_id = f"{path.name}:{lineno}"
            if len(raw) > options.max_bytes and not raw.endswith(b"\n"):
                yield failure(line_id, str(path), f"{line_id}: line is {too_large(len(raw), options.max_bytes)}")
                _skip_rest_of_line(handle)
                continue
            if raw.strip():
                yield parse_line(raw, line_id, str(path), options)


def _skip_rest_of_line(handle: BinaryIO) -> None:
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return
