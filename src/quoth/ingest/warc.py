"""WARC and WARC.gz archives: each HTML response record is an article; a broken record is a failure."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from ..errors import InputError
from ..model import Article
from .common import failure, too_large
from .html import html_to_article
from .options import ReadOptions


def read_warc(path: Path, options: ReadOptions, name: str | None = None) -> Iterator[Article]:
    """Yield an article per HTML ``response`` record; a truncated or unreadable record ends in one failure.

    Records before the damage are yielded as usual; the caller's batch goes on with the next source. A file with
    no record at all (not a WARC) or no HTML response in it is one failure that says so.
    """
    from warcio.archiveiterator import ArchiveIterator

    label = name or path.name
    count = found = 0
    reading = False  # True while a record's own content is read (so a failure names that record)
    try:
        with path.open("rb") as handle:
            records = ArchiveIterator(handle)
            for record in records:
                count += 1
                if count == 1 and record.format != "warc" and not label.lower().endswith((".arc", ".arc.gz")):
                    yield failure(label, str(path), f"{label}: not a WARC file (it does not start with a WARC/1.x "
                                                    "record header); check the file, or rename it if it is text")
                    return
                reading = True
                article = _record_article(record, path, label, count, options)
                reading = False
                if article is not None:
                    found += 1
                    yield article
            if not count:
                yield failure(label, str(path), f"{label}: no WARC record in it; check that it is a WARC file")
                return
            # A gzip member cut short ends the iteration silently: bytes left over mean a lost record.
            leftover = path.stat().st_size - records.offset
            if leftover > 0:
                raise EOFError(f"{leftover:,} bytes after the last complete record")
    except Exception as exc:  # warcio raises ArchiveLoadFailed, zlib.error, EOFError … on damaged input
        bad = count if reading else count + 1
        yield failure(f"{label}#{bad}", str(path),
                      f"{label}: record {bad} is truncated or unreadable ({type(exc).__name__}: {exc}); "
                      "records before it were read; re-fetch or repair the archive")
        return
    if not found:
        yield failure(label, str(path), f"{label}: {count} WARC record(s), none an HTML response; nothing to "
                                        "extract")


def _record_article(record: Any, path: Path, label: str, n: int, options: ReadOptions) -> Article | None:
    if record.rec_type != "response":
        return None
    http = record.http_headers
    ctype = (http.get_header("Content-Type") or "") if http else ""
    if "html" not in ctype.lower():
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    article_id = url or f"{label}#{n}"
    declared = int(record.rec_headers.get_header("Content-Length") or 0)
    stream = record.content_stream()
    body = stream.read(options.max_bytes + 1)
    if len(body) > options.max_bytes:
        return failure(article_id, str(path), f"{article_id}: {too_large(declared or len(body), options.max_bytes)}")
    _check_complete(record, declared, options.max_bytes)
    article = html_to_article(body, article_id, str(path), options.max_chars, url=url)
    if article.error is None:
        article.meta["url"] = url or article.meta.get("url")
        article.meta["fetched"] = record.rec_headers.get_header("WARC-Date")
    return article


# Bytes read at a time when skipping what is left of a record: memory stays at this, whatever the record holds.
DRAIN_CHUNK_BYTES = 1 << 16


def _check_complete(record: Any, declared: int, max_bytes: int) -> None:
    """Raise EOFError when the record's block ended before its declared Content-Length, and InputError when
    more than ``max_bytes`` are left after the body (a body padded with filler), without holding them."""
    raw = record.raw_stream
    drained = 0
    while chunk := raw.read(DRAIN_CHUNK_BYTES):  # drain the block so the limit reader knows how much arrived
        drained += len(chunk)
        if drained > max_bytes:
            raise InputError(f"more than {max_bytes:,} bytes follow the record's body, over the limit of "
                             f"{max_bytes:,}; the rest of the archive was not read")
    remaining = getattr(raw, "limit", 0)
    if declared and remaining > 0:
        raise EOFError(f"{remaining:,} of {declared:,} bytes missing")
