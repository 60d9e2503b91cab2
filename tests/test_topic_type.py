"""The ``topic`` type where every type flows: JSON round trip, store filter and order, exports, API, web, CLI, and
the extractor end to end on sentences written for this test."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from quoth import render
from quoth.cli import app
from quoth.model import ATTRIBUTION_TYPES, Article, Attribution, Entity, Mention, Span
from quoth.store import Store, export_store

TEXT = "Ann Lee discussed the harbour budget at length. Lee said the harbour would reopen in June.\n"


def _span(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span.from_offsets(TEXT, [(start, start + len(phrase))])


def topic_article() -> Article:
    """A topic first in the text, then a statement."""
    lee = Entity("e1", "Ann Lee", "person", [Mention(0, 7, "Ann Lee")], key="ann lee")
    topic = Attribution("a1", "indirect", _span("the harbour budget"), _span("discussed"), _span("Ann Lee"), "e1",
                        type="topic")
    said = Attribution("a2", "indirect", _span("the harbour would reopen in June"), _span("said"), _span("Lee said")
                       , "e1", type="statement")
    return Article("topic", TEXT, {"title": "Harbour", "published": "2024-06-01"}, [lee], [topic, said], [])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "quoth.db"
    with Store(path) as store:
        store.add_article(topic_article())
    return path


def test_topic_is_a_type_and_round_trips_in_json() -> None:
    assert "topic" in ATTRIBUTION_TYPES
    again = Article.from_json(topic_article().to_json())
    assert [a.type for a in again.attributions] == ["topic", "statement"]


def test_topic_table_lists_statements_first() -> None:
    assert [r.type for r in render.table_rows(topic_article())] == ["statement", "topic"]
    assert [a.type for a in render.select_types(topic_article(), ["topic"]).attributions] == ["topic"]


def test_topic_store_search_and_exports(db: Path, tmp_path: Path) -> None:
    with Store(db, read_only=True) as store:
        assert [s.type for s in store.search("harbour").items] == ["statement", "topic"]
        only = store.search("", types=["topic"])
        assert only.total == 1 and only.items[0].content.startswith("the harbour budget")
        paths = export_store(store, tmp_path / "csv", "csv")
        paths_pq = export_store(store, tmp_path / "pq", "parquet")
    with open(paths["attributions"], newline="", encoding="utf-8") as handle:
        assert sorted(row["type"] for row in csv.DictReader(handle)) == ["statement", "topic"]
    import pyarrow.parquet as pq

    assert sorted(pq.read_table(paths_pq["attributions"]).column("type").to_pylist()) == ["statement", "topic"]


def test_topic_api_search_and_article_pages(db: Path) -> None:
    from quoth.web import create_app

    with TestClient(create_app(db)) as client:
        body = client.get("/api/attributions", params={"type": "topic"}).json()
        assert [i["type"] for i in body["items"]] == ["topic"]
        page = client.get("/search", params={"type": "topic"}).text
        assert "the harbour budget" in page and "reopen in June" not in page
        assert 'value="topic"' in client.get("/search").text
        article = client.get("/articles/topic").text
        assert "Topics and questions" in article and "type-topic" in article


def test_topic_cli_types_option(db: Path) -> None:
    result = CliRunner().invoke(app, ["search", "", "--db", str(db), "--types", "topic", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(result.stdout.splitlines()))
    assert rows[0][3] == "type" and [r[3] for r in rows[1:]] == ["topic"]


@pytest.mark.model
def test_topic_extract_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The council met on Monday. Councillor Ruth Obi talked about the new arena for an hour. "
                    "Obi said the arena would cost $40 million.\n", encoding="utf-8")
    out = json.loads(CliRunner().invoke(app, ["extract", str(path), "--json", "--no-speakers"]).stdout)
    types = {a["content"]["text"]: a["type"] for a in out["attributions"]}
    assert types.get("the arena would cost $40 million") == "statement"
    assert "topic" in types.values()
