"""The learned claim ranker that was tried and not landed (issue 15, targets round; docs/disputes.md).

    python scripts/try_claim_ranker.py --texts ../shared/data/raw/polnear/data/train/text

For every dispute quoth matches to a counted gold dispute on the tuning sets (disputes-train-a/c/d and the even
half of disputes-dev), the candidates are the article's statements by anyone but the disputer within 6,000
characters before and 2,000 after the cue; a candidate is right when its content overlaps a gold claim span. A
class-balanced logistic regression (Newton steps, L2 = 1; deterministic) over 12 features (distance, before/after,
shared content words with the stated claim and with the cue's sentence, same speaker as the rules' party, named
speaker, same sentence, the rules' own pick, nested in the disputer's words, speaker named near the cue, length,
within 1,500 characters) picks the best candidate per dispute, or none below a threshold. Scored out of fold (5
folds by article) against the rules' own right claims. Prints both.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import Any

import numpy as np

from quoth.disputes.party import name_words
from quoth.disputes.target import content_words
from quoth.evaluate.disputes import read_gold, score_article, select_rows
from quoth.pipeline import extract_many

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / ".." / "shared" / "data" / "disputes-dev"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def groups(texts: Path) -> list[tuple[str, list[tuple[list[float], bool]], bool, bool]]:
    sets = [(read_gold([ROOT / "data" / "annotations" / f"disputes-train-{s}.jsonl" for s in "acd"]), texts),
            (select_rows(read_gold([DEV]), "even"), DEV / ".." / "raw" / "polnear" / "data" / "dev" / "text")]
    out = []
    for rows, folder in sets:
        items = [(r["id"], (folder / f"{r['id']}.txt").read_bytes().decode("utf-8")) for r in rows]
        arts = {a.id: a for a in extract_many(items, errors="raise")}
        for row in rows:
            out.extend(_article_groups(row, arts[row["id"]]))
    return out


def _article_groups(row: dict[str, Any], art: Any) -> list[tuple[str, list[tuple[list[float], bool]], bool, bool]]:
    text, atts, ents = art.text, {a.id: a for a in art.attributions}, {e.id: e for e in art.entities}
    out = []
    for m in score_article(row, art)["matches"]:
        if m["optional"]:
            continue
        claims = m["gold"]["target_claim"] or []
        d = next(d for d in art.disputes if list(d.cue.spans[0]) == m["predicted"]["cue_span"])
        by, at = atts[d.by], d.cue.spans[0][0]
        lo, hi = text.rfind(". ", 0, at), text.find(". ", at)
        sent = text[lo + 1:hi]
        sw = content_words(sent)
        cw = content_words(d.target_text.text) if d.target_text else sw
        near = name_words(sent)
        rows = []
        for a in art.attributions:
            dist = a.content.start - at
            if a.id == by.id or (a.speaker is not None and a.speaker == by.speaker) or not -6000 < dist < 2000:
                continue
            aw, spk = content_words(a.content.text), ents.get(a.speaker or "")
            f = [math.log1p(abs(dist)) / 8, float(dist < 0), min(len(cw & aw), 8) / 4, min(len(sw & aw), 8) / 4,
                 float(d.target_entity is not None and a.speaker == d.target_entity),
                 float(spk is not None and spk.named), float(lo < a.content.start < hi),
                 float(a.id == d.target_attribution), float(a.parent == by.id),
                 float(spk is not None and bool(name_words(spk.name) & near)),
                 math.log1p(len(a.content.text)) / 6, float(abs(dist) < 1500)]
            rows.append((f, any(_overlap(tuple(c), s) for c in claims for s in a.content.spans)))
        out.append((row["id"], rows, not claims, bool(m["claim_ok"])))
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> np.ndarray:
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    weight = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ ((p - y) * weight) / len(y) + l2 * np.r_[w[:-1], 0] / len(y)
        hess = (xb.T * (p * (1 - p) * weight)) @ xb / len(y) + l2 * np.eye(len(w)) / len(y)
        w -= np.linalg.solve(hess, grad)
    return w


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, required=True, help="PolNeAR train texts")
    args = parser.parse_args()
    data = groups(args.texts)
    arts = sorted({g[0] for g in data})
    print(f"{len(data)} matched counted disputes; the rules' claim is right on {sum(g[3] for g in data)}")
    for threshold in (None, 0.0, 0.5, 1.0):
        right = 0
        for k in range(5):
            held = set(arts[k::5])
            train = [(f, gold) for a, rows, _, _ in data if a not in held for f, gold in rows]
            w = fit(np.array([f for f, _ in train]), np.array([float(g) for _, g in train]))
            for a, rows, none, _ in data:
                if a not in held:
                    continue
                scores = [float(np.dot(w[:-1], f) + w[-1]) for f, _ in rows]
                best = int(np.argmax(scores)) if rows else -1
                if best < 0 or (threshold is not None and scores[best] < threshold):
                    right += none
                else:
                    right += rows[best][1]
        print(f"learned, out of fold, threshold {threshold}: right on {right}")


if __name__ == "__main__":
    main()
