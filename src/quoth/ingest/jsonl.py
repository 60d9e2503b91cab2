"""JSON Lines: one article per line, ``{"id": …, "text": …, …metadata}``; a bad line is a failure, not a stop."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from ..errors import InputError
from ..model import Article
from .common import failure, make_meta
from .ids import content_id
from .options import ReadOptions

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_jsonl(path: Path, options: ReadOptions, name: str | None = None) -> Iterator[Article]:
    """Yield one article per non-blank line; lines that are not an object with a string ``text`` are failures.

    Failures are named ``NAME:LINE`` (``name`` defaults to the file's name); a record without ``id`` gets
    ``quoth.ingest.ids.content_id`` of its text.
    """
    yield from read_jsonl_range(path, 0, path.stat().st_size, 1, options, name)


def read_jsonl_range(path: Path, start: int, end: int, first_line: int, options: ReadOptions,
                     name: str | None = None) -> Iterator[Article]:
    """The records whose lines start in ``[start, end)`` of a JSONL file, read as ``read_jsonl`` reads them.

    ``first_line`` is the line number at ``start``, so failures name the same line whoever reads the range (the
    Dask job reads a file as several ranges).
    """
    with path.open("rb") as handle:
        handle.seek(start)
        yield from read_jsonl_stream(handle, name or path.name, str(path), options, first_line, end)


def read_jsonl_stream(handle: BinaryIO, name: str, source: str, options: ReadOptions, first_line: int = 1,
                      end: int | None = None) -> Iterator[Article]:
    """JSONL records from an open binary stream (a file, or standard input), up to byte ``end`` if given."""
    lineno = first_line - 1
    while end is None or handle.tell() < end:
        raw = handle.readline(options.max_bytes + 1)
        if not raw:
            return
        lineno += 1
        line_id = f"{name}:{lineno}"
        if len(raw) > options.max_bytes and not raw.endswith(b"\n"):
            yield failure(line_id, source, f"{line_id}: the line is over the limit of {options.max_bytes:,} bytes; "
                                           "split the record or raise the size cap")
            _skip_rest_of_line(handle)
            continue
        if raw.strip():
            yield _parsed(raw, line_id, source, options)


def _parsed(raw: bytes, line_id: str, source: str, options: ReadOptions) -> Article:
    """``parse_line``, with anything it raises making this line alone a failure (the lines after it are read)."""
    from ..safety import describe

    try:
        return parse_line(raw, line_id, source, options)
    except Exception as exc:  # noqa: BLE001  one line must not end the file
        return failure(line_id, source, f"{line_id}: cannot read the line ({describe(exc)}); fix or remove it")


def parse_line(raw: bytes, line_id: str, source: str, options: ReadOptions) -> Article:
    """One JSONL line as an Article, or a failure naming the line."""
    if raw.startswith(UTF16_BOMS) or b"\x00" in raw[:4]:  # UTF-8 JSON never holds a raw NUL byte
        return failure(line_id, source, f"{line_id}: the file is UTF-16; JSON Lines must be UTF-8: convert it, e.g. "
                                        "`iconv -f utf-16 -t utf-8`")
    try:
        data = json.loads(raw, parse_constant=_no_constant, parse_float=_finite_float)
    except RecursionError:
        return failure(line_id, source, f"{line_id}: not valid JSON (nested too deeply to read); fix or remove "
                                        "the line")
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
        return failure(line_id, source, f"{line_id}: not valid JSON ({exc}); fix or remove the line")
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return failure(line_id, source, f'{line_id}: expected an object with a string "text", e.g. '
                                        '{"id": "a1", "text": "..."}; fix the line')
    text = data["text"]
    article_id = str(data["id"]) if data.get("id") not in (None, "") else ""
    if not text.strip():
        return failure(article_id or line_id, source, f"{line_id}: empty text; nothing to extract")
    if len(text) > options.max_chars:
        return failure(article_id or line_id, source, str(InputError(
            f"{len(text):,} characters is over the limit of {options.max_chars:,}; split it or raise --max-chars",
            line_id)))
    return Article(id=article_id or content_id(text), text=text, meta=_meta_from(data, source))


def _no_constant(name: str) -> None:
    """NaN, Infinity and -Infinity are not JSON: read as null, so every output written from the record is JSON."""
    return None


def _finite_float(text: str) -> float | None:
    """A JSON number as a float; one too large for a float (1e999) is null, not Infinity."""
    value = float(text)
    return value if math.isfinite(value) else None


def _meta_from(data: dict[str, Any], source: str) -> dict[str, Any]:
    nested = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    extra = {k: v for k, v in data.items() if k not in ("id", "text", "meta")}
    fields = {**nested, **extra}
    given = fields.pop("source", None)
    src = source if given in (None, "") else str(given)
    return make_meta(src, **{k: v for k, v in fields.items()})


def _skip_rest_of_line(handle: Any) -> None:
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return
