"""``quoth dask`` (extract a corpus on a Dask cluster into Parquet) and ``quoth load`` (Parquet into a store).

Thin shells over ``quoth.distributed.run_dask`` and ``quoth.distributed.read_dask_output``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from ..options import Options
from ..errors import InputError
from .app import app
from .corpus import translate_errors

_DEFAULTS = Options()


@app.command("dask")
@translate_errors
def dask_command(
    inputs: Annotated[list[Path], typer.Argument(
        help="Directories, .jsonl and .warc(.gz) files (and other files `quoth extract` reads). On a cluster, "
             "every worker must see these paths (a shared filesystem).", exists=True)],
    out: Annotated[Path, typer.Option(
        "--out", help="Output directory for the Parquet tables and manifest.json; rerun with the same one to "
                      "resume, skipping finished partitions.")],
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", help="Address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786. Without it a local "
                            "cluster of --workers processes is started.")] = None,
    partitions: Annotated[Optional[int], typer.Option(
        "--partitions", min=1, help="Cut the input into about N partitions (default: ~8 MiB of input each; a "
                                    "resumed run keeps its earlier plan).")] = None,
    workers: Annotated[Optional[int], typer.Option(
        "--workers", min=1, help="Worker processes of the local cluster (default: one per core). Ignored with "
                                 "--scheduler.")] = None,
    model: Annotated[str, typer.Option("--model", help="spaCy pipeline package to load on the workers.")]
    = _DEFAULTS.model,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per spaCy batch on a worker.")]
    = _DEFAULTS.batch_size,
    max_chars: Annotated[int, typer.Option(
        "--max-chars", min=1, help="Longer articles are recorded as failures instead of extracted.")]
    = _DEFAULTS.max_chars,
    no_speakers: Annotated[bool, typer.Option(
        "--no-speakers", help="Skip speaker resolution and dispute detection (faster).")] = False,
    progress: Annotated[bool, typer.Option(
        "--progress/--no-progress", help="Show a progress bar over partitions on stderr.")] = True,
) -> None:
    """Extract attributions from a corpus on a Dask cluster, writing Parquet tables and a manifest."""
    from ..distributed import run_dask

    options = Options(model=model, batch_size=batch_size, max_chars=max_chars, speakers=not no_speakers,
                      disputes=not no_speakers)
    manifest = run_dask([str(p) for p in inputs], out, options, scheduler=scheduler, partitions=partitions,
                        progress=progress, workers=workers)
    console = Console(stderr=True)
    counts = manifest.counts
    skipped = sum(p.status == "skipped" for p in manifest.partitions)
    console.print(Text(f"{counts['articles']:,} articles, {counts['attributions']:,} attributions, "
                       f"{counts['failures']:,} failed articles in {len(manifest.partitions)} partitions "
                       f"({skipped} already done) in {manifest.seconds:.1f} s → {out}"))
    failed = manifest.failed()
    if failed:
        for status in failed[:5]:
            console.print(f"[red]{status.spec.name}[/red] ({escape(status.spec.describe())}): "
                          f"{escape(status.error or '')}", highlight=False)
        console.print(f"{len(failed)} partitions failed; run the same command again to retry them.")
        raise typer.Exit(1)


@app.command("load")
@translate_errors
def load_command(
    directory: Annotated[Path, typer.Argument(
        help="The --out directory of a `quoth dask` run.", exists=True, file_okay=False)],
    db: Annotated[Path, typer.Option("--db", help="The SQLite store to add the articles to (created if new).")],
    failures: Annotated[bool, typer.Option(
        "--failures/--no-failures", help="Also record the failed articles in the store.")] = True,
) -> None:
    """Load the Parquet output of `quoth dask` into a quoth store."""
    from ..distributed.load import load_into_store

    try:
        counts = load_into_store(directory, db, failures=failures)
    except FileNotFoundError as exc:
        raise InputError(str(exc)) from None
    Console(stderr=True).print(Text(
        f"{counts['articles']:,} articles and {counts['failures']:,} failures from {directory} → {db}: "
        f"{counts['added']:,} added, {counts['skipped']:,} already stored, {counts['failed']:,} recorded as failures "
        f"(`quoth stats --failures --db {db}` lists them)"))
