"""Scoring disputes against disputes-dev (``disputes-dev/disputes.jsonl``, one line per PolNeAR dev article).

The rule is the data's README, kept exactly so that numbers compare:

- a predicted dispute matches a gold one when the gold ``cue`` span overlaps the prediction's own cue, or the cue
  or content of its disputing attribution (``by``); one-to-one, greedy by overlap;
- precision = matched predictions / predictions (a match with an optional gold dispute counts as right);
  recall = non-optional gold disputes matched / non-optional gold disputes;
- over the matched pairs: *target party* is right when the predicted ``target_entity``'s name matches the gold
  ``target_party.reference`` (``names_match``), or both are absent; *target claim* is right when the predicted
  ``target_attribution``'s content overlaps a gold ``target_claim`` span, or both are absent.

The gold may also come from other files of the same record format (one line per article, ``id`` and
``disputes``; the ``event`` fields are not needed), e.g. disputes annotated in PolNeAR train articles:
``evaluate_disputes(["a.jsonl", "b.jsonl"], texts=".../train/text")``.

Target party and target claim are reported over matched pairs that count for recall (non-optional gold). Two
extras, outside the README's rule: ``target_claim_or_text`` also counts a predicted ``target_text`` that overlaps
a gold claim (the claim stated in the disputing sentence itself, "denied that …"), and ``kind`` is the share of
matched pairs whose kind agrees.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import QuothError
from ..model import Article, Attribution, Dispute
from .speakers import names_match

ROWS_FILE = "disputes.jsonl"
# Where the PolNeAR dev split lies relative to the disputes-dev folder in ../shared/data.
POLNEAR_DEV = Path("..") / "raw" / "polnear" / "data" / "dev"
KINDS = ("denial", "rejection", "contradiction", "correction")

Pairs = list[tuple[int, int]]
Extract = Callable[[Iterable[tuple[str, str]]], Iterator[Article]]


class DisputesDataError(QuothError):
    """The disputes-dev rows or the PolNeAR texts they point to are missing or malformed."""


def read_rows(directory: Path | str) -> list[dict[str, Any]]:
    """The jsonl rows of a disputes-dev folder, or of a jsonl file of the same format. Raises DisputesDataError
    when the file is absent or a line is not an article row (``id`` and ``disputes``)."""
    given = Path(directory)
    path = given if given.is_file() else given / ROWS_FILE
    if not path.is_file():
        raise DisputesDataError(f"{path} not found; pass the disputes-dev folder of ../shared/data or a jsonl file")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict) or "id" not in row or not isinstance(row.get("disputes"), list):
            raise DisputesDataError(f"{path}:{n}: expected an article row with 'id' and a 'disputes' list")
    return rows


def read_gold(sources: Sequence[Path | str]) -> list[dict[str, Any]]:
    """The rows of several folders or jsonl files together. Raises DisputesDataError on an article in two."""
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for source in sources:
        for row in read_rows(source):
            if row["id"] in seen:
                raise DisputesDataError(f"article {row['id']} is in more than one gold file")
            seen.add(row["id"])
            rows.append(row)
    return rows


def data_sha256(directory: Path | str, polnear_dev: Path | str | None = None) -> str:
    """A sha256 over the rows file and every PolNeAR text the rows point to."""
    root = Path(directory)
    dev = Path(polnear_dev) if polnear_dev else root / POLNEAR_DEV
    digest = hashlib.sha256((root / ROWS_FILE).read_bytes())
    for row in sorted(read_rows(root), key=lambda r: r["id"]):
        path = dev / "text" / f"{row['id']}.txt"
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def default_extract(items: Iterable[tuple[str, str]]) -> Iterator[Article]:
    """quoth's own extraction (default options) over ``(id, text)`` pairs."""
    from ..pipeline import extract_many

    return extract_many(items, errors="raise")


def evaluate_disputes(directory: Path | str | Sequence[Path | str], polnear_dev: Path | str | None = None,
                      extract: Extract | None = None, limit: int | None = None,
                      half: str | None = None, texts: Path | str | None = None) -> dict[str, Any]:
    """Run quoth on the gold articles and score its disputes (see the module docstring).

    ``directory`` is the disputes-dev folder, or one or more folders or jsonl files of the same row format.
    ``texts`` is the folder of ``<id>.txt`` the offsets index (default: ``text`` of ``polnear_dev``, itself by
    default the PolNeAR dev split beside the first folder). ``half`` ("even" or "odd") keeps the articles whose
    index in sorted order has that parity: tune on one, check on the other. Raises DisputesDataError when the
    rows or the texts are missing.
    """
    sources = [directory] if isinstance(directory, (str, Path)) else list(directory)
    if not sources:
        raise DisputesDataError("no gold folder or file given")
    folder = _text_folder(Path(sources[0]), polnear_dev, texts)
    rows = select_rows(read_gold(sources), half)[:limit]
    missing = [r["id"] for r in rows if not (folder / f"{r['id']}.txt").is_file()]
    if missing:
        raise DisputesDataError(f"{len(missing)} gold articles have no text in {folder} (first: {missing[0]})")
    pairs = [(r["id"], (folder / f"{r['id']}.txt").read_bytes().decode("utf-8")) for r in rows]
    articles = {a.id: a for a in (extract or default_extract)(pairs)}
    return score(rows, articles)


def _text_folder(first: Path, polnear_dev: Path | str | None, texts: Path | str | None) -> Path:
    if texts is not None:
        folder = Path(texts)
    elif polnear_dev is not None:
        folder = Path(polnear_dev) / "text"
    elif first.is_dir():
        folder = first / POLNEAR_DEV / "text"
    else:
        raise DisputesDataError(f"{first} is a file: pass --texts, the folder of the texts its offsets index")
    if not folder.is_dir():
        raise DisputesDataError(f"texts not found at {folder}; pass --polnear-dev or --texts")
    return folder


def select_rows(rows: list[dict[str, Any]], half: str | None) -> list[dict[str, Any]]:
    """All rows sorted by id, or the even- or odd-indexed half."""
    ordered = sorted(rows, key=lambda r: r["id"])
    if half is None:
        return ordered
    if half not in ("even", "odd"):
        raise DisputesDataError(f"half must be 'even' or 'odd', not {half!r}")
    return ordered[0 if half == "even" else 1::2]


def score(rows: list[dict[str, Any]], articles: dict[str, Article]) -> dict[str, Any]:
    """Precision, recall, target party and target claim, overall and per gold kind, with per-article errors."""
    results = [score_article(row, articles[row["id"]]) for row in rows]
    return summarise(results)


def score_article(row: dict[str, Any], article: Article) -> dict[str, Any]:
    """The matched pairs, misses and spurious predictions of one article."""
    gold = row["disputes"]
    predicted = article.disputes
    atts = {a.id: a for a in article.attributions}
    names = {e.id: e.name for e in article.entities}
    overlaps = []
    for gi, g in enumerate(gold):
        cue = _pair(g["cue"]["span"])
        for pi, p in enumerate(predicted):
            size = max((_overlap(cue, s) for s in _prediction_spans(p, atts)), default=0)
            if size > 0:
                overlaps.append((size, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches = []
    for _size, gi, pi in sorted(overlaps, key=lambda t: (-t[0], t[1], t[2])):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matches.append(_match(gold[gi], predicted[pi], atts, names))
    return {
        "id": row["id"], "matches": matches,
        "missed": [_gold_view(g) for gi, g in enumerate(gold) if gi not in used_g and not g.get("optional")],
        "spurious": [_prediction_view(p, atts, names) for pi, p in enumerate(predicted) if pi not in used_p],
        "gold": sum(1 for g in gold if not g.get("optional")),
        "predicted": len(predicted),
    }


def _prediction_spans(p: Dispute, atts: dict[str, Attribution]) -> list[tuple[int, int]]:
    spans = list(p.cue.spans)
    by = atts.get(p.by)
    if by is not None:
        spans.extend(by.content.spans)
        if by.cue is not None:
            spans.extend(by.cue.spans)
    return spans


def _match(g: dict[str, Any], p: Dispute, atts: dict[str, Attribution], names: dict[str, str]) -> dict[str, Any]:
    party = g.get("target_party")
    predicted_party = names.get(p.target_entity) if p.target_entity else None
    party_ok = (party is None and predicted_party is None) or (
        party is not None and names_match(predicted_party, party["reference"]))
    claims = [_pair(s) for s in (g.get("target_claim") or [])]
    target = atts.get(p.target_attribution) if p.target_attribution else None
    if target is None:
        claim_ok = not claims
    else:
        claim_ok = any(_overlap(c, s) > 0 for c in claims for s in target.content.spans)
    text_spans = p.target_text.spans if p.target_text is not None else ()
    in_sentence = any(_overlap(c, s) > 0 for c in claims for s in text_spans)
    return {"gold": _gold_view(g), "predicted": _prediction_view(p, atts, names), "optional": bool(g.get("optional")),
            "kind_ok": g["kind"] == p.kind, "party_ok": party_ok, "claim_ok": claim_ok,
            "claim_or_text_ok": claim_ok or in_sentence}


def _gold_view(g: dict[str, Any]) -> dict[str, Any]:
    party = g.get("target_party")
    return {"kind": g["kind"], "cue": g["cue"]["text"], "cue_span": g["cue"]["span"], "by": g["by"]["reference"],
            "target_party": party["reference"] if party else None, "target_claim": g.get("target_claim"),
            "optional": bool(g.get("optional"))}


def _prediction_view(p: Dispute, atts: dict[str, Attribution], names: dict[str, str]) -> dict[str, Any]:
    target = atts.get(p.target_attribution) if p.target_attribution else None
    return {"kind": p.kind, "cue": p.cue.text, "cue_span": list(p.cue.spans[0]) if p.cue.spans else None,
            "by": p.by, "target_entity": names.get(p.target_entity) if p.target_entity else None,
            "target_claim": target.content.text[:160] if target else None,
            "target_text": p.target_text.text if p.target_text else None, "confidence": p.confidence}


def summarise(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The README's four numbers overall, and recall/targets per gold kind."""
    matches = [m for r in results for m in r["matches"]]
    counted = [m for m in matches if not m["optional"]]
    gold = sum(r["gold"] for r in results)
    predicted = sum(r["predicted"] for r in results)
    out: dict[str, Any] = {
        "articles": len(results), "gold": gold, "predicted": predicted, "matched": len(counted),
        "precision": _ratio(len(matches), predicted), "recall": _ratio(len(counted), gold),
        "target_party": _ratio(sum(m["party_ok"] for m in counted), len(counted)),
        "target_claim": _ratio(sum(m["claim_ok"] for m in counted), len(counted)),
        "target_claim_or_text": _ratio(sum(m["claim_or_text_ok"] for m in counted), len(counted)),
        "kind": _ratio(sum(m["kind_ok"] for m in counted), len(counted)),
        "by_kind": {},
    }
    for kind in KINDS:
        part = [m for m in counted if m["gold"]["kind"] == kind]
        n = sum(1 for r in results for g in r["missed"] if g["kind"] == kind) + len(part)
        out["by_kind"][kind] = {"gold": n, "matched": len(part), "recall": _ratio(len(part), n),
                                "target_party": _ratio(sum(m["party_ok"] for m in part), len(part)),
                                "target_claim": _ratio(sum(m["claim_ok"] for m in part), len(part))}
    out["articles_detail"] = [
        {"id": r["id"], "missed": r["missed"], "spurious": r["spurious"],
         "wrong_target": [m for m in r["matches"] if not (m["party_ok"] and m["claim_ok"])]}
        for r in results if r["missed"] or r["spurious"] or any(not (m["party_ok"] and m["claim_ok"])
                                                              for m in r["matches"])
    ]
    return out


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def _pair(span: list[int]) -> tuple[int, int]:
    return int(span[0]), int(span[1])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
