"""Train quoth's speaker ranker (a conditional logit over candidate entities) on PolNeAR train.

    python scripts/train_speakers.py [--data ../shared/data/raw/polnear/data] [--out PATH]

Training queries are "pseudo-pronouns": each gold Source span of PolNeAR train that names an entity mentioned
earlier in its article is resolved as if it read he/she (by the entity's gender) or it (an organisation), with
the named entity as the one right answer among the candidates the resolver offers (``quoth.speakers.candidates``).
The weights are fitted by L2-regularised gradient ascent (numpy, deterministic). Cross-fitting picks the rest: a
model fitted on each half of the articles scores the other half; the chooser (the model's argmax or the salience
heuristic) is the one right more often there, and the confidence threshold is where a kept answer stops paying:
P(right | confidence), fitted on the held-out queries, reaches WRONG_COST / (1 + WRONG_COST) (never below
MIN_THRESHOLD). Parses are cached in
build/cache (shared with scripts/train.py). The queries are collected with the salience-only ranker
(``ranker.FALLBACK``) resolving the sources before them, so the result does not depend on the shipped weights it
replaces (deterministic).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train import parse_cached  # noqa: E402
from quoth.evaluate.brat import read_split  # noqa: E402
from quoth.model import Attribution, Span  # noqa: E402
from quoth.speakers import resolve_speakers  # noqa: E402
from quoth.speakers.ranker import FALLBACK, FEATURES, RESOURCE, choose  # noqa: E402

# A confident wrong name costs this many honest "unknown"s: the threshold maximises right − WRONG_COST × wrong.
# Fixed before any measurement (pseudo-pronouns are harder than real ones, so a higher cost nulls too much).
WRONG_COST = 2.0
# Never keep an answer the model holds at barely better than even odds, whatever the held-out gain: a "he" between
# two equally placed men is a guess (tests/test_speakers_confidence.py). Policy, not tuned.
MIN_THRESHOLD = 0.55
L2 = 0.001
STEPS = 4000
CALIBRATION_STEPS = 50000  # plain gradient steps for the two-parameter calibration fit (converged well before)
LEARNING_RATE = 1.0
Query = tuple[np.ndarray, int]


def gold_attributions(article) -> list[Attribution]:
    """PolNeAR gold attributions as model objects (speakers unset)."""
    text = article.text
    return [Attribution(id=g.id, kind="indirect", content=Span.from_offsets(text, g.content),
                        cue=Span.from_offsets(text, g.cue) if g.cue else None,
                        source=Span.from_offsets(text, g.source) if g.source else None)
            for g in article.attributions]


def collect_queries(docs, articles) -> list[list[Query]]:
    """Per article, the pseudo-pronoun queries (candidate feature matrix, index of the right answer)."""
    out = []
    for doc, article in zip(docs, articles):
        trace: list = []
        resolve_speakers(doc, gold_attributions(article), trace=trace, model=FALLBACK)
        out.append([(np.asarray(x, dtype=float), y) for x, y in trace])
    return out


def _padded(queries: list[Query]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Queries as one array [query, candidate, feature], a candidate mask, and the right answers."""
    width = max(len(x) for x, _ in queries)
    xs = np.zeros((len(queries), width, len(FEATURES)))
    mask = np.zeros((len(queries), width), dtype=bool)
    for n, (x, _) in enumerate(queries):
        xs[n, :len(x)] = x
        mask[n, :len(x)] = True
    return xs, mask, np.array([y for _, y in queries])


def _probabilities(xs: np.ndarray, mask: np.ndarray, w: np.ndarray) -> np.ndarray:
    s = np.where(mask, xs @ w, -np.inf)
    p = np.exp(s - s.max(axis=1, keepdims=True))
    return p / p.sum(axis=1, keepdims=True)


def fit(queries: list[Query]) -> np.ndarray:
    """Weights maximising the L2-penalised conditional log-likelihood of the right answers."""
    xs, mask, ys = _padded(queries)
    right = xs[np.arange(len(ys)), ys]
    w = np.zeros(len(FEATURES))
    for _ in range(STEPS):
        p = _probabilities(xs, mask, w)
        grad = (right - np.einsum("qc,qcf->qf", p, xs)).mean(axis=0) - L2 * w
        w += LEARNING_RATE * grad
    return w


def held_out(queries: list[Query], w: np.ndarray, chooser: str) -> list[tuple[float, bool]]:
    """(confidence of the chosen candidate, whether it is right) for each query."""
    xs, mask, ys = _padded(queries)
    p = _probabilities(xs, mask, w)
    chosen = [int(row.argmax()) if chooser == "argmax" else choose(x) for row, (x, _) in zip(p, queries)]
    return [(float(row[c]), c == y) for row, c, y in zip(p, chosen, ys)]


def choose_threshold(results: list[tuple[float, bool]]) -> float:
    """The confidence from which a kept answer gains more than it costs: where P(right | confidence), fitted on the
    held-out answers by a one-variable logistic regression, reaches WRONG_COST / (1 + WRONG_COST). The fitted curve
    is smooth, so the threshold does not jump with the few held-out answers near it (a search over the raw gain
    did, by ±0.05 between retrainings)."""
    x = np.array([c for c, _ in results])
    y = np.array([float(ok) for _, ok in results])
    a, b = 0.0, 0.0
    for _ in range(CALIBRATION_STEPS):
        p = 1.0 / (1.0 + np.exp(-(a + b * x)))
        a += LEARNING_RATE * float((y - p).mean())
        b += LEARNING_RATE * float(((y - p) * x).mean())
    target = WRONG_COST / (1.0 + WRONG_COST)
    t = (math.log(target / (1.0 - target)) - a) / b if b > 0 else 1.0
    return float(min(max(t, MIN_THRESHOLD), 0.95))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/raw/polnear/data")
    ap.add_argument("--out", type=Path, default=ROOT / "src/quoth/resources" / RESOURCE)
    ap.add_argument("--cache", type=Path, default=ROOT / "build/cache")
    args = ap.parse_args()
    if not (args.data / "train").is_dir():
        sys.exit(f"PolNeAR not found at {args.data}; pass --data DIR (the folder holding train/ and dev/)")
    articles = read_split(args.data / "train", verify=False)
    docs = parse_cached("train", [a.text for a in articles], args.cache)
    per_article = collect_queries(docs, articles)
    halves = [[q for n, qs in enumerate(per_article) if n % 2 == k for q in qs] for k in (0, 1)]
    fits = [fit(halves[0]), fit(halves[1])]
    by_chooser = {c: held_out(halves[1], fits[0], c) + held_out(halves[0], fits[1], c)
                  for c in ("argmax", "heuristic")}
    right = {c: sum(ok for _, ok in r) / len(r) for c, r in by_chooser.items()}
    chooser = max(right, key=lambda c: right[c])
    results = by_chooser[chooser]
    threshold = choose_threshold(results)
    kept = [ok for c, ok in results if c >= threshold]
    everything = halves[0] + halves[1]
    w = fit(everything)
    report = {"queries": len(everything), "held_out_right_argmax": right["argmax"],
              "held_out_right_heuristic": right["heuristic"],
              "kept_share": len(kept) / len(results), "kept_accuracy": sum(kept) / max(len(kept), 1)}
    args.out.write_text(json.dumps({
        "about": "Speaker ranker (conditional logit) trained by scripts/train_speakers.py on PolNeAR train "
                 "pseudo-pronouns; threshold cross-fitted on train halves.",
        "features": list(FEATURES), "weights": [round(float(v), 5) for v in w],
        "threshold": round(threshold, 3), "chooser": chooser, "cross_fit": {k: round(v, 4) for k, v in report.items()},
    }, indent=1) + "\n", encoding="utf-8")
    print(f"{report} chooser={chooser} threshold={threshold:.3f} -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
