"""Writing one article and everything found in it, as rows, inside the caller's transaction."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from ..model import Article, Entity, Span


def content_hash(text: str) -> str:
    """The SHA-256 of an article's text (hex); identifies articles that have no id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now_iso() -> str:
    """The current UTC time as ISO 8601, seconds precision."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def normalise_date(value: Any) -> str | None:
    """An ISO 8601 form of a published date (ISO or RFC 2822 input), or None when it is not a date.

    A bare date stays a bare date ("2024-03-05"), so ``--until 2024-03-05`` can include that whole day. A value
    that is not a date ("garbage", a number, an object) is not stored as the published date (it would sort among
    the dates and corrupt ``--since``/``--until`` and the corpus's date range); the article's meta keeps it as given.
    """
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    raw = value.strip()
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        return parsed.date().isoformat() if len(raw) == 10 else parsed.isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (ValueError, TypeError, IndexError, OverflowError):
        return None


def entity_key(entity: Entity, article_id: str) -> str:
    """The corpus-wide merge key: the entity's own ``key``, else kind + name for a named one, else article-local."""
    if entity.key:
        return entity.key
    if entity.named:
        return f"name:{entity.kind}:{' '.join(entity.name.casefold().split())}"
    return f"local:{article_id}:{entity.id}"


def insert_article(conn: sqlite3.Connection, article: Article, digest: str) -> None:
    """Insert the article row and all its entities, mentions, attributions and disputes."""
    meta = article.meta
    published = normalise_date(meta.get("published"))
    authors = meta.get("authors")
    conn.execute(
        "INSERT INTO articles (id, content_hash, text, title, url, published, authors, source, meta, ingested_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (article.id, digest, article.text, _opt_str(meta.get("title")), _opt_str(meta.get("url")), published,
         json.dumps(authors if isinstance(authors, list) else ([authors] if authors else []), ensure_ascii=False),
         _opt_str(meta.get("source")), json.dumps(meta, ensure_ascii=False, default=str), now_iso()),
    )
    entity_ids = {e.id: _insert_entity(conn, article.id, e) for e in article.entities}
    for attribution in article.attributions:
        conn.execute(
            "INSERT INTO attributions (article_id, local_id, kind, content, content_spans, cue, cue_spans, source,"
            " source_spans, speaker_local, speaker_id, parent_local, confidence, published, type, region,"
            " speaker_confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, attribution.id, attribution.kind, attribution.content.text, _spans(attribution.content),
             *_span_pair(attribution.cue), *_span_pair(attribution.source), attribution.speaker,
             entity_ids.get(attribution.speaker or ""), attribution.parent, float(attribution.confidence), published,
             attribution.type, attribution.region, attribution.speaker_confidence),
        )
    _count_statements(conn, [entity_ids[a.speaker] for a in article.attributions if a.speaker in entity_ids],
                      published)
    for dispute in article.disputes:
        conn.execute(
            "INSERT INTO disputes (article_id, by_local, target_attribution_local, target_entity_local,"
            " target_entity_id, cue, cue_spans, published, kind, target_text, target_text_spans, confidence)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, dispute.by, dispute.target_attribution, dispute.target_entity,
             entity_ids.get(dispute.target_entity or ""), dispute.cue.text, _spans(dispute.cue), published,
             dispute.kind, *_span_pair(dispute.target_text), float(dispute.confidence)),
        )


def delete_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Delete an article, its rows (by cascade) and corpus entities nothing refers to any more."""
    speakers = {r[0] for r in conn.execute(
        "SELECT DISTINCT speaker_id FROM attributions WHERE article_id = ? AND speaker_id IS NOT NULL", (article_id,))}
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    refresh_speaker_stats(conn, speakers)
    conn.execute("DELETE FROM entities WHERE NOT EXISTS (SELECT 1 FROM article_entities ae"
                 " WHERE ae.entity_id = entities.id)")


def _count_statements(conn: sqlite3.Connection, speaker_ids: list[int], published: str | None) -> None:
    """Add one article's statements to its speakers' counts (constant work, however often they speak)."""
    for entity_id in set(speaker_ids):
        conn.execute(
            "INSERT INTO speaker_stats (entity_id, statements, articles, first, last) VALUES (?, ?, 1, ?, ?)"
            " ON CONFLICT(entity_id) DO UPDATE SET statements = statements + excluded.statements,"
            " articles = articles + 1, first = coalesce(min(first, excluded.first), first, excluded.first),"
            " last = coalesce(max(last, excluded.last), last, excluded.last)",
            (entity_id, speaker_ids.count(entity_id), published, published))


def refresh_speaker_stats(conn: sqlite3.Connection, entity_ids: set[int]) -> None:
    """Recount the statements, articles and date range of these speakers from scratch (after a delete)."""
    for entity_id in entity_ids:
        row = conn.execute("SELECT count(*), count(DISTINCT article_id), min(published), max(published)"
                           " FROM attributions WHERE speaker_id = ?", (entity_id,)).fetchone()
        if row[0]:
            conn.execute("INSERT OR REPLACE INTO speaker_stats (entity_id, statements, articles, first, last)"
                         " VALUES (?, ?, ?, ?, ?)", (entity_id, *row))
        else:
            conn.execute("DELETE FROM speaker_stats WHERE entity_id = ?", (entity_id,))


def _insert_entity(conn: sqlite3.Connection, article_id: str, entity: Entity) -> int:
    key = entity_key(entity, article_id)
    # The corpus keeps the longest (most complete) name any article gave the entity.
    (entity_id,) = conn.execute(
        "INSERT INTO entities (key, name, kind, named) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET"
        " name = CASE WHEN length(excluded.name) > length(entities.name) THEN excluded.name ELSE entities.name END"
        " RETURNING id",
        (key, entity.name, entity.kind, int(entity.named)),
    ).fetchone()
    conn.execute(
        "INSERT INTO article_entities (article_id, local_id, entity_id, name, kind, named, roles, key)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (article_id, entity.id, entity_id, entity.name, entity.kind, int(entity.named),
         json.dumps(list(entity.roles), ensure_ascii=False), entity.key),
    )
    conn.executemany(
        'INSERT INTO mentions (article_id, local_entity, entity_id, start, "end", text) VALUES (?, ?, ?, ?, ?, ?)',
        [(article_id, entity.id, entity_id, m.start, m.end, m.text) for m in entity.mentions],
    )
    return int(entity_id)


def _spans(span: Span) -> str:
    return json.dumps([list(p) for p in span.spans])


def _span_pair(span: Span | None) -> tuple[str | None, str | None]:
    return (span.text, _spans(span)) if span is not None else (None, None)


def _opt_str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)
