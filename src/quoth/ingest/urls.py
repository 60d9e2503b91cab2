"""Fetching articles over HTTP(S): timeouts, a size cap, bounded redirects and no private addresses by default.

Every hop's host is resolved and each address it resolves to is checked; a host that resolves to a private,
loopback, link-local or otherwise non-public address is refused unless ``allow_private_urls`` is set.
Known limit: httpx resolves the name again when it connects, so a DNS server that answers differently the second
time (DNS rebinding) is not caught here; run ingest where the network itself blocks internal ranges if that matters.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from typing import Iterator
from urllib.parse import urljoin, urlsplit

from ..errors import InputError
from ..model import Article
from ..text import decode
from .common import failure, make_meta, too_large
from .feeds import read_feed
from .html import html_to_article
from .options import ReadOptions

USER_AGENT = "quoth-ingest/0.1 (+https://github.com/quoth)"
FEED_TYPES = ("rss", "atom", "xml")


def check_host(url: str, allow_private: bool) -> None:
    """Raise InputError unless ``url`` is http(s) and every address its host resolves to is public."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError as exc:  # "Invalid IPv6 URL", "Port out of range 0-65535"
        raise InputError(f"not a valid URL ({exc}); check it", url) from exc
    if parts.scheme not in ("http", "https") or not host:
        raise InputError("only http:// and https:// URLs with a host can be fetched", url)
    try:
        infos = socket.getaddrinfo(host, port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise InputError(f"cannot resolve host {host!r} ({exc.strerror}); check the URL", url) from exc
    except (UnicodeError, ValueError) as exc:  # an empty or over-long label: "a..b"
        raise InputError(f"not a valid host name {host!r} ({exc}); check the URL", url) from exc
    if allow_private:
        return
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            raise InputError(f"host {parts.hostname!r} resolves to non-public address {address}; "
                             "pass --allow-private-urls to fetch from private networks", url)


def read_url(url: str, options: ReadOptions) -> Iterator[Article]:
    """Fetch ``url`` (following at most ``max_redirects`` hops) and yield its article(s), or one failure."""
    import httpx

    try:
        with httpx.Client(timeout=options.timeout_s, follow_redirects=False,
                          headers={"User-Agent": USER_AGENT}) as client:
            final, ctype, body = _fetch(client, url, options)
    except InputError as exc:
        yield failure(url, url, str(exc))
        return
    except (httpx.HTTPError, httpx.InvalidURL, ValueError, UnicodeError) as exc:
        yield failure(url, url, f"{url}: fetch failed ({type(exc).__name__}: {exc}); check the URL or retry")
        return
    yield from _body_articles(url, final, ctype, body, options)


def _fetch(client: "httpx.Client", url: str, options: ReadOptions) -> tuple[str, str, bytes]:
    deadline = time.monotonic() + options.deadline_s
    current = url
    for _hop in range(options.max_redirects + 1):
        check_host(current, options.allow_private_urls)
        with client.stream("GET", current) as response:
            if response.is_redirect and "location" in response.headers:
                current = urljoin(current, response.headers["location"])
                continue
            if response.status_code >= 400:
                raise InputError(f"the server answered HTTP {response.status_code}; check the URL", url)
            return current, response.headers.get("content-type", ""), _read_capped(response, url, options, deadline)
    raise InputError(f"more than {options.max_redirects} redirects; fetch the final URL directly", url)


def _read_capped(response: "httpx.Response", url: str, options: ReadOptions, deadline: float) -> bytes:
    declared = int(response.headers.get("content-length") or 0)
    if declared > options.max_bytes:
        raise InputError(too_large(declared, options.max_bytes), url)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > options.max_bytes:
            raise InputError(too_large(size, options.max_bytes) + " (read so far)", url)
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise InputError(f"the download took longer than the limit of {options.deadline_s:g} s "
                             f"({size:,} bytes so far); the server is too slow, retry later", url)
    return b"".join(chunks)


def _body_articles(url: str, final: str, ctype: str, body: bytes, options: ReadOptions) -> Iterator[Article]:
    kind = ctype.split(";")[0].strip().lower()
    if "html" in kind:
        yield html_to_article(body, url, url, options.max_chars, url=final)
    elif any(t in kind for t in FEED_TYPES):
        yield from read_feed(body, url, options.max_chars)
    elif kind.startswith("text/") or not kind:
        try:
            text = decode(body, url, options.max_chars)
        except InputError as exc:
            yield failure(url, url, str(exc))
            return
        yield Article(id=url, text=text, meta=make_meta(url, url=final)) if text.strip() else \
            failure(url, url, f"{url}: the response is empty; nothing to extract")
    else:
        yield failure(url, url, f"{url}: cannot read content type {kind!r}; quoth reads HTML, feeds and plain text")
