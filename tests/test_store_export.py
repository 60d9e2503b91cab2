"""Export: every table in jsonl, csv and parquet, read back equal to the store."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from corpus_fixtures import article
from quoth.store import Store, StoreError, export_store


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "quoth.db") as opened:
        for n in range(3):
            opened.add_article(article(n, speaker=f"Speaker {n % 2}", quote=f"Quote, with a comma, number {n}."))
        yield opened


def read_back(path: Path, fmt: str) -> list[dict]:
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_store_export_round_trip(store: Store, tmp_path: Path, fmt: str) -> None:
    written = export_store(store, tmp_path / "out", fmt)
    assert sorted(written) == ["articles", "attributions", "disputes", "entities"]
    tables = {name: read_back(path, fmt) for name, path in written.items()}
    assert [len(tables[t]) for t in ("articles", "attributions", "entities", "disputes")] == [3, 6, 3, 3]
    by_id = {r["id"]: r for r in tables["articles"]}
    for n in range(3):
        assert by_id[f"art-{n}"]["text"] == store.article(f"art-{n}").text  # text survives every format
    quotes = sorted(r["content"] for r in tables["attributions"] if r["kind"] == "direct")
    assert quotes == [f"Quote, with a comma, number {n}." for n in range(3)]
    spans = tables["attributions"][0]["content_spans"]
    assert (spans if fmt == "jsonl" else json.loads(spans)) == store.article("art-0").to_dict()[
        "attributions"][0]["content"]["spans"]


def test_store_export_bad_format(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="jsonl, csv, parquet"):
        export_store(store, tmp_path, "xml")
