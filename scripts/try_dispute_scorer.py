"""The learned dispute scorer that was tried and not landed (issue 15, third round; docs/disputes.md).

    python scripts/try_dispute_scorer.py --tune A.jsonl --check B.jsonl \
        --texts ../shared/data/raw/polnear/data/train/text

Candidates are the statements the rules leave alone, each paired with the earlier statement by another party that
shares most content words with it (within 1,500 characters). A logistic regression over 7 pair features is fitted
on the ``--tune`` gold (plus the even half of disputes-dev) and its top-ranked candidates are counted against the
gold on the ``--check`` files (plus the odd half): a candidate is right when a gold cue overlaps its cue or content.
Prints the fitted weights and how many of the top 5/10/20/40 candidates are right on each side.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from quoth.disputes.contradict import _negated
from quoth.disputes.target import ACCUSING_CUES, content_words
from quoth.evaluate.disputes import read_gold, select_rows
from quoth.lexicon.disputes import CONTRAST_MARKS, base_form
from quoth.model import Article, Attribution
from quoth.pipeline import extract_many

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "disputes-dev"
REPLY = {"respond", "responded", "counter", "countered", "insist", "insisted", "maintain", "maintained", "argue",
         "argued", "note", "noted", "point", "pointed", "add", "added", "reply", "replied", "fire", "fired"}


def rows_and_articles(files: list[Path], texts: Path, half: str) -> list[tuple[dict, Article]]:
    """The gold rows of ``files`` over ``texts`` and one half of disputes-dev, each with quoth's article."""
    sets = [(read_gold(files), texts), (select_rows(read_gold([DEV]), half), DEV / ".." / "raw/polnear/data/dev/text")]
    out = []
    for rows, folder in sets:
        items = [(r["id"], (folder / f"{r['id']}.txt").read_bytes().decode("utf-8")) for r in rows]
        arts = {a.id: a for a in extract_many(items, errors="raise")}
        out.extend((r, arts[r["id"]]) for r in rows)
    return out


def _first(att: Attribution) -> str:
    words = att.cue.text.split() if att.cue else []
    return words[0].lower() if words else ""


def _opener(text: str, att: Attribution) -> float:
    start = min([att.content.start] + [s for s, _ in (att.cue.spans if att.cue else ())])
    before = text[max(0, start - 60):start]
    head = before[max(before.rfind(". "), before.rfind("\n"), before.rfind("? ")) + 1:].strip().lower().split()
    return 1.0 if head and head[0].strip(",") in CONTRAST_MARKS else 0.0


def candidates(art: Article) -> list[tuple[Attribution, np.ndarray]]:
    """(later statement, features) for each statement no rule disputes that has an earlier one to answer."""
    taken = {d.by for d in art.disputes}
    names = {e.id: content_words(e.name) for e in art.entities}
    said = sorted((a for a in art.attributions if a.speaker), key=lambda a: a.content.start)
    out = []
    for i, later in enumerate(said):
        words = content_words(later.content.text)
        pairs = [(len(words & content_words(e.content.text)), e) for e in said[:i] if e.speaker != later.speaker
                 and later.content.start - e.content.end <= 1500 and later.id != e.parent and e.id != later.parent]
        if later.id in taken or not pairs:
            continue
        shared, earlier = max(pairs, key=lambda p: p[0])
        accusing = base_form(_first(earlier)) in ACCUSING_CUES - {"say"}
        features = [min(shared, 6) / 6, float(_negated(later.content.text) != _negated(earlier.content.text)),
                    _opener(art.text, later), float(accusing),
                    float(bool(names.get(later.speaker or "", set()) & content_words(earlier.content.text))),
                    float(_first(later) in REPLY), float(_negated(later.content.text)), 1.0]
        out.append((later, np.array(features)))
    return out


def dataset(pairs: list[tuple[dict, Article]]) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for row, art in pairs:
        for later, features in candidates(art):
            spans = list(later.content.spans) + list(later.cue.spans if later.cue else ())
            hit = any(min(g["cue"]["span"][1], e) > max(g["cue"]["span"][0], s) for g in row["disputes"]
                      for s, e in spans)
            xs.append(features)
            ys.append(int(hit))
    return np.array(xs), np.array(ys)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 0.1, steps: int = 20000, rate: float = 1.0) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        w -= rate * (x.T @ (p - y) + l2 * np.r_[w[:-1], 0]) / len(y)
    return w


def report(name: str, x: np.ndarray, y: np.ndarray, w: np.ndarray) -> None:
    order = np.argsort(-(x @ w))
    tops = ", ".join(f"top {k}: {int(y[order[:k]].sum())}" for k in (5, 10, 20, 40))
    print(f"{name}: {len(y)} candidates, {int(y.sum())} on a gold cue; right among the best-ranked: {tops}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tune", type=Path, nargs="+", required=True)
    parser.add_argument("--check", type=Path, nargs="+", required=True)
    parser.add_argument("--texts", type=Path, required=True)
    args = parser.parse_args()
    x, y = dataset(rows_and_articles(args.tune, args.texts, "even"))
    w = fit(x, y)
    print("weights", np.round(w, 2))
    report("tuned on (tune files + dev even)", x, y, w)
    report("checked on (check files + dev odd)", *dataset(rows_and_articles(args.check, args.texts, "odd")), w)


if __name__ == "__main__":
    main()
