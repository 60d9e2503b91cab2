"""The PolNeAR brat reader, on a tiny invented article under tests/resources/brat."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoth.evaluate.brat import (
    BratError,
    article_name,
    dataset_sha256,
    offset_mismatches,
    parse_ann,
    parse_offsets,
    read_split,
    select_ann_files,
)

BRAT_DIR = Path(__file__).parent / "resources" / "brat"


@pytest.fixture(scope="module")
def article():
    [only] = read_split(BRAT_DIR)
    return only


@pytest.mark.parametrize(
    "raw, expected",
    [("3 7", ((3, 7),)), ("3 7;9 12", ((3, 7), (9, 12))), ("0 1;2 3;4 5", ((0, 1), (2, 3), (4, 5)))],
)
def test_brat_parse_offsets(raw, expected):
    assert parse_offsets(raw) == expected


@pytest.mark.parametrize(
    "filename, name",
    [("a-b_2016-09-12_slug_ef2d.ann", "a-b_2016-09-12_slug"), ("fernhollow-bridge_aaa1.ann", "fernhollow-bridge")],
)
def test_brat_article_name_drops_annotator(filename, name):
    assert article_name(Path(filename)) == name


def test_brat_uses_alphabetically_first_annotator():
    chosen = select_ann_files(BRAT_DIR)
    assert [p.name for p in chosen.values()] == ["fernhollow-bridge_aaa1.ann"]


def test_brat_reads_every_event_with_content(article):
    assert article.id == "fernhollow-bridge"
    assert [g.id for g in article.attributions] == ["E1", "E2", "E3", "E4"]


@pytest.mark.parametrize(
    "event, content, cue, source, no_source",
    [
        ("E1", ["the bridge would reopen in spring"], ["said"], ["The mayor of Fernhollow"], False),
        ("E2", ["“We are nearly there,”", "“and the ferries will stop.”"], ["told reporters"], ["Ada Quill"], False),
        ("E3", ["the repairs will cost more than planned"], ["fear"], [], True),
        ("E4", ["the old piers", "are sound"], ["believe"], ["Engineers"], False),
    ],
)
def test_brat_roles_and_discontinuous_spans(article, event, content, cue, source, no_source):
    gold = next(g for g in article.attributions if g.id == event)

    def texts(spans):
        return [article.text[s:e] for s, e in spans]

    assert texts(gold.content) == content
    assert texts(gold.cue) == cue
    assert texts(gold.source) == source
    assert gold.no_source is no_source


def test_brat_offsets_match_text(article):
    assert offset_mismatches(article) == []


def test_brat_multiline_text_bound_is_joined():
    bounds, golds = parse_ann("T1\tContent 0 9\tab\ncd\nefg\nE1\tAttribution:T1 Content:T1\n")
    assert bounds["T1"].text == "ab\ncd\nefg"
    assert golds[0].content == ((0, 9),)


def test_brat_offset_mismatch_raises(tmp_path):
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "x.txt").write_text("Hello there.", encoding="utf-8")
    (tmp_path / "attributions" / "x_a.ann").write_text("T1\tContent 0 5\tHullo\nE1\tAttribution:T1 Content:T1\n")
    with pytest.raises(BratError, match="do not match"):
        read_split(tmp_path)


def test_brat_unknown_text_bound_raises():
    with pytest.raises(BratError, match="T9"):
        parse_ann("E1\tAttribution:T9 Content:T9\n")


def test_brat_not_a_split_raises(tmp_path):
    with pytest.raises(BratError, match="attributions/ and text/"):
        read_split(tmp_path)


def test_brat_dataset_hash_is_stable_and_sensitive(tmp_path):
    import shutil

    copy = tmp_path / "brat"
    shutil.copytree(BRAT_DIR, copy)
    assert dataset_sha256(copy) == dataset_sha256(BRAT_DIR)
    ann = copy / "attributions" / "fernhollow-bridge_aaa1.ann"
    ann.write_bytes(ann.read_bytes() + b"\n")
    assert dataset_sha256(copy) != dataset_sha256(BRAT_DIR)


def test_brat_dataset_hash_ignores_unused_annotators(tmp_path):
    import shutil

    copy = tmp_path / "brat"
    shutil.copytree(BRAT_DIR, copy)
    (copy / "attributions" / "fernhollow-bridge_zzz9.ann").write_text("changed", encoding="utf-8")
    assert dataset_sha256(copy) == dataset_sha256(BRAT_DIR)
