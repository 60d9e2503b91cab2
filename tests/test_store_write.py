"""Store writes: round trip, idempotency, replace, content-hash identity, entity merging, failures, schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from corpus_fixtures import article
from quoth.model import Article
from quoth.store import SCHEMA_VERSION, NotFound, Store, StoreError


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "quoth.db") as opened:
        yield opened


def count(store: Store, table: str) -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_store_article_round_trip_is_exact(store: Store) -> None:
    original = article(1)
    assert store.add_article(original) == "added"
    assert store.article("art-1").to_dict() == original.to_dict()


def test_store_add_is_idempotent_by_id(store: Store) -> None:
    assert [store.add_article(article(1)) for _ in range(3)] == ["added", "skipped", "skipped"]
    assert (count(store, "articles"), count(store, "attributions"), count(store, "disputes")) == (1, 2, 1)


def test_store_replace_overwrites_without_duplicating(store: Store) -> None:
    store.add_article(article(1))
    changed = article(1, quote="We will not build it.")
    assert store.add_article(changed, replace=True) == "replaced"
    assert store.article("art-1").attributions[0].content.text == "We will not build it."
    assert (count(store, "articles"), count(store, "attributions"), count(store, "mentions")) == (1, 2, 2)
    assert store.search("not build").total == 1 and store.search("build").total == 1  # FTS kept in step


def test_store_article_without_id_is_identified_by_content_hash(store: Store) -> None:
    first = store.add_article(article(7, article_id=""))
    again = store.add_article(article(7, article_id=""))
    assert (first, again) == ("added", "skipped")
    (row,) = store.conn.execute("SELECT id FROM articles").fetchall()
    assert row[0].startswith("sha256:")
    assert store.has_article("", article(7).text)


def test_store_entities_merge_across_articles_by_key(store: Store) -> None:
    store.add_article(article(1, speaker="Ann Lee"))
    store.add_article(article(2, speaker="Ann Lee"))
    keyed = article(3, speaker="Kristi Noem")
    keyed.entities[0].key = "wikidata:Q1"
    other_name = article(4, speaker="Noem")
    other_name.entities[0].key = "wikidata:Q1"
    store.add_article(keyed)
    store.add_article(other_name)
    names = {r[0]: r[1] for r in store.conn.execute("SELECT name, key FROM entities")}
    assert names == {"Ann Lee": "name:person:ann lee", "Bob Ray": "name:person:bob ray", "Kristi Noem": "wikidata:Q1"}
    assert store.speaker("Kristi Noem").entity.statements == 2
    assert store.speaker("Kristi Noem").names == ["Kristi Noem", "Noem"]


def test_store_unnamed_entities_stay_per_article(store: Store) -> None:
    for n in (1, 2):
        a = article(n, speaker="a spokesperson")
        a.entities[0].named = False
        store.add_article(a)
    assert store.conn.execute("SELECT count(*) FROM entities WHERE named = 0").fetchone()[0] == 2


def test_store_replace_drops_orphan_entities(store: Store) -> None:
    store.add_article(article(1, speaker="Ann Lee"))
    store.add_article(article(1, speaker="Cy Moss"), replace=True)
    assert {r[0] for r in store.conn.execute("SELECT name FROM entities")} == {"Cy Moss", "Bob Ray"}


def test_store_failed_article_goes_to_failures_once(store: Store) -> None:
    bad = Article(id="x.txt", text="", meta={"source": "/data/x.txt"}, error="x.txt: binary")
    assert store.add_article(bad) == "failed"
    store.add_failure("/data/x.txt", "x.txt", "x.txt: binary, again")
    (failure,) = store.failures().items
    assert (failure.source, failure.id, failure.reason) == ("/data/x.txt", "x.txt", "x.txt: binary, again")
    assert count(store, "articles") == 0


def test_store_write_is_one_transaction(store: Store) -> None:
    broken = article(1)
    broken.attributions[1].id = "a1"  # duplicate local id violates UNIQUE mid-write
    with pytest.raises(sqlite3.IntegrityError):
        store.add_article(broken)
    assert (count(store, "articles"), count(store, "attributions"), count(store, "entities")) == (0, 0, 0)
    assert store.add_article(article(2)) == "added"  # the connection is usable afterwards


def test_store_schema_version_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    Store(path).close()
    with Store(path) as reopened:  # migrating twice is a no-op
        assert reopened.stats()["schema_version"] == SCHEMA_VERSION
        assert reopened.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_refuses_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(StoreError, match="upgrade quoth"):
        Store(path)


def test_store_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not sqlite " * 100)
    with pytest.raises(StoreError, match="cannot open as a quoth database"):
        Store(path)


def test_store_read_only_open(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    with Store(path) as writer:
        writer.add_article(article(1))
    with Store(path, read_only=True) as reader:
        assert reader.article("art-1").id == "art-1"
        with pytest.raises(StoreError, match="readonly database"):  # the disk's own error, translated
            reader.add_article(article(2))
    with pytest.raises(StoreError, match="quoth ingest"):
        Store(tmp_path / "missing.db", read_only=True)


def test_store_article_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="no article with id 'nope'"):
        store.article("nope")


# datasette's own detection query (datasette.utils.detect_fts_sql): finding the FTS table means its search box works.
DATASETTE_DETECT_FTS = """select name from sqlite_master where rootpage = 0 and (
    sql like '%VIRTUAL TABLE%USING FTS%content="{table}"%' or sql like '%VIRTUAL TABLE%USING FTS%content=[{table}]%'
    or (tbl_name = "{table}" and sql like '%VIRTUAL TABLE%USING FTS%'))"""


@pytest.mark.parametrize("table", ["articles", "attributions"])
def test_store_fts_tables_are_found_by_datasette(store: Store, table: str) -> None:
    store.add_article(article(1))
    (name,) = store.conn.execute(DATASETTE_DETECT_FTS.format(table=table)).fetchone()
    assert name == f"{table}_fts"
    # datasette searches with "rowid in (select rowid from <fts> where <fts> match ?)"
    hits = store.conn.execute(f"select count(*) from {table} where rowid in "
                              f"(select rowid from {name} where {name} match 'build')").fetchone()[0]
    assert hits == 1


def test_store_fts_follows_updates_made_by_other_tools(store: Store) -> None:
    store.add_article(article(1))
    store.conn.execute("UPDATE attributions SET content = 'We will paint it.' WHERE local_id = 'a1'")
    assert store.search("paint").total == 1 and store.search("build").total == 0


def test_store_migrates_a_version_1_file(tmp_path: Path) -> None:
    from quoth.store.schema import MIGRATION_1

    path = tmp_path / "v1.db"
    with sqlite3.connect(path) as conn:  # a file as the first release wrote it, with one article
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_version VALUES (1)")
        for statement in MIGRATION_1:
            conn.execute(statement)
        conn.execute("INSERT INTO articles (id, content_hash, text, meta, ingested_at, published)"
                     " VALUES ('a', 'h', 'Ann said hi.', '{}', 'now', '2024-01-01')")
        conn.execute("INSERT INTO entities (id, key, name, kind) VALUES (1, 'k', 'Ann', 'person')")
        conn.execute("INSERT INTO attributions (article_id, local_id, kind, content, content_spans, speaker_id,"
                     " confidence, published) VALUES ('a', 'a1', 'direct', 'hi', '[[9, 11]]', 1, 1.0, '2024-01-01')")
        conn.execute("INSERT INTO disputes (article_id, by_local, cue, cue_spans) VALUES ('a', 'a1', 'x', '[]')")
    with Store(path) as store:
        assert store.stats()["schema_version"] == SCHEMA_VERSION
        assert [(s.name, s.statements, s.first) for s in store.speakers().items] == [("Ann", 1, "2024-01-01")]
        assert store.conn.execute("SELECT published FROM disputes").fetchone()[0] == "2024-01-01"


def test_store_speaker_counts_follow_replace(store: Store) -> None:
    store.add_article(article(1, speaker="Ann Lee"))
    store.add_article(article(2, speaker="Ann Lee"))
    store.add_article(article(2, speaker="Cy Moss"), replace=True)
    counts = {s.name: s.statements for s in store.speakers().items}
    assert counts == {"Ann Lee": 1, "Bob Ray": 2, "Cy Moss": 1}


def test_store_speaker_counts_match_a_full_recount(store: Store) -> None:
    for n, (name, day) in enumerate([("Ann Lee", "2024-02-01"), ("Ann Lee", None), ("Ann Lee", "2023-05-05"),
                                     ("Cy Moss", "2024-01-01")]):
        store.add_article(article(n, speaker=name, published=day))
    kept = store.conn.execute("SELECT * FROM speaker_stats ORDER BY entity_id").fetchall()
    recount = store.conn.execute(
        "SELECT speaker_id, count(*), count(DISTINCT article_id), min(published), max(published)"
        " FROM attributions WHERE speaker_id IS NOT NULL GROUP BY speaker_id ORDER BY speaker_id").fetchall()
    assert kept == recount
