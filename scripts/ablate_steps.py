"""Score a PolNeAR split with each attribution step turned off in turn, parsing the split once.

    python scripts/ablate_steps.py ../shared/data/raw/polnear/data/dev            # a table, one row per step
    python scripts/ablate_steps.py DIR --steps floating_cues,clause_drafts --json

Each row is ``quoth eval polnear DIR --without STEP`` computed on one shared parse (``nlp.pipe`` batches may differ
from ``extract_many``'s, which moves the last digit now and then); the first row is all steps on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

KEYS = ("content_lenient_f1", "content_exact_f1", "source_accuracy", "cue_accuracy")


def main() -> int:
    from quoth.attribution import find_attributions, step_names
    from quoth.attribution.steps import select_steps
    from quoth.docindex import forget
    from quoth.evaluate.brat import read_split
    from quoth.evaluate.polnear import flat_metrics, score_articles
    from quoth.model import Article
    from quoth.nlp import load_pipeline
    from quoth.options import DEFAULT_MODEL

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("split", type=Path)
    parser.add_argument("--steps", help="comma-separated steps to turn off (default: each step)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    names = args.steps.split(",") if args.steps else step_names()
    select_steps(names)  # an unknown name fails here, listing the valid ones
    gold = read_split(args.split)
    nlp = load_pipeline(DEFAULT_MODEL, with_quoth=False, fast=True)
    docs = list(nlp.pipe([g.text for g in gold], batch_size=32))
    rows = {}
    if not args.json:
        print(f"{'turned off':28}" + "".join(f"{k:>20}" for k in KEYS))
    for name in [""] + names:
        predicted = []
        for g, doc in zip(gold, docs):
            predicted.append(Article(id=g.id, text=g.text, attributions=find_attributions(doc, [name] if name else [])))
            forget(doc)
        metrics = flat_metrics(score_articles(gold, predicted))
        rows[name or "(all steps)"] = {k: round(metrics[k], 4) for k in KEYS}
        if not args.json:
            print(f"{name or '(all steps)':28}" + "".join(f"{rows[name or '(all steps)'][k]:>20}" for k in KEYS),
                  flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
