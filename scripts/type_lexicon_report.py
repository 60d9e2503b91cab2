"""List the cue words of PolNeAR train's gold attributions by the type ``quoth.kinds`` gives their head word.

    python scripts/type_lexicon_report.py [../shared/data/raw/polnear/data/train] [--top 30]

What the type lexicon (``src/quoth/lexicon/types.py``) was drawn from: the head word of each gold cue (auxiliaries
and determiners skipped), lemmatised by ``verb_lemma``, counted per lexicon class; "other" lists the frequent
heads no class names (speech verbs and the long tail), to check nothing belongs elsewhere.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from quoth.evaluate.brat import read_split
from quoth.lexicon import types as lexicon

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "raw" / "polnear" / "data" / "train"
CLASSES = {
    "belief": lexicon.BELIEF_VERBS, "knowledge": lexicon.KNOWLEDGE_VERBS, "intention": lexicon.INTENTION_VERBS,
    "commitment": lexicon.COMMITMENT_VERBS, "finding": lexicon.FINDING_VERBS,
    "perception": lexicon.PERCEPTION_VERBS, "action (dropped)": lexicon.ACTION_VERBS,
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def cue_head(cue: str) -> str:
    """The lemma of the cue's first word that is not an auxiliary, adverb or determiner."""
    words = [w.lower() for w in _WORD.findall(cue) if w.lower() not in lexicon.AUXILIARIES]
    return lexicon.verb_lemma(words[0]) if words else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    heads: Counter[str] = Counter()
    for article in read_split(args.directory):
        for gold in article.attributions:
            heads[cue_head(" ".join(article.text[s:e] for s, e in gold.cue))] += 1
    named: set[str] = set()
    for name, words in CLASSES.items():
        found = [(w, heads[w]) for w in sorted(words, key=lambda w: -heads[w]) if heads[w]]
        named |= set(words)
        print(f"{name}: {sum(n for _, n in found)}  " + ", ".join(f"{w} {n}" for w, n in found))
    other = [(w, n) for w, n in heads.most_common() if w not in named][: args.top]
    print(f"other (top {args.top}): " + ", ".join(f"{w or '(no cue)'} {n}" for w, n in other))


if __name__ == "__main__":
    main()
