"""Train quoth's sieve (``quoth.sieve``): the classifier that drops extracted attributions that are no attributions.

    python scripts/train_filter.py [--data ../shared/data/raw/polnear/data] [--models build/crossfit/<key>]
                                   [--out src/quoth/resources/sieve.json]

1. Tags each half of PolNeAR train (even/odd articles in sorted order) with the CRF and cue-form table trained on
   the other half (``quoth eval polnear TRAIN --crossfit`` trains and caches them; ``--models`` names the folder
   holding ``even/`` and ``odd/``), with the sieve off, so the features (tagger confidence above all) are what
   the shipped tagger gives on unseen text.
2. Labels each prediction by the lenient one-to-one matching of the PolNeAR scorer.
3. Fits a logistic regression on the predictions the sieve may drop (no double quotation mark in the content,
   not nested) of each half and scores the other half's (out of fold); picks the threshold that maximises train
   lenient F1 while quoted recall stays within ``--max-quoted-drop`` of the unsieved one.
4. Fits the shipped weights on all of train and writes them with that threshold.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from quoth.attribution import find_attributions  # noqa: E402
from quoth.evaluate.brat import read_split  # noqa: E402
from quoth.evaluate.crossfit import HALVES, half_models, split_halves  # noqa: E402
from quoth.evaluate.polnear import score_articles  # noqa: E402
from quoth.model import Article  # noqa: E402
from quoth.sieve import exempt, renumber, using_sieve  # noqa: E402
from quoth.sieve.training import examples, fit, predict, to_json  # noqa: E402
from quoth.tagger import using_models  # noqa: E402
from quoth.training import CRF_PARAMS, parse_cached  # noqa: E402

THRESHOLDS = [0.0] + [round(0.05 * n, 2) for n in range(2, 13)]


def collect(data: Path, models: Path | None, parses: Path, crossfit_cache: Path) -> list:
    """Per article (gold, its cross-fitted attributions, its examples)."""
    gold = read_split(data / "train", verify=False)
    docs = parse_cached("train", [g.text for g in gold], parses)
    folders = ({h: (models / h / "attribution.crfsuite", models / h / "cue_forms.tsv") for h in HALVES} if models
               else {h: (m.crf, m.cue_forms) for h, m in half_models(gold, crossfit_cache, dict(CRF_PARAMS)).items()})
    missing = [str(crf) for crf, _ in folders.values() if not crf.is_file()]
    if missing:
        sys.exit(f"no half model at {', '.join(missing)}: run `quoth eval polnear {data / 'train'} --crossfit` "
                 "first, or pass --models DIR (the folder holding even/ and odd/)")
    out = []
    for held, other in zip(split_halves(list(zip(gold, docs)), key=lambda p: p[0].id), reversed(HALVES)):
        with using_models(*folders[other]), using_sieve(None):
            for g, doc in held:
                atts = find_attributions(doc)
                out.append((g, atts, examples(g, doc, atts)))
        print(f"tagged {len(held)} articles with the {other} half's models", file=sys.stderr)
    return out


def sieved(rows: list, probs: dict[str, list[float]], threshold: float) -> list[Article]:
    return [Article(id=g.id, text=g.text,
                    attributions=renumber([a for a, p in zip(atts, probs[g.id]) if p >= threshold or exempt(a)]))
            for g, atts, _ in rows]


def trainable(rows: list) -> list:
    """The examples the sieve may drop (those ``exempt`` are kept whatever their score, so not trained on)."""
    return [ex for _, atts, exs in rows for a, ex in zip(atts, exs) if not exempt(a)]


def out_of_fold(rows: list) -> dict[str, list[float]]:
    """Each article's predictions scored by the classifier fitted on the other half's."""
    halves = split_halves(rows, key=lambda r: r[0].id)
    probs: dict[str, list[float]] = {}
    for held, other in ((halves[0], halves[1]), (halves[1], halves[0])):
        weights = fit(trainable(other))
        for g, _, exs in held:
            probs[g.id] = list(predict(weights, [ex.features for ex in exs])) if exs else []
    return probs


def choose_threshold(rows: list, probs: dict[str, list[float]], max_quoted_drop: float) -> tuple[float, list]:
    gold = [g for g, _, _ in rows]
    table = []
    for t in THRESHOLDS:
        r = score_articles(gold, sieved(rows, probs, t))
        table.append((t, r["content"]["lenient"]["f1"], r["content"]["lenient"]["precision"],
                      r["content"]["lenient"]["recall"], r["content"]["exact"]["f1"], r["quoted_recall"]["recall"]))
        print("threshold %.3f lenient F1 %.4f P %.4f R %.4f exact F1 %.4f quoted R %.4f" % table[-1], file=sys.stderr)
    base_quoted = table[0][5]
    allowed = [row for row in table if row[5] >= base_quoted - max_quoted_drop]
    best = max(allowed, key=lambda row: (round(row[1], 4), -row[0]))
    return best[0], table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/raw/polnear/data")
    ap.add_argument("--models", type=Path, help="folder with even/ and odd/ half models (default: the crossfit cache)")
    ap.add_argument("--crossfit-cache", type=Path, default=ROOT / "build/crossfit")
    ap.add_argument("--parses", type=Path, default=ROOT / "build/cache")
    ap.add_argument("--examples", type=Path, default=ROOT / "build/sieve/examples.pickle",
                    help="cache of the tagged articles (delete it to re-tag)")
    ap.add_argument("--max-quoted-drop", type=float, default=0.002)
    ap.add_argument("--out", type=Path, default=ROOT / "src/quoth/resources/sieve.json")
    args = ap.parse_args()
    if args.examples.exists():
        rows = pickle.loads(args.examples.read_bytes())
    else:
        rows = collect(args.data, args.models, args.parses, args.crossfit_cache)
        args.examples.parent.mkdir(parents=True, exist_ok=True)
        args.examples.write_bytes(pickle.dumps(rows))
    probs = out_of_fold(rows)
    threshold, table = choose_threshold(rows, probs, args.max_quoted_drop)
    weights = fit(trainable(rows))
    meta = {"trained_on": "PolNeAR train, cross-fitted taggers (even/odd halves)",
            "examples": len(trainable(rows)),
            "threshold_from": "out-of-fold train lenient F1, quoted recall within %.3f" % args.max_quoted_drop,
            "train_out_of_fold": {"none": table[0][1:], "chosen": next(r for r in table if r[0] == threshold)[1:]}}
    args.out.write_text(to_json(weights, threshold, meta), encoding="utf-8")
    print(f"threshold {threshold} -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
