"""A learned pair classifier over meaning (word vectors), tried for disputes without a dispute word (issue 15).

    python scripts/try_dispute_pairs.py --cache /tmp/disputes.pkl --vectors PATH_TO_en_core_web_md/vocab

Not part of quoth: an experiment whose numbers are recorded in docs/disputes.md. Candidates are the statements the
rules leave alone; each is paired with every earlier statement by another party (within 1,500 characters) and
described by its best pair (the most similar by meaning): cosine similarity of the two contents' mean word
vectors, shared content words, whether one negates what the other asserts (per word, in its own clause,
``polarity.negated``, matched by meaning: a negated word in one close in vector space to an asserted word in the
other), polarity of each, a contrast opener, a reply cue, the later speaker named in the earlier claim, an
accusing earlier cue, and how close the later statement's words and cue are to dispute words ("false", "wrong",
"deny", "insist"). A logistic regression is fitted on train files a, c, d and the even half of disputes-dev
(tune); the threshold is chosen on the tune set's out-of-fold scores only; the held-out sets (train b, e and the
odd half) are then scored with quoth's own scorer, rules alone and rules plus the classifier's additions.

``--cache`` holds the extraction of every article (docs, the inputs of ``find_disputes`` and quoth's output); it
is built on the first run (a few minutes) from ``data/annotations`` and ``../shared/data``.
"""

from __future__ import annotations

import argparse
import copy
import pickle
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from quoth.disputes.contradict import _negated, _opens_with_contrast
from quoth.disputes.polarity import negated
from quoth.disputes.target import ACCUSING_CUES, content_words
from quoth.evaluate.disputes import read_gold, score, select_rows
from quoth.lexicon.disputes import STOP_WORDS, base_form
from quoth.model import Article, Attribution, Dispute, Span

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "data"
TRAIN_TEXT = SHARED / "raw" / "polnear" / "data" / "train" / "text"
DEV_TEXT = SHARED / "raw" / "polnear" / "data" / "dev" / "text"
TUNE = ("a", "c", "d", "even")
HELD = ("b", "e", "odd")
MAX_GAP = 1500
REPLY = {"respond", "responded", "responds", "counter", "countered", "insist", "insisted", "insists", "maintain",
         "maintained", "argue", "argued", "note", "noted", "point", "pointed", "reply", "replied", "fire", "fired",
         "retort", "retorted", "shot", "hit", "rebut", "rebutted", "answer", "answered"}
DISPUTE_WORDS = ("false", "wrong", "untrue", "lie", "lying", "nonsense", "ridiculous", "inaccurate", "never",
                 "baseless", "absurd", "deny", "denied", "incorrect", "mistaken", "misleading")
CUE_WORDS = ("deny", "insist", "counter", "dispute", "reject", "respond", "argue", "maintain", "rebut")
NAMES = ["sim", "shared", "opp", "later_neg", "earlier_neg", "contrast", "reply", "named", "accusing",
         "neg_vs_asserted", "asserted_vs_neg", "dispute_word", "cue_dispute", "length", "gap", "both_named",
         "names_earlier", "n_pairs"]


# --- data: extract once, keep docs and find_disputes' inputs --------------------------------------------------

def build_cache(path: Path) -> dict[str, Any]:
    import quoth.disputes as qd
    from quoth.pipeline import extract_many

    captured: list[tuple[bytes, list, list]] = []
    original = qd.find_disputes

    def capture(doc: Doc, attributions: list, entities: list) -> list:
        captured.append((doc.to_bytes(exclude=["user_data"]), copy.deepcopy(attributions), copy.deepcopy(entities)))
        return original(doc, attributions, entities)

    qd.find_disputes = capture  # type: ignore[assignment]
    sets = {x: (read_gold([ROOT / "data" / "annotations" / f"disputes-train-{x}.jsonl"]), TRAIN_TEXT) for x in "abcde"}
    sets["dev"] = (read_gold([SHARED / "disputes-dev"]), DEV_TEXT)
    out: dict[str, Any] = {}
    for name, (rows, folder) in sets.items():
        rows = sorted(rows, key=lambda r: r["id"])
        arts, caps = {}, {}
        for row in rows:
            captured.clear()
            item = (row["id"], (folder / f"{row['id']}.txt").read_bytes().decode("utf-8"))
            art = next(iter(extract_many([item], errors="raise")))
            arts[art.id], caps[art.id] = art, (captured[0] if captured else None)
        out[name] = (rows, arts, caps)
    qd.find_disputes = original  # type: ignore[assignment]
    with path.open("wb") as f:
        pickle.dump(out, f)
    return out


def parts(data: dict[str, Any]) -> dict[str, tuple[list, dict, dict]]:
    out = {x: data[x] for x in "abcde"}
    rows, arts, caps = data["dev"]
    for half in ("even", "odd"):
        out[half] = (select_rows(rows, half), arts, caps)
    return out


# --- meaning --------------------------------------------------------------------------------------------------

class Vectors:
    """Lower-cased word → unit vector, from a spaCy vocab folder (``en_core_web_md``'s ``vocab``)."""

    def __init__(self, folder: Path) -> None:
        from spacy.vocab import Vocab

        self.vocab = Vocab().from_disk(folder)
        self.cache: dict[str, np.ndarray | None] = {}

    def get(self, word: str) -> np.ndarray | None:
        word = word.lower()
        if word not in self.cache:
            vec = self.vocab.get_vector(word) if self.vocab.has_vector(word) else None
            norm = float(np.linalg.norm(vec)) if vec is not None else 0.0
            self.cache[word] = vec / norm if norm else None
        return self.cache[word]

    def mean(self, words: list[str]) -> np.ndarray | None:
        vecs = [v for v in (self.get(w) for w in words) if v is not None]
        if not vecs:
            return None
        m = np.mean(vecs, axis=0)
        return m / (np.linalg.norm(m) or 1.0)


def tokens_in(doc: Doc, att: Attribution) -> list:
    out = []
    for s, e in att.content.spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        out.extend(span if span is not None else [])
    return out


def content_tokens(toks: list) -> list:
    return [t for t in toks if t.is_alpha and t.lower_ not in STOP_WORDS and len(t) > 2
            and t.pos_ in ("NOUN", "VERB", "ADJ", "ADV", "PROPN")]


# --- candidates and features ----------------------------------------------------------------------------------

def _first_cue(att: Attribution) -> str:
    words = att.cue.text.split() if att.cue else []
    return words[0].lower() if words else ""


def _cross(vec: Vectors, a: list, b: list) -> float:
    """The highest similarity between a word of ``a`` and a word of ``b``."""
    va = [v for v in (vec.get(t.lower_) for t in a) if v is not None]
    vb = [v for v in (vec.get(t.lower_) for t in b) if v is not None]
    if not va or not vb:
        return 0.0
    return float(np.max(np.array(va) @ np.array(vb).T))


def candidates(doc: Doc, atts: list[Attribution], entities: list, taken: set[str],
               vec: Vectors) -> list[tuple[Attribution, Attribution, np.ndarray]]:
    """(later statement, its best earlier pair, features) for each statement the rules left alone."""
    names = {e.id: content_words(e.name) for e in entities}
    named = {e.id for e in entities if e.named}
    said = sorted((a for a in atts if a.type == "statement"), key=lambda a: a.content.start)
    info: dict[str, tuple] = {}
    for a in said:
        toks = content_tokens(tokens_in(doc, a))
        neg = [t for t in toks if negated(t)]
        pos = [t for t in toks if not negated(t)]
        info[a.id] = (toks, vec.mean([t.lower_ for t in toks]), neg, pos, content_words(a.content.text))
    protos = [v for v in (vec.get(w) for w in DISPUTE_WORDS) if v is not None]
    cue_protos = [v for v in (vec.get(w) for w in CUE_WORDS) if v is not None]
    out = []
    for i, later in enumerate(said):
        if later.id in taken:
            continue
        ltoks, lmean, lneg, lpos, lwords = info[later.id]
        pairs = []
        for e in said[:i]:
            if (e.speaker or e.source and e.source.text) == (later.speaker or later.source and later.source.text):
                continue
            if later.content.start - e.content.end > MAX_GAP or e.id == later.parent or later.id == e.parent:
                continue
            if e.content.end > later.content.start:
                continue
            emean = info[e.id][1]
            sim = float(lmean @ emean) if lmean is not None and emean is not None else 0.0
            pairs.append((sim, e))
        if not pairs:
            continue
        sim, earlier = max(pairs, key=lambda p: p[0])
        etoks, _, eneg, epos, ewords = info[earlier.id]
        lvecs = [v for v in (vec.get(t.lower_) for t in ltoks) if v is not None]
        dispute_word = float(np.max(np.array(lvecs) @ np.array(protos).T)) if lvecs else 0.0
        cue_vec = vec.get(_first_cue(later))
        cue_dispute = float(max(cue_vec @ p for p in cue_protos)) if cue_vec is not None else 0.0
        features = [
            sim, min(len(lwords & ewords), 6) / 6,
            float(_negated(later.content.text) != _negated(earlier.content.text)),
            float(_negated(later.content.text)), float(_negated(earlier.content.text)),
            float(_opens_with_contrast(doc, later)), float(_first_cue(later) in REPLY),
            float(bool(names.get(later.speaker or "", set()) & ewords)),
            float(base_form(_first_cue(earlier)) in ACCUSING_CUES - {"say"}),
            _cross(vec, lneg, epos), _cross(vec, lpos, eneg), dispute_word, cue_dispute,
            min(len(ltoks), 40) / 40, (later.content.start - earlier.content.end) / MAX_GAP,
            float(later.speaker in named and earlier.speaker in named),
            float(bool(names.get(earlier.speaker or "", set()) & lwords)), min(len(pairs), 10) / 10,
        ]
        out.append((later, earlier, np.array(features)))
    return out


def on_gold(row: dict, att: Attribution) -> bool:
    spans = list(att.content.spans) + list(att.cue.spans if att.cue else ())
    return any(min(g["cue"]["span"][1], e) > max(g["cue"]["span"][0], s) for g in row["disputes"] for s, e in spans)


def featurise(part: tuple[list, dict, dict], vocab: Any, vec: Vectors) -> list[dict]:
    """One record per candidate: article id, later and earlier statements, features, label."""
    rows, arts, caps = part
    out = []
    for row in rows:
        cap = caps.get(row["id"])
        if cap is None:
            continue
        doc = Doc(vocab).from_bytes(cap[0])
        art = arts[row["id"]]
        taken = {d.by for d in art.disputes}
        # candidates are read on the attributions as find_disputes saw them, labels on the same spans
        taken_spans = {(a.content.start, a.content.end) for a in art.attributions if a.id in taken}
        atts = cap[1]
        for later, earlier, x in candidates(doc, atts, cap[2], set(), vec):
            if (later.content.start, later.content.end) in taken_spans or any(
                    later.content.start <= s < later.content.end for s, _ in taken_spans):
                continue
            out.append({"id": row["id"], "later": later, "earlier": earlier, "x": x, "y": int(on_gold(row, later))})
    return out


# --- model ----------------------------------------------------------------------------------------------------

def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000, rate: float = 0.5) -> tuple:
    mu, sd = x.mean(0), x.std(0) + 1e-6
    z = np.c_[(x - mu) / sd, np.ones(len(x))]
    w = np.zeros(z.shape[1])
    pos = max(y.mean(), 1e-3)
    weight = np.where(y == 1, 0.5 / pos, 0.5 / (1 - pos))  # balanced classes
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ w))
        w -= rate * (z.T @ (weight * (p - y)) + l2 * np.r_[w[:-1], 0]) / len(y)
    return w, mu, sd


def predict(model: tuple, x: np.ndarray) -> np.ndarray:
    w, mu, sd = model
    return 1 / (1 + np.exp(-(np.c_[(x - mu) / sd, np.ones(len(x))] @ w)))


def out_of_fold(records: list[dict], folds: int = 5) -> np.ndarray:
    ids = sorted({r["id"] for r in records})
    fold = {a: i % folds for i, a in enumerate(ids)}
    x = np.array([r["x"] for r in records])
    y = np.array([r["y"] for r in records])
    scores = np.zeros(len(records))
    for k in range(folds):
        test = np.array([fold[r["id"]] == k for r in records])
        scores[test] = predict(fit(x[~test], y[~test]), x[test])
    return scores


def precision_at(scores: np.ndarray, y: np.ndarray, ks: tuple[int, ...] = (5, 10, 20, 40, 80)) -> str:
    order = np.argsort(-scores)
    return ", ".join(f"top {k}: {int(y[order[:k]].sum())}/{k}" for k in ks)


def choose_threshold(scores: np.ndarray, y: np.ndarray, want: float) -> float:
    """The lowest threshold at which the additions ranked above it are right at least ``want`` of the time
    (at least 3 additions), on out-of-fold tune scores; 1.0 (add nothing) when none is."""
    order = np.argsort(-scores)
    best = 1.0
    for k in range(3, len(order) + 1):
        if y[order[:k]].mean() >= want:
            best = float(scores[order[k - 1]])
    return best


# --- scoring with quoth's scorer ------------------------------------------------------------------------------

def with_additions(part: tuple[list, dict, dict], records: list[dict], scores: np.ndarray,
                   threshold: float) -> dict[str, Article]:
    rows, arts, _ = part
    out = {r["id"]: arts[r["id"]] for r in rows}
    for rec, s in zip(records, scores):
        if s < threshold:
            continue
        art = out[rec["id"]] = copy.copy(out[rec["id"]])
        later: Attribution = rec["later"]
        new = copy.copy(later)
        new.id = f"x{len(art.attributions) + 1}"
        art.attributions = art.attributions + [new]
        cue = later.cue or later.content
        art.disputes = art.disputes + [Dispute(by=new.id, cue=Span(text=cue.text, spans=cue.spans),
                                               kind="contradiction", confidence=float(s))]
    return out


def summary(name: str, result: dict) -> tuple[int, int, int, int]:
    right = round(result["precision"] * result["predicted"])
    print(f"  {name:6s} predicted {result['predicted']:3d}  P {result['precision']:.3f}  "
          f"R {result['recall']:.3f} ({result['matched']}/{result['gold']})")
    return result["predicted"], right, result["matched"], result["gold"]


def pooled(name: str, counts: list[tuple[int, int, int, int]]) -> None:
    p, r, m, g = (sum(c[i] for c in counts) for i in range(4))
    print(f"  {name:6s} predicted {p:3d}  P {r / p if p else 0:.3f}  R {m / g:.3f} ({m}/{g})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--vectors", type=Path, required=True, help="a spaCy vocab folder with vectors")
    parser.add_argument("--want", type=float, default=0.85, help="precision the additions must reach (tune)")
    parser.add_argument("--drop", nargs="*", default=[], help="feature names to leave out (ablation)")
    args = parser.parse_args()
    from quoth.nlp import load_pipeline
    from quoth.options import Options

    data = pickle.load(args.cache.open("rb")) if args.cache.is_file() else build_cache(args.cache)
    vocab = load_pipeline(Options().model).vocab
    vec = Vectors(args.vectors)
    sets = parts(data)
    recs = {k: featurise(sets[k], vocab, vec) for k in TUNE + HELD}
    keep = [i for i, n in enumerate(NAMES) if n not in args.drop]
    for k in recs:
        for r in recs[k]:
            r["x"] = r["x"][keep]
    tune = [r for k in TUNE for r in recs[k]]
    held = [r for k in HELD for r in recs[k]]
    xt, yt = np.array([r["x"] for r in tune]), np.array([r["y"] for r in tune])
    xh, yh = np.array([r["x"] for r in held]), np.array([r["y"] for r in held])
    model = fit(xt, yt)
    oof = out_of_fold(tune)
    print("weights", dict(zip([NAMES[i] for i in keep] + ["bias"], np.round(model[0], 2))))
    print(f"tune: {len(yt)} candidates, {yt.sum()} on a gold cue ({yt.mean():.3f}); "
          f"out of fold {precision_at(oof, yt)}")
    held_scores = predict(model, xh)
    print(f"held: {len(yh)} candidates, {yh.sum()} on a gold cue ({yh.mean():.3f}); "
          f"{precision_at(held_scores, yh)}")
    threshold = choose_threshold(oof, yt, args.want)
    print(f"threshold (tune out of fold, additions right >= {args.want}): {threshold:.3f}; "
          f"tune adds {(oof >= threshold).sum()}, held adds {(held_scores >= threshold).sum()} "
          f"({yh[held_scores >= threshold].sum()} on a gold cue)")
    scores = {k: predict(model, np.array([r["x"] for r in recs[k]])) if recs[k] else np.array([]) for k in recs}
    for label, t in (("rules alone", 2.0), (f"rules + classifier (threshold {threshold:.3f})", threshold)):
        print(label)
        for group, keys in (("tune", TUNE), ("held", HELD)):
            counts = [summary(k, score(sets[k][0], with_additions(sets[k], recs[k], scores[k], t))) for k in keys]
            pooled(group, counts)


if __name__ == "__main__":
    main()
