"""Check that a change to the extraction core leaves its output byte-identical.

    python scripts/check_identical.py --save /tmp/baseline      # before the change: one JSONL per set + hashes
    python scripts/check_identical.py --compare /tmp/baseline   # after it: per-set hashes, first differing article

Sets: PolNeAR dev and train (``../shared/data/raw/polnear/data/{dev,train}``, skipped when absent), the repo's
``examples/`` and the seed article (``../shared/seed/article.txt``). Each article is extracted with default
``Options`` and written as one line of ``Article.to_json(sort_keys=True)``. ``--sets dev,examples`` picks sets.
Exits 1 when any compared set differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "data" / "raw" / "polnear" / "data"
SETS = ("dev", "train", "examples", "seed")


def read_set(name: str) -> Iterator[tuple[str, str]]:
    """(id, text) of every article of one set, in a fixed order; nothing when the set is absent."""
    if name in ("dev", "train"):
        folder = POLNEAR / name / "text"
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            yield path.stem, path.read_text(encoding="utf-8")
    elif name == "examples":
        for path in sorted((ROOT / "examples").iterdir()):
            if path.suffix == ".txt":
                yield path.name, path.read_text(encoding="utf-8")
            elif path.suffix == ".jsonl":
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
                    if line.strip():
                        row = json.loads(line)
                        yield f"{path.name}:{row.get('id', n)}", row["text"]
    elif name == "seed":
        path = SHARED / "seed" / "article.txt"
        if path.is_file():
            yield "seed", path.read_text(encoding="utf-8")


def extract_set(name: str) -> list[str]:
    """One JSON line per article of the set."""
    from quoth.model import Article
    from quoth.pipeline import extract_many

    articles = [Article(id=i, text=t) for i, t in read_set(name)]
    return [a.to_json(sort_keys=True) for a in extract_many(articles, errors="raise")]


def digest(lines: list[str]) -> str:
    return hashlib.sha256("".join(line + "\n" for line in lines).encode("utf-8")).hexdigest()


def save(folder: Path, names: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    hashes = {}
    for name in names:
        lines = extract_set(name)
        (folder / f"{name}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        hashes[name] = digest(lines)
        print(f"{name}: {len(lines)} articles sha256 {hashes[name]}")
    (folder / "hashes.json").write_text(json.dumps(hashes, indent=2) + "\n", encoding="utf-8")


def compare(folder: Path, names: list[str]) -> int:
    differ = 0
    for name in names:
        saved_path = folder / f"{name}.jsonl"
        if not saved_path.is_file():
            print(f"{name}: no saved baseline, skipped")
            continue
        saved = saved_path.read_text(encoding="utf-8").splitlines()
        lines = extract_set(name)
        same = saved == lines
        print(f"{name}: {len(lines)} articles sha256 {digest(lines)} {'identical' if same else 'DIFFERS'}")
        if not same:
            differ += 1
            changed = [json.loads(old)["id"] for old, new in zip(saved, lines) if old != new]
            if changed:
                print(f"  {len(changed)} article(s) differ; the first: {changed[0]}")
            if len(saved) != len(lines):
                print(f"  article count {len(saved)} -> {len(lines)}")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, metavar="DIR")
    group.add_argument("--compare", type=Path, metavar="DIR")
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated subset of {','.join(SETS)}")
    args = parser.parse_args()
    names = [s for s in args.sets.split(",") if s]
    unknown = [s for s in names if s not in SETS]
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; valid: {', '.join(SETS)}")
    if args.save:
        save(args.save, names)
        return 0
    return compare(args.compare, names)


if __name__ == "__main__":
    sys.exit(main())
