"""Scoring speaker resolution against the PolNeAR speakers-dev set (``speakers-dev/polnear-dev-speakers.jsonl``).

Each row names a gold Source span and its reference (the most complete name the article allows). The resolver
runs on the gold attributions of the row's article (content, cue and source from the brat ``.ann`` file), so the
score measures resolution alone, independent of extraction. A resolved name matches its reference when, after
lower-casing and stripping punctuation and leading articles, they are equal, or one's word set contains the
other's and their last words agree.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable

from ..errors import QuothError
from ..model import Attribution, Span
from .brat import read_article

ROWS_FILE = "polnear-dev-speakers.jsonl"
# Where the PolNeAR dev split lies relative to the speakers-dev folder in ../shared/data.
POLNEAR_DEV = Path("..") / "raw" / "polnear" / "data" / "dev"
SOURCE_TYPES = ("name", "pronoun", "nominal", "unnamed")
PRONOUNS = frozenset("""he she they it his her hers its their them him i we you me us our my your who which that
whom whose one""".split())
# The keys every row needs (``source_text``, or ``source_spans`` to recover it from the text, besides).
ROW_KEYS = ("article", "annotation_file", "event", "reference")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")


class SpeakersDataError(QuothError):
    """The speakers-dev rows or the PolNeAR texts they point to are missing or malformed."""


def normalise_name(name: str) -> str:
    """Lower-case, possessive and punctuation stripped, no leading article."""
    low = name.lower().replace("’s", "").replace("'s", "")
    low = re.sub(r"[^\w\s]", " ", low)
    low = " ".join(low.split())
    return _LEADING_ARTICLE.sub("", low)


def names_match(predicted: str | None, reference: str) -> bool:
    """The speakers-dev match rule (see the module docstring)."""
    if predicted is None:
        return False
    p, r = normalise_name(predicted), normalise_name(reference)
    if not p or not r:
        return p == r
    if p == r:
        return True
    pw, rw = p.split(), r.split()
    return pw[-1] == rw[-1] and (set(pw) <= set(rw) or set(rw) <= set(pw))


def source_type(row: dict[str, Any]) -> str:
    """name, pronoun, nominal or unnamed, from the row's source text and reference."""
    text = row["source_text"].strip()
    if text.lower() in PRONOUNS:
        return "pronoun"
    if not row.get("named", True):
        return "unnamed"
    words = text.replace("’", "'").split()
    if any(w[:1].isupper() for w in words[1:]) or (words and words[0][:1].isupper()
                                                    and words[0].lower() not in ("the", "a", "an")):
        return "name"
    return "nominal"


def read_rows(directory: Path | str) -> list[dict[str, Any]]:
    """The jsonl rows of a speakers-dev folder, or of a rows file of the same format (``speakers-train.jsonl``).
    Raises SpeakersDataError when the file is absent or a row lacks a key the scorer needs."""
    path = Path(directory)
    if path.is_dir() or not path.suffix == ".jsonl":
        path = path / ROWS_FILE
    if not path.is_file():
        raise SpeakersDataError(f"{path} not found; pass the speakers-dev folder of ../shared/data or a .jsonl file")
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise SpeakersDataError(f"{path}:{n}: not JSON ({err.msg})") from None
        missing = [k for k in ROW_KEYS if k not in row]
        if missing or not (row.get("source_text") or row.get("source_spans")):
            raise SpeakersDataError(f"{path}:{n}: row lacks {', '.join(missing) or 'source_text and source_spans'}")
        rows.append(row)
    return rows


def with_source_text(row: dict[str, Any], text: str) -> dict[str, Any]:
    """The row with ``source_text`` recovered from its ``source_spans`` (rows that hold no article text), joined
    by spaces as a discontinuous span reads. Raises SpeakersDataError when a span lies outside the text."""
    if row.get("source_text") is not None:
        return row
    spans = row["source_spans"]
    if any(not (0 <= s <= e <= len(text)) for s, e in spans):
        raise SpeakersDataError(f"{row['article']} {row['event']}: source span {spans} outside the text; "
                                "is --polnear the right split?")
    return {**row, "source_text": " ".join(text[s:e] for s, e in spans)}


def gold_attributions(text: str, ann_path: Path, text_path: Path) -> list[Attribution]:
    """The article's gold attributions as model objects (ids = brat event ids), speakers unset."""
    gold = read_article(ann_path, text_path)
    out = []
    for g in gold.attributions:
        out.append(Attribution(
            id=g.id, kind="indirect", content=Span.from_offsets(text, g.content),
            cue=Span.from_offsets(text, g.cue) if g.cue else None,
            source=Span.from_offsets(text, g.source) if g.source else None,
        ))
    return out


def data_sha256(directory: Path | str, polnear_dev: Path | str | None = None) -> str:
    """A sha256 over the rows file and every PolNeAR text and ``.ann`` file the rows point to."""
    import hashlib

    root = Path(directory)
    dev = Path(polnear_dev) if polnear_dev else root / POLNEAR_DEV
    digest = hashlib.sha256((root / ROWS_FILE).read_bytes())
    pairs = sorted({(r["article"], r["annotation_file"]) for r in read_rows(root)})
    for article, ann in pairs:
        for path in (dev / "text" / f"{article}.txt", dev / "attributions" / ann):
            digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


Resolve = Callable[[str, list[Attribution]], dict[str, str | None]]


def spacy_resolver(model: str | None = None) -> Resolve:
    """Parse with spaCy and run ``quoth.speakers.resolve_speakers``: attribution id → speaker name."""
    from ..nlp import load_pipeline
    from ..options import DEFAULT_MODEL
    from ..speakers import resolve_speakers

    nlp = load_pipeline(model or DEFAULT_MODEL, with_quoth=False)

    def run(text: str, attributions: list[Attribution]) -> dict[str, str | None]:
        entities = {e.id: e.name for e in resolve_speakers(nlp(text), attributions)}
        # An unresolved speaker (null below the confidence threshold) is scored by its source text, as GGT's is.
        return {a.id: entities.get(a.speaker) if a.speaker else a.source.text if a.source else None
                for a in attributions}

    return run


def evaluate_speakers(directory: Path | str, polnear_dev: Path | str | None = None,
                      resolve: Resolve | None = None, limit: int | None = None) -> dict[str, Any]:
    """Score speaker resolution on a speakers-dev folder, or on a rows file of its format such as
    ``data/annotations/speakers-train.jsonl`` with ``polnear_dev`` the split its rows point to (PolNeAR train);
    returns accuracy overall and by source type.

    Raises SpeakersDataError when the rows, the PolNeAR texts or an annotation file are missing.
    """
    root = Path(directory)
    if polnear_dev is None and root.is_file():
        raise SpeakersDataError(f"{root} is a rows file: pass the PolNeAR split its rows point to "
                                "(e.g. --polnear ../shared/data/raw/polnear/data/train)")
    dev = Path(polnear_dev) if polnear_dev else root / POLNEAR_DEV
    if not (dev / "text").is_dir():
        raise SpeakersDataError(f"PolNeAR split not found at {dev} (no text/ folder); pass polnear_dev")
    rows = read_rows(root)
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_article[row["article"]].append(row)
    run = resolve or spacy_resolver()
    results = []
    for name in sorted(by_article)[:limit]:
        arts = by_article[name]
        text_path = dev / "text" / f"{name}.txt"
        ann_path = dev / "attributions" / arts[0]["annotation_file"]
        if not text_path.is_file() or not ann_path.is_file():
            raise SpeakersDataError(f"{text_path if not text_path.is_file() else ann_path} not found; "
                                    "is the PolNeAR split the one the rows point to?")
        text = text_path.read_bytes().decode("utf-8")
        atts = gold_attributions(text, ann_path, text_path)
        predicted = run(text, atts)
        for row in arts:
            results.append(_row_result(with_source_text(row, text), predicted.get(row["event"])))
    return summarise(results)


def _row_result(row: dict[str, Any], predicted: str | None) -> dict[str, Any]:
    return {"article": row["article"], "event": row["event"], "source": row["source_text"],
            "type": source_type(row), "reference": row["reference"], "predicted": predicted,
            "correct": names_match(predicted, row["reference"])}


def summarise(results: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy overall and per source type, with the rows that were wrong."""
    results = list(results)
    out: dict[str, Any] = {"rows": len(results), "accuracy": _accuracy(results), "by_type": {}}
    for kind in SOURCE_TYPES:
        part = [r for r in results if r["type"] == kind]
        out["by_type"][kind] = {"rows": len(part), "accuracy": _accuracy(part)}
    out["errors"] = [r for r in results if not r["correct"]]
    return out


def _accuracy(results: list[dict[str, Any]]) -> float:
    return round(sum(r["correct"] for r in results) / len(results), 4) if results else 0.0
