"""URL reader against a local http.server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

from corpus_fixtures import PAGE, RSS
from quoth.errors import InputError
from quoth.ingest import ReadOptions, read_sources
from quoth.ingest.urls import check_host

ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/page": (200, "text/html; charset=utf-8", PAGE.encode()),
    "/feed": (200, "application/rss+xml", RSS.encode()),
    "/plain": (200, "text/plain; charset=utf-8", 'Ann said "plain".'.encode()),
    "/big": (200, "text/plain", b"x" * 50_000),
    "/pdf": (200, "application/pdf", b"%PDF-1.4"),
    "/missing": (404, "text/plain", b"nope"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        if self.path.startswith("/loop"):
            n = int(self.path.removeprefix("/loop") or 0)
            self.send_response(302)
            self.send_header("Location", f"/loop{n + 1}")
            self.end_headers()
            return
        if self.path == "/redirect":
            self.send_response(301)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(1.5)
        status, ctype, body = ROUTES.get(self.path, ROUTES["/missing"])
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if self.path != "/big":  # /big streams without a length, so the cap must count bytes as they come
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading (size cap, timeout): that is the behaviour under test

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


ALLOW = ReadOptions(allow_private_urls=True, timeout_s=0.5, max_redirects=3, max_bytes=20_000)


def fetch(url: str, options: ReadOptions = ALLOW) -> list:
    return list(read_sources([url], options))


def test_ingest_url_html_page(server: str) -> None:
    (found,) = fetch(f"{server}/page")
    assert found.error is None and found.id == f"{server}/page"
    assert "good day for the fishing fleet" in found.text and "commenter Zed" not in found.text


def test_ingest_url_follows_a_redirect(server: str) -> None:
    (found,) = fetch(f"{server}/redirect")
    assert found.error is None and found.meta["title"] == "Harbour plan approved"


def test_ingest_url_feed_and_plain_text(server: str) -> None:
    assert [a.id for a in fetch(f"{server}/feed")] == ["dam-1", "empty-1"]
    (plain,) = fetch(f"{server}/plain")
    assert plain.text == 'Ann said "plain".'


@pytest.mark.parametrize("path, reason", [
    ("/loop0", "more than 3 redirects"), ("/big", "over the limit"), ("/missing", "HTTP 404"),
    ("/pdf", "cannot read content type"), ("/slow", "ReadTimeout"),
])
def test_ingest_url_bad_responses_are_failures(server: str, path: str, reason: str) -> None:
    (found,) = fetch(f"{server}{path}")
    assert found.error and reason in found.error


def test_ingest_url_loopback_refused_without_the_option(server: str) -> None:
    (found,) = fetch(f"{server}/page", ReadOptions())
    assert found.error and "non-public address 127.0.0.1" in found.error and "--allow-private-urls" in found.error


@pytest.mark.parametrize("url", [
    "http://10.0.0.1/", "http://192.168.1.1/x", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
    "http://localhost/", "http://0.0.0.0/", "http://100.64.0.1/",
])
def test_ingest_url_private_addresses_refused(url: str) -> None:
    with pytest.raises(InputError, match="non-public address"):
        check_host(url, allow_private=False)


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "http:///nohost"])
def test_ingest_url_only_http_with_host(url: str) -> None:
    with pytest.raises(InputError, match="only http"):
        check_host(url, allow_private=True)


def test_ingest_url_batch_continues_after_failures(server: str) -> None:
    found = list(read_sources([f"{server}/missing", f"{server}/plain"], ALLOW))
    assert [a.error is None for a in found] == [False, True]
