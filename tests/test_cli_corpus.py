"""The corpus CLI: ingest (with the model), the query commands, export, errors, help, and a SIGKILL mid-ingest."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus_fixtures import PAGE, article, write
from quoth.cli import app
from quoth.store import Store

runner = CliRunner()
COMMANDS = ["ingest", "search", "speakers", "speaker", "disputes", "show", "export", "stats"]


def invoke(*args: str | Path) -> object:
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "quoth.db"
    with Store(path) as store:
        store.add_article(article(1, "Ann Lee", "2024-01-10", "The bridge will open in spring."))
        store.add_article(article(2, "Cy Moss", "2024-03-05", "Taxes will not rise."))
    return path


def test_cli_corpus_search_json_and_filters(db: Path) -> None:
    result = invoke("search", "bridge", "--db", db, "--format", "json")
    assert result.exit_code == 0
    page = json.loads(result.stdout)
    assert page["total"] == 1 and page["items"][0]["speaker"] == "Ann Lee"
    result = invoke("search", "", "--db", db, "--speaker", "Moss", "--kind", "direct", "--since", "2024-03-01",
                    "--format", "csv")
    assert result.stdout.splitlines() == ["published,speaker,kind,type,content,article_id,attribution_id",
                                          "2024-03-05,Cy Moss,direct,statement,Taxes will not rise.,art-2,a1"]


def test_cli_corpus_speakers_speaker_disputes_tables(db: Path) -> None:
    assert "Bob Ray" in invoke("speakers", "--db", db).stdout
    speaker = invoke("speaker", "Ann", "--db", db, "--format", "json")
    assert json.loads(speaker.stdout)["entity"]["name"] == "Ann Lee"
    disputes = invoke("disputes", "Cy Moss", "--db", db, "--format", "json")
    assert json.loads(disputes.stdout)["items"][0]["by"]["speaker"] == "Bob Ray"
    table = invoke("disputes", "--db", db, "--kind", "rejection", "--format", "csv").stdout.splitlines()
    assert table[0] == "by,kind,cue,target,claim,statement,article_id" and table[1].startswith("Bob Ray,rejection,")
    assert invoke("disputes", "--db", db, "--kind", "denial", "--format", "csv").stdout.splitlines()[1:] == []
    assert invoke("disputes", "--db", db, "--kind", "insult").exit_code != 0


def test_cli_corpus_show_highlights_the_article(db: Path) -> None:
    result = invoke("show", "art-1", "--db", db)
    assert result.exit_code == 0
    assert "The bridge will open in spring." in result.stdout and "Story 1" in result.stdout


def test_cli_corpus_export_writes_every_table(db: Path, tmp_path: Path) -> None:
    result = invoke("export", "--db", db, "--format", "parquet", "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "articles.parquet", "attributions.parquet", "disputes.parquet", "entities.parquet"]


@pytest.mark.parametrize("args, message", [
    (["search", "x", "--db", "missing.db"], "no such database; create it with `quoth ingest"),
    (["show", "nope", "--db", "{db}"], "no article with id 'nope'"),
    (["speaker", "Nobody", "--db", "{db}"], "list speakers with `quoth speakers`"),
])
def test_cli_corpus_errors_say_what_to_do(db: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, [a.replace("{db}", str(db)) for a in args])
    assert result.exit_code == 2 and message in result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_corpus_every_command_has_help(command: str) -> None:
    import typer

    assert invoke(command, "--help").exit_code == 0
    click_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    assert click_command.help
    for param in click_command.params:
        assert getattr(param, "help", None), f"{command} {param.name} has no help text"


def make_corpus(root: Path, n: int) -> Path:
    """``n`` copies of one small article with two direct quotes (so every copy extracts alike), plus a binary file."""
    text = ('Mayor Ann Lee said "We will open the new bridge in spring." Later, Bob Ray told reporters: '
            '"The bridge is far too expensive for this town."\n')
    for i in range(n):
        write(root / f"{i // 100:03d}" / f"{i:05d}.txt", text)
    write(root / "zz-binary.txt", b"\x00\x01\x02" * 100)
    return root


@pytest.mark.model
def test_cli_corpus_ingest_counts_failures_and_is_idempotent(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 5)
    write(corpus / "page.html", PAGE)
    db = tmp_path / "c.db"
    first = invoke("ingest", corpus, "--db", db, "--quiet")
    assert first.exit_code == 1  # the binary file failed
    assert "ingested 6 (6 new, 0 replaced), skipped 0, failed 1" in first.stderr
    again = invoke("ingest", corpus, "--db", db, "--quiet", "--replace")
    assert "ingested 6 (0 new, 6 replaced), skipped 0, failed 1" in again.stderr
    with Store(db) as store:
        assert store.stats()["articles"] == 6 and store.stats()["failures"] == 1
        assert store.search("bridge").total >= 5
        assert store.article("page.html").meta["title"] == "Harbour plan approved"


@pytest.mark.model
def test_cli_corpus_ingest_with_workers_matches_single_process(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 40)
    single, pooled = tmp_path / "one.db", tmp_path / "two.db"
    invoke("ingest", corpus, "--db", single, "--quiet", "--no-speakers")
    result = invoke("ingest", corpus, "--db", pooled, "--quiet", "--no-speakers", "--workers", "2")
    assert "ingested 40" in result.stderr
    with Store(single) as a, Store(pooled) as b:
        for n in (0, 17, 39):
            article_id = f"{n // 100:03d}/{n:05d}.txt"
            assert a.article(article_id).to_dict() == b.article(article_id).to_dict()


SIGKILL_CORPUS = 600


@pytest.mark.model
def test_cli_corpus_sigkill_mid_ingest_loses_nothing_committed_and_resumes(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", SIGKILL_CORPUS)
    db = tmp_path / "k.db"
    command = [sys.executable, "-c", "from quoth.cli import main; main()", "ingest", str(corpus), "--db", str(db),
               "--quiet", "--no-speakers"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        stored = _wait_for_articles(db, 50, process)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL and stored < SIGKILL_CORPUS
    with sqlite3.connect(db) as conn:  # readable, intact, and every committed article is whole
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        killed_count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        per_article = {r[0] for r in conn.execute(
            "SELECT count(a.id) FROM articles ar LEFT JOIN attributions a ON a.article_id = ar.id GROUP BY ar.id")}
    assert killed_count >= stored and len(per_article) == 1 and per_article.pop() > 0
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 1  # only the binary file failed
    assert f"skipped {killed_count}" in rerun.stderr
    with Store(db) as store:
        stats = store.stats()
        assert stats["articles"] == SIGKILL_CORPUS and stats["failures"] == 1
        counts = {r[0] for r in store.conn.execute("SELECT count(*) FROM attributions GROUP BY article_id")}
        assert len(counts) == 1  # no article half-written, none duplicated


def _wait_for_articles(db: Path, at_least: int, process: subprocess.Popen, timeout_s: float = 120) -> int:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert process.poll() is None, "ingest finished before it could be killed: enlarge the corpus"
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                    count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                count = 0  # the schema is not there yet
            if count >= at_least:
                return count
        time.sleep(0.02)
    raise AssertionError("no articles were committed in time")


def test_cli_corpus_every_command_is_documented() -> None:
    docs = (Path(__file__).parent.parent / "docs" / "store.md").read_text(encoding="utf-8")
    assert [c for c in COMMANDS if f"quoth {c}" not in docs] == []
