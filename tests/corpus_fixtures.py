"""Hand-written articles, pages, feeds and archives for the ingest and store tests (no model needed)."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

from quoth.model import Article

PAGE = """<!doctype html><html><head><title>Harbour plan approved</title>
<meta name="author" content="Pat Quill"><meta property="article:published_time" content="2023-06-01T08:00:00Z">
<link rel="canonical" href="https://news.example/harbour"></head><body>
<nav>Home | Local | Sport</nav>
<article><h1>Harbour plan approved</h1>
<p>The council voted on Thursday to approve the harbour plan, ending a dispute that had lasted for most of a decade.</p>
<figure><img src="h.jpg"><figcaption>The harbour at dawn, in a file photo.</figcaption></figure>
<p>"This is a good day for the fishing fleet," said Mara Vell, who chairs the harbour board, after the vote.</p>
<aside class="related"><h3>RELATED</h3><ul><li><a href="/x">Fleet numbers fall again</a></li></ul></aside>
<p>Opponents said the cost of the new quay would fall on local taxpayers for years to come, and vowed to appeal.</p>
</article>
<div id="comments" class="comments"><p>Totally wrong, said commenter Zed, who posts a lot on this site.</p></div>
</body></html>"""

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>
<item><title>Dam to reopen</title><link>https://news.example/dam</link><guid>dam-1</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><author>ed@news.example (Ed Moss)</author>
<description><![CDATA[<p>"The dam is safe," said engineer Lou Brant.</p><p>Residents were <b>not</b> convinced.</p>]]></description>
</item>
<item><title>Empty</title><link>https://news.example/empty</link><guid>empty-1</guid><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><id>tag:news.example,2024:1</id><title>Bridge vote</title><link href="https://news.example/bridge"/>
<updated>2024-04-01T12:00:00Z</updated><author><name>Kim Oda</name></author>
<content type="html">&lt;p&gt;"We will vote no," said Councillor Ray Dunn.&lt;/p&gt;</content></entry></feed>"""


def make_warc(pages: list[tuple[str, str]], gz: bool = True) -> bytes:
    """A WARC (gzip per record by default) with one HTML response record per (url, html), plus a request."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for url, html in pages:
        writer.write_record(writer.create_warc_record(url, "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(html.encode()),
                                                      http_headers=headers))
    return buffer.getvalue()


def page(title: str, sentence: str) -> str:
    """A small but article-like HTML page."""
    body = "".join(f"<p>{sentence} This paragraph {n} adds ordinary reporting detail to the story.</p>"
                   for n in range(4))
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


def article(n: int, speaker: str = "Ann Lee", published: str = "2024-03-05", quote: str = "We will build it.",
            article_id: str | None = None) -> Article:
    """A hand-built Article with one named speaker, a direct quote, a second speaker who disputes it."""
    lead = f"{speaker} said "
    text = f'{lead}"{quote}" Bob Ray rejects that claim. Story {n}.'
    q_start = len(lead) + 1
    q_end = q_start + len(quote)
    rej = text.index("rejects")
    return Article.from_dict({
        "id": article_id if article_id is not None else f"art-{n}", "text": text,
        "meta": {"title": f"Story {n}", "published": published, "source": "fixture", "url": None, "authors": []},
        "entities": [
            {"id": "e1", "name": speaker, "kind": "person",
             "mentions": [{"start": 0, "end": len(speaker), "text": speaker}]},
            {"id": "e2", "name": "Bob Ray", "kind": "person",
             "mentions": [{"start": rej - 8, "end": rej - 1, "text": "Bob Ray"}]}],
        "attributions": [
            {"id": "a1", "kind": "direct", "content": {"text": quote, "spans": [[q_start, q_end]]},
             "cue": {"text": "said", "spans": [[len(speaker) + 1, len(speaker) + 5]]},
             "source": {"text": speaker, "spans": [[0, len(speaker)]]}, "speaker": "e1", "parent": None,
             "confidence": 0.9},
            {"id": "a2", "kind": "indirect", "content": {"text": "that claim", "spans": [[rej + 8, rej + 18]]},
             "cue": {"text": "rejects", "spans": [[rej, rej + 7]]},
             "source": {"text": "Bob Ray", "spans": [[rej - 8, rej - 1]]}, "speaker": "e2", "parent": None,
             "confidence": 0.8}],
        "disputes": [{"by": "a2", "target_attribution": "a1", "target_entity": "e1",
                      "cue": {"text": "rejects", "spans": [[rej, rej + 7]]}}],
    })


def write(path: Path, data: str | bytes) -> Path:
    """Write text or bytes, creating parent directories; returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def gzip_bytes(data: bytes) -> bytes:
    """Gzip-compressed bytes."""
    return gzip.compress(data)
