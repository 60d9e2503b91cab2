"""Hostile inputs from issue 17, generated (never stored as big files): shared by the tests and
``scripts/bench_adversarial.py``."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

GOOD = '"We will reopen the bridge in June," the mayor, Ann Lee, said on Monday.'
# Line patterns that made a regular expression backtrack, and runs that made the tokenizer quadratic.
BYLINE_ATTACK = "By Ab" + " and Ab" * 18 + "!"
DEEP_JSON_LEVELS = 45_000
MALFORMED_URLS = ("http://[::1/x", "http://127.0.0.1:99999/y", "http://a..b/")


def good_text(n: int) -> str:
    """A small, distinct article with one direct quote."""
    return f'"We will reopen bridge number {n} in June," the mayor, Ann Lee, said on Monday. Story {n}.'


def surrogate_line() -> bytes:
    """A JSONL record whose text holds a lone surrogate escape (UnicodeEncodeError in spaCy)."""
    return b'{"id": "surrogate", "text": "\\"It is \\ud800 fine,\\" said Bob Ray."}\n'


def deep_line(levels: int = DEEP_JSON_LEVELS) -> bytes:
    """A JSONL line nested ``levels`` deep (RecursionError in json.loads)."""
    return b"[" * levels + b"]" * levels + b"\n"


def quote_run(n: int) -> str:
    """``n`` straight quotation marks: quadratic in spaCy's tokenizer and in cue linking."""
    return '"' * n


def feed_with_surrogate_ref() -> bytes:
    """An RSS feed whose entry holds &#55296; (feedparser crashed on it)."""
    return (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title>'
            b"<guid>ent-1</guid><description>&lt;p&gt;&quot;Bad &#55296; char,&quot; said Cy Lo.&lt;/p&gt;"
            b"</description></item><item><title>B</title><guid>ent-2</guid><description>"
            + GOOD.replace('"', "&quot;").encode() + b"</description></item></channel></rss>")


def write_padded_warc(path: Path, filler_bytes: int) -> int:
    """A .warc.gz of one chunked HTML response whose record then holds ``filler_bytes`` of zeros (compressed to
    ~1/1000 of that); returns the file's size. warc._check_complete drained the filler into memory."""
    html = f"<html><body><article><p>{GOOD}</p><p>{GOOD}</p></article></body></html>".encode()
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
            + f"{len(html):x}\r\n".encode() + html + b"\r\n0\r\n\r\n")
    length = len(http) + filler_bytes
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://padded.example/a\r\n"
            "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n").encode()
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    with path.open("wb") as out:
        out.write(packer.compress(head + http))
        left = filler_bytes
        while left > 0:
            out.write(packer.compress(block[:min(left, len(block))]))
            left -= len(block)
        out.write(packer.compress(b"\r\n\r\n"))
        out.write(packer.flush())
    return path.stat().st_size


def write_mixed_corpus(folder: Path, good: int = 402) -> tuple[list[Path], int]:
    """A corpus of ``good`` good articles with every bad record mixed in: returns the sources and the number of
    good articles that must be stored. The JSONL file interleaves bad lines with good ones."""
    folder.mkdir(parents=True, exist_ok=True)
    lines: list[bytes] = []
    bad = [surrogate_line(), deep_line(), b"not json at all\n", b'{"id": "no-text"}\n',
           json.dumps({"id": "quotes", "text": quote_run(16_000)}).encode() + b"\n",
           json.dumps({"id": "byline", "text": BYLINE_ATTACK + "\n" + GOOD}).encode() + b"\n"]
    for n in range(good - 4):
        lines.append(json.dumps({"id": f"good-{n}", "text": good_text(n)}).encode() + b"\n")
        if n % 60 == 0 and bad:
            lines.append(bad.pop())
    lines.extend(bad)
    lines.append(json.dumps({"id": "good-0", "text": "A different text under an id already used."}).encode() + b"\n")
    (folder / "mixed.jsonl").write_bytes(b"".join(lines))
    (folder / "feed.rss").write_bytes(feed_with_surrogate_ref())
    for year in ("2023", "2024"):
        (folder / year).mkdir(exist_ok=True)
        (folder / year / "story.txt").write_text(f"{GOOD} ({year})", encoding="utf-8")
    (folder / "utf16.txt").write_bytes(GOOD.encode("utf-16-le"))
    (folder / "fake.warc").write_bytes(b"this is not a WARC file\n" * 10)
    (folder / "later.jsonl").write_bytes(json_constants_line() + json.dumps(
        {"id": "markup", "text": GOOD + " (markup)", "title": MARKUP_TITLE}).encode() + b"\n" + utf16_jsonl())
    in_warc = write_damaged_warc(folder / "damaged.warc.gz")
    sources = [folder / "mixed.jsonl", folder / "feed.rss", folder / "2023", folder / "2024", folder / "utf16.txt",
               folder / "fake.warc", folder / "later.jsonl", folder / "damaged.warc.gz"]
    # good: the JSONL's good records, the feed's two entries (one with U+FFFD), two story.txt, utf16.txt, and the
    # surrogate record (repaired); the quote-run and byline records are articles too; the NaN and markup records,
    # and the damaged WARC's good records.
    return sources, (good - 4) + 2 + 2 + 1 + 1 + 2 + 2 + len(in_warc)


# ---------------------------------------------------------------- corpus runs (issue: one bad record stops a run)

# A title rich's markup parser refuses ("closing tag '[/b]' doesn't match any open tag"): printed as a table title
# it stopped `quoth extract --table` and `quoth articles` with a traceback.
MARKUP_TITLE = "[/b] Council [bold]vote[/] ends"


def json_constants_line() -> bytes:
    """A record whose metadata holds NaN and Infinity (Python's json reads them; they are not JSON, so every JSON
    output written from the record was invalid) and 1e999 (a float too large: Infinity too)."""
    return b'{"id": "nan", "text": "' + GOOD.replace('"', '\\"').encode() + b'", "score": NaN, "rank": -Infinity, ' \
           b'"size": 1e999, "source": null, "published": "not a date"}\n'


def utf16_jsonl() -> bytes:
    """A JSONL file saved as UTF-16 (a BOM, then a NUL after every ASCII byte)."""
    return (json.dumps({"id": "u16", "text": GOOD}) + "\n" + json.dumps({"id": "u16b", "text": GOOD}) + "\n"
            ).encode("utf-16")


def warc_html(n: int) -> bytes:
    return (f"<html><head><title>Story {n}</title></head><body><article><p>{good_text(n)}</p>"
            f"<p>{GOOD}</p></article></body></html>").encode()


def write_damaged_warc(path: Path, gz: bool = True, damage: str = "no-uri") -> list[str]:
    """A WARC of good HTML responses around one damaged record; returns the URIs of the good ones (all of which
    must be read). ``damage``: ``no-uri`` (a response record without WARC-Target-URI: warcio's iterator raised
    AttributeError and the rest of the archive was lost), ``corrupt`` (a gzip member overwritten with zeros),
    ``cut`` (the file cut inside the last record). The archive also holds a revisit, a request, a PDF response, a
    gzip-encoded and a chunked HTML response."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def http(ctype: str, *extra: tuple[str, str]) -> StatusAndHeaders:
        return StatusAndHeaders("200 OK", [("Content-Type", ctype), *extra], protocol="HTTP/1.1")

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    good: list[str] = []

    def response(uri: str, body: bytes, ctype: str = "text/html; charset=utf-8", *extra: tuple[str, str]) -> None:
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=http(ctype, *extra)))

    for n in range(3):
        response(f"https://warc.example/{n}", warc_html(n))
        good.append(f"https://warc.example/{n}")
    response("https://warc.example/doc.pdf", b"%PDF-1.4 \x00\x01\x02", "application/pdf")
    response("https://warc.example/gz", zlib.compress(warc_html(3), wbits=31), "text/html",
             ("Content-Encoding", "gzip"))
    good.append("https://warc.example/gz")
    chunked = f"{len(warc_html(4)):x}\r\n".encode() + warc_html(4) + b"\r\n0\r\n\r\n"
    response("https://warc.example/chunked", chunked, "text/html", ("Transfer-Encoding", "chunked"))
    good.append("https://warc.example/chunked")
    writer.write_record(writer.create_revisit_record(
        "https://warc.example/0", digest="sha1:AAAA", refers_to_uri="https://warc.example/0",
        refers_to_date="2024-01-01T00:00:00Z", http_headers=http("text/html")))
    writer.write_record(writer.create_warc_record("https://warc.example/0", "request", payload=io.BytesIO(
        b"GET /0 HTTP/1.1\r\nHost: warc.example\r\n\r\n")))
    bad_at = buffer.tell()
    response("", warc_html(5))  # no WARC-Target-URI: the damaged record for "no-uri"
    for n in range(6, 9):
        response(f"https://warc.example/{n}", warc_html(n))
        good.append(f"https://warc.example/{n}")
    data = bytearray(buffer.getvalue())
    if damage == "corrupt":
        data[bad_at:bad_at + 40] = bytes(40)
    elif damage == "cut":
        data = data[:len(data) - 60]
        good.pop()
    path.write_bytes(bytes(data))
    return good


def dying_chunk(chunk: list) -> list:
    """``quoth.ingest.pool._extract_chunk`` in a worker process that dies (as the OOM killer would kill it) on an
    article holding POISON: patched into the parent, it is what the pool sends to its workers."""
    import os

    from quoth.ingest import pool

    if any("POISON" in a.text for a in chunk):
        os._exit(3)
    return pool._extract_chunk(chunk)


class KillOnPoison:
    """A Dask worker plugin's body: the worker process dies on an article holding POISON (installed on every
    worker the nanny starts, so retries meet it too). ``kill_on_poison_plugin`` makes the plugin."""

    def setup(self, worker: object) -> None:
        import os

        import quoth.speakers as speakers

        real = speakers.resolve_speakers

        def resolve(doc, attributions):  # type: ignore[no-untyped-def]
            if "POISON" in doc.text:
                os._exit(3)
            return real(doc, attributions)

        speakers.resolve_speakers = resolve


def kill_on_poison_plugin() -> object:
    from distributed.diagnostics.plugin import WorkerPlugin

    return type("KillOnPoisonPlugin", (KillOnPoison, WorkerPlugin), {})()


def poisoned_jsonl(path: Path, n: int = 12, bad: int = 5) -> Path:
    """``n`` good records ``r0``… of which record ``bad`` holds POISON."""
    texts = [good_text(i) for i in range(n)]
    texts[bad] = "POISON " + texts[bad]
    path.write_text("".join(json.dumps({"id": f"r{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
                    encoding="utf-8")
    return path
