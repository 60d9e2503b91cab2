"""HTML pages: the article body and metadata through trafilatura (comments, captions, related links dropped)."""

from __future__ import annotations

import re
from typing import Any

from ..errors import DecodingError, InputError
from ..model import Article
from ..text import decode
from .common import failure, make_meta

# A page whose extracted text has fewer words than this is not an article: broken markup, an error page or an
# index. Chosen by hand (the shortest real news brief seen is ~30 words); lower it if short items go missing.
MIN_ARTICLE_WORDS = 5


def html_to_article(data: bytes | str, article_id: str, source: str, max_chars: int, url: str | None = None) -> Article:
    """Extract the main text and metadata of an HTML page; an Article with ``error`` when there is none."""
    try:
        markup: str | bytes = data if isinstance(data, str) else decode(data, article_id, None)
    except DecodingError:
        markup = data  # not UTF-8: trafilatura reads the page's declared or detected charset
    except InputError as exc:
        return failure(article_id, source, str(exc))
    found = _bare_extraction(markup, url)
    text = (found or {}).get("text") or ""
    if len(re.findall(r"\w+", text)) < MIN_ARTICLE_WORDS:
        return failure(article_id, source, f"{article_id}: no article text found in the HTML; "
                                            "is it an article page (not an index or a script-only page)?")
    if len(text) > max_chars:
        return failure(article_id, source, f"{article_id}: {len(text):,} characters is over the limit of "
                                            f"{max_chars:,}; split it or raise --max-chars")
    meta = make_meta(source, title=found.get("title"), url=found.get("url") or url,
                     published=found.get("date"), authors=found.get("author") or [],
                     sitename=found.get("sitename"))
    return Article(id=article_id, text=text, meta=meta)


def _bare_extraction(markup: str | bytes, url: str | None) -> dict[str, Any] | None:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            markup, url=url, include_comments=False, include_tables=False, include_images=False,
            include_links=False, with_metadata=True,
        )
    except Exception:  # trafilatura raises assorted lxml/parser errors on broken markup
        return None
    if doc is None:
        return None
    return doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)


def html_fragment_to_text(markup: str) -> str:
    """Plain text of a short HTML fragment (a feed entry): tags dropped, block elements on their own lines."""
    import lxml.html

    if "<" not in markup:
        return markup.strip()
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except Exception:
        return ""
    for bad in root.xpath(".//script|.//style|.//figcaption"):
        bad.drop_tree()
    for block in root.xpath(".//p|.//div|.//br|.//li|.//h1|.//h2|.//h3|.//h4|.//blockquote"):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
