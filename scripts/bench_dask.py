"""Benchmark ``quoth dask``: the same input on a LocalCluster of 1 worker, then 2 workers; prints articles/s and
the speed-up (target: at least 1.7x on a 2-core machine).

Input: the PolNeAR dev texts in ../shared/data/raw/polnear/data/dev/text when present (read in place through
symlinks in a temporary directory, never copied), else a generated corpus. ``--n`` sets the number of articles.

    python scripts/bench_dask.py --n 400
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import tempfile
import time
from pathlib import Path

from quoth.distributed import run_dask
from quoth.distributed.job import warm_worker
from quoth.options import Options

POLNEAR_DEV = Path(__file__).resolve().parents[2] / "shared/data/raw/polnear/data/dev/text"
NAMES = ["Jane Miller", "Omar Haddad", "Lucia Ferreira", "Tom Becker", "Aiko Tanaka", "Sam Okafor"]
PARAGRAPH = ('{name} said on {day} that the proposal was "a costly mistake for the region". "We will not support '
             'it in its current form," {last} told reporters, adding that the council had ignored the auditors. '
             "According to a spokesman, the mayor rejected the criticism and said the budget was balanced.")


def link_polnear(root: Path, n: int) -> Path:
    """A directory of ``n`` symlinks to the PolNeAR dev texts (cycled), so the texts are never copied."""
    texts = sorted(POLNEAR_DEV.glob("*.txt"))
    target = root / "polnear"
    target.mkdir()
    for i in range(n):
        (target / f"{i:06d}-{texts[i % len(texts)].name}").symlink_to(texts[i % len(texts)])
    return target


def generate(root: Path, n: int) -> Path:
    """A JSONL file of ``n`` made-up articles of six paragraphs each."""
    path = root / "generated.jsonl"
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            paras = [PARAGRAPH.format(name=NAMES[(i + k) % len(NAMES)], last=NAMES[(i + k) % len(NAMES)].split()[-1],
                                      day=days[(i + k) % len(days)]) for k in range(6)]
            handle.write(json.dumps({"id": f"g{i}", "text": "\n\n".join(paras)}) + "\n")
    return path


def time_run(source: Path, workers: int, partitions: int, root: Path) -> tuple[int, float, float]:
    """Articles done, wall seconds and the workers' CPU seconds for one run on a fresh LocalCluster.

    Models are loaded before the clock starts, as a long job pays that once per worker.
    """
    from distributed import Client, LocalCluster

    options = Options()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        client.run(warm_worker, options)
        began = time.perf_counter()
        manifest = run_dask([source], root / f"out-{workers}", options, scheduler=client, partitions=partitions,
                            progress=False)
        seconds = time.perf_counter() - began
    assert manifest.status == "done", manifest.failed()
    return manifest.counts["articles"], seconds, sum(p.cpu_seconds for p in manifest.partitions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=336, help="Articles to process in each run.")
    parser.add_argument("--partitions", type=int, default=32, help="Partitions (the same for both runs; default: %(default)s).")
    parser.add_argument("--generated", action="store_true", help="Use the generated corpus even if PolNeAR is there.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        use_polnear = POLNEAR_DEV.is_dir() and not args.generated
        source = link_polnear(root, args.n) if use_polnear else generate(root, args.n)
        print(f"input: {'PolNeAR dev texts' if use_polnear else 'generated corpus'}, {args.n} articles, "
              f"{args.partitions} partitions, {os.cpu_count()} cores")
        rates, per_cpu = {}, {}
        for workers in (1, 2):
            load = os.getloadavg()[0]
            done, seconds, cpu = time_run(source, workers, args.partitions, root)
            rates[workers], per_cpu[workers] = done / seconds, done / cpu
            print(f"{workers} worker{'s' if workers > 1 else ''}: {done} articles in {seconds:.1f} s = "
                  f"{rates[workers]:.2f} articles/s ({per_cpu[workers]:.2f} per worker CPU-second; "
                  f"load average before {load:.1f})")
        print(f"speed-up 2 vs 1 workers: {rates[2] / rates[1]:.2f}x (target >= 1.7x; needs the cores idle)")
        print(f"per core: {per_cpu[1]:.2f} articles/CPU-s -> {1e6 / per_cpu[1] / 3600:.0f} core-hours per 1M articles")


if __name__ == "__main__":
    main()
