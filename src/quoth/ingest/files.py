"""Plain-text files and directories of them."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..model import Article
from ..text import decode
from .common import failure, make_meta, too_large
from .options import ReadOptions


def read_capped(path: Path, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` of a file; raises InputError when the file is larger."""
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(too_large(path.stat().st_size, max_bytes), str(path))
    return data


def read_text_file(path: Path, article_id: str, options: ReadOptions) -> Article:
    """One ``.txt`` file as an article whose text is the decoded file, character for character."""
    try:
        text = decode(read_capped(path, options.max_bytes), article_id, options.max_chars)
    except InputError as exc:
        return failure(article_id, str(path), str(exc))
    except OSError as exc:
        return failure(article_id, str(path), f"cannot read the file ({exc.strerror}); check the path")
    if not text.strip():
        return failure(article_id, str(path), f"{article_id}: the file is empty; nothing to extract")
    return Article(id=article_id, text=text, meta=make_meta(str(path)))


def iter_directory(root: Path) -> Iterator[Path]:
    """Every file under ``root``, recursively, in a stable (sorted) order, skipping hidden ones."""
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            yield path
