"""Scoring quoth against the hand-written outlet-style articles in tests/fixtures/outlets/.

Each ``<style>.txt`` is an article we wrote ourselves in one outlet's style; ``<style>.json`` is its gold:

- ``statements``: ``{"quote": <exact substring of the text>, "speaker": <name part or list of them>}``, every
  statement a reader would list (what was said or written, by whom);
- ``optional``: substrings where a statement is acceptable but not required (headlines, questions, hedged
  speech acts, beliefs), so a prediction there is neither right nor wrong;
- ``documents``: findings whose source is a study or report (type ``document``, not ``statement``);
- ``furniture``: page furniture and narration of actions, which must yield no statement;
- ``disputes``: ``{"by": <speaker name part or list of them>, "target": <name part, or "" for any target>}``.

Matching is by characters, so it does not depend on how quoth segments a quote (one attribution per sentence or
one per turn): a gold statement is found when statement predictions cover at least ``COVER`` of its characters; a
predicted statement is correct when at least ``COVER`` of its characters lie in gold or optional spans. The
speaker of a found gold statement is the resolved speaker (else the source as written) of the statement that
covers most of it; it is right when one of the gold name parts occurs in it (case-insensitive).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import quoth

FIXTURES = Path(__file__).parent / "fixtures" / "outlets"
CHECK_FIXTURES = Path(__file__).parent / "fixtures" / "outlets_check"  # written blind, never tuned on
COVER = 0.5


@dataclass
class StyleScore:
    style: str
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    speaker_right: int = 0
    disputes_gold: int = 0
    disputes_found: int = 0
    disputes_predicted: int = 0
    disputes_correct: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (category, detail)


def load_styles(directory: Path = FIXTURES) -> list[tuple[str, str, dict[str, Any]]]:
    """(name, text, gold) for every fixture pair in ``directory``."""
    out = []
    for gold_path in sorted(directory.glob("*.json")):
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        out.append((gold_path.stem, text, json.loads(gold_path.read_text(encoding="utf-8"))))
    return out


def locate(text: str, quote: str) -> tuple[int, int]:
    start = text.find(quote)
    if start < 0:
        raise ValueError(f"gold quote not in the text: {quote!r}")
    return start, start + len(quote)


def gold_strings(directory: Path = FIXTURES) -> list[tuple[str, str]]:
    """Every (article, gold string) pair of ``directory``: statements, optional quotes, documents and furniture; a
    test locates each in its article so that a gold typo fails loudly rather than scoring as a miss."""
    out = []
    for _name, text, gold in load_styles(directory):
        out += [(text, item["quote"]) for item in gold["statements"]]
        out += [(text, quote) for key in ("optional", "documents", "furniture") for quote in gold.get(key, [])]
    return out


def _chars(spans: list[tuple[int, int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def _names(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _who(article: quoth.Article, a: quoth.Attribution) -> str:
    name = article.speaker_name(a) or ""
    return f"{name} | {a.source.text if a.source else ''}".lower()


def score_style(name: str, text: str, gold: dict[str, Any], article: quoth.Article) -> StyleScore:
    sc = StyleScore(style=name)
    statements = [a for a in article.attributions if a.type == "statement"]
    others = [a for a in article.attributions if a.type != "statement"]
    spans = {a.id: _chars([(s, e) for s, e in a.content.spans]) for a in article.attributions}
    gold_spans = [(g, _chars([locate(text, g["quote"])])) for g in gold["statements"]]
    allowed = set().union(*(c for _, c in gold_spans), *(_chars([locate(text, q)]) for q in gold.get("optional", [])))
    documents = set().union(set(), *(_chars([locate(text, q)]) for q in gold.get("documents", [])))
    furniture = set().union(set(), *(_chars([locate(text, q)]) for q in gold.get("furniture", [])))
    sc.gold = len(gold_spans)
    for g, chars in gold_spans:
        covered = chars & set().union(set(), *(spans[a.id] for a in statements))
        if len(covered) < COVER * len(chars):
            other = chars & set().union(set(), *(spans[a.id] for a in others))
            types = sorted({a.type for a in others if spans[a.id] & chars})
            kind = "wrong type" if len(other) >= COVER * len(chars) else "missed statement"
            sc.errors.append((kind, f"{g['quote'][:70]!r} ({g['speaker']}){' as ' + ','.join(types) if types else ''}"))
            continue
        sc.found += 1
        best = max(statements, key=lambda a: len(spans[a.id] & chars))
        who = _who(article, best)
        if any(n.lower() in who for n in _names(g["speaker"])):
            sc.speaker_right += 1
        else:
            sc.errors.append(("wrong speaker", f"{g['quote'][:50]!r}: gold {g['speaker']}, got {who!r}"))
    for a in statements:
        sc.predicted += 1
        chars = spans[a.id]
        if len(chars & allowed) >= COVER * len(chars):
            sc.correct += 1
        elif chars & furniture:
            sc.errors.append(("furniture leakage", repr(a.content.text[:80])))
        elif len(chars & documents) >= COVER * len(chars):
            sc.errors.append(("wrong type", f"{a.content.text[:70]!r} is a document's, typed statement"))
        else:
            sc.errors.append(("false statement", f"{a.content.text[:70]!r} ({_who(article, a)})"))
    _score_disputes(sc, gold, article)
    return sc


def _score_disputes(sc: StyleScore, gold: dict[str, Any], article: quoth.Article) -> None:
    found = []
    for d in article.disputes:
        by = article.attribution(d.by)
        target = " | ".join(filter(None, [
            (article.entity(d.target_entity).name if article.entity(d.target_entity) else ""),  # type: ignore[union-attr]
            _who(article, t) if (t := article.attribution(d.target_attribution)) else ""])).lower()
        found.append((_who(article, by) if by else "", target))
    def matches(g: dict[str, Any], by: str, target: str) -> bool:
        return any(n.lower() in by for n in _names(g["by"])) and (not g["target"] or g["target"].lower() in target)

    for g in gold.get("disputes", []):
        sc.disputes_gold += 1
        if any(matches(g, by, target) for by, target in found):
            sc.disputes_found += 1
        else:
            sc.errors.append(("missed dispute", f"{g['by']} against {g['target'] or 'anyone'}; found {found}"))
    for by, target in found:
        sc.disputes_predicted += 1
        if any(matches(g, by, target) for g in gold.get("disputes", [])):
            sc.disputes_correct += 1
        else:
            sc.errors.append(("false dispute", f"{by!r} against {target!r}"))


def score_all(options: quoth.Options | None = None, directory: Path = FIXTURES) -> list[StyleScore]:
    styles = load_styles(directory)
    articles = quoth.extract_many(({"id": n, "text": t} for n, t, _ in styles), options)
    return [score_style(n, t, g, a) for (n, t, g), a in zip(styles, articles)]


def totals(scores: list[StyleScore]) -> dict[str, float]:
    gold = sum(s.gold for s in scores)
    pred = sum(s.predicted for s in scores)
    found = sum(s.found for s in scores)
    p = sum(s.correct for s in scores) / pred if pred else 0.0
    r = found / gold if gold else 0.0
    return {
        "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "speaker_accuracy": sum(s.speaker_right for s in scores) / found if found else 0.0,
        "disputes_recall": sum(s.disputes_found for s in scores) / max(1, sum(s.disputes_gold for s in scores)),
        "disputes_precision": (sum(s.disputes_correct for s in scores)
                               / max(1, sum(s.disputes_predicted for s in scores))),
    }


def error_counts(scores: list[StyleScore]) -> Counter[str]:
    return Counter(kind for s in scores for kind, _ in s.errors)


def counts(scores: list[StyleScore]) -> dict[str, int]:
    keys = ("gold", "found", "predicted", "correct", "speaker_right", "disputes_gold", "disputes_found",
            "disputes_predicted", "disputes_correct")
    return {k: sum(getattr(s, k) for s in scores) for k in keys}


def main(argv: list[str]) -> None:
    """``outlet_scoring.py [check] [--errors]``: the tuned-on set with its errors, or (``check``) the blind set's
    aggregates only; its per-item errors are printed only with ``--errors`` (never read them to fix rules)."""
    check = "check" in argv
    results = score_all(directory=CHECK_FIXTURES if check else FIXTURES)
    if not check or "--errors" in argv:
        for s in results:
            print(f"== {s.style}: gold {s.gold} found {s.found} predicted {s.predicted} correct {s.correct} "
                  f"speakers {s.speaker_right}/{s.found} disputes {s.disputes_found}/{s.disputes_gold} "
                  f"(predicted {s.disputes_predicted}, right {s.disputes_correct})")
            for kind, detail in s.errors:
                print(f"   [{kind}] {detail}")
    print({k: round(v, 3) for k, v in totals(results).items()})
    print(counts(results))
    if not check or "--errors" in argv:
        print(dict(error_counts(results)))


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
