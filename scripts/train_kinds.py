"""Train quoth's learned typing step (``quoth.kinds.learned``) from our hand labels of quoth's predictions.

    python scripts/train_kinds.py [--data ../shared/data/raw/polnear/data/train]
                                  [--annotations data/annotations/types-train.jsonl data/annotations/types-train-2.jsonl]
                                  [--target 0.8] [--max-polnear-loss 0.001] [--out src/quoth/resources/kinds_filter.json]

1. Runs quoth (default options, this step off) on the annotated PolNeAR train articles and matches each current
   prediction to a labelled one: first by identical content offsets, else by the labelled content overlapping it
   most (at least half of the longer; one-to-one). Prints the match rate. Each prediction is also marked by
   whether PolNeAR's own gold holds it (the lenient one-to-one matching of ``quoth eval polnear``). The labels
   name final predictions, which ``split_at_sentences`` may have cut out of one attribution; the learned step runs
   before that split, so each prediction's features (and type and exemption) are those of the attribution it was
   cut from (``run_time_twin``), as the step sees it at run time.
2. Cross-validates by article (``--folds`` folds, articles dealt round-robin in sorted order): each fold is scored
   by logistic regressions fitted on the others: P(none) on the predictions the step may drop (not headline, not
   exempt), P(type) one against the rest on every labelled body prediction.
3. Drop threshold: the lowest on a grid whose out-of-fold drops are ``none`` at precision ``--target`` or more
   (at least ``--min-drops`` of them) and cost PolNeAR lenient F1 on these articles at most ``--max-polnear-loss``
   (PolNeAR annotates most of what we label ``none``, and its gates must hold); when none qualifies, nothing is
   dropped (threshold above 1).
4. Re-typing thresholds (exempt predictions keep the rules' type): the pair on a grid with the best out-of-fold
   statement F1 whose type accuracy is at least the rules' (when none, no re-typing).
5. Fits the shipped weights on every labelled article and writes them with those thresholds.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from quoth.attribution import find_attributions  # noqa: E402
from quoth.evaluate.brat import read_article, select_ann_files  # noqa: E402
from quoth.kinds.learned import filter_exempt, filter_features, using_filter  # noqa: E402
from quoth.nlp import pipeline_for  # noqa: E402
from quoth.options import Options  # noqa: E402
from quoth.evaluate.polnear import gold_items  # noqa: E402
from quoth.kinds.learned import TYPES  # noqa: E402
from quoth.sieve.training import Example, fit, label, predict  # noqa: E402

THRESHOLDS = [round(0.05 * n, 2) for n in range(4, 20)]
BELOW = [round(0.02 * n, 2) for n in range(36)]
ABOVE = [0.7, 0.8, 0.9, 1.01]
QUOTED_BELOW = [0.0, 0.05, 0.1, 0.15, 0.2, 0.3]
NEVER = 1.01
MIN_OVERLAP = 0.5


def read_labels(paths: list[Path]) -> dict[str, list[dict]]:
    """Labelled predictions by article id."""
    out: dict[str, list[dict]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.setdefault(row["id"], []).extend(row["attributions"])
    return out


def _chars(spans) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def match(atts: list, labelled: list[dict]) -> tuple[list[dict | None], int]:
    """Per current prediction, its labelled twin (or None), and how many matched on identical content offsets."""
    out: list[dict | None] = [None] * len(atts)
    free = list(range(len(labelled)))
    exact = 0
    for i, a in enumerate(atts):
        spans = [list(p) for p in a.content.spans]
        j = next((j for j in free if labelled[j]["content"] == spans), None)
        if j is not None:
            out[i], exact = labelled[j], exact + 1
            free.remove(j)
    for i, a in enumerate(atts):
        if out[i] is not None:
            continue
        mine = _chars(a.content.spans)
        best, best_score = None, MIN_OVERLAP
        for j in free:
            theirs = _chars(labelled[j]["content"])
            longer = max(len(mine), len(theirs))
            score = len(mine & theirs) / longer if longer else 0.0
            if score >= best_score:
                best, best_score = j, score
        if best is not None:
            out[i] = labelled[best]
            free.remove(best)
    return out, exact


def run_time_twin(piece, unsplit: list):
    """The attribution of ``unsplit`` (before ``split_at_sentences``) that ``piece`` was cut from: the one with
    the same cue and region sharing most content characters (else the one sharing most; else ``piece``)."""
    mine = _chars(piece.content.spans)
    cue = piece.cue.spans if piece.cue else None
    same = [u for u in unsplit if (u.cue.spans if u.cue else None) == cue and u.region == piece.region]
    for pool in (same, unsplit):
        best = max(pool, key=lambda u: len(_chars(u.content.spans) & mine), default=None)
        if best is not None and _chars(best.content.spans) & mine:
            return best
    return piece


def collect(data: Path, labels: dict[str, list[dict]]) -> list[dict]:
    """Per current prediction of each labelled article: article, type, exempt, features, label (or None)."""
    nlp = pipeline_for(Options())
    ids = sorted(labels)
    anns = select_ann_files(data)
    golds = [read_article(anns[i], data / "text" / f"{i}.txt") for i in ids]
    texts = [g.text for g in golds]
    rows, n_labelled, n_exact = [], 0, 0
    gold_counts: dict[str, int] = {}
    with using_filter(None):
        for art_id, gold, doc in zip(ids, golds, nlp.pipe(texts, batch_size=8)):
            atts = list(doc._.attributions or [])
            in_polnear = label(gold, atts)
            gold_counts[art_id] = len(gold_items(gold))
            unsplit = find_attributions(doc)  # what the learned step sees: before split_at_sentences
            parents = {a.parent for a in unsplit if a.parent is not None}
            twins, exact = match(atts, labels[art_id])
            n_labelled, n_exact = n_labelled + len(labels[art_id]), n_exact + exact
            features: dict[int, dict] = {}
            for a, twin, pn in zip(atts, twins, in_polnear):
                whole = run_time_twin(a, unsplit)
                if id(whole) not in features:
                    features[id(whole)] = filter_features(doc, whole, parents)
                rows.append({"polnear": pn, "gold": gold_counts[art_id], "headline": a.region == "headline",
                             "article": art_id, "type": "none" if a.region == "headline" else whole.type,
                             "exempt": filter_exempt(whole, parents), "features": features[id(whole)],
                             "label": twin["label"] if twin else None})
    matched = sum(r["label"] is not None for r in rows)
    print(f"{len(ids)} articles, {n_labelled} labelled predictions, {len(rows)} current predictions; matched "
          f"{matched} ({matched / len(rows):.3f} of current, {matched / n_labelled:.3f} of labelled; "
          f"{n_exact} on identical content offsets)", file=sys.stderr)
    return rows


def droppable(row: dict) -> bool:
    return row["label"] is not None and not row["exempt"] and not row["headline"]


def folds_of(rows: list[dict], folds: int) -> dict[str, int]:
    return {a: n % folds for n, a in enumerate(sorted({r["article"] for r in rows}))}


def out_of_fold(rows: list[dict], folds: int, usable, target) -> dict[int, float]:
    """P(target) per index of the ``usable`` rows, each article scored by the model fitted without its fold."""
    fold_of = folds_of(rows, folds)
    probs: dict[int, float] = {}
    for k in range(folds):
        weights = fit([Example(r["article"], r["features"], target(r)) for r in rows
                       if usable(r) and fold_of[r["article"]] != k])
        held = [(n, r) for n, r in enumerate(rows) if usable(r) and fold_of[r["article"]] == k]
        for (n, _), p in zip(held, predict(weights, [r["features"] for _, r in held])):
            probs[n] = float(p)
    return probs


def polnear_f1(rows: list[dict], dropped: set[int]) -> float:
    """PolNeAR lenient F1 on the labelled articles with ``dropped`` rows removed (one-to-one: a dropped match is
    a lost true positive)."""
    gold = sum({r["article"]: r["gold"] for r in rows}.values())
    kept = [r for n, r in enumerate(rows) if n not in dropped]
    return 2 * sum(r["polnear"] for r in kept) / (len(kept) + gold)


def drop_table(rows: list[dict], probs: dict[int, float], t: float) -> dict[str, float]:
    """What dropping at ``t`` removes out of fold: precision and recall of ``none``, the PolNeAR F1 change."""
    labelled = [r for r in rows if r["label"] is not None]
    dropped = {n for n, p in probs.items() if p >= t}
    hit = sum(rows[n]["label"] == "none" for n in dropped)
    nones = sum(r["label"] == "none" for r in labelled)
    return {"threshold": t, "dropped": len(dropped), "none_dropped": hit,
            "precision_none": hit / len(dropped) if dropped else 0.0, "recall_none": hit / nones,
            "polnear_gold_dropped": sum(rows[n]["polnear"] for n in dropped),
            "polnear_f1_change": polnear_f1(rows, dropped) - polnear_f1(rows, set())}


def typed(rows: list[dict], drops: set[int], type_probs: dict[str, dict[int, float]], below: float,
          above: float, quoted_below: float = 0.0) -> list[tuple[str, str]]:
    """(label, type) per labelled row after dropping and re-typing (a dropped or headline row is typed ``none``).
    Exempt rows (quoted, nested) are only re-typed away from ``statement``, below ``quoted_below``."""
    out = []
    for n, r in enumerate(rows):
        if r["label"] is None:
            continue
        kind = "none" if r["headline"] or n in drops else r["type"]
        if kind != "none" and n in type_probs["statement"]:
            p = type_probs["statement"][n]
            if kind == "statement" and p < (quoted_below if r["exempt"] else below):
                kind = max((t for t in TYPES if t != "statement"), key=lambda t: type_probs[t][n])
            elif kind != "statement" and not r["exempt"] and p > above:
                kind = "statement"
        out.append((r["label"], kind))
    return out


def type_scores(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """Type accuracy, statement precision/recall/F1, and the share of ``none`` labels typed ``statement``."""
    both = sum(g == p == "statement" for g, p in pairs)
    pred = sum(p == "statement" for _, p in pairs)
    gold = sum(g == "statement" for g, _ in pairs)
    nones = [p for g, p in pairs if g == "none" and p != "none"]
    prec, rec = both / pred, both / gold
    return {"type_accuracy": sum(g == p for g, p in pairs) / len(pairs), "statement_precision": prec,
            "statement_recall": rec, "statement_f1": 2 * prec * rec / (prec + rec),
            "none_as_statement": sum(p == "statement" for p in nones) / max(len(nones), 1)}


def choose_drop(rows, probs, args) -> tuple[float, list[dict]]:
    table = [drop_table(rows, probs, t) for t in THRESHOLDS]
    for row in table:
        print("drop", json.dumps({k: round(v, 4) for k, v in row.items()}), file=sys.stderr)
    good = [r for r in table if r["precision_none"] >= args.target and r["dropped"] >= args.min_drops
            and r["polnear_f1_change"] >= -args.max_polnear_loss]
    return (good[0]["threshold"] if good else NEVER), table


def choose_retype(rows, drops, type_probs, min_recall: float) -> tuple[tuple[float, float, float], dict, dict]:
    """(below, above, quoted_below) on the grid with the best out-of-fold statement precision at statement recall
    ``min_recall`` or more and type accuracy at least the rules' (ties: the better F1); when none qualifies, the
    best F1 with that accuracy; the rules' scores and the chosen ones."""
    rules = type_scores(typed(rows, drops, type_probs, 0.0, NEVER))
    scored = []
    for below in BELOW:
        for above in ABOVE:
            for quoted_below in QUOTED_BELOW:
                s = type_scores(typed(rows, drops, type_probs, below, above, quoted_below))
                print("retype", below, above, quoted_below, json.dumps({k: round(v, 4) for k, v in s.items()}),
                      file=sys.stderr)
                if s["type_accuracy"] >= rules["type_accuracy"]:
                    scored.append(((below, above, quoted_below), s))
    if not scored:
        return (0.0, NEVER, 0.0), rules, rules
    good = [x for x in scored if x[1]["statement_recall"] >= min_recall]
    if good:
        best = max(good, key=lambda x: (round(x[1]["statement_precision"], 4), x[1]["statement_f1"]))
    else:
        best = max(scored, key=lambda x: x[1]["statement_f1"])
    return best[0], rules, best[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/raw/polnear/data/train")
    ap.add_argument("--annotations", type=Path, nargs="+",
                    default=[ROOT / "data/annotations/types-train.jsonl", ROOT / "data/annotations/types-train-2.jsonl"])
    ap.add_argument("--target", type=float, default=0.8, help="out-of-fold precision of `none` among drops")
    ap.add_argument("--min-drops", type=int, default=20)
    ap.add_argument("--max-polnear-loss", type=float, default=0.001,
                    help="largest out-of-fold fall of PolNeAR lenient F1 on the labelled articles a drop may cost")
    ap.add_argument("--min-recall", type=float, default=0.95,
                    help="out-of-fold statement recall the re-typing thresholds must keep")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--examples", type=Path, default=ROOT / "build/kinds/examples.pickle",
                    help="cache of the labelled predictions (delete it to re-run quoth)")
    ap.add_argument("--out", type=Path, default=ROOT / "src/quoth/resources/kinds_filter.json")
    args = ap.parse_args()
    if args.examples.exists():
        rows = pickle.loads(args.examples.read_bytes())
    else:
        rows = collect(args.data, read_labels(args.annotations))
        args.examples.parent.mkdir(parents=True, exist_ok=True)
        args.examples.write_bytes(pickle.dumps(rows))
    labelled = [r for r in rows if r["label"] is not None]
    print("labels of matched predictions:", dict(Counter(r["label"] for r in labelled)), file=sys.stderr)
    print("none held by PolNeAR's gold:", sum(r["polnear"] for r in labelled if r["label"] == "none"), "of",
          sum(r["label"] == "none" for r in labelled), file=sys.stderr)

    def is_none(r: dict) -> bool:
        return r["label"] == "none"

    def body(r: dict) -> bool:
        return r["label"] is not None and not r["headline"]

    drop_probs = out_of_fold(rows, args.folds, droppable, is_none)
    threshold, table = choose_drop(rows, drop_probs, args)
    drops = {n for n, p in drop_probs.items() if p >= threshold}
    type_probs = {t: out_of_fold(rows, args.folds, body, lambda r, t=t: r["label"] == t) for t in TYPES}
    (below, above, quoted_below), rules, learned = choose_retype(rows, drops, type_probs, args.min_recall)
    print("chosen: drop", threshold, "below", below, "above", above, "quoted_below", quoted_below, file=sys.stderr)
    print("rules", json.dumps({k: round(v, 4) for k, v in rules.items()}), file=sys.stderr)
    print("learned", json.dumps({k: round(v, 4) for k, v in learned.items()}), file=sys.stderr)
    drop_weights = fit([Example(r["article"], r["features"], is_none(r)) for r in rows if droppable(r)])
    type_weights = {t: fit([Example(r["article"], r["features"], r["label"] == t) for r in rows if body(r)])
                    for t in TYPES}
    chosen = next((r for r in table if r["threshold"] == threshold), None)
    meta = {"trained_on": "our labels of quoth's predictions on PolNeAR train articles "
                          "(data/annotations/types-train*.jsonl; PolNeAR's terms)",
            "examples": {"drop": sum(map(droppable, rows)), "types": sum(map(body, rows))},
            "drop_threshold_from": f"lowest with out-of-fold none-precision >= {args.target}, PolNeAR lenient F1 "
                                   f"loss <= {args.max_polnear_loss} ({args.folds}-fold by article)",
            "retype_from": f"best out-of-fold statement precision at statement recall >= {args.min_recall} "
                           "with type accuracy >= the rules'",
            "out_of_fold": {"drop": {k: round(v, 4) for k, v in chosen.items()} if chosen else None,
                            "rules": {k: round(v, 4) for k, v in rules.items()},
                            "learned": {k: round(v, 4) for k, v in learned.items()}}}
    args.out.write_text(to_json(meta, threshold, drop_weights, type_weights, below, above, quoted_below),
                        encoding="utf-8")
    print(f"-> {args.out}", file=sys.stderr)


def _rounded(weights: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 5) for k, v in sorted(weights.items()) if abs(v) >= 1e-5}


def to_json(meta, threshold, drop_weights, type_weights, below, above, quoted_below) -> str:
    return json.dumps({"meta": meta, "drop": {"threshold": threshold, "weights": _rounded(drop_weights)},
                       "retype": {"below": below, "above": above, "quoted_below": quoted_below},
                       "types": {t: _rounded(w) for t, w in type_weights.items()}}, indent=1) + "\n"


if __name__ == "__main__":
    main()
