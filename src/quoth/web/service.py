"""The one place the web shell calls the library: text or HTML in, an extracted ``Article`` out."""

from __future__ import annotations

from ..errors import InputError, InputTooLarge
from ..ingest.html import html_to_article
from ..model import Article
from ..options import Options
from ..pipeline import extract

# How a page upload or pasted text is recognised as HTML when the user did not say.
HTML_SNIFF_CHARS = 1024
HTML_MARKERS = ("<!doctype html", "<html", "<body", "<article", "<p>", "<p ", "<div")


def extract_input(text: str | None, html: str | None, article_id: str, options: Options) -> Article:
    """Extract from plain ``text`` or from an ``html`` page (its main text, via the ingest HTML reader).

    Raises ``InputError`` (400) when the HTML has no article text, ``InputTooLarge`` (413) over the cap.
    """
    if html is not None:
        page = html_to_article(html, article_id, "web", options.max_chars)
        if page.error:
            error = InputTooLarge if "over the limit" in page.error else InputError
            raise error(page.error)
        return extract(page.text, options, id=article_id, meta=page.meta)
    return extract(text or "", options, id=article_id, meta={"source": "web"})


def looks_like_html(data: str, filename: str | None = None) -> bool:
    """Whether an upload or paste is an HTML page rather than plain text."""
    if filename and filename.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = data[:HTML_SNIFF_CHARS].lstrip().lower()
    return head.startswith("<") and any(marker in head for marker in HTML_MARKERS)
