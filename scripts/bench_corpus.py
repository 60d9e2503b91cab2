"""Benchmark the corpus path: bare ``extract_many`` vs ``quoth ingest`` throughput, search latency, peak RSS.

    python scripts/bench_corpus.py --n 10000          # the numbers in docs/store.md
    python scripts/bench_corpus.py --n 500 --compare 200   # a quick run

Generates a synthetic corpus (invented sentences from templates with random names; no real articles) as JSONL,
ingests all of it into a fresh store (peak RSS sampled at 1k and at n articles), then on the first ``--compare``
articles alternates bare ``extract_many`` and ingest into a scratch store (best of ``--rounds``) and compares the
rates, then times ``Store.search`` on the full store.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

FIRST = ["Ann", "Bob", "Cara", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Keiko", "Liam", "Maya",
         "Nils", "Olga", "Pedro", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wes", "Xia", "Yusuf", "Zoe"]
LAST = ["Abbott", "Brandt", "Castillo", "Dunn", "Eriksen", "Fong", "Garner", "Hale", "Ibarra", "Jensen", "Kovac",
        "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quist", "Rahman", "Silva", "Tanaka", "Uribe",
        "Varga", "Whitlock", "Xu", "Yilmaz", "Zeller"]
ROLES = ["mayor", "spokesperson", "minister", "chief executive", "union leader", "professor", "councillor"]
ORGS = ["the Harbour Board", "Northfield Council", "the Transport Ministry", "Acme Rail", "the Teachers Union",
        "Riverside University", "the Water Authority"]
TOPICS = ["the bridge", "the new tax", "the rail line", "school funding", "the water supply", "the harbour plan",
          "the budget", "the hospital"]
CLAIMS = ["{t} will be finished next year", "{t} is far over budget", "{t} was never properly planned",
          "nobody was consulted about {t}", "{t} will create hundreds of jobs", "{t} must be paused at once"]
QUOTES = ["We will not accept delays on {t}.", "This is a good day for everyone who relies on {t}.",
          "The figures on {t} simply do not add up.", "I have always supported {t} and I still do.",
          "Nobody told us the truth about {t}."]
TEMPLATES = [
    '{name}, the {role} of {org}, said on Tuesday that {claim}.',
    '"{quote}" {name} told reporters after the meeting.',
    '{name} rejected that account. "{quote}" {pronoun} said.',
    'According to {org}, {claim}.',
    'In a statement, {org} said {claim}.',
    '"{quote}" said {name}, who has led {org} since 2019.',
    'Residents gathered outside the town hall on Wednesday evening to discuss {t}.',
]


# Articles per alternation step of the bare-vs-ingest comparison.
COMPARE_CHUNK = 50


def make_article(rng: random.Random, n: int) -> dict:
    """One synthetic article (JSONL record) of five to seven sentences about one topic."""
    topic = rng.choice(TOPICS)
    people = [(f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(["She", "He"])) for _ in range(3)]
    sentences = []
    for _ in range(rng.randint(5, 7)):
        name, pronoun = rng.choice(people)
        fields = {"name": name, "pronoun": pronoun, "role": rng.choice(ROLES), "org": rng.choice(ORGS),
                  "t": topic, "claim": rng.choice(CLAIMS).format(t=topic), "quote": rng.choice(QUOTES).format(t=topic)}
        sentence = rng.choice(TEMPLATES).format(**fields)
        sentences.append(sentence[0].upper() + sentence[1:])
    day = f"20{rng.randint(23, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return {"id": f"bench-{n:06d}", "text": "\n\n".join(sentences), "title": f"Row over {topic}",
            "published": day, "source": "synthetic"}


def write_corpus(path: Path, n: int, seed: int) -> list[dict]:
    """Write ``n`` synthetic articles to ``path`` as JSONL and return them."""
    rng = random.Random(seed)
    records = [make_article(rng, i) for i in range(n)]
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
    return records


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ingest_all(corpus: Path, db: Path, n: int) -> dict:
    """Ingest the whole corpus into ``db``; peak RSS sampled at 1k articles and at the end."""
    from quoth.ingest.run import ingest
    from quoth.options import Options
    from quoth.store import Store

    marks: dict = {"done": 0}

    def on_article(status: str, article: object) -> None:
        marks["done"] += 1
        if marks["done"] == min(1000, n):
            marks["rss_1k_mb"] = peak_rss_mb()

    with Store(db) as store:
        summary = ingest([corpus], store, Options(), on_article=on_article)
    return {"ingest_rate_all": n / summary.seconds, "rss_1k_mb": marks.get("rss_1k_mb"),
            "rss_n_mb": peak_rss_mb(), "summary": summary.to_dict()}


def timed(run: object) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of ``run()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()  # type: ignore[operator]
    return time.perf_counter() - wall, time.process_time() - cpu


def compare_rates(records: list[dict], work: Path, rounds: int, chunk: int = COMPARE_CHUNK) -> dict:
    """Rates (articles/s) of bare ``extract_many`` and of ingest into a fresh store, on the same articles.

    The two alternate every ``chunk`` articles, so that load from other processes hits both alike; the best of
    ``rounds`` totals is kept. CPU-time rates are reported too: on a shared machine wall time mostly measures the
    neighbours.
    """
    from quoth import extract_many
    from quoth.ingest.run import ingest
    from quoth.options import Options
    from quoth.store import Store

    best = {"bare": [float("inf")] * 2, "ingest": [float("inf")] * 2}
    for round_ in range(rounds):
        totals = {"bare": [0.0, 0.0], "ingest": [0.0, 0.0]}
        with Store(work / f"compare-{round_}.db") as store:
            for start in range(0, len(records), chunk):
                part = records[start:start + chunk]
                source = work / "compare-chunk.jsonl"
                source.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
                for name, run in (("bare", lambda: [None for _ in extract_many(part, Options())]),
                                  ("ingest", lambda: ingest([source], store, Options()))):
                    wall, cpu = timed(run)
                    totals[name] = [totals[name][0] + wall, totals[name][1] + cpu]
        for name, (wall, cpu) in totals.items():
            best[name] = [min(best[name][0], wall), min(best[name][1], cpu)]
    n = len(records)
    return {"bare_rate": n / best["bare"][0], "ingest_rate": n / best["ingest"][0],
            "ratio_wall": best["bare"][0] / best["ingest"][0], "ratio_cpu": best["bare"][1] / best["ingest"][1]}


def bench_search(db: Path, queries: int, seed: int) -> dict:
    """p50/p95/max latency (ms) of ``Store.search`` for word, phrase, speaker and filtered queries."""
    from quoth.store import Store

    rng = random.Random(seed)
    words = ["bridge", "budget", "truth", "jobs", "tax", "delays", "figures", "supported", "water", "hospital"]
    timings = []
    with Store(db, read_only=True) as store:
        for i in range(queries):
            kwargs: dict = {}
            if i % 4 == 1:
                kwargs["speaker"] = rng.choice(LAST)
            if i % 4 == 2:
                kwargs.update(kind="direct", since="2024-01-01")
            text = rng.choice(words) if i % 4 != 3 else '"' + rng.choice(QUOTES).format(t="the bridge")[:20] + '"'
            started = time.perf_counter()
            store.search(text, limit=20, **kwargs)
            timings.append((time.perf_counter() - started) * 1000)
        stats = store.stats()
    timings.sort()
    return {"p50_ms": statistics.median(timings), "p95_ms": timings[int(len(timings) * 0.95) - 1],
            "max_ms": timings[-1], "queries": queries, "attributions": stats["attributions"]}


def bench_queries(db: Path, repeat: int = 20) -> dict:
    """p95 latency (ms) of the other Store queries the CLI and the API call, on the same store."""
    from quoth.store import Store

    with Store(db, read_only=True) as store:
        top = store.speakers(limit=1).items or store.entities(limit=1).items
        name = str(top[0].id) if top else "1"
        some_id = store.articles(limit=1, offset=store.stats()["articles"] // 2).items[0].id
        calls = {
            "speakers": lambda: store.speakers(limit=20),
            "speaker": (lambda: store.speaker(name, limit=100)) if top else (lambda: None),
            "disputes": lambda: store.disputes(limit=20), "articles_deep_page": lambda: store.articles(offset=5000),
            "article": lambda: store.article(some_id), "stats": store.stats,
            "search_articles": lambda: store.search_articles("bridge budget"),
        }
        result = {}
        for label, call in calls.items():
            timings = sorted(timed(call)[0] * 1000 for _ in range(repeat))
            result[label] = round(timings[int(repeat * 0.95) - 1], 2)
    return {"p95_ms": result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000, help="articles in the synthetic corpus")
    parser.add_argument("--compare", type=int, default=500, help="articles for the bare-vs-ingest rate")
    parser.add_argument("--rounds", type=int, default=2, help="alternating bare/ingest rounds (best kept)")
    parser.add_argument("--queries", type=int, default=400, help="search calls to time")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dir", type=Path, default=None, help="where to write the corpus and store (temp dir)")
    parser.add_argument("--queries-only", type=Path, default=None, metavar="DB",
                        help="only time the queries on an existing store")
    parser.add_argument("--ratio-only", action="store_true", help="only compare bare and ingest rates")
    args = parser.parse_args()
    if args.ratio_only:
        from quoth import extract

        extract("Warm up: the model loads once.")
        records = write_corpus(Path(tempfile.mkdtemp()) / "corpus.jsonl", min(args.n, args.compare), args.seed)
        work = Path(tempfile.mkdtemp(prefix="quoth-bench-"))
        print(json.dumps(compare_rates(records, work, args.rounds), indent=2))
        return
    if args.queries_only:
        print(json.dumps({"search": bench_search(args.queries_only, args.queries, args.seed),
                          "other": bench_queries(args.queries_only)}, indent=2))
        return
    compare = min(args.compare, args.n)
    work = args.dir or Path(tempfile.mkdtemp(prefix="quoth-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus, db = work / "corpus.jsonl", work / "bench.db"
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    records = write_corpus(corpus, args.n, args.seed)
    from quoth import extract

    extract("Warm up: the model loads once.")  # so no measurement pays for loading
    ingested = ingest_all(corpus, db, args.n)
    rates = compare_rates(records[:compare], work, args.rounds)
    search = bench_search(db, args.queries, args.seed)
    result = {"n": args.n, "compare": compare, **rates, **ingested, "search": search, "other": bench_queries(db),
              "db_mb": db.stat().st_size / 2**20, "python": sys.version.split()[0]}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
