"""One bad record, file, line or WARC record must not stop or corrupt a corpus run, in any entry point: each case
below stopped a run (or wrote output a strict reader refuses) before it was fixed. Inputs are generated here."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hostile import (GOOD, MARKUP_TITLE, dying_chunk, good_text, json_constants_line, kill_on_poison_plugin,
                     poisoned_jsonl, utf16_jsonl, write_damaged_warc)
from quoth.cli import app
from quoth.ingest import ReadOptions, read_sources
from quoth.model import Article, Attribution, Span

runner = CliRunner()


def read(*sources: Path | str) -> list[Article]:
    return list(read_sources(list(sources), ReadOptions()))


# ---------------------------------------------------------------- readers (no model)


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize("damage", ["no-uri", "corrupt", "cut"])
def test_corpus_damaged_warc_record_fails_alone_and_later_records_are_read(tmp_path: Path, gz: bool,
                                                                           damage: str) -> None:
    """Regression: a record warcio cannot parse (a response without WARC-Target-URI, a corrupt gzip member) ended
    the archive: every record after it was lost."""
    path = tmp_path / ("a.warc.gz" if gz else "a.warc")
    good = write_damaged_warc(path, gz, damage)
    found = read(path)
    assert [a.id for a in found if a.error is None] == good
    failed = [a for a in found if a.error]
    assert failed and all("truncated or unreadable" in a.error and "reading went on" in a.error for a in failed)
    assert len(failed) == (2 if damage == "cut" else 1)  # "cut" also holds the record without a URI


def test_corpus_jsonl_nan_and_infinity_are_read_as_null(tmp_path: Path) -> None:
    """Regression: NaN/Infinity in a record's metadata were written as bare NaN into JSON output (invalid JSON),
    and ``"source": null`` became the string "None"."""
    (tmp_path / "a.jsonl").write_bytes(json_constants_line())
    (found,) = read(tmp_path / "a.jsonl")
    assert found.error is None and found.text == GOOD
    assert not {"score", "rank", "size"} & set(found.meta)
    assert found.meta["source"] == str(tmp_path / "a.jsonl")
    json.loads(found.to_json(), parse_constant=lambda name: pytest.fail(f"{name} in the JSON"))


def test_corpus_utf16_jsonl_lines_say_to_convert_the_file(tmp_path: Path) -> None:
    (tmp_path / "u.jsonl").write_bytes(utf16_jsonl())
    found = read(tmp_path / "u.jsonl")
    assert found and all(a.error and "UTF-16" in a.error and "iconv" in a.error for a in found)


def test_corpus_overlong_jsonl_line_fails_alone_with_a_clear_message(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "big", "text": "word " * 300}), json.dumps({"id": "ok", "text": GOOD})]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    big, ok = list(read_sources([tmp_path / "a.jsonl"], ReadOptions(max_bytes=1000)))
    assert big.error == "a.jsonl:1: the line is over the limit of 1,000 bytes; split the record or raise the size cap"
    assert ok.id == "ok" and ok.error is None


def _locked(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make every open of a file called ``name`` fail as a file with mode 000 does (a chmod test cannot run as
    root, which reads any file)."""
    import builtins
    import pathlib

    real_open, real_path_open = builtins.open, pathlib.Path.open

    def refuse(file: object) -> None:
        if Path(str(file)).name == name:
            raise PermissionError(13, "Permission denied", str(file))

    def fake_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        refuse(file)
        return real_open(file, *args, **kwargs)

    def fake_path_open(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        refuse(self)
        return real_path_open(self, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(pathlib.Path, "open", fake_path_open)


def test_corpus_unreadable_file_fails_alone_in_ingest_and_the_dask_plan(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: an unreadable JSONL file ended its whole directory (every file after it was lost, the failure
    named the directory), stopped `quoth dask` while planning (split_jsonl, count_newlines), and stopped `quoth
    ingest`/`quoth extract` while counting inputs for the progress bar; an unreadable file ended a Dask partition's
    chunk of files the same way."""
    from quoth.distributed.partitions import count_newlines, plan_partitions
    from quoth.distributed.readers import read_partition
    from quoth.ingest.run import estimate_total

    (tmp_path / "in").mkdir()
    for name in ("a-locked.jsonl", "b.jsonl"):
        (tmp_path / "in" / name).write_text(json.dumps({"id": name, "text": GOOD}) + "\n", encoding="utf-8")
    for name in ("c-locked.txt", "d.txt"):
        (tmp_path / "in" / name).write_text(GOOD, encoding="utf-8")
    _locked(monkeypatch, "a-locked.jsonl")
    _locked(monkeypatch, "c-locked.txt")
    assert estimate_total([tmp_path / "in"]) is None
    found = read(tmp_path / "in")
    assert [a.id for a in found if a.error is None] == ["b.jsonl", "d.txt"]
    failed = {a.id: a.error or "" for a in found if a.error}
    assert set(failed) == {"a-locked.jsonl", "c-locked.txt"}
    assert all("Permission denied" in reason for reason in failed.values())
    plan = plan_partitions([tmp_path / "in"], partitions=1)
    assert [Path(s.path).name for s in plan] == ["a-locked.jsonl", "b.jsonl", "in"]
    assert plan[2].files == ("c-locked.txt", "d.txt")
    assert count_newlines(plan[0].path, plan[0].start, plan[0].end) == 0
    (locked,) = read_partition(plan[0], ReadOptions())
    assert locked.error and "Permission denied" in locked.error
    files = list(read_partition(plan[2], ReadOptions()))
    assert [(a.id, a.error is None) for a in files] == [("c-locked.txt", False), ("d.txt", True)]


# ---------------------------------------------------------------- the store and its CLI (no model)


def _article(article_id: str, text: str, **meta: object) -> Article:
    content = text.index('"'), text.index('"', 1) + 1
    return Article(id=article_id, text=text, meta=dict(meta),
                   attributions=[Attribution("a1", "direct", Span.from_offsets(text, [content]))])


def test_corpus_unparseable_published_date_does_not_corrupt_the_date_range(tmp_path: Path) -> None:
    """Regression: a published value that is not a date ("not a date", an object) was stored as the published
    date, sorted among the dates and became the corpus's first/last date."""
    from quoth.store import Store

    with Store(tmp_path / "q.db") as store:
        store.add_article(_article("a", GOOD, published="2024-03-05"))
        store.add_article(_article("b", good_text(1), published="not a date"))
        store.add_article(_article("c", good_text(2), published={"day": 1}))
        stats = store.stats()
        assert (stats["published_first"], stats["published_last"]) == ("2024-03-05", "2024-03-05")
        assert store.article("b").meta["published"] == "not a date"  # the meta keeps what was given
        assert store.search("", until="2024-12-31").total == 1


def test_corpus_cli_tables_print_stored_markup_as_text(tmp_path: Path) -> None:
    """Regression: a stored title or quote holding rich markup ("[/b]") stopped `quoth articles`, `quoth search`
    and `quoth show` with a MarkupError traceback."""
    from quoth.store import Store

    text = '"Stop the [/b] vote," said Ann Lee.'
    with Store(tmp_path / "q.db") as store:
        store.add_article(_article("[/i]", text, title=MARKUP_TITLE))
    for args in (["articles"], ["search", ""], ["show", "[/i]"], ["stats", "--failures"]):
        result = runner.invoke(app, [*args, "--db", str(tmp_path / "q.db")], env={"COLUMNS": "300"})
        assert result.exit_code == 0, (args, result.output, result.exception)
    assert "[/b] Council [bold]vote[/] ends" in runner.invoke(app, ["articles", "--db", str(tmp_path / "q.db")],
                                                              env={"COLUMNS": "300"}).stdout


# ---------------------------------------------------------------- the Dask job's pieces (no model)


def test_corpus_dask_screens_repeated_ids_as_ingest_does() -> None:
    from quoth.distributed.job import screen_repeats

    items = [Article(id="a", text=GOOD), Article(id="a", text=GOOD), Article(id="a", text=good_text(1)),
             Article(id="e", text="  \n"), Article(id="bad", text="", error="bad: unreadable")]
    kept, skipped = screen_repeats(items)
    assert skipped == 2 and [a.id for a in kept] == ["a", "a", "bad"]
    assert kept[0].error is None and "conflict" in (kept[1].error or "")


def test_corpus_dask_manifest_keeps_a_path_that_is_not_utf8(tmp_path: Path) -> None:
    """Regression: a file whose name is not valid UTF-8 (a lone surrogate in Python) stopped `quoth dask` when
    the manifest was written (UnicodeEncodeError)."""
    from quoth.distributed.manifest import write_json_atomic

    name = str(tmp_path / "caf\udce9.txt")
    write_json_atomic(tmp_path / "m.json", {"inputs": [name]})
    assert json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))["inputs"] == [name]


def test_corpus_journal_isolates_the_batch_then_the_article_a_process_died_on(tmp_path: Path) -> None:
    from quoth.ingest.journal import Journal

    path = tmp_path / "part-00000.inflight.json"
    journal = Journal.open(path)
    journal.record([4, 5, 6])  # the process dies here
    retry = Journal.open(path)
    assert retry.suspects == {4, 5, 6} and not retry.killers
    assert retry.careful(range(0, 5)) and not retry.careful(range(7, 9))
    retry.record([5])  # and dies again, on article 5 alone
    third = Journal.open(path)
    assert third.killers == {5} and third.suspects == {4, 5, 6}
    third.close(keep_killers=True)
    assert Journal.open(path).killers == {5} and not Journal.open(path).suspects
    Journal.open(path).close()
    assert not path.exists()


def test_corpus_journal_of_a_live_concurrent_ingest_is_left_alone(tmp_path: Path) -> None:
    """Two `quoth ingest` runs into one database: the second keeps no journal while the first is alive, so neither
    blames the other's articles for a death; a dead run's journal is taken over."""
    import subprocess
    import sys

    from quoth.ingest.journal import held_by_another

    path = tmp_path / "q.db.inflight.json"
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        path.write_text(json.dumps({"inflight": ["x#1"], "pid": other.pid}), encoding="utf-8")
        assert held_by_another(path)
    finally:
        other.kill()
        other.wait()
    assert not held_by_another(path)


def test_corpus_load_stores_every_good_row_and_records_conflicts_and_damaged_files(tmp_path: Path) -> None:
    """Regression: `quoth load` stopped at a row it could not read or store, and silently dropped an article whose
    id another partition had already given to different text."""
    from quoth.distributed.load import load_into_store
    from quoth.distributed.tables import write_partition_tables
    from quoth.store import Store

    out = tmp_path / "out"
    write_partition_tables(out, "part-00000", 0, [_article("x", GOOD), _article("y", good_text(1))], [])
    write_partition_tables(out, "part-00001", 1, [_article("x", good_text(2)), _article("z", good_text(3))],
                           [Article(id="f", text="", meta={"source": "s.jsonl"}, error="f: not valid JSON")])
    write_partition_tables(out, "part-00002", 2, [_article("w", good_text(4))], [])
    (out / "articles" / "part-00002.parquet").write_bytes(b"PAR1 not really parquet")
    counts = load_into_store(out, tmp_path / "q.db")
    assert (counts["added"], counts["failed"]) == (3, 3)  # x y z; the conflicting x, the bad file, f
    with Store(tmp_path / "q.db") as store:
        reasons = {f.id: f.reason for f in store.failures(limit=10).items}
        assert store.article("x").text == GOOD and store.stats()["articles"] == 3
    assert "conflict" in reasons["x"] and "f" in reasons
    assert any("part-00002.parquet" in key and "cannot be read" in reason for key, reason in reasons.items())
    again = load_into_store(out, tmp_path / "q.db")
    assert (again["added"], again["skipped"], again["failed"]) == (0, 3, 3)
    with Store(tmp_path / "q.db") as store:
        assert store.stats()["articles"] == 3 and store.stats()["failures"] == 3


def test_corpus_cli_load_of_a_folder_that_is_not_dask_output_is_a_message(tmp_path: Path) -> None:
    result = runner.invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 2 and "quoth dask" in result.stderr and result.exception is not None
    assert isinstance(result.exception, SystemExit)


# ---------------------------------------------------------------- with the model


def _poisoned_resolve(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the speaker step raise IndexError on any document holding POISON (an exception inside our step)."""
    import quoth.speakers as speakers

    real = speakers.resolve_speakers

    def resolve(doc, attributions):  # type: ignore[no-untyped-def]
        if "POISON" in doc.text:
            raise IndexError("list index out of range")
        return real(doc, attributions)

    monkeypatch.setattr(speakers, "resolve_speakers", resolve)


def _poisoned_corpus(folder: Path, n: int = 12, bad: int = 5) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return poisoned_jsonl(folder / "p.jsonl", n, bad)


@pytest.mark.model
def test_corpus_step_error_on_one_article_fails_it_alone_and_a_rerun_adds_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quoth.ingest.run import ingest
    from quoth.store import Store

    _poisoned_resolve(monkeypatch)
    path = _poisoned_corpus(tmp_path)
    with Store(tmp_path / "q.db") as store:
        first = ingest([path], store)
        assert (first.added, first.failed) == (11, 1)
        assert first.failures[0][0] == "r5" and "IndexError" in first.failures[0][1]
        second = ingest([path], store)
        assert (second.added, second.skipped, second.failed) == (0, 11, 1)
        assert store.stats()["articles"] == 11 and store.stats()["failures"] == 1
        monkeypatch.undo()  # the step is fixed: the next run stores the article and forgets its old failure
        third = ingest([path], store)
        assert (third.added, third.skipped, third.failed) == (1, 11, 0)
        assert store.stats()["articles"] == 12 and store.stats()["failures"] == 0


@pytest.mark.model
def test_corpus_short_articles_with_a_name_are_extracted_not_failed() -> None:
    """Regression: every article shorter than the NER window's kernel (5 tokens) holding a name or a number failed
    with IndexError ("Ann Lee said.", a two-word feed entry), as did a letter with 300 combining marks."""
    from quoth.pipeline import extract_many

    texts = ["Ann Lee said.", "Ann Lee", "Paris 2024", "Hi Ann", "a" + "\u0301" * 300, "\u202e" * 300 + "said Bob"]
    found = list(extract_many(texts))
    assert [a.error for a in found] == [None] * len(texts)
    assert [e.name for e in found[0].entities] == ["Ann Lee"]


@pytest.mark.model
def test_corpus_extract_table_prints_a_markup_title(tmp_path: Path) -> None:
    """Regression: `quoth extract --table` stopped at an article whose title holds rich markup."""
    lines = [json.dumps({"id": "m", "text": GOOD, "title": MARKUP_TITLE}), json.dumps({"id": "n", "text": GOOD + "!"})]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--table", str(tmp_path / "a.jsonl")], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert MARKUP_TITLE in result.stdout and "n (1 attribution)" in result.stdout


@pytest.mark.model
def test_corpus_dask_partition_skips_the_article_a_worker_died_on(tmp_path: Path) -> None:
    from quoth.distributed.job import extract_partition
    from quoth.ingest.journal import Journal
    from quoth.options import Options

    Journal.open(tmp_path / "j.json").record([1])  # as if the worker process had died extracting article 1 alone
    items = [Article(id=f"r{i}", text=good_text(i)) for i in range(3)]
    done = extract_partition(items, Options(), Journal.open(tmp_path / "j.json"))
    assert [a.id for a in done] == ["r0", "r1", "r2"]
    assert done[0].error is None and done[2].error is None and done[0].attributions
    assert done[1].error and "worker process died" in done[1].error


@pytest.mark.model
def test_corpus_ingest_after_a_run_that_died_isolates_then_skips_the_article(tmp_path: Path) -> None:
    """What the next `quoth ingest` does with the journal a run killed mid-batch left (written here by hand; the
    slow test below kills real processes)."""
    from quoth.ingest.journal import Journal
    from quoth.ingest.run import _key, ingest
    from quoth.store import Store

    path = _poisoned_corpus(tmp_path, n=6, bad=2)
    articles = read(path)
    with Store(tmp_path / "q.db") as store:
        journal = tmp_path / "q.db.inflight.json"
        Journal.open(journal).record([_key(a) for a in articles])  # a run died in this batch
        Journal.open(journal).record([_key(articles[2])])  # the next died on the third article alone
        summary = ingest([path], store)
        assert (summary.added, summary.failed) == (5, 1) and summary.failures[0][0] == "r2"
        assert "the process died while extracting this article alone" in summary.failures[0][1]
        assert Journal.open(journal).killers == {_key(articles[2])}  # kept: the next run skips it too
        again = ingest([path], store)
        assert (again.added, again.skipped, again.failed) == (0, 5, 1)


_DIE_ON_POISON = """
import os, sys
import quoth.speakers as speakers
real = speakers.resolve_speakers
def resolve(doc, attributions):
    if "POISON" in doc.text:
        os._exit(3)
    return real(doc, attributions)
speakers.resolve_speakers = resolve
from quoth.ingest.run import ingest
from quoth.store import Store
with Store(sys.argv[1]) as store:
    summary = ingest([sys.argv[2]], store)
print(summary.added, summary.failed)
"""


@pytest.mark.model
@pytest.mark.slow
def test_corpus_ingest_process_dying_on_one_article_is_overcome_by_rerunning(tmp_path: Path) -> None:
    """Regression: `quoth ingest` (one process) killed by one article (out of memory, a crash in a library) died on
    it again at every rerun, so the corpus could never finish. Now the second run isolates it, the third skips it."""
    import subprocess
    import sys

    import quoth

    path = _poisoned_corpus(tmp_path, n=8, bad=3)
    env = {**os.environ, "PYTHONPATH": str(Path(quoth.__file__).parents[1])}
    runs = [subprocess.run([sys.executable, "-c", _DIE_ON_POISON, str(tmp_path / "q.db"), str(path)], env=env,
                           capture_output=True, text=True, timeout=300) for _ in range(3)]
    assert [r.returncode for r in runs] == [3, 3, 0], [r.stderr[-500:] for r in runs]
    assert runs[2].stdout.split() == ["4", "1"]  # r0-r2 were stored by the second run, before it died on r3
    from quoth.store import Store

    with Store(tmp_path / "q.db") as store:
        assert store.stats()["articles"] == 7 and [f.id for f in store.failures().items] == ["r3"]


@pytest.mark.model
@pytest.mark.slow
def test_corpus_ingest_workers_survive_a_worker_process_dying_on_one_article(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: `quoth ingest --workers N` waited for ever when a worker process died (multiprocessing.Pool
    never returns the lost task)."""
    from quoth.ingest import pool
    from quoth.ingest.run import ingest
    from quoth.store import Store

    monkeypatch.setattr(pool, "_extract_chunk", dying_chunk)  # the parent sends this function to the workers
    path = _poisoned_corpus(tmp_path, n=40, bad=13)
    with Store(tmp_path / "q.db") as store:
        summary = ingest([path], store, workers=2)
        assert (summary.added, summary.failed) == (39, 1)
        assert summary.failures[0][0] == "r13" and "process died" in summary.failures[0][1]
        assert summary.failed_by_kind() == {"process died": 1}


@pytest.mark.model
@pytest.mark.slow
def test_corpus_dask_worker_dying_on_one_article_loses_only_that_article(tmp_path: Path) -> None:
    """Regression: a worker process dying on one article failed its whole partition (KilledWorker), every good
    article in it lost."""
    import logging

    from distributed import Client, LocalCluster

    from quoth.distributed import read_dask_output, read_failure_sources, run_dask

    path = _poisoned_corpus(tmp_path, n=20, bad=7)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
        client.register_plugin(kill_on_poison_plugin())
        manifest = run_dask([path], tmp_path / "out", scheduler=client, progress=False)
    assert manifest.status == "done", manifest.partitions
    assert [a.id for a in read_dask_output(tmp_path / "out")] == [f"r{i}" for i in range(20) if i != 7]
    (failed,) = read_failure_sources(tmp_path / "out")
    assert failed["article_id"] == "r7" and "worker process died" in failed["error"]
    assert not list((tmp_path / "out" / "_partitions").glob("*.inflight.json"))
