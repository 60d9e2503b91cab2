"""Scoring quotes and speakers against a Gender Gap Tracker evaluation folder (``../shared/data/ggt-dev``).

The folder holds ``gold.jsonl`` (one article a line: ``id`` and ``quotes``, each with ``content`` spans and the
speaker's ``reference``) and ``text/<id>.txt``. quoth runs on each text; its attributions are matched to the gold
quotes with the Gender Gap Tracker's own rule: each gold quote, in order, takes the best remaining prediction
covering more than 30% (and, separately, 80%) of the gold quote's characters.

Over the quotes matched at 30%:
- speaker accuracy: the predicted speaker entity's name (or the source text when there is no speaker) against the
  gold ``reference``, with the speakers-dev rule (``quoth.evaluate.speakers.names_match``);
- proper-name share: the predicted speaker is an entity whose name starts with a capital letter and not with
  "The/A/An/This/That/His/Her/Its/Their ";
- wrong proper names: of those, the share whose name does not match the reference.

The annotators marked reported speech only, so by default only ``statement`` attributions are scored;
``all_types=True`` scores every attribution. The share of each type among the predictions is reported either way,
and so is each type's hit count: how many of its predictions match a gold quote at 30% when every type is matched
together (how far GGT's notion of a quote agrees with each type).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable

from ..errors import QuothError
from ..model import Article, Attribution
from .speakers import names_match

GOLD_FILE = "gold.jsonl"
TEXT_DIR = "text"
THRESHOLDS = (0.3, 0.8)
_NOT_PROPER = re.compile(r"^(the|a|an|this|that|his|her|its|their)\s", re.IGNORECASE)


class GgtDataError(QuothError):
    """The GGT folder, its gold file or a text it names is missing or malformed."""


def read_gold(directory: Path | str) -> list[dict[str, Any]]:
    """The gold articles of a GGT folder, in file order, each with its ``text`` read in."""
    root = Path(directory)
    path = root / GOLD_FILE
    if not path.is_file():
        raise GgtDataError(f"{path} not found; pass a folder laid out like ../shared/data/ggt-dev "
                           f"({GOLD_FILE} and {TEXT_DIR}/<id>.txt)")
    articles = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text_path = root / TEXT_DIR / f"{row['id']}.txt"
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise GgtDataError(f"{path}:{n}: not a gold article ({exc})") from exc
        if not text_path.is_file():
            raise GgtDataError(f"{text_path} not found (named on line {n} of {path})")
        row["text"] = text_path.read_text(encoding="utf-8")
        articles.append(row)
    return articles


def data_sha256(directory: Path | str) -> str:
    """A sha256 over the gold file and every text it names (what the CI floors were pinned on)."""
    root = Path(directory)
    digest = hashlib.sha256((root / GOLD_FILE).read_bytes())
    for row in read_gold(root):
        digest.update(row["id"].encode("utf-8") + b"\0" + row["text"].encode("utf-8") + b"\0")
    return digest.hexdigest()


def coverage(gold: Iterable[Iterable[int]], predicted: Iterable[Iterable[int]]) -> float:
    """The share of the gold spans' characters that the predicted spans cover."""
    gold_chars: set[int] = set()
    for s, e in gold:
        gold_chars.update(range(s, e))
    if not gold_chars:
        return 0.0
    covered = sum(1 for s, e in predicted for i in range(s, e) if i in gold_chars)
    return covered / len(gold_chars)


def match_quotes(gold: list[list[list[int]]], predicted: list[list[list[int]]], threshold: float) -> dict[int, int]:
    """GGT matching: each gold quote in order takes the best remaining prediction covering > ``threshold``.

    Returns {gold index: prediction index}.
    """
    taken: set[int] = set()
    matches: dict[int, int] = {}
    for g, spans in enumerate(gold):
        best, best_cov = None, threshold
        for p, pred in enumerate(predicted):
            if p in taken:
                continue
            cov = coverage(spans, pred)
            if cov > best_cov:
                best, best_cov = p, cov
        if best is not None:
            taken.add(best)
            matches[g] = best
    return matches


def is_proper_name(name: str | None) -> bool:
    """Whether a speaker name is a proper name by the GGT scorer's rule (capitalised, no leading determiner)."""
    if not name:
        return False
    return name[:1].isupper() and not _NOT_PROPER.match(name)


def predicted_speaker(article: Article, attribution: Attribution) -> tuple[str | None, bool]:
    """The name scored for an attribution (entity name, else the source text) and whether it is an entity's."""
    name = article.speaker_name(attribution)
    if name is not None:
        return name, True
    return (attribution.source.text if attribution.source else None), False


def score_article(gold: dict[str, Any], article: Article, all_types: bool = False) -> dict[str, Any]:
    """Counts for one article: quotes matched at each threshold, and speaker checks over the 30% matches."""
    scored = [a for a in article.attributions if all_types or a.type == "statement"]
    predicted = [[list(p) for p in a.content.spans] for a in scored]
    gold_quotes = gold.get("quotes", [])
    gold_spans = [q["content"] for q in gold_quotes]
    out: dict[str, Any] = {"id": gold["id"], "gold": len(gold_spans), "predicted": len(scored),
                           "types": dict(Counter(a.type for a in article.attributions))}
    for threshold in THRESHOLDS:
        out[f"matched_{int(threshold * 100)}"] = len(match_quotes(gold_spans, predicted, threshold))
    speakers = {"correct": 0, "proper": 0, "proper_wrong": 0, "matched": 0, "errors": [], "missed": []}
    matches = match_quotes(gold_spans, predicted, THRESHOLDS[0])
    for g, quote in enumerate(gold_quotes):
        if g not in matches:
            speakers["missed"].append(quote.get("content_text", "")[:120])
            continue
        attribution = scored[matches[g]]
        name, from_entity = predicted_speaker(article, attribution)
        right = names_match(name, quote.get("reference", ""))
        proper = from_entity and is_proper_name(name)
        speakers["matched"] += 1
        speakers["correct"] += right
        speakers["proper"] += proper
        speakers["proper_wrong"] += proper and not right
        if not right:
            speakers["errors"].append({"quote": quote.get("content_text", "")[:120], "gold": quote.get("reference"),
                                       "predicted": name, "source": attribution.source.text
                                       if attribution.source else None, "proper": proper})
    out["speakers"] = speakers
    everything = [[list(p) for p in a.content.spans] for a in article.attributions]
    hits = match_quotes(gold_spans, everything, THRESHOLDS[0]).values()
    out["type_hits"] = dict(Counter(article.attributions[p].type for p in hits))
    matched = set(matches.values())
    out["spurious"] = [a.content.text[:120] for n, a in enumerate(scored) if n not in matched]
    return out


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def summarise(per_article: list[dict[str, Any]]) -> dict[str, Any]:
    """Precision, recall and F1 at each threshold, speaker measures and type shares over all articles."""
    gold = sum(a["gold"] for a in per_article)
    predicted = sum(a["predicted"] for a in per_article)
    quotes = {}
    for threshold in THRESHOLDS:
        key = f"matched_{int(threshold * 100)}"
        matched = sum(a[key] for a in per_article)
        p, r = _ratio(matched, predicted), _ratio(matched, gold)
        quotes[f"{int(threshold * 100)}%"] = {"precision": p, "recall": r, "f1": _ratio(2 * p * r, p + r) if p + r
                                              else 0.0, "matched": matched}
    sp = {k: sum(a["speakers"][k] for a in per_article) for k in ("correct", "proper", "proper_wrong", "matched")}
    types: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for a in per_article:
        types.update(a["types"])
        hits.update(a.get("type_hits", {}))
    total_types = sum(types.values())
    return {
        "articles": len(per_article), "gold": gold, "predicted": predicted, "quotes": quotes,
        "speaker_accuracy": _ratio(sp["correct"], sp["matched"]),
        "proper_name_share": _ratio(sp["proper"], sp["matched"]),
        "wrong_proper_names": _ratio(sp["proper_wrong"], sp["proper"]),
        "speaker_counts": sp,
        "type_shares": {t: _ratio(n, total_types) for t, n in sorted(types.items())},
        "type_hits": {t: {"predicted": n, "matched": hits[t]} for t, n in sorted(types.items())},
    }


def evaluate_ggt(directory: Path | str, all_types: bool = False, limit: int | None = None,
                 per_article: bool = False, options: Any = None,
                 extractor: Callable[[list[Article]], Iterable[Article]] | None = None) -> dict[str, Any]:
    """Run quoth (with ``options``, or ``extractor`` over the articles) on every article of a GGT folder and score
    it (see the module docstring).

    Returns the summary dict; with ``per_article`` it also holds each article's counts, speaker errors, missed
    gold quotes and spurious predictions. Raises GgtDataError when the folder is not laid out as expected.
    """
    from ..pipeline import extract_many

    gold = read_gold(directory)[:limit] if limit else read_gold(directory)
    inputs = [Article(id=g["id"], text=g["text"]) for g in gold]
    articles = extractor(inputs) if extractor else extract_many(inputs, options, errors="raise")
    rows = [score_article(g, a, all_types) for g, a in zip(gold, articles)]
    result = summarise(rows)
    result["all_types"] = all_types
    if per_article:
        result["per_article"] = rows
    return result
