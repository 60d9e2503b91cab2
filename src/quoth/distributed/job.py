"""``run_dask``: extract a corpus on a Dask cluster, one partition per task, into Parquet.

The client only plans (file sizes and seeks) and watches; workers read their partition, run the same
``extract_many`` a single process runs, and write their Parquet files and success marker. The spaCy model is
loaded once per worker process (``nlp.load_pipeline`` is cached per process).
"""

from __future__ import annotations

import logging
import os
import socket
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from ..errors import ModelNotFound
from ..model import SCHEMA_VERSION, Article
from ..options import Options
from ..ingest.journal import JOURNAL_SUFFIX, Journal, died_on
from .manifest import (MANIFEST_NAME, MARKER_DIR, Manifest, PartitionStatus, check_same_job, finished_status,
                       options_record, read_manifest, write_json_atomic, write_marker)
from .partitions import PartitionSpec, plan_partitions
from .partitions import count_newlines, with_line_numbers
from .readers import read_partition
from .tables import write_partition_tables

if TYPE_CHECKING:
    from distributed import Client

# A task whose worker died (killed, out of memory) is run again this many times before its partition is failed.
TASK_RETRIES = 2
# The manifest is rewritten at most this often while a job runs, so `cat manifest.json` shows progress.
MANIFEST_EVERY_SECONDS = 5.0

log = logging.getLogger(__name__)


def extract_partition(items: list[Article], options: Options, journal: Journal | None = None) -> list[Article]:
    """``extract_many`` over the items, in batches; an article that crashes extraction fails alone, with a reason.

    With a ``journal`` each batch's positions are noted before it is extracted, so that a retry after the worker
    process died extracts that batch one article at a time and skips the article that was alone in flight.
    """
    from ..pipeline import extract_many

    journal = journal or Journal(None)
    done: list[Article] = []
    for at in range(0, len(items), options.batch_size):
        batch = items[at:at + options.batch_size]
        positions = range(at, at + len(batch))
        if journal.careful(positions):
            for n, item in zip(positions, batch):
                journal.record([n])
                done.append(died_on(item, "the worker process", "it was skipped so that the rest of its partition "
                                "could be written") if n in journal.killers else _extract_alone(item, n, options))
            continue
        journal.record(list(positions))
        try:
            done.extend(list(extract_many(batch, options, errors="collect")))
        except ModelNotFound:
            raise  # not the article's fault: every article would fail, so fail the partition loudly
        except Exception:  # noqa: BLE001  a bug on one article must not lose the batch: isolate it
            for n, item in enumerate(batch):
                done.append(_extract_alone(item, at + n, options))
    return done


def _extract_alone(item: Article, n: int, options: Options) -> Article:
    from ..pipeline import extract_many

    try:
        return next(extract_many([item], options, errors="collect"))
    except ModelNotFound:
        raise
    except Exception as exc:  # noqa: BLE001  recorded in the failures table, with the exception
        return Article(id=item.id, text="", meta=dict(item.meta),
                       error=f"{item.id or n}: extraction failed ({type(exc).__name__}: {exc}); please report it")


def screen_repeats(articles: Iterable[Article]) -> tuple[list[Article], int]:
    """The articles to extract, as ``quoth ingest`` screens them, and how many were skipped: an empty text is
    skipped, an id met earlier in the partition with the same text is skipped, and one met with different text is
    a failure (a conflict); ``quoth load`` screens ids repeated across partitions the same way."""
    from ..ingest.run import CONFLICT_IN_RUN
    from ..store.write import content_hash

    kept: list[Article] = []
    seen: dict[str, str] = {}
    skipped = 0
    for article in articles:
        if article.error is None:
            if not article.text.strip():
                skipped += 1
                continue
            digest = content_hash(article.text)
            first = seen.setdefault(article.id, digest)
            if first is not digest:  # the id came earlier in this partition
                if first == digest:
                    skipped += 1
                    continue
                article.error = f"{article.id}: {CONFLICT_IN_RUN}"
        kept.append(article)
    return kept, skipped


def process_partition(spec: PartitionSpec, out_dir: str, options: Options) -> PartitionStatus:
    """The task run on a worker: read, extract and write one partition, then its success marker."""
    from ..ingest.options import ReadOptions

    began, cpu_began = time.perf_counter(), time.process_time()

    read, skipped = screen_repeats(read_partition(spec, ReadOptions.from_options(options)))
    journal = Journal.open(Path(out_dir) / MARKER_DIR / f"{spec.name}{JOURNAL_SUFFIX}")
    articles = extract_partition(read, options, journal)
    ok = [a for a in articles if a.error is None]
    failed = [a for a in articles if a.error is not None]
    counts = {**write_partition_tables(Path(out_dir), spec.name, spec.index, ok, failed), "skipped": skipped}
    status = PartitionStatus(spec=spec, status="done", counts=counts, seconds=time.perf_counter() - began,
                             cpu_seconds=time.process_time() - cpu_began,
                             worker=f"{socket.gethostname()}:{os.getpid()}")
    write_marker(Path(out_dir), status, options)
    journal.close()
    return status


def warm_worker(options: Options) -> str:
    """Load every model on a worker before the first task, by extracting from one sentence.

    Run on all workers at once with ``Client.run``, so a missing model (``ModelNotFound``) stops the job before
    any partition is submitted.
    """
    from ..pipeline import extract_many

    list(extract_many([Article(id="warm-up", text='"It works," she said.')], options, errors="raise"))
    return f"{socket.gethostname()}:{os.getpid()}"


@contextmanager
def connect(scheduler: "str | Client | None", workers: int | None) -> Iterator["Client"]:
    """A client on ``scheduler`` (an address or a Client), or on a new LocalCluster of worker processes."""
    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        yield scheduler
    elif scheduler:
        with Client(scheduler) as client:
            yield client
    else:
        n = workers or os.cpu_count() or 1
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            yield client


def resume_plan(out: Path, inputs: list[str], options: Options, partitions: int | None) -> list[PartitionSpec] | None:
    """The plan of an earlier run in ``out`` to resume, or None when there is none (plan afresh)."""
    earlier = read_manifest(out)
    if earlier is None:
        return None
    fresh = plan_partitions(inputs, partitions) if partitions is not None else None
    check_same_job(earlier, inputs, options, fresh)
    return [p.spec for p in earlier.partitions]


def number_lines(client: "Client", specs: list[PartitionSpec]) -> list[PartitionSpec]:
    """Count each JSONL piece's newlines on the workers, so failures name the line ``read_sources`` names."""
    pieces = [s for s in specs if s.kind == "jsonl"]
    if not pieces:
        return specs
    futures = [client.submit(count_newlines, s.path, s.start, s.end, pure=False) for s in pieces]
    counts = client.gather(futures)
    return with_line_numbers(specs, {s.index: n for s, n in zip(pieces, counts)})


def run_dask(
    inputs: Sequence[str | Path],
    out_dir: str | Path,
    options: Options | None = None,
    scheduler: "str | Client | None" = None,
    partitions: int | None = None,
    progress: bool = True,
    workers: int | None = None,
) -> Manifest:
    """Extract ``inputs`` (directories, JSONL, WARC and other ``quoth.ingest`` files) on Dask into Parquet.

    ``scheduler`` is a scheduler address (``tcp://host:8786``) or a ``Client``; without it a LocalCluster of
    ``workers`` processes (default: one per core) is started. ``partitions`` sets the plan (default: about
    ``DEFAULT_PARTITION_BYTES`` each). A rerun in the same ``out_dir`` skips finished partitions. Returns the
    manifest (also written to ``out_dir/manifest.json``); a partition that failed after retries has status
    ``failed`` and an error. Raises InputError for a missing input and OutputMismatch when ``out_dir``
    holds another job's output.
    """
    from .. import __version__

    opts, out, began = options or Options(), Path(out_dir), time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    paths = [os.path.abspath(p) for p in inputs]
    plan = resume_plan(out, paths, opts, partitions)
    with ExitStack() as stack:
        client = _Lazy(lambda: stack.enter_context(connect(scheduler, workers)))
        if plan is None:
            plan = plan_partitions(paths, partitions)
            plan = number_lines(client.get(), plan) if any(s.kind == "jsonl" for s in plan) else plan
        manifest = Manifest(inputs=paths, options=options_record(opts), quoth_version=__version__,
                            schema_version=SCHEMA_VERSION,
                            partitions=[finished_status(out, s, opts) or PartitionStatus(spec=s) for s in plan])
        write_json_atomic(out / MANIFEST_NAME, manifest.to_dict())
        todo = [p for p in manifest.partitions if p.status != "skipped"]
        if todo:
            client.get().run(warm_worker, opts)
            manifest.workers = len(client.get().scheduler_info()["workers"])
            _run_partitions(client.get(), todo, manifest, out, opts, progress)
    manifest.seconds = time.perf_counter() - began
    manifest.status = "failed" if manifest.failed() else "done"
    write_json_atomic(out / MANIFEST_NAME, manifest.to_dict())
    return manifest


class _Lazy:
    """Connect to the cluster only when there is work for it (a rerun with nothing left starts no cluster)."""

    def __init__(self, make: Callable[[], "Client"]) -> None:
        self._make, self._client = make, None

    def get(self) -> "Client":
        if self._client is None:
            self._client = self._make()
        return self._client


def _run_partitions(client: "Client", todo: list[PartitionStatus], manifest: Manifest, out: Path,
                    options: Options, progress: bool) -> None:
    from distributed import as_completed

    by_key: dict[str, PartitionStatus] = {}
    futures = []
    for status in todo:
        future = client.submit(process_partition, status.spec, str(out), options, retries=TASK_RETRIES,
                               pure=False, key=f"quoth-{status.spec.name}-{os.urandom(4).hex()}")
        by_key[future.key] = status
        futures.append(future)
    last_write = time.monotonic()
    with _progress_bar(len(todo), progress) as advance:
        for future in as_completed(futures):
            _record(by_key[future.key], future)
            advance(by_key[future.key])
            if time.monotonic() - last_write > MANIFEST_EVERY_SECONDS:
                write_json_atomic(out / MANIFEST_NAME, manifest.to_dict())
                last_write = time.monotonic()


def _record(status: PartitionStatus, future: Any) -> None:
    """Copy a finished task's result (or its error) into the manifest entry."""
    if future.status == "finished":
        result: PartitionStatus = future.result()
        status.status, status.counts = "done", result.counts
        status.seconds, status.cpu_seconds, status.worker = result.seconds, result.cpu_seconds, result.worker
    else:
        exc = future.exception()
        status.status, status.error = "failed", f"{type(exc).__name__}: {exc}"
        log.warning("partition %s (%s) failed: %s", status.spec.name, status.spec.describe(), status.error)


@contextmanager
def _progress_bar(total: int, enabled: bool) -> Iterator[Any]:
    """A rich progress bar over partitions on stderr; yields ``advance(status)``."""
    if not enabled:
        yield lambda status: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, \
        TimeRemainingColumn

    articles = 0
    columns = (TextColumn("[bold]partitions"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
               TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("0 articles", total=total)

        def advance(status: PartitionStatus) -> None:
            nonlocal articles
            articles += status.counts.get("articles", 0) + status.counts.get("failures", 0)
            failed = " [red]failed " + status.spec.name if status.status == "failed" else ""
            bar.update(task, advance=1, description=f"{articles:,} articles{failed}")

        yield advance
