"""JSON Lines: one article per line, ``{"id": …, "text": …, …metadata}``; a bad line is a failure, not a stop."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from ..errors import InputError
from ..model import Article
from .common import failure, make_meta, too_large
from .options import ReadOptions


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Article]:
    """Yield one article per non-blank line; lines that are not an object with a string ``text`` are failures.

    A line without ``id`` gets id ``""``: the store then identifies it by its content hash.
    """
    yield from read_jsonl_range(path, 0, path.stat().st_size, 1, options)


def read_jsonl_range(path: Path, start: int, end: int, first_line: int, options: ReadOptions) -> Iterator[Article]:
    """The records whose lines start in ``[start, end)`` of a JSONL file, read as ``read_jsonl`` reads them.

    ``first_line`` is the line number at ``start``, so failures name the same line whoever reads the range (the
    Dask job reads a file as several ranges).
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


def parse_line(raw: bytes, line_id: str, source: str, options: ReadOptions) -> Article:
    """One JSONL line as an Article, or a failure naming the line."""
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return failure(line_id, source, f"{line_id}: not valid JSON ({exc}); fix or remove the line")
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return failure(line_id, source, f'{line_id}: expected an object with a string "text"; fix the line')
    text = data["text"]
    article_id = str(data["id"]) if data.get("id") not in (None, "") else ""
    if not text.strip():
        return failure(article_id or line_id, source, f"{line_id}: empty text; nothing to extract")
    if len(text) > options.max_chars:
        return failure(article_id or line_id, source, str(InputError(
            f"{len(text):,} characters is over the limit of {options.max_chars:,}; split it or raise --max-chars",
            line_id)))
    return Article(id=article_id, text=text, meta=_meta_from(data, source))


def _meta_from(data: dict[str, Any], source: str) -> dict[str, Any]:
    nested = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    extra = {k: v for k, v in data.items() if k not in ("id", "text", "meta")}
    fields = {**nested, **extra}
    fields.setdefault("source", source)
    src = str(fields.pop("source"))
    return make_meta(src, **{k: v for k, v in fields.items()})


def _skip_rest_of_line(handle: Any) -> None:
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return
