"""The store's tables, full-text indexes and migrations. Documented in docs/store.md; keep the two in step.

Each migration is a list of SQL statements, applied in order inside one transaction; ``schema_version`` records
the number of migrations applied. Never edit a released migration: append a new one.
"""

from __future__ import annotations

import sqlite3

MIGRATION_1 = [
    """CREATE TABLE articles (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        title TEXT, url TEXT, published TEXT, authors TEXT, source TEXT,
        meta TEXT NOT NULL DEFAULT '{}',
        ingested_at TEXT NOT NULL,
        -- last, so that reading the short columns never walks the text's overflow pages
        text TEXT NOT NULL)""",
    "CREATE INDEX articles_content_hash ON articles(content_hash)",
    "CREATE INDEX articles_published ON articles(published)",
    """CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        named INTEGER NOT NULL DEFAULT 1)""",
    "CREATE INDEX entities_name ON entities(name COLLATE NOCASE)",
    """CREATE TABLE article_entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        name TEXT NOT NULL, kind TEXT NOT NULL, named INTEGER NOT NULL, roles TEXT NOT NULL DEFAULT '[]',
        key TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (article_id, local_id))""",
    "CREATE INDEX article_entities_entity ON article_entities(entity_id)",
    """CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        local_entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL)""",
    "CREATE INDEX mentions_article ON mentions(article_id)",
    "CREATE INDEX mentions_entity ON mentions(entity_id)",
    """CREATE TABLE attributions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        content TEXT NOT NULL, content_spans TEXT NOT NULL,
        cue TEXT, cue_spans TEXT,
        source TEXT, source_spans TEXT,
        speaker_local TEXT,
        speaker_id INTEGER REFERENCES entities(id),
        parent_local TEXT,
        confidence REAL NOT NULL,
        published TEXT,
        UNIQUE (article_id, local_id))""",
    "CREATE INDEX attributions_speaker ON attributions(speaker_id, published)",
    "CREATE INDEX attributions_published ON attributions(published)",
    """CREATE TABLE disputes (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        by_local TEXT NOT NULL,
        target_attribution_local TEXT,
        target_entity_local TEXT,
        target_entity_id INTEGER REFERENCES entities(id),
        cue TEXT NOT NULL, cue_spans TEXT NOT NULL)""",
    "CREATE INDEX disputes_article ON disputes(article_id)",
    "CREATE INDEX disputes_target_entity ON disputes(target_entity_id)",
    """CREATE TABLE failures (
        source TEXT NOT NULL,
        id TEXT NOT NULL,
        reason TEXT NOT NULL,
        time TEXT NOT NULL,
        PRIMARY KEY (source, id))""",
    # External-content FTS5 tables kept in step by triggers (the layout sqlite-utils and datasette expect).
    'CREATE VIRTUAL TABLE attributions_fts USING fts5(content, content="attributions", content_rowid="id")',
    """CREATE TRIGGER attributions_ai AFTER INSERT ON attributions BEGIN
        INSERT INTO attributions_fts(rowid, content) VALUES (new.id, new.content); END""",
    """CREATE TRIGGER attributions_ad AFTER DELETE ON attributions BEGIN
        INSERT INTO attributions_fts(attributions_fts, rowid, content) VALUES ('delete', old.id, old.content); END""",
    """CREATE TRIGGER attributions_au AFTER UPDATE OF content ON attributions BEGIN
        INSERT INTO attributions_fts(attributions_fts, rowid, content) VALUES ('delete', old.id, old.content);
        INSERT INTO attributions_fts(rowid, content) VALUES (new.id, new.content); END""",
    'CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content="articles", content_rowid="pk")',
    """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END""",
    """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
        END""",
    """CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END""",
]

# Per-speaker counts kept up to date by the writer, so "most quoted" reads a few rows instead of aggregating every
# attribution (94 ms → 0.1 ms at 56k attributions, see docs/store.md).
MIGRATION_2 = [
    """CREATE TABLE speaker_stats (
        entity_id INTEGER PRIMARY KEY REFERENCES entities(id),
        statements INTEGER NOT NULL, articles INTEGER NOT NULL, first TEXT, last TEXT)""",
    "CREATE INDEX speaker_stats_statements ON speaker_stats(statements DESC)",
    "CREATE INDEX attributions_speaker_article ON attributions(speaker_id, article_id, published)",
    """INSERT INTO speaker_stats (entity_id, statements, articles, first, last)
        SELECT speaker_id, count(*), count(DISTINCT article_id), min(published), max(published)
        FROM attributions WHERE speaker_id IS NOT NULL GROUP BY speaker_id""",
    # Disputes carry their article's date too, so "newest first" is an index walk, not a join and a sort.
    "ALTER TABLE disputes ADD COLUMN published TEXT",
    "UPDATE disputes SET published = (SELECT published FROM articles WHERE articles.id = disputes.article_id)",
    "CREATE INDEX disputes_published ON disputes(published DESC, id DESC)",
]

# Schema 1.1 of the output: an attribution's type, region and speaker confidence; a dispute's kind, the claim's
# text in the disputing sentence, and its confidence. Rows stored before keep the defaults.
MIGRATION_3 = [
    "ALTER TABLE attributions ADD COLUMN type TEXT NOT NULL DEFAULT 'statement'",
    "ALTER TABLE attributions ADD COLUMN region TEXT NOT NULL DEFAULT 'body'",
    "ALTER TABLE attributions ADD COLUMN speaker_confidence REAL",
    "CREATE INDEX attributions_type ON attributions(type, published)",
    "ALTER TABLE disputes ADD COLUMN kind TEXT NOT NULL DEFAULT 'rejection'",
    "ALTER TABLE disputes ADD COLUMN target_text TEXT",
    "ALTER TABLE disputes ADD COLUMN target_text_spans TEXT",
    "ALTER TABLE disputes ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0",
]

MIGRATIONS: list[list[str]] = [MIGRATION_1, MIGRATION_2, MIGRATION_3]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration not yet applied; returns the schema version now in force.

    Raises StoreError when the file was written by a newer quoth (its version is above ours).
    """
    from .errors import StoreError

    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")  # autocommit mode
    row = conn.execute("SELECT version FROM schema_version").fetchone()
    current = row[0] if row else 0
    if current > SCHEMA_VERSION:
        raise StoreError(f"the database has schema version {current}, newer than this quoth's "
                         f"{SCHEMA_VERSION}; upgrade quoth (pip install -U quoth)")
    if current == SCHEMA_VERSION:
        return current
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT version FROM schema_version").fetchone()  # another process may have won
        for number in range(row[0] if row else 0, SCHEMA_VERSION):
            for statement in MIGRATIONS[number]:
                conn.execute(statement)
        conn.execute("DELETE FROM schema_version")
        conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return SCHEMA_VERSION
