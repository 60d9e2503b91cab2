"""Scoring predicted attributions against PolNeAR gold: content P/R/F1 at three criteria, quote recall, and
source and cue accuracy.

Content spans are compared as sets of character positions. Each criterion pairs gold and predicted contents
one to one, greedily, best score first:

| criterion | a pair counts when |
|---|---|
| ``lenient`` | ``|gold ∩ pred| / |gold| ≥ LENIENT_COVERAGE`` |
| ``strict`` | character Jaccard ``≥ STRICT_JACCARD`` |
| ``exact`` | the same characters once whitespace, quotation marks and end punctuation are trimmed from both ends |

``quoted_recall`` is lenient recall on the gold contents that hold a double quotation mark. Over the lenient
pairs, ``source_accuracy`` (``cue_accuracy``) is the share of gold sources (cues) the predicted source (cue)
overlaps, counting only gold attributions that have one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from ..attribution.link import MERGE_MAX_GAP_CHARS
from ..model import Article, Attribution, Offsets
from ..options import Options
from ..quotes import DOUBLE_QUOTES
from .brat import GoldArticle, GoldAttribution, read_split

# The Gender Gap Tracker's lenient criterion (README of shared/data: rule-based extractors reach ~0.54 F1 on it).
LENIENT_COVERAGE = 0.3
STRICT_JACCARD = 0.5
CRITERIA = ("lenient", "strict", "exact")
# Trimmed from both ends for the exact criterion: whitespace, every kind of quotation mark, end punctuation.
TRIM_CHARS = frozenset(DOUBLE_QUOTES | set("'‘’‚‛‹›`´") | set(".,;:!?…—–-"))

Extractor = Callable[[list[Article]], Iterable[Article]]


@dataclass(frozen=True)
class Item:
    """One attribution reduced to what scoring needs: character positions of content, cue and source."""

    content: frozenset[int]
    trimmed: frozenset[int]
    cue: frozenset[int]
    source: frozenset[int]
    quoted: bool
    spans: tuple[Offsets, ...]


def positions(spans: Iterable[Offsets]) -> frozenset[int]:
    """The character positions that ``spans`` cover."""
    return frozenset(i for s, e in spans for i in range(s, e))


def trim_positions(text: str, covered: frozenset[int]) -> frozenset[int]:
    """``covered`` without whitespace, quotation marks and end punctuation at either end."""
    ordered = sorted(covered)
    lo, hi = 0, len(ordered)
    while lo < hi and _trimmable(text, ordered[lo]):
        lo += 1
    while hi > lo and _trimmable(text, ordered[hi - 1]):
        hi -= 1
    return frozenset(ordered[lo:hi])


def _trimmable(text: str, index: int) -> bool:
    char = text[index] if index < len(text) else " "
    return char.isspace() or char in TRIM_CHARS


def make_item(text: str, content: Sequence[Offsets], cue: Sequence[Offsets] = (),
              source: Sequence[Offsets] = ()) -> Item:
    """Build a scoring item from offsets into ``text``."""
    covered = positions(content)
    return Item(
        content=covered,
        trimmed=trim_positions(text, covered),
        cue=positions(cue),
        source=positions(source),
        quoted=any(text[i] in DOUBLE_QUOTES for i in covered if i < len(text)),
        spans=tuple(sorted(content)),
    )


def gold_items(article: GoldArticle) -> list[Item]:
    """Scoring items for a gold article."""
    return [_gold_item(article.text, g) for g in article.attributions]


def _gold_item(text: str, gold: GoldAttribution) -> Item:
    return make_item(text, gold.content, gold.cue, gold.source)


def predicted_items(article: Article, include_nested: bool = False) -> list[Item]:
    """Scoring items for a predicted article (attributions with an empty content are skipped).

    PolNeAR's guidelines forbid nesting: its annotators mark only the outer of two nested attributions, so an
    attribution quoth nests inside another (``parent`` set) is outside the gold's scheme and is left out unless
    ``include_nested``. PolNeAR makes one attribution of the pieces around one cue (`"A," he said. "B."`) where
    quoth reports each sentence's piece: ``join_cue_pieces`` joins them back as PolNeAR does.
    """
    scored = [a for a in article.attributions if a.content.spans and (include_nested or a.parent is None)]
    return [
        make_item(
            article.text,
            [span for a in group for span in a.content.spans],
            group[0].cue.spans if group[0].cue else (),
            group[0].source.spans if group[0].source else (),
        )
        for group in join_cue_pieces(article.text, scored)
    ]


def join_cue_pieces(text: str, attributions: Sequence[Attribution]) -> list[list[Attribution]]:
    """``attributions`` in groups: each attribution alone, except that one which follows another with the same
    cue and source, with that cue between the two and in the same paragraph, and at most
    ``MERGE_MAX_GAP_CHARS`` other characters between them, joins the other's group (PolNeAR's one attribution per
    cue; ``quoth.attribution.link`` merges the same pieces only within one sentence)."""
    groups: list[list[Attribution]] = []
    for att in sorted(attributions, key=lambda a: a.content.spans[0][0]):
        last = groups[-1][-1] if groups else None
        if last is not None and _cue_pieces(text, last, att):
            groups[-1].append(att)
        else:
            groups.append([att])
    return groups


def _cue_pieces(text: str, a: Attribution, b: Attribution) -> bool:
    if a.cue is None or b.cue is None or a.cue.spans != b.cue.spans:
        return False
    if (a.source.spans if a.source else None) != (b.source.spans if b.source else None):
        return False
    gap_s, gap_e = a.content.spans[-1][1], b.content.spans[0][0]
    cue = a.cue.spans
    if not (gap_s <= cue[0][0] and cue[-1][1] <= gap_e) or "\n" in text[gap_s:gap_e]:
        return False
    between = sum(e - s for s, e in list(cue) + list(a.source.spans if a.source else ()))
    return gap_e - gap_s - between <= MERGE_MAX_GAP_CHARS


def jaccard(gold: Item, pred: Item) -> float:
    """Character Jaccard of two contents."""
    union = len(gold.content | pred.content)
    return len(gold.content & pred.content) / union if union else 0.0


def pair_score(gold: Item, pred: Item, criterion: str) -> float:
    """How well ``pred`` matches ``gold`` under ``criterion``; 0.0 when it does not count as a match."""
    overlap = len(gold.content & pred.content)
    if criterion == "lenient":
        coverage = overlap / len(gold.content) if gold.content else 0.0
        return coverage if overlap and coverage >= LENIENT_COVERAGE else 0.0
    if criterion == "strict":
        score = jaccard(gold, pred)
        return score if overlap and score >= STRICT_JACCARD else 0.0
    if criterion == "exact":
        return 1.0 if gold.trimmed and gold.trimmed == pred.trimmed else 0.0
    raise ValueError(f"unknown criterion {criterion!r}; use one of {CRITERIA}")


def match(gold: Sequence[Item], pred: Sequence[Item], criterion: str) -> list[tuple[int, int]]:
    """One-to-one greedy matching: candidate pairs by score descending, each item used at most once.

    Ties are broken by Jaccard, then by position, so the result is deterministic. Returns
    ``(gold_index, pred_index)`` pairs.
    """
    candidates = sorted(
        (-score, -jaccard(g_item, p_item), g, p)
        for g, g_item in enumerate(gold)
        for p, p_item in enumerate(pred)
        if (score := pair_score(g_item, p_item, criterion)) > 0
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, g, p in candidates:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return pairs


@dataclass
class Counts:
    """Raw counts for one article or a whole split; ``+`` adds them up."""

    gold: int = 0
    predicted: int = 0
    matched: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CRITERIA, 0))
    quoted_gold: int = 0
    quoted_found: int = 0
    unquoted_gold: int = 0
    unquoted_found: int = 0
    source_total: int = 0
    source_correct: int = 0
    cue_total: int = 0
    cue_correct: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        merged = {k: getattr(self, k) + getattr(other, k) for k in _SCALAR_FIELDS}
        return Counts(matched={c: self.matched[c] + other.matched[c] for c in CRITERIA}, **merged)


_SCALAR_FIELDS = [
    "gold", "predicted", "quoted_gold", "quoted_found", "unquoted_gold", "unquoted_found",
    "source_total", "source_correct", "cue_total", "cue_correct",
]


def count_article(gold: Sequence[Item], pred: Sequence[Item]) -> tuple[Counts, list[tuple[int, int]]]:
    """Counts for one article, and its lenient pairs (for error analysis)."""
    counts = Counts(gold=len(gold), predicted=len(pred))
    pairs_by = {c: match(gold, pred, c) for c in CRITERIA}
    counts.matched = {c: len(pairs) for c, pairs in pairs_by.items()}
    lenient = pairs_by["lenient"]
    found = {g for g, _ in lenient}
    for g, item in enumerate(gold):
        if item.quoted:
            counts.quoted_gold += 1
            counts.quoted_found += g in found
        else:
            counts.unquoted_gold += 1
            counts.unquoted_found += g in found
    for g, p in lenient:
        if gold[g].source:
            counts.source_total += 1
            counts.source_correct += bool(gold[g].source & pred[p].source)
        if gold[g].cue:
            counts.cue_total += 1
            counts.cue_correct += bool(gold[g].cue & pred[p].cue)
    return counts, lenient


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def summarise(counts: Counts) -> dict[str, Any]:
    """Counts → the result dict (every ratio is 0.0 when its denominator is 0)."""
    content = {}
    for criterion in CRITERIA:
        tp = counts.matched[criterion]
        precision, recall = _ratio(tp, counts.predicted), _ratio(tp, counts.gold)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        content[criterion] = {"precision": precision, "recall": recall, "f1": f1, "matched": tp}
    return {
        "gold": counts.gold,
        "predicted": counts.predicted,
        "content": content,
        "quoted_recall": _share("recall", counts.quoted_found, counts.quoted_gold),
        "unquoted_recall": _share("recall", counts.unquoted_found, counts.unquoted_gold),
        "source_accuracy": _share("accuracy", counts.source_correct, counts.source_total),
        "cue_accuracy": _share("accuracy", counts.cue_correct, counts.cue_total),
    }


def _share(name: str, part: int, whole: int) -> dict[str, Any]:
    return {name: _ratio(part, whole), "correct" if name == "accuracy" else "found": part, "total": whole}


def score(
    gold_by_article: Mapping[str, Sequence[Item]],
    pred_by_article: Mapping[str, Sequence[Item]],
    per_article: bool = False,
) -> dict[str, Any]:
    """Score predicted items against gold items, both keyed by article id.

    An article missing from ``pred_by_article`` counts as predicting nothing; predicted articles without gold
    are ignored. With ``per_article`` the result has a ``per_article`` dict of each article's numbers plus its
    missed gold and spurious predicted content spans (at the lenient criterion).
    """
    total = Counts()
    details: dict[str, Any] = {}
    for article_id, gold in gold_by_article.items():
        pred = pred_by_article.get(article_id, [])
        counts, lenient = count_article(gold, pred)
        total = total + counts
        if per_article:
            details[article_id] = _article_detail(counts, gold, pred, lenient)
    result = {"articles": len(gold_by_article), **summarise(total)}
    if per_article:
        result["per_article"] = details
    return result


def _article_detail(counts: Counts, gold: Sequence[Item], pred: Sequence[Item],
                    lenient: list[tuple[int, int]]) -> dict[str, Any]:
    matched_gold = {g for g, _ in lenient}
    matched_pred = {p for _, p in lenient}
    return {
        **summarise(counts),
        "missed": [[list(s) for s in item.spans] for g, item in enumerate(gold) if g not in matched_gold],
        "spurious": [[list(s) for s in item.spans] for p, item in enumerate(pred) if p not in matched_pred],
    }


def score_articles(gold: Sequence[GoldArticle], predicted: Iterable[Article],
                   per_article: bool = False, include_nested: bool = False) -> dict[str, Any]:
    """Score predicted ``Article``s against gold articles, matched by id (nested ones only if asked)."""
    predicted = list(predicted)
    pred_by_article = {a.id: predicted_items(a, include_nested) for a in predicted}
    result = score({g.id: gold_items(g) for g in gold}, pred_by_article, per_article=per_article)
    result["nested"] = {"scored": include_nested,
                        "count": sum(1 for a in predicted for x in a.attributions if x.parent is not None)}
    return result


def quoth_extractor(options: Options | None = None) -> Extractor:
    """quoth's own extractor: ``quoth.extract_many`` with ``options`` (default ``Options()``), raising on errors."""

    def run(articles: list[Article]) -> Iterable[Article]:
        from ..pipeline import extract_many

        return extract_many(articles, options, errors="raise")

    return run


def evaluate_polnear(
    directory: Path | str,
    extractor: Extractor | None = None,
    limit: int | None = None,
    per_article: bool = False,
    include_nested: bool = False,
) -> dict[str, Any]:
    """Read a PolNeAR split (e.g. ``data/dev``), run ``extractor`` on its texts and score the result.

    ``extractor`` takes a list of ``Article``s (id and exact text) and yields ``Article``s with attributions;
    the default is ``quoth_extractor()``, the full pipeline with default options.
    Nested attributions are not scored unless ``include_nested`` (PolNeAR forbids nesting; see
    ``predicted_items``). Returns the ``score`` dict plus ``split`` (the directory). Raises BratError when the split cannot be read or
    its offsets do not match its texts.
    """
    gold = read_split(directory, limit=limit)
    inputs = [Article(id=g.id, text=g.text) for g in gold]
    predicted = list((extractor or quoth_extractor())(inputs))
    for before, after in zip(inputs, predicted):
        if after.text != before.text:
            raise ValueError(f"{before.id}: the extractor changed the text, so offsets cannot be compared")
    return {"split": str(directory),
            **score_articles(gold, predicted, per_article=per_article, include_nested=include_nested)}


def flat_metrics(result: Mapping[str, Any]) -> dict[str, float]:
    """The headline numbers of a result as one flat dict (the keys ``tests/gold_floors.json`` pins)."""
    flat = {
        f"content_{criterion}_{name}": result["content"][criterion][name]
        for criterion in CRITERIA
        for name in ("precision", "recall", "f1")
    }
    flat["quoted_recall"] = result["quoted_recall"]["recall"]
    flat["unquoted_recall"] = result["unquoted_recall"]["recall"]
    flat["source_accuracy"] = result["source_accuracy"]["accuracy"]
    flat["cue_accuracy"] = result["cue_accuracy"]["accuracy"]
    return flat
