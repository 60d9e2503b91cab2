"""Train quoth's attribution tagger (a linear-chain CRF) on PolNeAR train.

    python scripts/train.py [--data ../shared/data/raw/polnear/data] [--out src/quoth/resources/attribution.crfsuite]

Parses the 840 training articles with the same spaCy pipeline quoth runs (cached in build/cache), turns the brat
annotations into BIO labels per token (Source, Cue, Content), and trains python-crfsuite one paragraph at a time.
Also writes the learned cue word forms (``cue_forms.tsv``, see ``quoth.cue_forms``) beside the model.
The pieces live in ``quoth.training``; this script only reads the arguments and the data.
"""

from __future__ import annotations

import argparse
import logging
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from quoth.evaluate.brat import read_split  # noqa: E402
from quoth.training import parse_cached, sequences, train_crf, write_cue_forms  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/raw/polnear/data")
    ap.add_argument("--out", type=Path, default=ROOT / "src/quoth/resources/attribution.crfsuite")
    ap.add_argument("--cache", type=Path, default=ROOT / "build/cache")
    ap.add_argument("--dump-features", type=Path, help="write the training sequences (pickle) and stop")
    ap.add_argument("--cue-forms-only", action="store_true", help="write the learned cue forms and stop")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N articles only (quick checks)")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    if not (args.data / "train").is_dir():
        sys.exit(f"PolNeAR not found at {args.data}; pass --data DIR (the folder holding train/ and dev/)")
    articles = read_split(args.data / "train", limit=args.limit or None, verify=False)
    docs = parse_cached(f"train{args.limit or ''}", [a.text for a in articles], args.cache)
    golds = [a.attributions for a in articles]
    if args.cue_forms_only:
        print(f"learned cue forms -> {write_cue_forms(docs, golds, args.out.parent)}", file=sys.stderr)
        return
    seqs = sequences(docs, golds)
    if args.dump_features:
        with open(args.dump_features, "wb") as fh:
            pickle.dump(seqs, fh)
        return
    print(f"learned cue forms -> {write_cue_forms(docs, golds, args.out.parent)}", file=sys.stderr)
    t0 = time.time()
    train_crf(seqs, args.out)
    print(f"trained on {len(seqs)} paragraphs in {time.time() - t0:.0f}s -> {args.out} "
          f"({args.out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
