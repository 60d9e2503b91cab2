"""Hostile inputs to the readers (issue 17): each fails alone with its reason, in bounded time and memory."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from hostile import (GOOD, MALFORMED_URLS, deep_line, feed_with_surrogate_ref, surrogate_line, write_padded_warc)
from quoth.ingest import ReadOptions, read_sources
from quoth.ingest.ids import content_id


def read(*sources: Path | str, **options: object) -> list:
    return list(read_sources(list(sources), ReadOptions(**options)))  # type: ignore[arg-type]


def test_adversarial_jsonl_bad_lines_fail_alone_and_the_rest_is_read(tmp_path: Path) -> None:
    good = b'{"id": "ok", "text": "Ann said yes."}\n'
    path = tmp_path / "in.jsonl"
    path.write_bytes(good + deep_line() + surrogate_line() + b'{"id": "after", "text": "Bob said no."}\n')
    found = read(path)
    assert [a.id for a in found] == ["ok", "in.jsonl:2", "surrogate", "after"]
    assert "nested too deeply" in found[1].error
    assert found[2].error is None and "\ufffd" in found[2].text and "surrogate" in found[2].meta["warnings"][0]
    assert len(found[2].text) == len('"It is \ud800 fine," said Bob Ray.')  # one character for one: offsets hold


def test_adversarial_feed_with_surrogate_reference_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_bytes(feed_with_surrogate_ref())
    found = read(path)
    assert [(a.id, a.error) for a in found] == [("ent-1", None), ("ent-2", None)]
    assert "\ufffd" in found[0].text and found[1].text == GOOD


@pytest.mark.parametrize("url", MALFORMED_URLS)
def test_adversarial_malformed_url_is_a_failure(url: str) -> None:
    (found,) = read(url)
    assert found.id == url and "URL" in found.error or "host" in found.error


def test_adversarial_padded_warc_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    """Regression: a record padded with filler after a chunked body was drained into memory (2.26 GB for 1 GB)."""
    import tracemalloc

    path = tmp_path / "padded.warc.gz"
    write_padded_warc(path, 64 << 20)
    tracemalloc.start()
    found = read(path, max_bytes=1 << 20)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(found) == 1 and "over the limit of 1,048,576" in found[0].error
    # warcio inflates one compressed block at a time (zeros inflate ~1000×: tens of MB), whatever the filler's size
    assert peak < 128 << 20, f"peak {peak:,} bytes while reading"


def test_adversarial_not_a_warc_named_warc_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not a WARC file\n" * 10)
    (found,) = read(path)
    assert found.error and "fake.warc" in found.error


def test_adversarial_utf16_without_bom_is_text(tmp_path: Path) -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(GOOD.encode(encoding))
        (found,) = read(path)
        assert found.error is None and found.text == GOOD


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_adversarial_fifo_is_a_failure_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    started = time.perf_counter()
    assert [a.id for a in read(tmp_path)] == ["a.txt"]  # in a folder: not a regular file, not read
    (found,) = read(fifo)
    assert "not a regular file" in found.error and time.perf_counter() - started < 5


def test_adversarial_symlink_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "passwd.txt").symlink_to(outside)
    (folder / "inside.txt").symlink_to(folder / "a.txt")
    assert [a.id for a in read(folder)] == ["a.txt", "inside.txt"]


def test_adversarial_same_file_names_in_two_arguments_get_two_ids(tmp_path: Path) -> None:
    for year in ("2023", "2024"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "story.txt").write_text(f"{GOOD} {year}", encoding="utf-8")
    (tmp_path / "2024" / "only.txt").write_text(GOOD, encoding="utf-8")
    a, b = str(tmp_path / "2023"), str(tmp_path / "2024")
    assert [x.id for x in read(a, b)] == [f"{a}/story.txt", "only.txt", f"{b}/story.txt"]
    assert [x.id for x in read(a)] == ["story.txt"]  # alone, the short id


def test_adversarial_id_less_records_get_their_content_id() -> None:
    assert content_id("x") == content_id("x") != content_id("y")
    assert content_id("x").startswith("sha256:") and len(content_id("x")) == 7 + 16


def test_adversarial_full_disk_reports_the_disk_error(tmp_path: Path) -> None:
    """Regression: a full disk gave "cannot rollback - no transaction is active" instead of the disk's error."""
    from quoth.model import Article
    from quoth.store import Store, StoreError

    with Store(tmp_path / "q.db") as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(StoreError, match="full"):
            for n in range(50):
                store.add_article(Article(id=f"a{n}", text=GOOD * 40))
        assert not store.conn.in_transaction


def test_adversarial_csv_cells_cannot_start_a_formula(tmp_path: Path) -> None:
    import csv

    from quoth.model import Article, Attribution, Span
    from quoth.store import Store, export_store

    text = '=HYPERLINK("http://evil.example") said @someone.'
    content = Span.from_offsets(text, [(0, 34)])
    with Store(tmp_path / "q.db") as store:
        store.add_article(Article(id="-1+1", text=text, attributions=[Attribution("a1", "indirect", content)]))
        written = export_store(store, tmp_path / "out", "csv")
    for path in written.values():
        for row in csv.reader(path.open(encoding="utf-8")):
            assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), row
    with sqlite3.connect(tmp_path / "q.db") as conn:  # the store keeps the text as it was
        assert conn.execute("SELECT content FROM attributions").fetchone()[0].startswith("=HYPERLINK")
