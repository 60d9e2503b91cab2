"""Pure formatting of extraction results, shared by the CLI and the web pages.

Nothing here loads spaCy or prints: functions take ``Article``s and return strings, rows or chunks of text, so a
caller can stream them anywhere (a terminal, a file, an HTTP response).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Sequence

from .model import ATTRIBUTION_TYPES, Article, Attribution

# Content longer than this many characters is cut with an ellipsis in the who-said-what table; the full text is
# always in the JSON, JSONL and CSV outputs.
CONTENT_WIDTH_CHARS = 160
UNRESOLVED = "(unresolved)"
NO_SPEAKER = "—"
ELLIPSIS = "…"
# How far a parent chain is followed; deeper (or cyclic) chains are shown at this depth.
MAX_NESTING_DEPTH = 8
CSV_COLUMNS = (
    "article_id", "attribution_id", "kind", "type", "region", "speaker", "speaker_confidence", "source", "cue",
    "content", "parent", "start", "end", "confidence",
)

_SPACE = re.compile(r"\s+")
_OFFSET_PAIR = re.compile(r"\[\n\s*(-?\d+),\n\s*(-?\d+)\n\s*\]")
_PAIR_LIST = re.compile(r"\[\n\s*(\[-?\d+, -?\d+\](?:,\n\s*\[-?\d+, -?\d+\])*)\n\s*\]")


@dataclass(frozen=True)
class Row:
    """One line of the who-said-what table, all plain strings (``depth`` is the nesting level, 0 = top)."""

    id: str
    kind: str
    type: str
    speaker: str
    cue: str
    content: str
    nesting: str
    depth: int


def trim(text: str, width: int = CONTENT_WIDTH_CHARS) -> str:
    """Collapse whitespace and cut ``text`` to at most ``width`` characters, ending with an ellipsis if cut."""
    flat = _SPACE.sub(" ", text).strip()
    if len(flat) <= width:
        return flat
    return flat[: max(width - 1, 0)].rstrip() + ELLIPSIS


def speaker_label(article: Article, attribution: Attribution) -> str:
    """Who said it: the resolved entity's name, else the source as written, else ``—``.

    When the source as written is not part of the name ("she", "the minister"), it follows in parentheses. A source
    the resolver tried and left unresolved (confidence below the threshold) is marked so: "he (unresolved)".
    """
    name = article.speaker_name(attribution)
    source = trim(attribution.source.text, 60) if attribution.source else ""
    if name and source and source.casefold() not in name.casefold():
        return f"{name} ({source})"
    if not name and source and is_unresolved(attribution):
        return f"{source} {UNRESOLVED}"
    return name or source or NO_SPEAKER


def is_unresolved(attribution: Attribution) -> bool:
    """The resolver ran on this source and was not sure enough to name a speaker."""
    return attribution.speaker is None and attribution.source is not None \
        and attribution.speaker_confidence is not None


def nesting_depth(article: Article, attribution: Attribution) -> int:
    """How many parents enclose ``attribution`` (0 for a top-level one); safe against cycles."""
    depth, seen, parent = 0, {attribution.id}, article.attribution(attribution.parent)
    while parent is not None and parent.id not in seen and depth < MAX_NESTING_DEPTH:
        depth += 1
        seen.add(parent.id)
        parent = article.attribution(parent.parent)
    return depth


def statements_first(attributions: Iterable[Attribution]) -> list[Attribution]:
    """Statements in document order, then beliefs, knowledge, intentions, documents' findings and topics, each in
    order."""
    rank = {t: n for n, t in enumerate(ATTRIBUTION_TYPES)}
    return sorted(attributions, key=lambda a: rank.get(a.type, len(rank)))


def type_label(attribution: Attribution) -> str:
    """The type as shown in tables ("statement", "belief" …), with "headline" added for a headline's."""
    return attribution.type + (" (headline)" if attribution.region == "headline" else "")


def table_rows(article: Article, width: int = CONTENT_WIDTH_CHARS) -> list[Row]:
    """The who-said-what rows of one article: statements first, each type in document order."""
    rows = []
    for a in statements_first(article.attributions):
        rows.append(
            Row(
                id=a.id,
                kind=a.kind,
                type=type_label(a),
                speaker=speaker_label(article, a),
                cue=trim(a.cue.text, 40) if a.cue else "",
                content=trim(a.content.text, width),
                nesting=f"↳ in {a.parent}" if a.parent else "",
                depth=nesting_depth(article, a),
            )
        )
    return rows


def select_types(article: Article, types: Sequence[str] | None) -> Article:
    """The article with only attributions of ``types`` (None or empty: all), and only disputes made by those.

    Ids are kept as they were, so a kept attribution's ``parent`` may name one that was left out.
    """
    if not types:
        return article
    keep = set(types)
    attributions = [a for a in article.attributions if a.type in keep]
    ids = {a.id for a in attributions}
    return replace(article, attributions=attributions, disputes=[d for d in article.disputes if d.by in ids])


def dispute_lines(article: Article) -> list[str]:
    """One readable line per dispute: ``a5 Ministry rejection "rejects" → a2 (Jane Doe)``, with the claim's text
    when the disputing sentence states it (``denial "denied" → unnamed: the coach resigned``)."""
    lines = []
    for d in article.disputes:
        by = article.attribution(d.by)
        who = speaker_label(article, by) if by else NO_SPEAKER
        target = article.attribution(d.target_attribution)
        entity = article.entity(d.target_entity)
        if target is not None:
            aim = f"{target.id} ({entity.name if entity else speaker_label(article, target)})"
        else:
            aim = entity.name if entity else "unnamed"
        claim = f": {trim(d.target_text.text, 60)}" if d.target_text else ""
        lines.append(f'{d.by} {who} {d.kind} "{trim(d.cue.text, 40)}" → {aim}{claim}')
    return lines


def article_heading(article: Article) -> str:
    """A one-line heading: the id, the title when the meta has one, and the number of attributions."""
    title = article.meta.get("title")
    count = len(article.attributions)
    noun = "attribution" if count == 1 else "attributions"
    return f"{article.id}" + (f" — {trim(str(title), 80)}" if title else "") + f" ({count} {noun})"


def to_json(article: Article, indent: int | None = 2) -> str:
    """One article as a JSON object (the output contract in ARCHITECTURE.md); offset pairs stay on one line."""
    text = json.dumps(article.to_dict(), ensure_ascii=False, indent=indent)
    if not indent:
        return text
    # A JSON string never holds a raw newline, so these patterns only ever match the layout, never content.
    text = _OFFSET_PAIR.sub(r"[\1, \2]", text)
    return _PAIR_LIST.sub(lambda m: "[" + re.sub(r",\s+", ", ", m.group(1)) + "]", text)


def to_jsonl_line(article: Article) -> str:
    """One article as one compact JSON line, newline included."""
    return json.dumps(article.to_dict(), ensure_ascii=False) + "\n"


def iter_json(articles: Iterable[Article], single: bool, indent: int | None = 2) -> Iterator[str]:
    """Stream articles as JSON text: one object when ``single``, else an array (``[]`` when there are none).

    Holds one article at a time; the chunks joined are a valid JSON document ending in a newline.
    """
    if single:
        for article in articles:
            yield to_json(article, indent) + "\n"
            return
        yield "null\n"
        return
    first = True
    for article in articles:
        body = _indent_block(to_json(article, indent), indent)
        yield ("[\n" if first else ",\n") + body
        first = False
    yield "[]\n" if first else "\n]\n"


def _indent_block(text: str, indent: int | None) -> str:
    """Indent a JSON object one level so it nests inside an array."""
    if not indent:
        return text
    pad = " " * indent
    return "\n".join(pad + line for line in text.splitlines())


def csv_records(article: Article) -> Iterator[dict[str, str | int | float]]:
    """One CSV record per attribution (see ``CSV_COLUMNS``); content and cue in full, not trimmed."""
    for a in article.attributions:
        yield {
            "article_id": article.id,
            "attribution_id": a.id,
            "kind": a.kind,
            "type": a.type,
            "region": a.region,
            "speaker": article.speaker_name(a) or "",
            "speaker_confidence": "" if a.speaker_confidence is None else round(float(a.speaker_confidence), 4),
            "source": a.source.text if a.source else "",
            "cue": a.cue.text if a.cue else "",
            "content": a.content.text,
            "parent": a.parent or "",
            "start": a.content.start,
            "end": a.content.end,
            "confidence": round(float(a.confidence), 4),
        }


def iter_csv(articles: Iterable[Article]) -> Iterator[str]:
    """Stream articles as CSV text: a header line, then one line per attribution (formula-like text escaped)."""
    from .safety import csv_cell

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    yield _drain(buffer)
    for article in articles:
        writer.writerows({k: csv_cell(v) for k, v in record.items()} for record in csv_records(article))
        chunk = _drain(buffer)
        if chunk:
            yield chunk


def _drain(buffer: io.StringIO) -> str:
    """Everything written to ``buffer`` since the last drain."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
