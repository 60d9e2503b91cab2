"""How the readers fetch and cap their input: one frozen options object for every reader."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..options import MAX_BYTES_DEFAULT, MAX_CHARS_DEFAULT, Options

# A raw input (file, HTTP body, WARC record) larger than this is refused before it is decoded. HTML carries
# markup, so the byte cap is several times the character cap; 4 bytes/char also covers UTF-8's worst case.
BYTES_PER_CHAR_CAP = 4
# Seconds for each of connect / read / write / pool on a URL fetch.
FETCH_TIMEOUT_S = 10.0
# Seconds a whole URL fetch may take, however the server trickles its answer (the per-phase timeout alone lets a
# server that sends one byte every few seconds hold the fetch for ever).
FETCH_DEADLINE_S = 30.0
# Redirect hops followed per URL; each hop's host is checked again.
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class ReadOptions:
    """What the readers accept.

    max_chars: decoded article text longer than this is a failure.
    max_bytes: raw input (file, HTTP body, WARC record) larger than this is a failure, read no further.
    allow_private_urls: fetch URLs whose host resolves to private, loopback or link-local addresses.
    timeout_s: per-phase HTTP timeout in seconds.
    max_redirects: redirect hops followed per URL.
    deadline_s: a whole URL fetch (all hops and the body) taking longer than this fails.
    kind: read every file (and standard input) as this kind ("text" or "jsonl"); None: by extension and content.
    """

    max_chars: int = MAX_CHARS_DEFAULT
    max_bytes: int = MAX_BYTES_DEFAULT
    allow_private_urls: bool = False
    timeout_s: float = FETCH_TIMEOUT_S
    max_redirects: int = MAX_REDIRECTS
    deadline_s: float = FETCH_DEADLINE_S
    kind: str | None = None

    @classmethod
    def from_options(cls, options: Options | None, **changes: Any) -> "ReadOptions":
        """Reader options matching the extraction ``Options`` (same character cap), with ``changes`` applied."""
        base = cls() if options is None else cls(max_chars=options.max_chars,
                                                  max_bytes=max(MAX_BYTES_DEFAULT,
                                                                options.max_chars * BYTES_PER_CHAR_CAP))
        return replace(base, **changes)
