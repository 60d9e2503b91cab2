"""Exporting the store's tables (articles, attributions, entities, disputes) as JSONL, CSV or Parquet."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any, Iterator, Literal

from ..safety import csv_cell
from .errors import StoreError

Format = Literal["jsonl", "csv", "parquet"]
FORMATS = ("jsonl", "csv", "parquet")
# Rows per Parquet row group / fetch: bounds memory on a large corpus.
EXPORT_BATCH_ROWS = 10_000

TABLES: dict[str, str] = {
    "articles": "SELECT id, content_hash, title, url, published, authors, source, meta, ingested_at, text"
                " FROM articles ORDER BY pk",
    "attributions": "SELECT a.id, a.article_id, a.local_id AS attribution_id, a.kind, a.content, a.content_spans,"
                    " a.cue, a.cue_spans, a.source, a.source_spans, a.speaker_local, a.speaker_id,"
                    " e.name AS speaker, a.speaker_confidence, a.parent_local AS parent, a.confidence, a.published,"
                    " a.type, a.region"
                    " FROM attributions a LEFT JOIN entities e ON e.id = a.speaker_id ORDER BY a.id",
    "entities": "SELECT e.id, e.key, e.name, e.kind, e.named,"
                " (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS articles,"
                " (SELECT count(*) FROM attributions a WHERE a.speaker_id = e.id) AS statements"
                " FROM entities e ORDER BY e.id",
    "disputes": "SELECT d.id, d.article_id, d.by_local AS by, d.target_attribution_local AS target_attribution,"
                " d.target_entity_local AS target_entity, d.target_entity_id, d.cue, d.cue_spans, d.kind,"
                " d.target_text, d.target_text_spans, d.confidence"
                " FROM disputes d ORDER BY d.id",
}
# Integer columns per table (everything else is text, but ``confidence``): the Parquet schema.
INT_COLUMNS = {
    "articles": set(),
    "attributions": {"id", "speaker_id"},
    "entities": {"id", "named", "articles", "statements"},
    "disputes": {"id", "target_entity_id"},
}
# Columns holding JSON text: decoded in JSONL so the export is plain JSON; kept as text in CSV and Parquet.
JSON_COLUMNS = {"authors", "meta", "content_spans", "cue_spans", "source_spans", "target_text_spans"}


def export(conn: sqlite3.Connection, out_dir: str | Path, fmt: str = "jsonl") -> dict[str, Path]:
    """Write one file per table to ``out_dir`` (created); returns {table: path}. Raises StoreError on a bad format."""
    if fmt not in FORMATS:
        raise StoreError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for table, sql in TABLES.items():
        path = out / f"{table}.{fmt}"
        writer = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}[fmt]
        writer(conn, sql, path, table)
        written[table] = path
    return written


def _batches(conn: sqlite3.Connection, sql: str) -> tuple[list[str], Iterator[list[tuple]]]:
    cursor = conn.execute(sql)
    columns = [d[0] for d in cursor.description]

    def rows() -> Iterator[list[tuple]]:
        while batch := cursor.fetchmany(EXPORT_BATCH_ROWS):
            yield batch

    return columns, rows()


def _write_jsonl(conn: sqlite3.Connection, sql: str, path: Path, table: str) -> None:
    columns, batches = _batches(conn, sql)
    with path.open("w", encoding="utf-8") as handle:
        for batch in batches:
            for row in batch:
                record: dict[str, Any] = dict(zip(columns, row))
                for key in JSON_COLUMNS & record.keys():
                    if record[key] is not None:
                        record[key] = json.loads(record[key])
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _write_csv(conn: sqlite3.Connection, sql: str, path: Path, table: str) -> None:
    columns, batches = _batches(conn, sql)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for batch in batches:
            writer.writerows([csv_cell(v) for v in row] for row in batch)


def _write_parquet(conn: sqlite3.Connection, sql: str, path: Path, table: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns, batches = _batches(conn, sql)
    types = _arrow_types(columns, INT_COLUMNS[table])
    schema = pa.schema([(c, types[c]) for c in columns])
    with pq.ParquetWriter(path, schema) as writer:
        for batch in batches:
            arrays = [pa.array([row[i] for row in batch], type=types[c]) for i, c in enumerate(columns)]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))


def _arrow_types(columns: list[str], ints: set[str]) -> dict[str, Any]:
    import pyarrow as pa

    types = {c: pa.int64() if c in ints else pa.string() for c in columns}
    for column in ("confidence", "speaker_confidence"):
        if column in types:
            types[column] = pa.float64()
    return types
