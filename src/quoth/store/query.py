"""Read-side queries shared by the CLI and the HTTP API: paginated, returning the dataclasses in ``records``."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any, Sequence

from ..model import ATTRIBUTION_TYPES, Article, Attribution, Dispute, Entity, Mention, Span
from .errors import NotFound, StoreError
from .records import ArticleSummary, DisputeRecord, EntityRecord, Failure, Page, SpeakerProfile, Statement

KINDS = ("direct", "indirect", "mixed")
DISPUTE_KINDS = ("denial", "rejection", "contradiction", "correction")
MAX_LIMIT = 1000
# Entities a speaker filter may expand to ("Lee" matches every Lee); beyond this the filter is too vague to help.
MAX_SPEAKER_IDS = 500

STATEMENT_COLUMNS = (
    "SELECT a.id, a.article_id, a.local_id, a.kind, a.content, a.content_spans, a.cue, a.source, e.name,"
    " a.speaker_id, a.parent_local, a.confidence, a.published, ar.title, ar.url, a.type, a.region,"
    " a.speaker_confidence"
)
STATEMENT_JOINS = " JOIN articles ar ON ar.id = a.article_id LEFT JOIN entities e ON e.id = a.speaker_id"
STATEMENT_SELECT = f"{STATEMENT_COLUMNS} FROM attributions a{STATEMENT_JOINS}"
ENTITY_COLUMNS = "e.id, e.key, e.name, e.kind, e.named"
# Statements (speech and writing) come before beliefs, knowledge, intentions and documents' findings.
STATEMENT_ONLY = "a.type = 'statement'"


def fts_query(text: str) -> str:
    """A safe FTS5 query from user text: each word or "quoted phrase" must occur (no FTS syntax errors)."""
    terms = [m.group(1) or m.group(2) for m in re.finditer(r'"([^"]+)"|(\S+)', text)]
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms if t.strip('"'))


# SQLite integers are signed 64-bit: a larger number cannot be an id (binding it raises OverflowError).
MAX_ID = 2**63 - 1


def as_entity_id(text: str | int) -> int | None:
    """``text`` as an entity id when it is ASCII digits within SQLite's range ("²" is a digit to ``isdigit``
    but not a number), else None."""
    if isinstance(text, int):
        return text if 0 <= text <= MAX_ID else None
    if text.isascii() and text.isdigit() and len(text) <= 19 and int(text) <= MAX_ID:
        return int(text)
    return None


def plain_text(text: str) -> str:
    """A user's search text or name made safe to bind: NUL and other control characters become spaces, lone
    surrogates U+FFFD (neither can be a word of a stored statement)."""
    from ..safety import clean_text

    return clean_text(_CONTROL.sub(" ", text))[0]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def check_page(limit: int, offset: int) -> None:
    """Raise StoreError for a limit or offset out of range."""
    if not 0 < limit <= MAX_LIMIT or offset < 0:
        raise StoreError(f"limit must be 1–{MAX_LIMIT} and offset ≥ 0 (got limit={limit}, offset={offset})")


def search(conn: sqlite3.Connection, text: str = "", speaker: str | None = None, kind: str | None = None,
           since: str | None = None, until: str | None = None, limit: int = 20, offset: int = 0,
           types: Sequence[str] | None = None) -> Page[Statement]:
    """Attributions whose content matches ``text`` (all words; best match first), filtered; newest first if no
    text. Statements come first either way; ``types`` keeps only those attribution types (None: every type)."""
    check_page(limit, offset)
    where, params = _statement_filters(conn, speaker, kind, since, until)
    where += type_filter(types, params)
    query = fts_query(text or "")
    # Rank and filter on the attributions alone, then fetch the page's rows with their article and speaker.
    if query:
        base = "FROM attributions_fts f CROSS JOIN attributions a ON a.id = f.rowid WHERE attributions_fts MATCH ?"
        params = [query, *params]
        order = "f.rank, a.id"
    else:
        base = "FROM attributions a WHERE 1"
        order = "a.published DESC, a.id DESC"
    base += "".join(" AND " + w for w in where)
    total = conn.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    ids = _statements_first_ids(conn, base, params, order, limit, offset)
    found = _statements_by_id(conn, ids)
    return Page([found[i] for i in ids], total, limit, offset)


def _statements_first_ids(conn: sqlite3.Connection, base: str, params: list[Any], order: str, limit: int,
                          offset: int) -> list[int]:
    """One page of ids: statements first, then the other types, each in ``order``. Two queries rather than one
    ORDER BY on the type, so that each can walk the (type, published) index instead of sorting every match."""
    statements = conn.execute(f"SELECT count(*) {base} AND {STATEMENT_ONLY}", params).fetchone()[0]
    ids: list[int] = []
    if offset < statements:
        ids = [r[0] for r in conn.execute(f"SELECT a.id {base} AND {STATEMENT_ONLY} ORDER BY {order} LIMIT ? OFFSET ?",
                                          [*params, limit, offset])]
    if len(ids) < limit:
        rest = [r[0] for r in conn.execute(f"SELECT a.id {base} AND NOT {STATEMENT_ONLY} ORDER BY {order} "
                                           "LIMIT ? OFFSET ?",
                                           [*params, limit - len(ids), max(0, offset - statements)])]
        ids += rest
    return ids


def _statement_filters(conn: sqlite3.Connection, speaker: str | None, kind: str | None, since: str | None,
                       until: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if kind:
        if kind not in KINDS:
            raise StoreError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        where.append("a.kind = ?")
        params.append(kind)
    if speaker:
        if as_entity_id(speaker) is not None:
            where.append("a.speaker_id = ?")
            params.append(as_entity_id(speaker))
        else:
            where.append(_speaker_filter(conn, speaker, params))
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        where.append("a.published <= ?")
        params.append(until + "~" if len(until) == 10 else until)  # a bare date includes that whole day
    return where, params


def type_filter(types: Sequence[str] | None, params: list[Any]) -> list[str]:
    """The WHERE clause (as a list of zero or one) keeping only ``types``; raises StoreError for an unknown type."""
    if not types:
        return []
    unknown = sorted(set(types) - set(ATTRIBUTION_TYPES))
    if unknown:
        raise StoreError(f"type must be among {', '.join(ATTRIBUTION_TYPES)}, not {', '.join(map(repr, unknown))}")
    chosen = sorted(set(types))
    params += chosen
    return [f"a.type IN ({','.join('?' * len(chosen))})"]


def _speaker_filter(conn: sqlite3.Connection, name: str, params: list[Any]) -> str:
    """Entities whose name contains ``name`` (an index lookup); with none, the source as written (a scan)."""
    ids = [r[0] for r in conn.execute("SELECT id FROM entities WHERE name LIKE ? LIMIT ?",
                                      (f"%{name}%", MAX_SPEAKER_IDS))]
    if ids:
        params += ids
        return f"a.speaker_id IN ({','.join('?' * len(ids))})"
    params.append(f"%{name}%")  # a corpus whose speakers are not resolved: match who the text names
    return "a.source LIKE ?"


def search_articles(conn: sqlite3.Connection, text: str, limit: int = 20, offset: int = 0) -> Page[ArticleSummary]:
    """Articles whose title or text matches ``text`` (all words), best match first."""
    check_page(limit, offset)
    query = fts_query(text)
    if not query:
        return articles(conn, limit, offset)
    base = f"{ARTICLE_COLUMNS} FROM articles_fts f CROSS JOIN articles ar ON ar.pk = f.rowid WHERE articles_fts MATCH ?"
    total = conn.execute(f"SELECT count(*) FROM ({base})", [query]).fetchone()[0]
    rows = conn.execute(f"{base} ORDER BY f.rank LIMIT ? OFFSET ?", [query, limit, offset]).fetchall()
    return Page([ArticleSummary(*r) for r in rows], total, limit, offset)


ARTICLE_COLUMNS = (
    "SELECT ar.id, ar.title, ar.url, ar.published, ar.source, ar.ingested_at,"
    " (SELECT count(*) FROM attributions x WHERE x.article_id = ar.id)"
)
ARTICLE_SELECT = f"{ARTICLE_COLUMNS} FROM articles ar"


def articles(conn: sqlite3.Connection, limit: int = 20, offset: int = 0) -> Page[ArticleSummary]:
    """Articles in ingest order."""
    check_page(limit, offset)
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    rows = conn.execute(f"{ARTICLE_SELECT} ORDER BY ar.pk LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    return Page([ArticleSummary(*r) for r in rows], total, limit, offset)


def speakers(conn: sqlite3.Connection, limit: int = 20, offset: int = 0) -> Page[EntityRecord]:
    """Speakers (entities with statements), most quoted first, with statement and article counts."""
    check_page(limit, offset)
    total = conn.execute("SELECT count(*) FROM speaker_stats").fetchone()[0]
    rows = conn.execute(
        f"SELECT {ENTITY_COLUMNS}, s.articles, s.statements, s.first, s.last"
        " FROM speaker_stats s JOIN entities e ON e.id = s.entity_id"
        " ORDER BY s.statements DESC, e.name LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    return Page([_entity(r) for r in rows], total, limit, offset)


def entities(conn: sqlite3.Connection, name: str | None = None, kind: str | None = None,
             limit: int = 20, offset: int = 0) -> Page[EntityRecord]:
    """Corpus entities, optionally whose name contains ``name`` and of ``kind``; most mentioned first."""
    check_page(limit, offset)
    where, params = [], []
    if name:
        where.append("e.name LIKE ?")
        params.append(f"%{name}%")
    if kind:
        where.append("e.kind = ?")
        params.append(kind)
    clause = " WHERE " + " AND ".join(where) if where else ""
    total = conn.execute(f"SELECT count(*) FROM entities e{clause}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT {ENTITY_COLUMNS}, (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS n,"
        f" {_STATEMENT_COUNTS} FROM entities e{clause} ORDER BY n DESC, e.name LIMIT ? OFFSET ?",
        [*params, limit, offset]).fetchall()
    return Page([_entity(r) for r in rows], total, limit, offset)


_STATEMENT_COUNTS = (
    "(SELECT count(*) FROM attributions a WHERE a.speaker_id = e.id),"
    " (SELECT min(published) FROM attributions a WHERE a.speaker_id = e.id),"
    " (SELECT max(published) FROM attributions a WHERE a.speaker_id = e.id)"
)


def entity(conn: sqlite3.Connection, entity_id: int) -> EntityRecord:
    """One corpus entity by id; raises NotFound."""
    if as_entity_id(entity_id) is None:
        raise NotFound(f"no entity with id {entity_id}; ids are whole numbers up to {MAX_ID}")
    row = conn.execute(
        f"SELECT {ENTITY_COLUMNS}, (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id),"
        f" {_STATEMENT_COUNTS} FROM entities e WHERE e.id = ?", (entity_id,)).fetchone()
    if row is None:
        raise NotFound(f"no entity with id {entity_id}; list them with `quoth speakers` (or GET /api/entities)")
    return _entity(row)


def speaker(conn: sqlite3.Connection, name_or_id: str | int, limit: int = 100, offset: int = 0,
            types: Sequence[str] | None = None) -> SpeakerProfile:
    """A speaker (by entity id, exact name, key, or part of a name) and their attributions oldest first;
    ``types`` keeps only those attribution types (None: every type).

    Raises NotFound when no entity matches.
    """
    check_page(limit, offset)
    found = entity(conn, _resolve_entity(conn, str(name_or_id)))
    params: list[Any] = [found.id]
    where = " AND ".join(["a.speaker_id = ?", *type_filter(types, params)])
    base = f"{STATEMENT_SELECT} WHERE {where}"
    rows = conn.execute(f"{base} ORDER BY a.published IS NULL, a.published, a.id LIMIT ? OFFSET ?",
                        (*params, limit, offset)).fetchall()
    total = found.statements if not types else conn.execute(
        f"SELECT count(*) FROM attributions a WHERE {where}", params).fetchone()[0]
    names = [r[0] for r in conn.execute(
        "SELECT DISTINCT name FROM article_entities WHERE entity_id = ? ORDER BY name", (found.id,))]
    return SpeakerProfile(found, Page([_statement(r) for r in rows], total, limit, offset), names)


def _resolve_entity(conn: sqlite3.Connection, name: str) -> int:
    found = as_entity_id(name)
    if found is not None:
        return found
    by_count = "ORDER BY (SELECT count(*) FROM attributions a WHERE a.speaker_id = e.id) DESC, e.id LIMIT 1"
    for clause, value in (("e.name = ? COLLATE NOCASE", name), ("e.key = ?", name), ("e.name LIKE ?", f"%{name}%")):
        row = conn.execute(f"SELECT e.id FROM entities e WHERE {clause} {by_count}", (value,)).fetchone()
        if row:
            return int(row[0])
    raise NotFound(f"no speaker or entity matches {name!r}; list speakers with `quoth speakers`")


def disputes(conn: sqlite3.Connection, name: str | None = None, limit: int = 20, offset: int = 0,
             kind: str | None = None, unnamed: bool = False) -> Page[DisputeRecord]:
    """Disputes, newest first; with ``name``, those where that party disputes or is disputed; with ``kind``, of
    that kind (denial, rejection, contradiction, correction); with ``unnamed``, those whose party is unnamed."""
    check_page(limit, offset)
    if kind is not None and kind not in DISPUTE_KINDS:
        raise StoreError(f"dispute kind must be one of {', '.join(DISPUTE_KINDS)}, not {kind!r}")
    clauses, params = [], []
    if name:
        ids = [r[0] for r in conn.execute("SELECT id FROM entities WHERE name LIKE ? LIMIT ?",
                                          (f"%{name}%", MAX_SPEAKER_IDS))]
        marks = ",".join("?" * len(ids)) or "NULL"
        clauses.append(f"(d.target_entity_id IN ({marks}) OR EXISTS (SELECT 1 FROM attributions x"
                       " WHERE x.article_id = d.article_id AND x.local_id IN (d.by_local, d.target_attribution_local)"
                       f" AND x.speaker_id IN ({marks})))")
        params = ids * 2
    if kind is not None:
        clauses.append("d.kind = ?")
        params.append(kind)
    if unnamed:
        clauses.append("d.target_entity_local IS NULL")
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = conn.execute(f"SELECT count(*) FROM disputes d{where}", params).fetchone()[0]
    # Walks the (published, id) index; the attribution lookups run for the page's rows only.
    rows = conn.execute(
        "SELECT d.id, d.article_id, d.cue,"
        " (SELECT id FROM attributions WHERE article_id = d.article_id AND local_id = d.by_local),"
        " (SELECT id FROM attributions WHERE article_id = d.article_id AND local_id = d.target_attribution_local),"
        f" d.target_entity_id, d.kind, d.target_text, d.confidence FROM disputes d{where}"
        " ORDER BY d.published DESC, d.id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset]).fetchall()
    statements = _statements_by_id(conn, [r[3] for r in rows] + [r[4] for r in rows if r[4] is not None])
    names = _entity_names(conn, {r[5] for r in rows if r[5] is not None})
    items = [DisputeRecord(r[0], r[1], r[2], statements[r[3]], statements.get(r[4]), names.get(r[5]), r[5],
                           kind=r[6], target_text=r[7], confidence=r[8])
             for r in rows]
    return Page(items, total, limit, offset)


def _entity_names(conn: sqlite3.Connection, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return dict(conn.execute(f"SELECT id, name FROM entities WHERE id IN ({marks})", list(ids)).fetchall())


def _statements_by_id(conn: sqlite3.Connection, ids: list[int]) -> dict[int, Statement]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {r[0]: _statement(r) for r in conn.execute(f"{STATEMENT_SELECT} WHERE a.id IN ({marks})", ids)}


def failures(conn: sqlite3.Connection, limit: int = 20, offset: int = 0) -> Page[Failure]:
    """Recorded failures, newest first."""
    check_page(limit, offset)
    total = conn.execute("SELECT count(*) FROM failures").fetchone()[0]
    rows = conn.execute("SELECT source, id, reason, time FROM failures ORDER BY time DESC, rowid DESC"
                        " LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    return Page([Failure(*r) for r in rows], total, limit, offset)


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Corpus counts: articles, attributions (and by kind), entities, speakers, disputes, failures, date range."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    kinds = dict(conn.execute("SELECT kind, count(*) FROM attributions GROUP BY kind").fetchall())
    first, last = conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "attributions": one("SELECT count(*) FROM attributions"),
        "attributions_by_kind": {k: kinds.get(k, 0) for k in KINDS},
        "entities": one("SELECT count(*) FROM entities"),
        "speakers": one("SELECT count(*) FROM speaker_stats"),
        "disputes": one("SELECT count(*) FROM disputes"),
        "failures": one("SELECT count(*) FROM failures"),
        "published_first": first, "published_last": last,
        "schema_version": one("SELECT version FROM schema_version"),
    }


def article(conn: sqlite3.Connection, article_id: str) -> Article:
    """The Article rebuilt from the store (text, meta, entities, attributions, disputes); raises NotFound."""
    row = conn.execute("SELECT text, meta FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFound(f"no article with id {article_id!r}; list the ids with `quoth articles` (or GET /api/articles)")
    mentions: dict[str, list[Mention]] = {}
    for local, start, end, text in conn.execute(
            'SELECT local_entity, start, "end", text FROM mentions WHERE article_id = ? ORDER BY id', (article_id,)):
        mentions.setdefault(local, []).append(Mention(start, end, text))
    ents = [Entity(id=r[0], name=r[1], kind=r[2], named=bool(r[3]), roles=json.loads(r[4]), key=r[5],
                   mentions=mentions.get(r[0], []))
            for r in conn.execute("SELECT local_id, name, kind, named, roles, key FROM article_entities"
                                  " WHERE article_id = ? ORDER BY rowid", (article_id,))]
    atts = [Attribution(id=r[0], kind=r[1], content=_span(r[2], r[3]), cue=_span(r[4], r[5]),
                        source=_span(r[6], r[7]), speaker=r[8], parent=r[9], confidence=r[10], type=r[11],
                        region=r[12], speaker_confidence=r[13])
            for r in conn.execute("SELECT local_id, kind, content, content_spans, cue, cue_spans, source,"
                                  " source_spans, speaker_local, parent_local, confidence, type, region,"
                                  " speaker_confidence FROM attributions WHERE article_id = ? ORDER BY id",
                                  (article_id,))]
    disps = [Dispute(by=r[0], target_attribution=r[1], target_entity=r[2], cue=_span(r[3], r[4]), kind=r[5],
                     target_text=_span(r[6], r[7]), confidence=r[8])
             for r in conn.execute("SELECT by_local, target_attribution_local, target_entity_local, cue, cue_spans,"
                                   " kind, target_text, target_text_spans, confidence"
                                   " FROM disputes WHERE article_id = ? ORDER BY id", (article_id,))]
    return Article(id=article_id, text=row[0], meta=json.loads(row[1]), entities=ents, attributions=atts,
                   disputes=disps)  # type: ignore[arg-type]


def _span(text: str | None, spans: str | None) -> Span | None:
    if text is None:
        return None
    return Span(text=text, spans=tuple((int(p[0]), int(p[1])) for p in json.loads(spans or "[]")))


def _statement(row: tuple) -> Statement:
    values = list(row)
    values[5] = json.loads(values[5])
    return Statement(*values)


def _entity(row: tuple) -> EntityRecord:
    return EntityRecord(row[0], row[1], row[2], row[3], bool(row[4]), *row[5:])
