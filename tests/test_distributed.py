"""The Dask job: partition planning (fast), and a 2-worker LocalCluster run equal to a single-process run (model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quoth.distributed import plan_partitions, read_dask_output, read_failure_sources, run_dask
from quoth.distributed.manifest import OutputMismatch
from quoth.distributed.partitions import split_files, split_jsonl, with_line_numbers
from quoth.distributed.tables import write_partition_tables
from quoth.model import Article, Attribution, Span

SPEAKERS = ["Jane Miller", "Omar Haddad", "Lucia Ferreira", "Tom Becker", "Aiko Tanaka"]
TEMPLATES = [
    '{name} said the harbour plan was "a costly mistake". "We will vote against it," {last} told reporters on {day}.',
    "The council will meet again on {day}, according to {name}, who added that the budget was not settled.",
    '"Nobody asked the fishermen," {name} said. {last} rejected the mayor\'s claim that the port was safe.',
    "Officials said on {day} that the bridge would reopen. {name} denied that inspections had been skipped.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def make_article(n: int) -> str:
    """A small made-up news text, varied by ``n``."""
    name = SPEAKERS[n % len(SPEAKERS)]
    text = TEMPLATES[n % len(TEMPLATES)].format(name=name, last=name.split()[-1], day=DAYS[n % len(DAYS)])
    return f"{text} The vote on item {n} was postponed."


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """12 JSONL records (one bad line, one without text) and 8 text files (one binary)."""
    root = tmp_path_factory.mktemp("corpus")
    lines = [json.dumps({"id": f"j{n}", "text": make_article(n), "title": f"Story {n}"}) for n in range(12)]
    lines[5] = "{this is not json"
    lines[9] = json.dumps({"id": "no-text"})
    (root / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "txt" / "local").mkdir(parents=True)
    for n in range(12, 20):
        (root / "txt" / ("local" if n % 2 else "") / f"t{n}.txt").write_text(make_article(n), encoding="utf-8")
    (root / "txt" / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    return [str(root / "news.jsonl"), str(root / "txt")]


def test_distributed_split_jsonl_cuts_at_line_starts(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"".join(b'{"text": "%s"}\n' % (b"x" * n) for n in range(1, 30)))
    ranges = split_jsonl(path, 4)
    data = path.read_bytes()
    assert ranges[0][0] == 0 and ranges[-1][1] == len(data)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
    assert all(data[s - 1:s] == b"\n" for s, _ in ranges[1:])


def test_distributed_split_files_keeps_order_and_everything(tmp_path: Path) -> None:
    names = [f"f{n:02d}.txt" for n in range(10)]
    for name in names:
        (tmp_path / name).write_text("x" * 100)
    chunks = split_files(tmp_path, names, 3)
    assert len(chunks) == 3 and [n for c in chunks for n in c] == names


def test_distributed_plan_partitions_numbers_jsonl_lines(corpus: list[str]) -> None:
    from quoth.distributed.partitions import count_newlines

    plan = plan_partitions(corpus, 4)
    newlines = {s.index: count_newlines(s.path, s.start, s.end) for s in plan if s.kind == "jsonl"}
    numbered = with_line_numbers(plan, newlines)
    firsts = [s.first_line for s in numbered if s.kind == "jsonl"]
    assert firsts[0] == 1 and firsts == sorted(firsts) and len(set(firsts)) == len(firsts)
    assert {s.kind for s in plan} == {"jsonl", "files"}


def test_distributed_tables_round_trip_is_lossless(tmp_path: Path) -> None:
    text = 'Ann said "no way" today.'
    article = Article(id="a", text=text, meta={"title": "T", "authors": ["X"], "n": 3}, attributions=[
        Attribution(id="a1", kind="direct", content=Span.from_offsets(text, [(10, 17)]),
                    cue=Span.from_offsets(text, [(4, 8)]), confidence=0.1234)])
    failed = Article(id="b", text="", meta={"source": "b.txt"}, error="b: looks like a binary file")
    counts = write_partition_tables(tmp_path, "part-00000", 0, [article], [failed])
    assert counts["articles"] == 1 and counts["attributions"] == 1 and counts["failures"] == 1
    assert [a.to_dict() for a in read_dask_output(tmp_path)] == [article.to_dict()]
    assert [a.to_dict() for a in read_dask_output(tmp_path, failures=True)] == [failed.to_dict()]


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    """One 2-worker LocalCluster (processes) for the module's model tests."""
    import logging

    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as dask_client:
        yield dask_client


@pytest.mark.model
@pytest.mark.slow
def test_distributed_run_equals_single_process_and_resumes(corpus: list[str], client, tmp_path: Path) -> None:
    from quoth.ingest import read_sources
    from quoth.pipeline import extract_many

    out = tmp_path / "out"
    manifest = run_dask(corpus, out, scheduler=client, partitions=4, progress=False)
    assert manifest.status == "done" and len(manifest.partitions) >= 3
    expected = list(extract_many(read_sources(corpus), errors="collect"))
    assert [a.to_dict() for a in read_dask_output(out)] == [a.to_dict() for a in expected if not a.error]
    assert [a.to_dict() for a in read_dask_output(out, failures=True)] == [a.to_dict() for a in expected if a.error]
    failed = {f["article_id"]: f for f in read_failure_sources(out)}
    assert set(failed) == {"news.jsonl:6", "news.jsonl:10", "broken.txt"}  # ingest names a line by number
    assert "not valid JSON" in failed["news.jsonl:6"]["error"]
    assert json.loads((out / "manifest.json").read_text())["counts"]["articles"] == 18

    stamp = (out / "articles" / "part-00000.parquet").stat().st_mtime_ns
    again = run_dask(corpus, out, scheduler=client, progress=False)
    assert {p.status for p in again.partitions} == {"skipped"}
    assert (out / "articles" / "part-00000.parquet").stat().st_mtime_ns == stamp
    (out / "_partitions" / "part-00001.json").unlink()  # as if the worker died before finishing it
    third = run_dask(corpus, out, scheduler=client, progress=False)
    assert [p.status for p in third.partitions].count("done") == 1
    assert len(list(read_dask_output(out))) == 18
    with pytest.raises(OutputMismatch):
        run_dask(corpus[:1], out, scheduler=client, progress=False)


@pytest.mark.model
@pytest.mark.slow
def test_distributed_load_into_store_round_trip(corpus: list[str], client, tmp_path: Path) -> None:
    store_module = pytest.importorskip("quoth.store")
    from quoth.distributed.load import load_into_store

    out = tmp_path / "out"
    run_dask(corpus, out, scheduler=client, partitions=2, progress=False)
    counts = load_into_store(out, tmp_path / "q.db")
    assert counts["added"] == 18 and counts["failed"] == 3
    articles = {a.id: a for a in read_dask_output(out)}
    with store_module.Store(tmp_path / "q.db", read_only=True) as store:
        for article_id, article in articles.items():
            stored = store.article(article_id)
            assert stored.text == article.text
            assert [a.to_dict() for a in stored.attributions] == [a.to_dict() for a in article.attributions]
    assert load_into_store(out, tmp_path / "q.db")["skipped"] == 18


def test_distributed_cli_help_covers_every_option() -> None:
    from typer.testing import CliRunner

    from quoth.cli import app

    for command, options in {"dask": ["--out", "--scheduler", "--partitions", "--workers"], "load": ["--db"]}.items():
        result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0 and all(option in result.output for option in options)


@pytest.mark.model
@pytest.mark.slow
def test_distributed_cli_dask_then_load(corpus: list[str], client, tmp_path: Path) -> None:
    pytest.importorskip("quoth.store")
    from typer.testing import CliRunner

    from quoth.cli import app

    out, db = tmp_path / "out", tmp_path / "q.db"
    result = CliRunner().invoke(app, ["dask", *corpus, "--out", str(out), "--scheduler", client.scheduler.address,
                                      "--partitions", "3", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "18 articles" in result.output
    result = CliRunner().invoke(app, ["load", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "18 articles and 3 failures" in result.output


def test_distributed_plan_gives_colliding_files_the_ids_ingest_gives(tmp_path: Path) -> None:
    """Regression (issue 17): two folder arguments holding the same relative path get prefixed ids, as in ingest."""
    from quoth.distributed.readers import read_partition
    from quoth.ingest import read_sources
    from quoth.ingest.options import ReadOptions

    for year, text in (("2023", "The mayor said the ferry was late."), ("2024", "The mayor said it was on time.")):
        (tmp_path / "dd" / year).mkdir(parents=True)
        (tmp_path / "dd" / year / "story.txt").write_text(text, encoding="utf-8")
        (tmp_path / "dd" / year / f"only-{year}.txt").write_text(f"A note from {year}.", encoding="utf-8")
    inputs = [str(tmp_path / "dd" / "2023"), str(tmp_path / "dd" / "2024")]
    options = ReadOptions()
    from_dask = [a.id for spec in plan_partitions(inputs, 2) for a in read_partition(spec, options)]
    from_ingest = [a.id for a in read_sources(inputs, options)]
    assert sorted(from_dask) == sorted(from_ingest)
    assert len(set(from_dask)) == 4 and f"{inputs[0]}/story.txt" in from_dask
