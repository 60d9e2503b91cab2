"""Decoding input bytes and marking boilerplate, never moving a character of the text."""

from __future__ import annotations

import re

from .errors import BinaryInput, DecodingError, InputTooLarge

# A NUL byte or more than this share of control characters in the first 8 KiB means "binary".
BINARY_CONTROL_SHARE = 0.10
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def decode(data: bytes, name: str | None = None, max_chars: int | None = None) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else UTF-16 with a BOM.

    Raises BinaryInput for binary data and DecodingError for text in an unknown encoding; both name the input.
    """
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16_without_bom(data[:8192])
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise DecodingError(f"not valid UTF-16 ({exc.reason} at byte {exc.start})", name) from exc
        return check_size(text, name, max_chars)
    head = data[:8192]
    if b"\x00" in head or (head and sum(b in _CONTROL for b in head) / len(head) > BINARY_CONTROL_SHARE):
        raise BinaryInput("looks like a binary file, not text; pass a .txt, .html or .jsonl article", name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodingError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-encode it as UTF-8, e.g. `iconv -f latin1 -t utf-8`",
            name,
        ) from exc
    return check_size(text, name, max_chars)


# Text in UTF-16 without a byte-order mark has a NUL in every other byte (for Latin script): at least this share
# of the even (big-endian) or odd (little-endian) bytes of the head, and none of the others.
UTF16_NUL_SHARE = 0.6


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when ``head`` looks like UTF-16 text without a BOM, else None."""
    pairs = len(head) // 2
    if pairs < 2 or b"\x00" not in head:
        return None
    even, odd = head[0:pairs * 2:2].count(0), head[1:pairs * 2:2].count(0)
    if odd >= UTF16_NUL_SHARE * pairs and even == 0:
        return "utf-16-le"
    if even >= UTF16_NUL_SHARE * pairs and odd == 0:
        return "utf-16-be"
    return None


def check_size(text: str, name: str | None, max_chars: int | None) -> str:
    """``text`` unchanged, or InputTooLarge naming the input when it is over ``max_chars``."""
    if max_chars is not None and len(text) > max_chars:
        raise InputTooLarge(
            f"{len(text):,} characters is over the limit of {max_chars:,}; split it or raise --max-chars", name
        )
    return text


# Lines that are never content: captions, section furniture, related-link blocks, bylines.
# Every pattern applied to input must run in linear time: no nested quantifier that can match the same text two
# ways unless it is possessive (``*+``) or atomic (``(?>…)``). The byline's list of further names is possessive:
# without it "By Ab" + " and Ab" * 18 + "!" took 77 s (tests/adversarial/test_patterns.py times every pattern).
_BOILERPLATE_LINE = re.compile(
    r"""^\s*(?:
        (?:RECOMMENDATIONS?|RELATED(?:\s+(?:ARTICLES?|STORIES|CONTENT|COVERAGE))?|READ\s+MORE|MORE\s+FROM.*|
           SEE\s+ALSO|ADVERTISEMENT|SPONSORED(?:\s+CONTENT)?|TRENDING|WATCH|SUBSCRIBE.*|SIGN\s+UP.*)\s*:?\s*
      | (?:By|BY)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*(?:,|and|\|)\s*[A-Z][\w .'-]+)*+\s*
      | (?:Photo|Image|Credit|File\s+photo|Caption)\s*:.*
      | [^.!?"“”]{0,120},\s+(?:in\s+an?\s+)?(?:file\s+)?(?:image|photo|picture|photograph)(?:\s+[^.!?"“”]{0,60})?\.?\s*
    )$""",
    re.VERBOSE,
)


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """Offsets of whole lines that are boilerplate (captions, "RECOMMENDATION", bylines, related links)."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if stripped.strip() and _BOILERPLATE_LINE.match(stripped):
            ranges.append((pos, pos + len(stripped)))
        pos += len(line)
    return ranges


# What spaCy should not read as it stands: Windows and old Mac line ends, Unicode line and paragraph separators
# (common in text scraped from JSON), and invisible format characters (soft hyphens, zero-width spaces and
# joiners, word joiners, byte-order marks) that split or glue tokens.
_UNREAD = re.compile("\r\n?|[\u0085\u2028\u2029\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_READ_AS = {"\r\n": "\n", "\r": "\n", "\u0085": "\n", "\u2028": "\n", "\u2029": "\n\n"}


def reading_view(text: str) -> tuple[str, list[int] | None]:
    """``text`` as spaCy should read it: "\\r\\n", a lone "\\r", NEL and U+2028 read as "\\n", U+2029 as a blank line,
    invisible format characters dropped; and, when that moved any character, ``where[i]``: the offset in ``text``
    of the view's character i (``where`` has one entry more, for the end). spaCy keeps a carriage return or a soft
    hyphen inside its tokens, and a same-length stand-in (" \\n" for "\\r\\n") still reads a blank line as "\\n \\n":
    such an article was parsed and tagged unlike its plain self (headlines read as statements, transcript turns
    and speakers lost)."""
    if not _UNREAD.search(text):
        return text, None
    view: list[str] = []
    where: list[int] = []
    pos, moved = 0, False
    for m in _UNREAD.finditer(text):
        read = _READ_AS.get(m.group(), "")
        view.append(text[pos:m.start()] + read)
        where.extend(range(pos, m.start()))
        where.extend([m.end() - 1] * len(read))  # on the match's last character (the "\\n" of "\\r\\n")
        moved = moved or len(read) != len(m.group())
        pos = m.end()
    view.append(text[pos:])
    where.extend(range(pos, len(text) + 1))
    return "".join(view), (where if moved else None)


def map_offsets(where: list[int], start: int, end: int) -> tuple[int, int]:
    """The offsets in the original text of the view's ``[start, end)`` (see ``reading_view``)."""
    return (where[start], where[end - 1] + 1) if end > start else (where[start], where[start])
