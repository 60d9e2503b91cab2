"""Check the dispute and speaker annotation files in data/annotations against the PolNeAR train texts.

Usage: python scripts/check_annotations.py [--polnear ../shared/data/raw/polnear/data/train]

For each data/annotations/disputes-train-<a|b|c|d|e>.jsonl present, checks that every line is valid JSON with the
expected fields, that the file holds exactly the articles of its sample (in order), and that every span lies
inside the article's text and the cue and `by` texts equal the text at their spans. The sample: PolNeAR train
articles sorted by id, every 10th from index 3, split alternately into file a (even positions) and b (odd);
every 10th from index 8 is file c, every 10th from index 5 file d and every 10th from index 1 file e (a fresh
check set, never tuned on).

For each speaker-resolution file (speakers-train.jsonl: every 14th article from index 10; speakers-train-2.jsonl:
every 14th from index 3), it re-parses each article's alphabetically first `.ann` and checks that every `E` event
with a Source role has exactly one row, with `annotation_file`, `source_spans` and `content_start` equal to the
`.ann`, that `kind` is one of the four kinds, that unnamed references are lowercase and notes at most 10 words.
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
SPEAKER_KINDS = {"person", "group", "organization", "other"}
SPEAKER_SAMPLES = {"speakers-train.jsonl": 10, "speakers-train-2.jsonl": 3}


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


def speaker_sample(text_dir: Path, start: int) -> list[str]:
    """The article ids of a speaker file: every 14th PolNeAR train article from `start`, sorted by id."""
    return sorted(p.stem for p in text_dir.glob("*.txt"))[start::14]


def source_events(ann_path: Path) -> dict[str, tuple[list[list[int]], int | None]]:
    """Each event with a Source role in a brat `.ann`: its Source spans and the smallest Content start."""
    spans: dict[str, list[list[int]]] = {}
    events: dict[str, tuple[list[list[int]], int | None]] = {}
    lines = [line.split("\t") for line in ann_path.read_text(encoding="utf-8").splitlines()]
    for fields in lines:  # text-bound annotations first: an event may come before its spans in the file
        if fields[0].startswith("T") and len(fields) >= 3:
            offsets = fields[1].split(" ", 1)[1]
            spans[fields[0]] = [[int(x) for x in part.split()] for part in offsets.split(";")]
    for fields in lines:
        if fields[0].startswith("E") and len(fields) >= 2:
            roles = dict(role.split(":", 1) for role in fields[1].split())
            if "Source" in roles:
                content = spans.get(roles.get("Content", ""))
                events[fields[0]] = (spans[roles["Source"]], min(s for s, _ in content) if content else None)
    return events


def check_speaker_row(row: dict, where: str) -> list[str]:
    """Problems with one speaker row's labels."""
    errors = []
    if row.get("kind") not in SPEAKER_KINDS:
        errors.append(f"{where}: unknown kind {row.get('kind')!r}")
    reference = row.get("reference")
    if not reference or not isinstance(row.get("named"), bool):
        errors.append(f"{where}: reference or named missing")
    elif not row["named"] and reference != reference.lower():
        errors.append(f"{where}: unnamed reference not lowercase")
    if "source_text" in row or "cue_text" in row:
        errors.append(f"{where}: holds article text")
    if len(str(row.get("note", "")).split()) > 10:
        errors.append(f"{where}: note longer than 10 words")
    return errors


def check_speaker_file(path: Path, expected: list[str], polnear: Path) -> tuple[list[str], int]:
    """Problems in one speaker file against the `.ann` files, and its number of rows."""
    errors: list[str] = []
    rows: dict[tuple[str, str], dict] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        key = (row.get("article", ""), row.get("event", ""))
        if key in rows:
            errors.append(f"{path.name}:{n}: second row for {key}")
        rows[key] = row
        errors += check_speaker_row(row, f"{path.name}:{n}")
    if sorted({a for a, _ in rows}) != expected:
        errors.append(f"{path.name}: articles differ from the sample")
    for article in expected:
        ann = sorted((polnear / "attributions").glob(f"{article}_*.ann"))[0]
        for event, (spans, content_start) in source_events(ann).items():
            row = rows.pop((article, event), None)
            if row is None:
                errors.append(f"{path.name}: no row for {article} {event}")
            elif (row.get("annotation_file"), row.get("source_spans"), row.get("content_start")) != (
                    ann.name, spans, content_start):
                errors.append(f"{path.name}: {article} {event} differs from {ann.name}")
    errors += [f"{path.name}: {a} {e} is not a Source event" for a, e in rows]
    return errors, len(path.read_text(encoding="utf-8").splitlines())


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
    for name, start in SPEAKER_SAMPLES.items():
        path = ANNOTATIONS / name
        if not path.exists():
            continue
        ids = speaker_sample(args.polnear / "text", start)
        errors, count = check_speaker_file(path, ids, args.polnear)
        for e in errors:
            print(e)
        problems += len(errors)
        print(f"{path.name}: {len(ids)} articles, {count} rows, {len(errors)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
