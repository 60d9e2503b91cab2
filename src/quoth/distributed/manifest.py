"""``manifest.json`` and the per-partition success markers that make a rerun skip finished work."""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import QuothError
from ..options import Options
from .partitions import PartitionSpec
from .tables import TABLES, partition_files

MANIFEST_NAME = "manifest.json"
MARKER_DIR = "_partitions"


class OutputMismatch(QuothError):
    """The output directory holds the result of a different job (other inputs, options or plan)."""


@dataclass
class PartitionStatus:
    """What happened to one partition: ``pending``, ``done``, ``skipped`` (done by an earlier run) or ``failed``."""

    spec: PartitionSpec
    status: str = "pending"
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    worker: str | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.spec.name, "spec": self.spec.to_dict(), "status": self.status, "counts": self.counts,
                "seconds": round(self.seconds, 3), "cpu_seconds": round(self.cpu_seconds, 3), "worker": self.worker,
                "error": self.error}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PartitionStatus":
        return cls(spec=PartitionSpec.from_dict(data["spec"]), status=data["status"], counts=dict(data["counts"]),
                   seconds=float(data["seconds"]), cpu_seconds=float(data.get("cpu_seconds", 0.0)),
                   worker=data.get("worker"), error=data.get("error"))


@dataclass
class Manifest:
    """The record of a ``quoth dask`` run: inputs, options, the partition plan and each partition's status."""

    inputs: list[str]
    options: dict[str, Any]
    partitions: list[PartitionStatus]
    quoth_version: str = ""
    schema_version: str = ""
    status: str = "running"
    started: float = field(default_factory=time.time)
    seconds: float = 0.0
    workers: int = 0

    @property
    def counts(self) -> dict[str, int]:
        """Rows per table over all finished partitions."""
        return {t: sum(p.counts.get(t, 0) for p in self.partitions) for t in TABLES}

    def failed(self) -> list[PartitionStatus]:
        """Partitions that did not finish (their articles are missing from the output)."""
        return [p for p in self.partitions if p.status == "failed"]

    def to_dict(self) -> dict[str, Any]:
        return {"quoth_version": self.quoth_version, "schema_version": self.schema_version, "status": self.status,
                "inputs": self.inputs, "options": self.options, "started": self.started,
                "seconds": round(self.seconds, 3), "workers": self.workers, "counts": self.counts,
                "partitions": [p.to_dict() for p in self.partitions]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Manifest":
        return cls(inputs=list(data["inputs"]), options=dict(data["options"]),
                   partitions=[PartitionStatus.from_dict(p) for p in data["partitions"]],
                   quoth_version=data.get("quoth_version", ""), schema_version=data.get("schema_version", ""),
                   status=data.get("status", ""), started=float(data.get("started", 0)),
                   seconds=float(data.get("seconds", 0)), workers=int(data.get("workers", 0)))


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    """Write JSON to a hidden temporary name beside ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        # ASCII escapes: a path that is not valid UTF-8 (a lone surrogate from the file system) round-trips as
        # "\udce9" instead of making the write fail.
        tmp.write_text(json.dumps(data, ensure_ascii=True, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def read_manifest(out_dir: Path) -> Manifest | None:
    """The manifest of an earlier run in ``out_dir``, or None when there is none."""
    path = out_dir / MANIFEST_NAME
    if not path.exists():
        return None
    return Manifest.from_dict(json.loads(path.read_text(encoding="utf-8")))


def options_record(options: Options) -> dict[str, Any]:
    """``options`` as the manifest stores it, JSON-shaped (a tuple field reads back as a list), so that a run's
    options compare equal to the ones read back from its manifest."""
    return json.loads(json.dumps(asdict(options)))


def write_marker(out_dir: Path, status: PartitionStatus, options: Options) -> None:
    """Mark a partition finished: written last, after all its Parquet files are in place."""
    write_json_atomic(out_dir / MARKER_DIR / f"{status.spec.name}.json",
                      {**status.to_dict(), "options": options_record(options)})


def finished_status(out_dir: Path, spec: PartitionSpec, options: Options) -> PartitionStatus | None:
    """The status of ``spec`` when an earlier run finished exactly this partition with these options, else None."""
    marker = out_dir / MARKER_DIR / f"{spec.name}.json"
    if not marker.exists() or not all(p.exists() for p in partition_files(out_dir, spec.name)):
        return None
    data = json.loads(marker.read_text(encoding="utf-8"))
    if data.get("spec") != spec.to_dict() or data.get("options") != options_record(options):
        return None
    status = PartitionStatus.from_dict(data)
    status.status = "skipped"
    return status


def check_same_job(earlier: Manifest, inputs: list[str], options: Options,
                   plan: list[PartitionSpec] | None) -> None:
    """Raise OutputMismatch when ``out_dir`` holds another job's output, which a rerun must not mix with."""
    fix = "pass a new --out directory, or delete the old one to start over"
    if earlier.inputs != inputs:
        raise OutputMismatch(f"the output directory holds a run over other inputs ({earlier.inputs}); {fix}")
    if earlier.options != options_record(options):
        raise OutputMismatch(f"the output directory holds a run with other options ({earlier.options}); {fix}")
    earlier_plan = [p.spec for p in earlier.partitions]
    if plan is not None and (len(plan) != len(earlier_plan)
                             or not all(a.same_place(b) for a, b in zip(plan, earlier_plan))):
        raise OutputMismatch(
            f"the output directory holds a run planned in {len(earlier.partitions)} other partitions; "
            f"rerun without --partitions to resume it, or {fix}"
        )
