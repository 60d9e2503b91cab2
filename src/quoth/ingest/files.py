"""Plain-text files and directories of them."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..model import Article
from ..text import decode
from .common import failure, make_meta, too_large
from .options import ReadOptions

STDIN_NAME = "stdin"


def read_capped(path: Path, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` of a file; raises InputError when the file is larger."""
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(too_large(path.stat().st_size, max_bytes), str(path))
    return data


def read_text_file(path: Path, article_id: str, options: ReadOptions) -> Article:
    """One ``.txt`` file as an article whose text is the decoded file, character for character (an empty file
    is an article with empty text: ``quoth extract`` writes it with no results, ``quoth ingest`` skips it)."""
    try:
        text = decode(read_capped(path, options.max_bytes), article_id, options.max_chars)
    except InputError as exc:
        return failure(article_id, str(path), str(exc))
    except OSError as exc:
        return failure(article_id, str(path), f"cannot read the file ({exc.strerror}); check the path")
    return Article(id=article_id, text=text, meta=make_meta(str(path)))


def iter_directory(root: Path) -> Iterator[Path]:
    """Every regular file under ``root``, recursively, in a stable (sorted) order.

    Takes files with an article ending (``ARTICLE_ENDINGS``) or none (sniffed by content); skips other endings
    (``notes.md``, ``logo.png``: name such a file on the command line to read it), hidden files and folders, FIFOs,
    sockets and devices (reading one could block forever), and symbolic links that lead out of ``root`` (a link
    to /etc/passwd must not be read as an article).
    """
    top = root.resolve()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not is_article_file(path) or not path.is_file():
            continue
        try:
            inside = path.resolve().is_relative_to(top)
        except (OSError, RuntimeError):
            inside = False
        if inside:
            yield path


# Endings of the files a directory is searched for (any file named on the command line is read, whatever its name).
ARTICLE_ENDINGS = (".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm", ".xhtml", ".warc", ".warc.gz",
                   ".arc.gz", ".rss", ".atom", ".xml")


def is_article_file(path: Path) -> bool:
    """Whether a directory's file is read: an article ending, or no ending at all."""
    name = path.name.lower()
    return name.endswith(ARTICLE_ENDINGS) or not path.suffix


def not_a_file(path: Path) -> Article:
    """The failure for an argument that is neither a regular file nor a directory (missing, FIFO, device)."""
    if not path.exists() and not path.is_symlink():
        return failure(str(path), str(path), f"{path}: no such file or directory; check the path")
    if not path.exists():
        return failure(str(path), str(path), f"{path}: a broken symbolic link; check where it points")
    return failure(str(path), str(path), f"{path}: not a regular file (a FIFO, socket or device); quoth reads "
                                         "files and directories, or - for standard input")


def read_stdin(options: ReadOptions) -> Iterator[Article]:
    """Standard input as one text article (id ``stdin``), or as JSONL records with ``options.kind == "jsonl"``."""
    import sys

    stream = sys.stdin.buffer
    if options.kind == "jsonl":
        from .jsonl import read_jsonl_stream

        yield from read_jsonl_stream(stream, STDIN_NAME, STDIN_NAME, options)
        return
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield failure(STDIN_NAME, STDIN_NAME, f"{STDIN_NAME}: {too_large(len(data), options.max_bytes)}")
        return
    try:
        text = decode(data, STDIN_NAME, options.max_chars)
    except InputError as exc:
        yield failure(STDIN_NAME, STDIN_NAME, str(exc))
        return
    yield Article(id=STDIN_NAME, text=text, meta={})
