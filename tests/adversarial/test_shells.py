"""The CLI and the API on hostile input (issue 17): a message and an exit code, or a 4xx in the error shape."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hostile import GOOD, quote_run, surrogate_line
from quoth.cli import app

runner = CliRunner()


def test_cli_ingest_empty_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("not an article", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "q.db"), "-q"])
    assert result.exit_code == 1 and "no articles found" in result.stderr


def test_cli_extract_empty_folder_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1 and "no articles found" in result.stderr


def test_cli_bad_parameters_are_messages_not_tracebacks(tmp_path: Path) -> None:
    runner.invoke(app, ["ingest", str(tmp_path / "none"), "--db", str(tmp_path / "q.db"), "-q"])
    for args in (["search", "a\x00b"], ["speaker", "\u00b2"], ["search", "x", "--speaker", "9" * 30],
                 ["show", "\x00"]):
        result = runner.invoke(app, [*args, "--db", str(tmp_path / "q.db")])
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert "Traceback" not in result.output


def test_cli_stats_prints_a_table_and_articles_lists_ids(tmp_path: Path) -> None:
    from quoth.model import Article
    from quoth.store import Store

    with Store(tmp_path / "q.db") as store:
        store.add_article(Article(id="story-1", text=GOOD, meta={"title": "Bridge"}))
    stats = runner.invoke(app, ["stats", "--db", str(tmp_path / "q.db")])
    assert stats.exit_code == 0 and "articles" in stats.stdout and not stats.stdout.lstrip().startswith("{")
    as_json = runner.invoke(app, ["stats", "--format", "json", "--db", str(tmp_path / "q.db")])
    assert json.loads(as_json.stdout)["articles"] == 1
    listed = runner.invoke(app, ["articles", "--format", "csv", "--db", str(tmp_path / "q.db")])
    assert listed.exit_code == 0 and "story-1,Bridge" in listed.stdout
    missing = runner.invoke(app, ["show", "nope", "--db", str(tmp_path / "q.db")])
    assert missing.exit_code == 2 and "quoth articles" in missing.stderr and "articles()" not in missing.stderr


@pytest.mark.model
def test_cli_ingest_and_extract_give_the_same_ids_and_report_conflicts(tmp_path: Path) -> None:
    for year in ("2023", "2024"):
        (tmp_path / "dd" / year).mkdir(parents=True)
        (tmp_path / "dd" / year / "story.txt").write_text(f"{GOOD} ({year})", encoding="utf-8")
    records = [{"id": "x", "text": GOOD}, {"id": "x", "text": GOOD + " Changed."}]
    (tmp_path / "r.jsonl").write_bytes(b"".join(json.dumps(r).encode() + b"\n" for r in records) + surrogate_line())
    sources = [str(tmp_path / "dd" / "2023"), str(tmp_path / "dd" / "2024"), str(tmp_path / "r.jsonl")]
    extracted = runner.invoke(app, ["extract", "--jsonl", *sources])
    ids = [json.loads(line)["id"] for line in extracted.stdout.splitlines()]
    ingested = runner.invoke(app, ["ingest", *sources, "--db", str(tmp_path / "q.db"), "-q", "-v"])
    assert extracted.exit_code == ingested.exit_code == 1  # the conflict is a failure in both
    assert "conflict" in extracted.stderr and "conflict" in ingested.stderr
    listed = runner.invoke(app, ["articles", "--format", "json", "--db", str(tmp_path / "q.db")])
    stored = [a["id"] for a in json.loads(listed.stdout)["items"]]
    assert sorted(ids) == sorted(stored) == sorted([f"{sources[0]}/story.txt", f"{sources[1]}/story.txt", "x",
                                                    "surrogate"])
    assert "failed: 1 conflict" in ingested.stderr


@pytest.mark.model
def test_api_hostile_requests_are_4xx_or_fast(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from quoth.store import Store
    from quoth.web.app import create_app

    Store(tmp_path / "q.db").close()
    client = TestClient(create_app(tmp_path / "q.db"))  # raises on any unhandled server error
    assert client.get("/api/attributions?speaker=%C2%B2").json()["total"] == 0  # a name like any other: no match
    for url in ("/api/attributions?q=a%00b", "/api/entities/%C2%B2", f"/api/entities/{2**64}",
                "/api/attributions?q=%ED%A0%80", "/api/articles/%00", f"/api/articles?page={2**64}"):
        response = client.get(url)
        assert 400 <= response.status_code < 500, (url, response.status_code)
        assert response.json()["ok"] is False and response.json()["status"] == response.status_code
    started = time.perf_counter()
    response = client.post("/api/extract", json={"text": quote_run(16_000) + "\n" + GOOD})
    assert response.status_code == 200 and time.perf_counter() - started < 10
    body = b'{"text": "\\"It is \\ud800 fine,\\" said Bob Ray."}'
    response = client.post("/api/extract", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200 and "surrogate" in response.json()["article"]["meta"]["warnings"][0]
    page = client.get("/", headers={"accept": "text/html"})
    assert page.headers["x-content-type-options"] == "nosniff" and page.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
