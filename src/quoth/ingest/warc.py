"""WARC and WARC.gz archives: each HTML response record is an article; a broken record is a failure."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from ..errors import InputError
from ..model import Article
from ..safety import describe
from .common import failure, too_large
from .html import html_to_article
from .options import ReadOptions


def read_warc(path: Path, options: ReadOptions, name: str | None = None) -> Iterator[Article]:
    """Yield an article per HTML ``response`` record; an unreadable stretch of the archive is one failure.

    A damaged or unparseable record (a truncated or corrupt gzip member, a record warcio cannot parse) is one
    failure naming it; reading then resumes at the next record boundary (the next gzip member of a .warc.gz, the
    next ``WARC/1.`` line of a .warc), so the records after the damage are read too. A record whose content fails
    fails alone. A file with no record at all (not a WARC) or no HTML response in it is one failure that says so.
    """
    label = name or path.name
    state = _WarcState(label, path)
    start: int | None = 0
    after_damage = False
    while start is not None:
        damage = yield from _read_stretch(path, start, state, options)
        if damage is None:
            break
        if state.read_any or not after_damage:  # a stretch that fails at once is the same damage: one failure
            yield damage
        after_damage, start = True, state.resume
    if state.done or (state.failed and not state.found):
        return
    if not state.count:
        yield failure(label, str(path), f"{label}: no WARC record in it; check that it is a WARC file")
    elif not state.found and not state.failed:
        yield failure(label, str(path), f"{label}: {state.count} WARC record(s), none an HTML response; nothing to "
                                        "extract")


class _WarcState:
    """What one archive's reading has met so far, across the stretches read between damaged records."""

    def __init__(self, label: str, path: Path) -> None:
        self.label, self.path = label, path
        self.count = self.found = self.failed = 0
        self.done = False  # a failure that ends the file was yielded (not a WARC at all)
        self.read_any = False  # the last stretch read a record before it ended
        self.resume: int | None = None  # where to read on after an unreadable record (None: nowhere)


def _read_stretch(path: Path, start: int, state: _WarcState, options: ReadOptions) -> Iterator[Article]:
    """Articles of the records from byte ``start`` to the end or to the first unreadable record; returns that
    record's failure (and sets ``state.resume``), or None when the stretch read to the end."""
    from warcio.archiveiterator import ArchiveIterator

    label, last_start, inside = state.label, None, False
    state.read_any = False
    try:
        with path.open("rb") as handle:
            handle.seek(start)
            records = ArchiveIterator(handle)
            for record in records:
                state.count += 1
                if state.count == 1 and record.format != "warc" and not label.lower().endswith((".arc", ".arc.gz")):
                    state.done = True
                    yield failure(label, str(path), f"{label}: not a WARC file (it does not start with a WARC/1.x "
                                                    "record header); check the file, or rename it if it is text")
                    return None
                last_start = records.offset  # where this record starts (read_to_end moves it past it)
                state.read_any = True
                inside = True  # an error now is this record's (cut short, or padded past the limit)
                article = _isolated_record(record, path, label, state.count, options)
                inside = False
                if article is not None:
                    state.found += article.error is None
                    state.failed += article.error is not None
                    yield article
            # A gzip member cut short ends the iteration silently: bytes left over mean a lost record.
            leftover = path.stat().st_size - records.offset
            if leftover > 0:
                raise EOFError(f"{leftover:,} bytes after the last complete record")
    except Exception as exc:  # warcio raises ArchiveLoadFailed, zlib.error, EOFError … on damaged input
        # Read on at the first record boundary after the last record read (or after ``start``): a record that fails
        # to parse starts there, or the damage hid its boundary and the next good record starts there.
        state.resume = _next_boundary(path, (start if last_start is None else last_start) + 1)
        at = last_start if inside and last_start is not None else state.resume if last_start is not None else start
        at = start if at is None else at
        state.failed += 1
        return failure(f"{label}@{at}", str(path), f"{label}: the record at byte {at:,} is truncated or unreadable "
                                                   f"({describe(exc)}); the records before it were read, and "
                                                   "reading went on at the next record; re-fetch or repair the archive")
    return None


def _isolated_record(record: Any, path: Path, label: str, n: int, options: ReadOptions) -> Article | None:
    """``_record_article``, with any error in this record's content making it alone a failure."""
    try:
        return _record_article(record, path, label, n, options)
    except (InputError, EOFError):
        raise  # the record's block is cut short or over the limit: the archive is damaged from here
    except Exception as exc:  # noqa: BLE001  this record's content fails alone
        uri = record.rec_headers.get_header("WARC-Target-URI") or f"{label}#{n}"
        return failure(uri, str(path), f"{uri}: record {n} of {label} cannot be read ({describe(exc)}); the other "
                                       "records were read")


# A record starts a gzip member (.warc.gz: one member per record) or, uncompressed, a "WARC/1.x" line.
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_LINE = b"\nWARC/1."


def _next_boundary(path: Path, after: int) -> int | None:
    """The byte offset of the first record boundary at or after ``after``, or None; by ``mmap``, so a large
    archive is searched without being read into memory."""
    import mmap

    with path.open("rb") as handle:
        gz = handle.read(2) == b"\x1f\x8b"
        if path.stat().st_size <= after:
            return None
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            if gz:
                found = data.find(_GZIP_MEMBER, after)
                return None if found < 0 else found
            found = data.find(_WARC_LINE, max(0, after - 1))
            return None if found < 0 else found + 1


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
