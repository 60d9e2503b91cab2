"""Check the dispute annotation files in data/annotations against the PolNeAR train texts.

Usage: python scripts/check_annotations.py [--polnear ../shared/data/raw/polnear/data/train]

For each data/annotations/disputes-train-<a|b|c|d|e>.jsonl present, checks that every line is valid JSON with the
expected fields, that the file holds exactly the articles of its sample (in order), and that every span lies
inside the article's text and the cue and `by` texts equal the text at their spans. The sample: PolNeAR train
articles sorted by id, every 10th from index 3, split alternately into file a (even positions) and b (odd);
every 10th from index 8 is file c, every 10th from index 5 file d and every 10th from index 1 file e (a fresh
check set, never tuned on).
The texts are not in the repository: without them the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "data" / "annotations"
DEFAULT_POLNEAR = ROOT.parent / "shared" / "data" / "raw" / "polnear" / "data" / "train"
KINDS = {"denial", "rejection", "contradiction", "correction"}


def sample(text_dir: Path) -> dict[str, list[str]]:
    """The annotated sample's article ids per file letter."""
    ids = sorted(p.stem for p in text_dir.glob("*.txt"))
    chosen = ids[3::10]
    return {"a": chosen[0::2], "b": chosen[1::2], "c": ids[8::10], "d": ids[5::10], "e": ids[1::10]}


def _span_ok(span: object, size: int) -> bool:
    return (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)
            and 0 <= span[0] < span[1] <= size)


def check_dispute(d: dict, text: str, where: str) -> list[str]:
    """Problems with one dispute record."""
    errors = []
    if d.get("kind") not in KINDS:
        errors.append(f"{where}: unknown kind {d.get('kind')!r}")
    if not isinstance(d.get("optional"), bool):
        errors.append(f"{where}: optional must be true or false")
    for key in ("cue", "by"):
        part = d.get(key) or {}
        span = part.get("span")
        if not isinstance(span, list) or not _span_ok(span, len(text)):
            errors.append(f"{where}: bad {key} span {span}")
        elif text[span[0]:span[1]] != part.get("text"):
            errors.append(f"{where}: {key} text differs from the text at its span")
    if not (d.get("by") or {}).get("reference"):
        errors.append(f"{where}: by.reference missing")
    claim = d.get("target_claim")
    if claim is not None and (not isinstance(claim, list) or not all(_span_ok(s, len(text)) for s in claim)):
        errors.append(f"{where}: bad target_claim {claim}")
    party = d.get("target_party")
    if party is not None and not (isinstance(party, dict) and party.get("reference")):
        errors.append(f"{where}: bad target_party {party}")
    if len(str(d.get("note", "")).split()) > 12:
        errors.append(f"{where}: note longer than 12 words")
    return errors


def check_file(path: Path, expected: list[str], text_dir: Path) -> tuple[list[str], int]:
    """Problems in one annotation file, and its number of disputes."""
    errors: list[str] = []
    ids: list[str] = []
    count = 0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{path.name}:{n}: invalid JSON ({exc})")
            continue
        ids.append(record.get("id", ""))
        text_path = text_dir / "text" / f"{record.get('id')}.txt"
        if not text_path.exists():
            errors.append(f"{path.name}:{n}: no text for {record.get('id')!r}")
            continue
        text = text_path.read_text(encoding="utf-8")
        for k, d in enumerate(record.get("disputes", [])):
            count += 1
            errors += check_dispute(d, text, f"{path.name}:{n} dispute {k}")
    if ids != expected:
        missing = sorted(set(expected) - set(ids))
        extra = sorted(set(ids) - set(expected))
        errors.append(f"{path.name}: ids differ from the sample (missing {missing}, extra {extra}, or order)")
    return errors, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR, help="PolNeAR train directory")
    args = parser.parse_args(argv)
    if not (args.polnear / "text").is_dir():
        print(f"skipped: PolNeAR train texts not found at {args.polnear}")
        return 0
    expected = sample(args.polnear / "text")
    problems = 0
    for letter, ids in expected.items():
        path = ANNOTATIONS / f"disputes-train-{letter}.jsonl"
        if not path.exists():
            continue
        errors, count = check_file(path, ids, args.polnear)
        for e in errors:
            print(e)
        problems += len(errors)
        print(f"{path.name}: {len(ids)} articles, {count} disputes, {len(errors)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
