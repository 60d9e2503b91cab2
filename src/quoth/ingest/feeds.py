"""RSS and Atom feeds: each entry, with its full content when the feed carries it, as an article."""

from __future__ import annotations

from typing import Any, Iterator

from ..model import Article
from .common import failure, make_meta
from .html import html_fragment_to_text


def read_feed(data: bytes, source: str, max_chars: int) -> Iterator[Article]:
    """Yield an article per feed entry (HTML stripped); a feed that does not parse is one failure."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f"{source}: no feed entries found"
        if parsed.get("bozo"):
            reason += f" (the feed does not parse: {parsed.get('bozo_exception')})"
        yield failure(source, source, reason + "; check that it is an RSS or Atom feed")
        return
    for n, entry in enumerate(parsed.entries, 1):
        yield entry_to_article(entry, n, source, max_chars)


def entry_to_article(entry: Any, n: int, source: str, max_chars: int) -> Article:
    """One feed entry as an article: ``content`` if present, else ``summary``; id from guid, link or position."""
    article_id = str(entry.get("id") or entry.get("link") or f"{source}#{n}")
    contents = entry.get("content") or []
    markup = contents[0].get("value", "") if contents else entry.get("summary", "")
    text = html_fragment_to_text(markup or "")
    if not text.strip():
        return failure(article_id, source, f"{article_id}: the feed entry has no text; fetch its link instead")
    if len(text) > max_chars:
        return failure(article_id, source, f"{article_id}: {len(text):,} characters is over the limit of "
                                            f"{max_chars:,}; split it or raise --max-chars")
    authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")] or entry.get("author") or []
    meta = make_meta(source, title=entry.get("title"), url=entry.get("link"),
                     published=entry.get("published") or entry.get("updated"), authors=authors)
    return Article(id=article_id, text=text, meta=meta)
