"""The Parquet output of the distributed job: explicit schemas, atomic writes, and reading it back.

Layout under the output directory (one file per partition in each table)::

    articles/part-00000.parquet      one row per article; ``article_json`` is the whole Article (lossless)
    attributions/part-00000.parquet  one row per attribution, ``article_id`` joins to articles
    entities/part-00000.parquet      one row per entity
    disputes/part-00000.parquet      one row per dispute
    failures/part-00000.parquet      one row per article that could not be processed, with the reason
    _partitions/part-00000.json      the partition's success marker (written last)
    manifest.json                    inputs, options, plan, status and counts
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from ..model import Article, Span

SPANS = pa.list_(pa.list_(pa.int64()))
MENTION = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("partition", pa.int32()), ("id", pa.string()), ("schema", pa.string()), ("title", pa.string()),
        ("url", pa.string()), ("published", pa.string()), ("n_chars", pa.int64()), ("n_entities", pa.int32()),
        ("n_attributions", pa.int32()), ("n_disputes", pa.int32()), ("meta_json", pa.string()),
        ("article_json", pa.large_string()),
    ]),
    "attributions": pa.schema([
        ("partition", pa.int32()), ("article_id", pa.string()), ("id", pa.string()), ("kind", pa.string()),
        ("content_text", pa.large_string()), ("content_spans", SPANS), ("cue_text", pa.string()),
        ("cue_spans", SPANS), ("source_text", pa.string()), ("source_spans", SPANS), ("speaker", pa.string()),
        ("speaker_name", pa.string()), ("parent", pa.string()), ("confidence", pa.float64()),
        ("type", pa.string()), ("region", pa.string()), ("speaker_confidence", pa.float64()),
    ]),
    "entities": pa.schema([
        ("partition", pa.int32()), ("article_id", pa.string()), ("id", pa.string()), ("name", pa.string()),
        ("kind", pa.string()), ("key", pa.string()), ("named", pa.bool_()), ("roles", pa.list_(pa.string())),
        ("mentions", pa.list_(MENTION)),
    ]),
    "disputes": pa.schema([
        ("partition", pa.int32()), ("article_id", pa.string()), ("by", pa.string()),
        ("target_attribution", pa.string()), ("target_entity", pa.string()), ("cue_text", pa.string()),
        ("cue_spans", SPANS), ("kind", pa.string()), ("target_text", pa.string()), ("target_text_spans", SPANS),
        ("confidence", pa.float64()),
    ]),
    "failures": pa.schema([
        ("partition", pa.int32()), ("article_id", pa.string()), ("source", pa.string()), ("error", pa.string()),
        ("article_json", pa.large_string()),
    ]),
}
TABLES = tuple(SCHEMAS)


def _spans(span: Span | None) -> list[list[int]] | None:
    return [list(p) for p in span.spans] if span else None


def _meta_str(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    return None if value is None else str(value)


def article_rows(partition: int, articles: list[Article]) -> dict[str, list[dict[str, Any]]]:
    """Rows for the articles, attributions, entities and disputes tables."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES if name != "failures"}
    for art in articles:
        rows["articles"].append({
            "partition": partition, "id": art.id, "schema": art.to_dict()["schema"],
            "title": _meta_str(art.meta, "title"), "url": _meta_str(art.meta, "url"),
            "published": _meta_str(art.meta, "published"), "n_chars": len(art.text),
            "n_entities": len(art.entities), "n_attributions": len(art.attributions),
            "n_disputes": len(art.disputes), "meta_json": json.dumps(art.meta, ensure_ascii=False, default=str),
            "article_json": art.to_json(default=str),
        })
        for a in art.attributions:
            rows["attributions"].append({
                "partition": partition, "article_id": art.id, "id": a.id, "kind": a.kind,
                "content_text": a.content.text, "content_spans": _spans(a.content),
                "cue_text": a.cue.text if a.cue else None, "cue_spans": _spans(a.cue),
                "source_text": a.source.text if a.source else None, "source_spans": _spans(a.source),
                "speaker": a.speaker, "speaker_name": art.speaker_name(a), "parent": a.parent,
                "confidence": float(a.confidence), "type": a.type, "region": a.region,
                "speaker_confidence": a.speaker_confidence,
            })
        for e in art.entities:
            rows["entities"].append({
                "partition": partition, "article_id": art.id, "id": e.id, "name": e.name, "kind": e.kind,
                "key": e.key, "named": e.named, "roles": list(e.roles), "mentions": [m.to_dict() for m in e.mentions],
            })
        for d in art.disputes:
            rows["disputes"].append({
                "partition": partition, "article_id": art.id, "by": d.by, "target_attribution": d.target_attribution,
                "target_entity": d.target_entity, "cue_text": d.cue.text, "cue_spans": _spans(d.cue),
                "kind": d.kind, "target_text": d.target_text.text if d.target_text else None,
                "target_text_spans": _spans(d.target_text), "confidence": float(d.confidence),
            })
    return rows


def failure_rows(partition: int, failures: list[Article]) -> list[dict[str, Any]]:
    """Rows for the failures table from articles whose ``error`` says why they could not be processed."""
    return [{"partition": partition, "article_id": art.id, "source": _meta_str(art.meta, "source"),
             "error": art.error, "article_json": art.to_json(default=str)} for art in failures]


def write_table_atomic(path: Path, table: pa.Table) -> None:
    """Write ``table`` to a hidden temporary name beside ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_partition_tables(out_dir: Path, name: str, partition: int, articles: list[Article],
                           failures: list[Article]) -> dict[str, int]:
    """Write the five tables of one partition; returns rows written per table."""
    rows = article_rows(partition, articles)
    rows["failures"] = failure_rows(partition, failures)
    for table, schema in SCHEMAS.items():
        write_table_atomic(out_dir / table / f"{name}.parquet", pa.Table.from_pylist(rows[table], schema=schema))
    return {table: len(rows[table]) for table in TABLES}


def partition_files(out_dir: Path, name: str) -> list[Path]:
    """The Parquet files a finished partition has."""
    return [out_dir / table / f"{name}.parquet" for table in TABLES]


def read_dask_output(out_dir: str | Path, failures: bool = False) -> Iterator[Article]:
    """The articles of a ``quoth dask`` output directory, rebuilt losslessly from ``article_json``.

    In partition order, input order within a partition. With ``failures=True`` yields the failed articles (their
    ``error`` says why) instead. Raises FileNotFoundError when ``out_dir`` has no such table, and the error of a
    file or row that cannot be read (``iter_article_rows`` yields those instead of raising).
    """
    for _where, article in iter_article_rows(out_dir, failures):
        if isinstance(article, Exception):
            raise article
        yield article


def iter_article_rows(out_dir: str | Path, failures: bool = False) -> Iterator[tuple[str, Article | Exception]]:
    """``(where, article)`` for every row of the articles (or failures) table, as ``read_dask_output`` reads them;
    a Parquet file or a row that cannot be read is yielded as ``(where, exception)`` and the others are still read
    (``where`` names the file, and the row within it)."""
    table_dir = Path(out_dir) / ("failures" if failures else "articles")
    if not table_dir.is_dir():
        raise FileNotFoundError(f"{table_dir} does not exist; is {out_dir} the --out of a `quoth dask` run?")
    for part in sorted(table_dir.glob("part-*.parquet")):
        row = 0
        try:
            for batch in pq.ParquetFile(part).iter_batches(columns=["article_json"], batch_size=256):
                for raw in batch.column(0).to_pylist():
                    row += 1
                    try:
                        yield f"{part}#{row}", Article.from_json(raw)
                    except Exception as exc:  # noqa: BLE001  one damaged row fails alone
                        yield f"{part}#{row}", exc
        except Exception as exc:  # noqa: BLE001  a damaged file: its rows read so far are kept
            yield (f"{part}#{row + 1}" if row else str(part)), exc


def read_failure_sources(out_dir: str | Path) -> Iterator[dict[str, Any]]:
    """The failures table as plain dicts (``article_id``, ``source``, ``error``, ``partition``)."""
    for part in sorted((Path(out_dir) / "failures").glob("part-*.parquet")):
        columns = ["partition", "article_id", "source", "error"]
        yield from pq.read_table(part, columns=columns).to_pylist()
