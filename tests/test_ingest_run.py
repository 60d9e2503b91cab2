"""The ingest runner with a stand-in extractor (no model): skipping, failures, content hashes, replace, totals."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

import pytest

from corpus_fixtures import RSS, write
from quoth.ingest import run
from quoth.model import Article, Attribution, Span
from quoth.store import Store


@pytest.fixture()
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace extraction with one attribution over the whole text; returns the ids it was asked to extract."""
    seen: list[str] = []

    def fake_extract(articles: Iterable[Article], options: object) -> Iterator[Article]:
        for article in articles:
            seen.append(article.id)
            content = Span.from_offsets(article.text, [(0, len(article.text))])
            article.attributions = [Attribution(id="a1", kind="indirect", content=content)]
            yield article

    monkeypatch.setattr(run, "_extract_here", fake_extract)
    return seen


def test_ingest_run_skips_stored_articles_without_extracting_them(tmp_path: Path, extracted: list[str]) -> None:
    corpus = tmp_path / "c"
    for n in range(3):
        write(corpus / f"{n}.txt", f"Article {n} said things.")
    with Store(tmp_path / "q.db") as store:
        first = run.ingest([corpus], store)
        write(corpus / "3.txt", "A late article said more.")
        second = run.ingest([corpus], store)
    assert (first.added, second.added, second.skipped) == (3, 1, 3)
    assert extracted == ["0.txt", "1.txt", "2.txt", "3.txt"]  # the rerun extracted only the new one


def test_ingest_run_records_failures_and_reports_each_status(tmp_path: Path, extracted: list[str]) -> None:
    write(tmp_path / "c" / "good.txt", "Fine words said here.")
    write(tmp_path / "c" / "bad.txt", b"\x00\x00binary")
    statuses: list[tuple[str, str]] = []
    with Store(tmp_path / "q.db") as store:
        summary = run.ingest([tmp_path / "c", tmp_path / "missing"], store,
                             on_article=lambda status, a: statuses.append((status, a.id)))
        failures = {f.id for f in store.failures().items}
    assert set(statuses) == {("added", "good.txt"), ("failed", "bad.txt"), ("failed", str(tmp_path / "missing"))}
    assert summary.failed == 2 and failures == {"bad.txt", str(tmp_path / "missing")}


def test_ingest_run_jsonl_without_ids_deduplicates_by_content(tmp_path: Path, extracted: list[str]) -> None:
    lines = ['{"text": "Same words, said twice."}', '{"text": "Same words, said twice."}', '{"text": "Other."}']
    source = write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    with Store(tmp_path / "q.db") as store:
        summary = run.ingest([source], store)
        again = run.ingest([source], store)
        assert store.stats()["articles"] == 2
    assert (summary.added, summary.skipped) == (2, 1) and again.skipped == 3


def test_ingest_run_replace_rewrites(tmp_path: Path, extracted: list[str]) -> None:
    source = write(tmp_path / "a.txt", "First version said this.")
    with Store(tmp_path / "q.db") as store:
        run.ingest([source], store)
        source.write_text("Second version said that.")
        summary = run.ingest([source], store, replace=True)
        assert store.article(str(source)).attributions[0].content.text == "Second version said that."
    assert summary.replaced == 1


def test_ingest_run_estimate_total(tmp_path: Path) -> None:
    write(tmp_path / "c" / "a.txt", "x")
    write(tmp_path / "c" / "b.jsonl", '{"text": "1"}\n\n{"text": "2"}\n')
    assert run.estimate_total([tmp_path / "c", "https://example.org/x"]) == 4
    assert run.estimate_total([write(tmp_path / "f.rss", RSS)]) is None  # entries are not counted up front


def test_ingest_run_names_every_skip_with_its_reason(tmp_path: Path, extracted: list[str]) -> None:
    write(tmp_path / "c" / "empty.txt", "")
    write(tmp_path / "c" / "a.txt", "Ann said yes.")
    with Store(tmp_path / "q.db") as store:
        run.ingest([tmp_path / "c"], store)
        again = run.ingest([tmp_path / "c"], store)
    assert sorted(again.skips) == [("a.txt", run.SKIP_STORED), ("empty.txt", run.SKIP_EMPTY)]
    assert again.skipped_by_reason() == {run.SKIP_STORED: 1, run.SKIP_EMPTY: 1}


def test_ingest_run_same_name_in_two_folders_gets_two_ids(tmp_path: Path, extracted: list[str]) -> None:
    """Regression (issue 17): `quoth ingest dd/2023 dd/2024` stored one story.txt and skipped the other."""
    write(tmp_path / "dd" / "2023" / "story.txt", "The 2023 story said this.")
    write(tmp_path / "dd" / "2024" / "story.txt", "The 2024 story said that.")
    write(tmp_path / "dd" / "2024" / "only.txt", "Only here.")
    dirs = [str(tmp_path / "dd" / "2023"), str(tmp_path / "dd" / "2024")]
    with Store(tmp_path / "q.db") as store:
        summary = run.ingest(dirs, store)
    assert (summary.added, summary.skipped, summary.failed) == (3, 0, 0)
    assert sorted(extracted) == sorted([f"{dirs[0]}/story.txt", f"{dirs[1]}/story.txt", "only.txt"])


def test_ingest_run_records_with_one_id_and_different_text_are_conflicts(tmp_path: Path,
                                                                          extracted: list[str]) -> None:
    lines = ['{"id": "x", "text": "First text said."}', '{"id": "x", "text": "Second text said."}',
             '{"id": "x", "text": "First text said."}']
    source = write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    with Store(tmp_path / "q.db") as store:
        summary = run.ingest([source], store)
        failures = store.failures().items
        changed = write(tmp_path / "v2.jsonl", '{"id": "x", "text": "Edited text said."}\n')
        rerun = run.ingest([changed], store)
        replaced = run.ingest([changed], store, replace=True)
    assert (summary.added, summary.failed, summary.skipped) == (1, 1, 1)
    assert [f.id for f in failures] == ["x"] and "conflict" in failures[0].reason
    assert rerun.failed == 1 and "--replace" in rerun.failures[0][1]
    assert replaced.replaced == 1 and summary.failed_by_kind() == {"conflict": 1}
