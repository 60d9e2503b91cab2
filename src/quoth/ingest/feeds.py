"""RSS and Atom feeds: each entry, with its full content when the feed carries it, as an article."""

from __future__ import annotations

import re
from typing import Any, Iterator

from ..model import Article
from ..safety import describe
from .common import failure, make_meta
from .html import html_fragment_to_text


# Character references to surrogates (&#55296; &#xD800;) are not characters: feedparser crashes on them. They
# become U+FFFD's reference before parsing, as an HTML parser would read them.
_SURROGATE_REF = re.compile(rb"&#(?:0*(?:5[5-7]\d{3})|[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2});")


def _surrogate_ref(match: re.Match[bytes]) -> bytes:
    text = match.group()[2:-1]
    value = int(text[1:], 16) if text[:1] in (b"x", b"X") else int(text)
    return b"&#65533;" if 0xD800 <= value <= 0xDFFF else match.group()


def read_feed(data: bytes, source: str, max_chars: int) -> Iterator[Article]:
    """Yield an article per feed entry (HTML stripped); a feed that does not parse is one failure."""
    import feedparser

    parsed = feedparser.parse(_SURROGATE_REF.sub(_surrogate_ref, data))
    if not parsed.entries:
        reason = f"{source}: no feed entries found"
        if parsed.get("bozo"):
            reason += f" (the feed does not parse: {parsed.get('bozo_exception')})"
        yield failure(source, source, reason + "; check that it is an RSS or Atom feed")
        return
    for n, entry in enumerate(parsed.entries, 1):
        try:
            yield entry_to_article(entry, n, source, max_chars)
        except Exception as exc:  # noqa: BLE001  one malformed entry fails alone
            yield failure(f"{source}#{n}", source, f"{source}: entry {n} cannot be read ({describe(exc)})")


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
