"""Latency of the web shell on a 10,000-article store: search and speaker pages, GET /api/attributions, and the
overhead of POST /api/extract over calling ``quoth.extract`` directly.

    python scripts/bench_web.py [--db bench-web.db] [--articles 10000] [--requests 200]

Requests go through the ASGI app in-process (FastAPI TestClient): the numbers are the app's own time, without
socket or browser time. The corpus is synthetic (built once, reused on the next run): 50 speakers, 3 to 6
attributions per article, a dispute in every fifth article.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from quoth.model import Article, Attribution, Dispute, Entity, Mention, Span

TARGETS_MS = {"search page": 200.0, "speaker page": 200.0, "GET /api/attributions": 50.0}
EXTRACT_OVERHEAD_TARGET = 0.10
TOPICS = ("bridge harbour budget council election school hospital tax river police housing transport water "
          "energy court union port market festival library").split()
# News vocabulary is Zipf-like: a few words everywhere, most rare. 4,000 words with weights 1/rank; queries use
# topic words (ranks 30-49), each in roughly 1% of statements, as a reader's search term would be.
VOCABULARY = [f"w{rank}" for rank in range(30)] + TOPICS + [f"w{rank}" for rank in range(50, 4000)]
WEIGHTS = [1 / (rank + 1) for rank in range(len(VOCABULARY))]
WORDS = TOPICS
NAMES = [f"{first} {last}" for first in ("Ana", "Tom", "Lee", "Sam", "Kim", "Joe", "Eva", "Max", "Ida", "Raj")
         for last in ("Lopez", "Reed", "Park", "Novak", "Okafor")]
EXTRACT_TEXT = ('Mayor Ana Lopez said on Monday that the Harbour Bridge "will reopen by May." Councillor Tom Reed '
                'rejected the claim. "That is a fantasy," Reed told reporters. According to Lopez, the engineers '
                'assured her that the steel "is sound." The transport minister, Sam Novak, said the budget was '
                'already spent and that "nobody has asked for more."\n') * 4


def synthetic_article(n: int, rng: random.Random) -> Article:
    """One synthetic article with 3–6 direct quotes by random speakers, and a dispute in every fifth."""
    parts, atts, ents = [], [], {}
    offset = 0
    for i in range(rng.randint(3, 6)):
        name = rng.choice(NAMES)
        quote = " ".join(rng.choices(VOCABULARY, WEIGHTS, k=rng.randint(6, 14))).capitalize() + "."
        sentence = f'{name} said: "{quote}" '
        eid = ents.setdefault(name, Entity(f"e{len(ents) + 1}", name, "person", [], key=name.lower())).id
        ents[name].mentions.append(Mention(offset, offset + len(name), name))
        start = offset + len(name) + 8
        atts.append(Attribution(f"a{i + 1}", "direct", Span(quote, ((start, start + len(quote)),)),
                                Span("said", ((offset + len(name) + 1, offset + len(name) + 5),)),
                                Span(name, ((offset, offset + len(name)),)), eid))
        parts.append(sentence)
        offset += len(sentence)
    disputes = [Dispute(atts[-1].id, atts[-1].cue, atts[0].id, atts[0].speaker)] if n % 5 == 0 else []  # type: ignore[arg-type]
    meta = {"title": f"Synthetic {n}", "published": f"20{20 + n % 5}-{1 + n % 12:02d}-{1 + n % 28:02d}"}
    return Article(f"synthetic-{n}", "".join(parts), meta, list(ents.values()), atts, disputes)


def build_corpus(path: Path, count: int) -> None:
    """Create the synthetic store unless ``path`` already holds ``count`` articles."""
    from quoth.store import Store

    with Store(path) as store:
        have = store.stats()["articles"]
        if have >= count:
            return
        rng = random.Random(7)
        print(f"building {count:,} synthetic articles in {path} …", file=sys.stderr)
        for n in range(count):
            article = synthetic_article(n, rng)
            if n >= have:
                store.add_article(article)


def p95_ms(call: Callable[[int], object], requests: int) -> tuple[float, float]:
    """(p50, p95) in milliseconds of ``call(i)`` over ``requests`` calls, after a few warm-up calls."""
    for i in range(5):
        call(i)
    times = []
    for i in range(requests):
        start = time.perf_counter()
        call(i)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def check(response: object) -> None:
    status = response.status_code  # type: ignore[attr-defined]
    if status != 200:
        raise SystemExit(f"unexpected {status}: {response.text[:300]}")  # type: ignore[attr-defined]


def bench_reads(client: object, requests: int) -> dict[str, tuple[float, float]]:
    get = client.get  # type: ignore[attr-defined]
    html = {"accept": "text/html"}
    return {
        "search page": p95_ms(lambda i: check(get(f"/search?q={WORDS[i % len(WORDS)]}&page={1 + i % 5}",
                                                  headers=html)), requests),
        "speaker page": p95_ms(lambda i: check(get(f"/speakers/{NAMES[i % len(NAMES)]}", headers=html)), requests),
        "GET /api/attributions": p95_ms(lambda i: check(get(
            f"/api/attributions?q={WORDS[i % len(WORDS)]}&speaker={NAMES[i % 7].split()[1]}&page={1 + i % 3}")),
            requests),
    }


def bench_extract(client: object, rounds: int) -> tuple[float, float]:
    """Median ms of ``quoth.extract`` and of POST /api/extract on the same text."""
    from quoth import extract

    extract(EXTRACT_TEXT)
    post = client.post  # type: ignore[attr-defined]
    check(post("/api/extract", json={"text": EXTRACT_TEXT}))
    library, api = [], []
    for _ in range(rounds):  # interleaved so drift affects both alike
        start = time.perf_counter()
        extract(EXTRACT_TEXT)
        library.append(time.perf_counter() - start)
        start = time.perf_counter()
        check(post("/api/extract", json={"text": EXTRACT_TEXT}))
        api.append(time.perf_counter() - start)
    return statistics.median(library) * 1000, statistics.median(api) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "quoth-bench-web-zipf.db")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--extract-rounds", type=int, default=30)
    args = parser.parse_args()
    build_corpus(args.db, args.articles)

    from fastapi.testclient import TestClient

    from quoth.web import create_app

    failed = False
    with TestClient(create_app(args.db)) as client:
        for name, (p50, p95) in bench_reads(client, args.requests).items():
            ok = p95 <= TARGETS_MS[name]
            failed |= not ok
            print(f"{name:24} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   target ≤ {TARGETS_MS[name]:.0f} ms  "
                  f"{'ok' if ok else 'MISSED'}")
        library, api = bench_extract(client, args.extract_rounds)
    overhead = api / library - 1
    ok = overhead <= EXTRACT_OVERHEAD_TARGET
    failed |= not ok
    print(f"{'POST /api/extract':24} library {library:6.1f} ms   API {api:6.1f} ms   overhead {overhead:+.1%}  "
          f"target ≤ {EXTRACT_OVERHEAD_TARGET:.0%}  {'ok' if ok else 'MISSED'}  ({len(EXTRACT_TEXT):,} chars)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
