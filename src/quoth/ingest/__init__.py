"""Readers that turn files, directories, JSONL, HTML, WARC, feeds and URLs into ``quoth.model.Article``s.

``read_sources`` is the one entry point (``quoth ingest``, ``quoth extract`` and the Dask job all read through
it): it dispatches each source by URL scheme, extension or content, and yields articles in order. An input that
cannot be read is yielded as an ``Article`` with ``error`` set (and no text); readers never raise mid-batch.
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
STDIN = "-"


def read_sources(sources: Iterable[str | Path], options: Options | ReadOptions | None = None) -> Iterator[Article]:
    """Yield articles from every source in order: paths (files or directories, recursively), http(s) URLs and
    ``-`` (standard input).

    ``options`` is a ``ReadOptions`` or the extraction ``Options`` (whose ``max_chars`` then caps the input).
    Ids follow one rule (see ``quoth.ingest.ids``): a file argument's id is the path as given, a directory's
    files are named by their path relative to it, prefixed with the directory where two arguments would give
    the same id. Never raises for a bad input: it is yielded as an Article with ``error`` set, and text that is
    not valid Unicode is repaired (each lone surrogate becomes U+FFFD) with a note in ``meta["warnings"]``.
    """
    from .ids import plan_prefixes
    from .safe import isolated

    opts = options if isinstance(options, ReadOptions) else ReadOptions.from_options(options)
    names = [str(source) for source in sources]
    prefixes = plan_prefixes(names)
    for text in names:
        yield from isolated(text, _read_source(text, opts, prefixes.get(text, {})))


def _read_source(source: str, options: ReadOptions, prefixed: dict[str, str]) -> Iterator[Article]:
    if source.startswith(("http://", "https://")):
        from .urls import read_url

        yield from read_url(source, options)
    elif source == STDIN:
        from .files import read_stdin

        yield from read_stdin(options)
    else:
        yield from read_path(Path(source), options, prefixed)


def read_path(path: Path, options: ReadOptions, prefixed: dict[str, str] | None = None) -> Iterator[Article]:
    """Articles from a file or, recursively, a directory (ids are paths relative to it; ``prefixed`` maps the
    relative ids that collide with another argument's to the prefixed id they get instead)."""
    from .files import not_a_file
    from .safe import isolated

    renamed = prefixed or {}
    if path.is_dir():
        for file in _iter_directory(path):
            rel = file.relative_to(path).as_posix()
            name = renamed.get(rel, rel)
            # Each file alone: a file that cannot be read (or a reader's bug) must not end the directory.
            yield from isolated(str(file), read_file(file, name, options, name), name)
    elif path.is_file():
        yield from read_file(path, str(path), options)
    else:
        yield not_a_file(path)


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


def read_file(path: Path, article_id: str, options: ReadOptions, name: str | None = None) -> Iterator[Article]:
    """One file's article(s) by its kind (text, HTML, JSONL, WARC, feed), ids as ``read_sources`` gives them.

    ``name`` starts the ids of the records inside (``NAME:LINE``, ``NAME#RECORD``); default the file's name.
    ``options.kind`` ("text" or "jsonl") overrides the kind found by extension and content.
    """
    kind = options.kind or source_kind(path)
    if kind == "text":
        from .files import read_text_file

        yield read_text_file(path, article_id, options)
    elif kind == "jsonl":
        from .jsonl import read_jsonl

        yield from read_jsonl(path, options, name)
    elif kind == "warc":
        from .warc import read_warc

        yield from read_warc(path, options, name)
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
