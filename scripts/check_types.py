"""Check quoth's attribution types against an independent annotation of its predictions.

    python scripts/check_types.py [--annotations data/annotations/types-train.jsonl]
                                  [--data ../shared/data/raw/polnear/data/train] [--json]

The annotation file labels quoth's predictions on PolNeAR train articles, blind to quoth's type: ``statement |
belief | knowledge | intention | document | topic | none`` (``none``: no attribution, and by its convention every
headline). One line per article (``id`` and ``attributions``, each with ``content`` offsets ``[[start, end], …]``
and a ``label``), or one line per prediction naming its article (``article``, ``article_id``, ``doc`` or ``id``);
other fields are ignored.

quoth is run again on each annotated article, and each annotated content is matched to the prediction whose
content overlaps it most (at least half of the longer of the two). An annotated content with no such prediction
counts as predicted ``none`` (the filter dropped it), unless a statement matched to another annotation holds
more than half of it (an annotated duplicate of a kept statement: left out and counted), and so does a prediction
in the headline (``region:
"headline"``, kept apart from the body's attributions, as the annotation's ``none`` for headlines does).
Printed: per label, the annotated count, the predicted count, both, precision, recall and F1, and the confusion
counts (annotated → predicted).

An independent check only: the lexicon is not tuned to it beyond fixing clear gaps.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# QUOTH_SRC=<another tree>/src checks that tree's quoth (e.g. main's, for a before/after table).
sys.path.insert(0, os.environ.get("QUOTH_SRC") or str(ROOT / "src"))

from quoth.evaluate.brat import read_split  # noqa: E402
from quoth.model import Article  # noqa: E402

# The annotation's labels (quoth's types and "none").
LABELS = ("statement", "belief", "knowledge", "intention", "document", "topic", "none")
_ARTICLE_KEYS = ("article", "article_id", "doc", "doc_id", "id")
_SPAN_KEYS = ("content", "spans", "content_spans")
MIN_OVERLAP = 0.5
DOUBLE = "(double)"


def read_annotations(path: Path) -> list[dict[str, Any]]:
    """The annotated predictions: {"article", "spans", "label"} per usable line (others reported and skipped)."""
    out, skipped = [], 0
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            line_row = json.loads(line)
            nested = line_row.get("attributions")
            rows.extend([{**a, "id": line_row.get("id")} for a in nested] if isinstance(nested, list) else [line_row])
    for row in rows:
        article = next((str(row[k]) for k in _ARTICLE_KEYS if row.get(k) is not None), None)
        spans = next((_spans(row[k]) for k in _SPAN_KEYS if _spans(row.get(k))), None)
        if spans is None and "start" in row and "end" in row:
            spans = [[row["start"], row["end"]]]
        label = str(row.get("label", "")).strip().lower()
        if article is None or not spans or label not in LABELS:
            skipped += 1
            continue
        out.append({"article": article, "spans": [tuple(s) for s in spans], "label": label})
    if skipped:
        print(f"skipped {skipped} line(s) without an article, content offsets or a known label", file=sys.stderr)
    return out


def _spans(value: Any) -> list[list[int]] | None:
    """``[[start, end], …]`` from a list of pairs or a quoth span object (``{"spans": [...]}``), else None."""
    if isinstance(value, dict):
        value = value.get("spans")
    if isinstance(value, list) and value and all(isinstance(p, list) and len(p) == 2 for p in value):
        return value
    return None


def overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> float:
    """Shared characters over the longer of the two span sets' lengths."""
    chars_a = {i for s, e in a for i in range(s, e)}
    chars_b = {i for s, e in b for i in range(s, e)}
    longer = max(len(chars_a), len(chars_b))
    return len(chars_a & chars_b) / longer if longer else 0.0


def predicted_types(annotations: list[dict[str, Any]], articles: dict[str, Article]) -> list[str]:
    """Per annotation, the type of the best-overlapping prediction, or "none" (each prediction used once), or
    ``DOUBLE`` for an annotated duplicate whose twin took the one prediction left for both (quoth drops the
    shorter of two statements reporting the same words; the annotation labels both, see README-types.md)."""
    taken: set[tuple[str, str]] = set()
    out = []
    for ann in annotations:
        article = articles.get(ann["article"])
        best, best_score = None, MIN_OVERLAP
        for att in article.attributions if article else []:
            score = overlap(ann["spans"], [tuple(s) for s in att.content.spans])
            if (ann["article"], att.id) not in taken and score >= best_score:
                best, best_score = att, score
        if best is None and _double(ann, article, taken):
            out.append(DOUBLE)
        elif best is None:
            out.append("none")
        else:
            taken.add((ann["article"], best.id))
            out.append("none" if best.region == "headline" else best.type)
    return out


def _double(ann: dict[str, Any], article: Article | None, taken: set[tuple[str, str]]) -> bool:
    """Whether a taken statement holds more than half of the annotated content's characters."""
    chars = {i for s, e in ann["spans"] for i in range(s, e)}
    for att in article.attributions if article and chars else []:
        if (ann["article"], att.id) in taken and att.type == "statement":
            shared = chars & {i for s, e in att.content.spans for i in range(s, e)}
            if len(shared) * 2 > len(chars):
                return True
    return False


def table(gold: list[str], predicted: list[str]) -> list[dict[str, Any]]:
    """Per label: annotated, predicted, both, precision, recall, F1."""
    rows = []
    for label in LABELS:
        g = sum(x == label for x in gold)
        p = sum(x == label for x in predicted)
        both = sum(x == y == label for x, y in zip(gold, predicted))
        prec, rec = (both / p if p else 0.0), (both / g if g else 0.0)
        rows.append({"label": label, "annotated": g, "predicted": p, "both": both, "precision": prec,
                     "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--annotations", type=Path,
                        default=ROOT / "data" / "annotations" / "types-train.jsonl")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "raw" / "polnear" / "data"
                        / "train")
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    args = parser.parse_args()
    from quoth.pipeline import extract_many

    annotations = read_annotations(args.annotations)
    wanted = {a["article"] for a in annotations}
    gold = {g.id: g for g in read_split(args.data, verify=False) if g.id in wanted}
    missing = sorted(wanted - set(gold))
    if missing:
        print(f"{len(missing)} annotated article(s) not in {args.data}, e.g. {missing[0]}", file=sys.stderr)
    extracted = extract_many([Article(id=g.id, text=g.text) for g in gold.values()], None, errors="raise")
    articles = {a.id: a for a in extracted}
    annotations = [a for a in annotations if a["article"] in articles]
    labels = [a["label"] for a in annotations]
    predicted = predicted_types(annotations, articles)
    doubles = sum(p == DOUBLE for p in predicted)
    labels, predicted = [g for g, p in zip(labels, predicted) if p != DOUBLE], [p for p in predicted if p != DOUBLE]
    rows = table(labels, predicted)
    confusion = Counter(zip(labels, predicted))
    if args.json:
        print(json.dumps({"articles": len(articles), "annotations": len(annotations), "doubles": doubles, "table": rows,
                          "confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())}}, indent=2))
        return
    print(f"{len(annotations)} annotated predictions in {len(articles)} articles; {doubles} annotated duplicate(s) of "
          f"a kept statement left out")
    print(f"{'label':<10} {'annotated':>9} {'predicted':>9} {'both':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for r in rows:
        print(f"{r['label']:<10} {r['annotated']:>9} {r['predicted']:>9} {r['both']:>5} {r['precision']:>6.3f} "
              f"{r['recall']:>6.3f} {r['f1']:>6.3f}")
    accuracy = sum(g == p for g, p in zip(labels, predicted)) / len(labels) if labels else 0.0
    print(f"accuracy {accuracy:.3f}")
    print("confusion (annotated -> predicted):")
    for (g, p), n in sorted(confusion.items(), key=lambda kv: -kv[1]):
        if g != p:
            print(f"  {g:>9} -> {p:<9} {n}")


if __name__ == "__main__":
    main()
