"""Attribution types where they flow: store filters and order, the API parameter, the CLI option, the table."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from quoth import render
from quoth.cli import app
from quoth.model import Article, Attribution, Entity, Mention, Span
from quoth.store import Store, StoreError

TEXT = ("Mayor Ann Lee said the bridge will open in May. Lee believes the bridge is safe. "
        "A report shows that the bridge needs paint. Lee plans to repaint the bridge.\n")


def _span(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span.from_offsets(TEXT, [(start, start + len(phrase))])


def typed_article(article_id: str = "typed") -> Article:
    """Four attributions, document order: statement, belief, document, intention."""
    lee = Entity("e1", "Ann Lee", "person", [Mention(0, 12, "Mayor Ann Lee")], key="ann lee")
    rows = [("the bridge will open in May", "said", "Mayor Ann Lee", "statement"),
            ("the bridge is safe", "believes", "Lee believes", "belief"),
            ("that the bridge needs paint", "shows", "A report", "document"),
            ("to repaint the bridge", "plans", "Lee plans", "intention")]
    attributions = [Attribution(f"a{n}", "indirect", _span(content), _span(cue), _span(source.split()[0]),
                                "e1" if "Lee" in source else None, type=kind)  # type: ignore[arg-type]
                    for n, (content, cue, source, kind) in enumerate(rows, 1)]
    return Article(article_id, TEXT, {"title": "Bridge", "published": "2024-05-01"}, [lee], attributions, [])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "quoth.db"
    with Store(path) as store:
        store.add_article(typed_article())
    return path


def test_types_store_search_filters_and_puts_statements_first(db: Path) -> None:
    with Store(db, read_only=True) as store:
        everything = store.search("bridge")
        assert everything.total == 4 and everything.items[0].type == "statement"
        # same article, so same date: newest row first
        assert [s.type for s in store.search("", types=["belief", "intention"]).items] == ["intention", "belief"]
        assert [s.type for s in store.search("bridge", types=["document"]).items] == ["document"]
        assert store.search("", types=["statement"]).total == 1
        with pytest.raises(StoreError, match="type must be among"):
            store.search("", types=["opinion"])


def test_types_store_speaker_filters_by_type(db: Path) -> None:
    with Store(db, read_only=True) as store:
        assert store.speaker("Ann Lee").statements.total == 3
        only = store.speaker("Ann Lee", types=["statement"]).statements
        assert only.total == 1 and [s.type for s in only.items] == ["statement"]


def test_types_api_type_parameter(db: Path) -> None:
    from quoth.web import create_app

    with TestClient(create_app(db)) as client:
        body = client.get("/api/attributions", params=[("type", "belief"), ("type", "document")]).json()
        assert sorted(i["type"] for i in body["items"]) == ["belief", "document"]
        assert client.get("/api/attributions").json()["items"][0]["type"] == "statement"
        assert client.get("/api/attributions", params={"type": "opinion"}).status_code == 422
        page = client.get("/search", params={"type": "intention"}).text
        assert "to repaint the bridge" in page and "will open in May" not in page


def test_types_cli_search_and_speaker_types_option(db: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["search", "", "--db", str(db), "--types", "statement,document", "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split(",")[3] == "type" and [line.split(",")[3] for line in lines[1:]] == ["statement", "document"]
    bad = runner.invoke(app, ["search", "", "--db", str(db), "--types", "opinion"])
    assert bad.exit_code != 0 and "choose among" in bad.output
    result = runner.invoke(app, ["speaker", "Ann Lee", "--db", str(db), "--types", "belief", "--format", "csv"])
    assert result.exit_code == 0 and "the bridge is safe" in result.stdout and "open in May" not in result.stdout


def test_types_table_rows_statements_first_and_select_types() -> None:
    article = typed_article()
    assert [(r.id, r.type) for r in render.table_rows(article)] == [
        ("a1", "statement"), ("a2", "belief"), ("a4", "intention"), ("a3", "document")]
    assert [a.type for a in render.select_types(article, ["belief"]).attributions] == ["belief"]
    assert render.select_types(article, None) is article


@pytest.mark.model
def test_types_cli_extract_types_option(tmp_path: Path) -> None:
    import json

    path = tmp_path / "a.txt"
    path.write_text("The council believes the arena is too old. “We will build a new one,” Mayor Ann Lee said.\n")
    runner = CliRunner()
    every = json.loads(runner.invoke(app, ["extract", str(path), "--json", "--no-speakers"]).stdout)
    assert {a["type"] for a in every["attributions"]} == {"belief", "statement"}
    only = json.loads(runner.invoke(app, ["extract", str(path), "--json", "--no-speakers", "--types", "belief"]).stdout)
    assert [a["type"] for a in only["attributions"]] == ["belief"]


def test_types_store_pages_walk_statements_then_the_rest(db: Path) -> None:
    with Store(db, read_only=True) as store:
        pages = [store.search("", limit=2, offset=o) for o in (0, 2)]
        assert [[s.type for s in p.items] for p in pages] == [["statement", "intention"], ["document", "belief"]]
        assert store.search("bridge", limit=3, offset=1).items[0].type != "statement"
