"""The team's annotation files in data/annotations stay well-formed: spans inside the PolNeAR train texts, cue and
disputer texts equal to the text at their offsets, labels from the documented sets, and no sentence copied in."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "data" / "annotations"
TRAIN = ROOT.parent / "shared" / "data" / "raw" / "polnear" / "data" / "train"
LABELS = {"statement", "belief", "knowledge", "intention", "document", "topic", "none"}
SPEAKER_KINDS = {"person", "group", "organization", "other"}

needs_train = pytest.mark.skipif(not (TRAIN / "text").is_dir(), reason="PolNeAR train not found at ../shared/data")


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (ANNOTATIONS / name).read_text(encoding="utf-8").splitlines()]


@needs_train
def test_dispute_files_pass_their_checker() -> None:
    spec = importlib.util.spec_from_file_location("check_annotations", ROOT / "scripts" / "check_annotations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--polnear", str(TRAIN)]) == 0


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_annotations", ROOT / "scripts" / "check_annotations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_train
def test_check_set_e_is_every_tenth_train_article_from_index_1_and_apart_from_the_others() -> None:
    ids = sorted(p.stem for p in (TRAIN / "text").glob("*.txt"))
    samples = _checker().sample(TRAIN / "text")
    assert samples["e"] == ids[1::10] and len(samples["e"]) == 84
    assert [row["id"] for row in _rows("disputes-train-e.jsonl")] == samples["e"]
    others = {i for letter in "abcd" for i in samples[letter]}
    assert not others & set(samples["e"])
    allowed = {"kind", "cue", "by", "target_claim", "target_party", "optional", "note"}
    for row in _rows("disputes-train-e.jsonl"):
        assert set(row) == {"id", "disputes"}
        for dispute in row["disputes"]:
            assert set(dispute) == allowed
            assert len(dispute["cue"]["text"]) <= 60


@needs_train
@pytest.mark.parametrize("name", ["types-train.jsonl", "types-train-2.jsonl"])
def test_type_labels_are_in_the_label_set_and_inside_their_texts(name: str) -> None:
    rows = _rows(name)
    assert rows
    for row in rows:
        size = len((TRAIN / "text" / f"{row['id']}.txt").read_text(encoding="utf-8"))
        for att in row["attributions"]:
            assert att["label"] in LABELS
            assert isinstance(att["span_ok"], bool)
            for start, end in att["content"] + att["cue"] + att["source"]:
                assert 0 <= start < end <= size
            assert len(att.get("note", "").split()) <= 10


@needs_train
@pytest.mark.parametrize("name", ["speakers-train.jsonl", "speakers-train-2.jsonl"])
def test_speaker_rows_name_a_kind_and_lie_inside_their_texts(name: str) -> None:
    rows = _rows(name)
    assert len(rows) > 1000
    for row in rows:
        size = len((TRAIN / "text" / f"{row['article']}.txt").read_text(encoding="utf-8"))
        assert row["kind"] in SPEAKER_KINDS and row["reference"]
        assert "source_text" not in row and "cue_text" not in row
        for start, end in row["source_spans"]:
            assert 0 <= start < end <= size
        if not row["named"]:
            assert row["reference"] == row["reference"].lower()
        assert len(row.get("note", "").split()) <= 10
