"""Readers that turn files, directories, JSONL, HTML, WARC, feeds and URLs into ``quoth.model.Article``s.

``read_sources`` is the one entry point: it dispatches each source by URL scheme, extension or content, and
yields articles in order. An input that cannot be read is yielded as an ``Article`` with ``error`` set (and no
text); readers never raise mid-batch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from ..model import Article
from ..options import Options
from .common import META_KEYS, failure
from .options import ReadOptions

__all__ = ["META_KEYS", "ReadOptions", "read_file", "read_sources", "read_path", "source_kind"]

EXTENSIONS = {
    ".txt": "text", ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html",
    ".xhtml": "html", ".warc": "warc", ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
SNIFF_BYTES = 2048


def read_sources(sources: Iterable[str | Path], options: Options | ReadOptions | None = None) -> Iterator[Article]:
    """Yield articles from every source in order: paths (files or directories, recursively) and http(s) URLs.

    ``options`` is a ``ReadOptions`` or the extraction ``Options`` (whose ``max_chars`` then caps the input).
    Never raises for a bad input: it is yielded as an Article with ``error`` set.
    """
    opts = options if isinstance(options, ReadOptions) else ReadOptions.from_options(options)
    for source in sources:
        text = str(source)
        if text.startswith(("http://", "https://")):
            from .urls import read_url

            yield from read_url(text, opts)
        else:
            yield from read_path(Path(text), opts)


def read_path(path: Path, options: ReadOptions) -> Iterator[Article]:
    """Articles from a file or, recursively, a directory (ids are paths relative to it)."""
    if path.is_dir():
        for file in _iter_directory(path):
            yield from read_file(file, file.relative_to(path).as_posix(), options)
    elif path.is_file():
        yield from read_file(path, str(path), options)
    else:
        yield failure(str(path), str(path), f"{path}: no such file or directory; check the path")


def source_kind(path: Path) -> str:
    """``text``, ``jsonl``, ``html``, ``warc`` or ``feed``: by extension, else by sniffing the first bytes."""
    name = path.name.lower()
    if name.endswith((".warc.gz", ".arc.gz", ".warc")):
        return "warc"
    kind = EXTENSIONS.get(path.suffix.lower())
    if kind:
        return kind
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return "text"
    return sniff(head)


def sniff(head: bytes) -> str:
    """Guess the kind of an input from its first bytes."""
    if head.startswith(b"\x1f\x8b") or head.startswith(b"WARC/"):
        return "warc"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or (lowered.startswith(b"<") and b"<body" in lowered):
        return "html"
    if lowered.startswith(b"<?xml") or lowered.startswith((b"<rss", b"<feed")):
        return "feed" if (b"<rss" in lowered or b"<feed" in lowered or b"<rdf" in lowered) else "html"
    if lowered.startswith(b"{"):
        return "jsonl"
    return "text"


def read_file(path: Path, article_id: str, options: ReadOptions) -> Iterator[Article]:
    """One file's article(s) by its kind (text, HTML, JSONL, WARC, feed), ids as ``read_sources`` gives them."""
    kind = source_kind(path)
    if kind == "text":
        from .files import read_text_file

        yield read_text_file(path, article_id, options)
    elif kind == "jsonl":
        from .jsonl import read_jsonl

        yield from read_jsonl(path, options)
    elif kind == "warc":
        from .warc import read_warc

        yield from read_warc(path, options)
    else:
        yield from _read_markup(path, article_id, kind, options)


def _read_markup(path: Path, article_id: str, kind: str, options: ReadOptions) -> Iterator[Article]:
    from ..errors import InputError
    from .files import read_capped

    try:
        data = read_capped(path, options.max_bytes)
    except (InputError, OSError) as exc:
        yield failure(article_id, str(path), str(exc))
        return
    if kind == "feed":
        from .feeds import read_feed

        yield from read_feed(data, str(path), options.max_chars)
    else:
        from .html import html_to_article

        yield html_to_article(data, article_id, str(path), options.max_chars)


def _iter_directory(root: Path) -> Iterator[Path]:
    from .files import iter_directory

    return iter_directory(root)
