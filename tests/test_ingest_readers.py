"""Readers: text files and directories, JSONL, HTML, WARC, feeds, sniffing, and every bad-input case."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_fixtures import ATOM, PAGE, RSS, make_warc, page, write
from quoth.ingest.ids import content_id
from quoth.ingest import ReadOptions, read_sources, sniff
from quoth.options import Options


def read(*sources: Path | str, **options: object) -> list:
    return list(read_sources(sources, ReadOptions(**options)))  # type: ignore[arg-type]


def test_ingest_text_directory_recursive_ids_are_relative_paths(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", 'Ann said "yes".\r\n')
    write(tmp_path / "sub" / "deeper" / "b.txt", "Bob said no.")
    write(tmp_path / ".hidden" / "c.txt", "never read")
    found = read(tmp_path)
    assert [a.id for a in found] == ["a.txt", "sub/deeper/b.txt"]
    assert found[0].text == 'Ann said "yes".\r\n'  # exactly as decoded: no normalisation
    assert found[0].meta["source"] == str(tmp_path / "a.txt")
    assert set(found[0].meta) >= {"title", "url", "published", "authors", "source"}


def test_ingest_jsonl_reads_metadata_and_records_bad_lines(tmp_path: Path) -> None:
    lines = [
        '{"id": "j1", "text": "Ann said yes.", "title": "T1", "published": "2024-01-02", "authors": "A, B"}',
        "this is not json",
        '{"id": "j2", "text": 5}',
        "",
        '{"text": "No id here.", "meta": {"url": "https://x.example/1"}}',
    ]
    found = read(write(tmp_path / "in.jsonl", "\n".join(lines) + "\n"))
    assert [(a.id, a.error is None) for a in found] == [("j1", True), ("in.jsonl:2", False),
                                                        ("in.jsonl:3", False), (content_id("No id here."), True)]
    assert found[0].meta["title"] == "T1" and found[0].meta["authors"] == ["A", "B"]
    assert "not valid JSON" in found[1].error and "fix" in found[1].error
    assert found[3].meta["url"] == "https://x.example/1"


def test_ingest_html_extracts_body_and_metadata_without_boilerplate(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", PAGE)
    (found,) = read(path)
    assert found.error is None and found.id == str(path)
    assert "good day for the fishing fleet" in found.text
    for dropped in ("file photo", "Fleet numbers fall", "commenter Zed", "Home | Local"):
        assert dropped not in found.text
    assert found.meta["title"] == "Harbour plan approved"
    assert found.meta["url"] == "https://news.example/harbour"
    assert found.meta["published"].startswith("2023-06-01")
    assert found.meta["authors"] == ["Pat Quill"]


@pytest.mark.parametrize("gz", [True, False])
def test_ingest_warc_reads_html_responses(tmp_path: Path, gz: bool) -> None:
    data = make_warc([("https://n.example/1", page("One", 'Ann said "one".')),
                      ("https://n.example/2", page("Two", 'Bob said "two".'))], gz=gz)
    found = read(write(tmp_path / ("a.warc.gz" if gz else "a.warc"), data))
    assert [a.id for a in found] == ["https://n.example/1", "https://n.example/2"]
    assert all(a.error is None for a in found)
    assert found[1].meta["url"] == "https://n.example/2" and 'Bob said "two".' in found[1].text


@pytest.mark.parametrize("gz", [True, False])
def test_ingest_warc_truncated_record_is_a_failure_and_batch_continues(tmp_path: Path, gz: bool) -> None:
    data = make_warc([("https://n.example/1", page("One", 'Ann said "one".')),
                      ("https://n.example/2", page("Two", 'Bob said "two".'))], gz=gz)
    archive = write(tmp_path / ("cut.warc.gz" if gz else "cut.warc"), data[: len(data) - 200])
    after = write(tmp_path / "after.txt", "Cy said more.")
    found = read(archive, after)
    assert found[0].id == "https://n.example/1" and found[0].error is None
    assert found[-2].error and "truncated" in found[-2].error
    assert found[-1].id == str(after) and found[-1].error is None


def test_ingest_rss_feed_entries_with_html_stripped(tmp_path: Path) -> None:
    found = read(write(tmp_path / "news.rss", RSS))
    assert [a.id for a in found] == ["dam-1", "empty-1"]
    dam = found[0]
    assert dam.text == '"The dam is safe," said engineer Lou Brant.\nResidents were not convinced.'
    assert dam.meta["title"] == "Dam to reopen" and dam.meta["url"] == "https://news.example/dam"
    assert dam.meta["published"].startswith("Tue, 05 Mar 2024")
    assert found[1].error and "no text" in found[1].error


def test_ingest_atom_feed_sniffed_without_extension(tmp_path: Path) -> None:
    (found,) = read(write(tmp_path / "feed", ATOM))
    assert found.id == "tag:news.example,2024:1"
    assert found.text == '"We will vote no," said Councillor Ray Dunn.'
    assert found.meta["authors"] == ["Kim Oda"]


@pytest.mark.parametrize("head, kind", [
    (b"<!DOCTYPE html><html>", "html"), (b"<?xml version='1.0'?><rss>", "feed"), (b"WARC/1.0\r\n", "warc"),
    (b"\x1f\x8b\x08", "warc"), (b'{"id": 1}', "jsonl"), (b"Plain words said here.", "text"),
    (b"print('<body>')", "text"),
])
def test_ingest_sniff_by_content(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


BAD_INPUTS = [
    ("binary.txt", b"\x00\x01\x02\x03PK\x00" * 50, "binary"),
    ("latin1.txt", "Caf\xe9 au lait, said L\xe9a.".encode("latin-1"), "not valid UTF-8"),
    ("big.txt", b"word " * 200, "over the limit"),
    ("broken.html", b"<html><body><div><p>unclosed <<<>>> <script>x", "no article text"),
    ("bad.jsonl", b'{"id": "ok", "text": "Fine."}\n{"id": "bad", "text": \n', "not valid JSON"),
]


@pytest.mark.parametrize("name, data, reason", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_ingest_bad_input_is_a_failure_and_batch_continues(tmp_path: Path, name: str, data: bytes,
                                                           reason: str) -> None:
    before = write(tmp_path / "0-before.txt", "Ann said yes.")
    write(tmp_path / f"1-{name}", data)
    after = write(tmp_path / "2-after.txt", "Bob said no.")
    found = read(tmp_path, max_chars=500, max_bytes=600)
    errors = [a.error for a in found if a.error]
    assert len(errors) == 1 and reason in errors[0]
    assert found[0].id == before.name and found[-1].id == after.name and found[-1].error is None


def test_ingest_byte_cap_refuses_before_reading_everything(tmp_path: Path) -> None:
    (found,) = read(write(tmp_path / "huge.txt", b"a" * 10_000), max_bytes=1_000)
    assert found.error and "over the limit of 1,000" in found.error


def test_ingest_missing_path_is_a_failure(tmp_path: Path) -> None:
    (found,) = read(tmp_path / "nope.txt")
    assert found.error and "no such file" in found.error


def test_ingest_read_options_follow_extraction_options() -> None:
    assert ReadOptions.from_options(Options(max_chars=100)).max_chars == 100
    assert ReadOptions.from_options(Options(max_chars=100), allow_private_urls=True).allow_private_urls
