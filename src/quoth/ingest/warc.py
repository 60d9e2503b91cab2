"""WARC and WARC.gz archives: each HTML response record is an article; a broken record is a failure."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from ..model import Article
from .common import failure, too_large
from .html import html_to_article
from .options import ReadOptions


def read_warc(path: Path, options: ReadOptions) -> Iterator[Article]:
    """Yield an article per HTML ``response`` record; a truncated or unreadable record ends in one failure.

    Records before the damage are yielded as usual; the caller's batch goes on with the next source.
    """
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    try:
        with path.open("rb") as handle:
            records = ArchiveIterator(handle)
            for record in records:
                count += 1
                article = _record_article(record, path, count, options)
                if article is not None:
                    yield article
            # A gzip member cut short ends the iteration silently: bytes left over mean a lost record.
            leftover = path.stat().st_size - records.offset
            if leftover > 0:
                raise EOFError(f"{leftover:,} bytes after the last complete record")
    except Exception as exc:  # warcio raises ArchiveLoadFailed, zlib.error, EOFError … on damaged input
        yield failure(f"{path.name}#{count + 1}", str(path),
                      f"{path.name}: record {count + 1} is truncated or unreadable ({type(exc).__name__}: {exc}); "
                      "records before it were read; re-fetch or repair the archive")


def _record_article(record: Any, path: Path, n: int, options: ReadOptions) -> Article | None:
    if record.rec_type != "response":
        return None
    http = record.http_headers
    ctype = (http.get_header("Content-Type") or "") if http else ""
    if "html" not in ctype.lower():
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    article_id = url or f"{path.name}#{n}"
    declared = int(record.rec_headers.get_header("Content-Length") or 0)
    stream = record.content_stream()
    body = stream.read(options.max_bytes + 1)
    if len(body) > options.max_bytes:
        return failure(article_id, str(path), f"{article_id}: {too_large(declared or len(body), options.max_bytes)}")
    _check_complete(record, declared)
    article = html_to_article(body, article_id, str(path), options.max_chars, url=url)
    if article.error is None:
        article.meta["url"] = url or article.meta.get("url")
        article.meta["fetched"] = record.rec_headers.get_header("WARC-Date")
    return article


def _check_complete(record: Any, declared: int) -> None:
    """Raise EOFError when the record's block ended before its declared Content-Length."""
    raw = record.raw_stream
    raw.read()  # drain what is left of the block so the limit reader knows how much arrived
    remaining = getattr(raw, "limit", 0)
    if declared and remaining > 0:
        raise EOFError(f"{remaining:,} of {declared:,} bytes missing")
