"""Learn a first-name → gender table from PolNeAR train (shipped as resources/first_name_gender.json).

    python scripts/train_first_names.py [--data ../shared/data/raw/polnear/data] [--out PATH]

For every person the entity table finds under a full name (first name and surname), each sentence that names that
person and no other casts a vote: the first he or she in subject position after the name in that sentence, else in
the next sentence when that one names no person. First words that are some person's surname in the article
("Trump" in "Trump Jr.") are skipped. An article's votes for a person make one vote (its majority) for the
first name, so one long profile does not outweigh many articles. A name is kept with at least ``MIN_ARTICLES``
article votes of which at least ``MIN_SHARE`` agree, unless the hand-made lists in ``quoth.lexicon.people`` already
hold it (they come first). Deterministic; parses are cached in build/cache (shared with
scripts/train.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train import parse_cached  # noqa: E402
from quoth.docindex import sentences  # noqa: E402
from quoth.evaluate.brat import read_split  # noqa: E402
from quoth.lexicon.people import FEMALE_NAMES, HONORIFICS, MALE_NAMES, PERSONAL_PRONOUNS, TITLES  # noqa: E402
from quoth.speakers.agreement import RESOURCE  # noqa: E402
from quoth.speakers.table import EntityTable  # noqa: E402

MIN_ARTICLES = 2
MIN_SHARE = 0.9
# Only subject pronouns vote: a "his"/"her" in the same sentence is as often someone else's.
GENDER = {w: g for w, (g, _) in PERSONAL_PRONOUNS.items() if g in ("m", "f") and w in ("he", "she")}
SUBJECT = ("nsubj", "nsubjpass")


def article_votes(doc) -> dict[str, Counter]:
    """First name (lower-case) → pronoun votes for the people of one parsed article."""
    table = EntityTable(doc)
    bounds = sentences(doc).bounds
    people = {i: c for i, c in table.token_cluster.items() if c.entity.kind == "person"}
    surnames = {c.parts[-1].lower() for c in table.clusters if c.entity.kind == "person" and c.parts}
    out: dict[str, Counter] = {}
    for n, (start, end) in enumerate(bounds):
        here = {id(c): (i, c) for i, c in sorted(people.items(), reverse=True) if start <= i < end}
        if len(here) != 1:
            continue
        first, cluster = next(iter(here.values()))
        if len(cluster.parts) < 2:
            continue
        name = cluster.parts[0].lower()
        if "." in name or len(name) < 2 or name in TITLES or name in HONORIFICS or name in surnames:
            continue
        window = list(range(first + 1, end))
        if n + 1 < len(bounds) and not any(bounds[n + 1][0] <= i < bounds[n + 1][1] for i in people):
            window += list(range(*bounds[n + 1]))
        gender = next((g for i in window if doc[i].dep_ in SUBJECT and (g := GENDER.get(doc[i].lower_)) is not None),
                      None)
        if gender is not None:
            out.setdefault(f"{id(cluster)}\t{name}", Counter())[gender] += 1
    return out


def learn(docs) -> dict[str, str]:
    """First names with enough articles and a clear majority → "m"/"f"."""
    by_name: dict[str, Counter] = {}
    for doc in docs:
        for key, votes in article_votes(doc).items():
            (best, n), *rest = votes.most_common(2) + [("", 0)]
            if n > rest[0][1]:
                by_name.setdefault(key.split("\t")[1], Counter())[best] += 1
    table = {}
    for name, votes in sorted(by_name.items()):
        (best, n), = votes.most_common(1)
        total = sum(votes.values())
        if total >= MIN_ARTICLES and n / total >= MIN_SHARE and name not in MALE_NAMES | FEMALE_NAMES:
            table[name] = best
    return table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/raw/polnear/data")
    ap.add_argument("--out", type=Path, default=ROOT / "src/quoth/resources" / RESOURCE)
    ap.add_argument("--cache", type=Path, default=ROOT / "build/cache")
    args = ap.parse_args()
    if not (args.data / "train").is_dir():
        sys.exit(f"PolNeAR not found at {args.data}; pass --data DIR (the folder holding train/ and dev/)")
    articles = read_split(args.data / "train", verify=False)
    docs = parse_cached("train", [a.text for a in articles], args.cache)
    table = learn(docs)
    args.out.write_text(json.dumps({
        "about": "First name -> gender ('m'/'f'), learned by scripts/train_first_names.py from PolNeAR train: the "
                 f"he/she after a person's full name, one vote per article, kept with >= {MIN_ARTICLES} articles "
                 f"and >= {MIN_SHARE:.0%} agreement; names the hand lists in quoth.lexicon.people hold are left "
                 "to them.",
        "names": table,
    }, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    counts = Counter(table.values())
    print(f"{len(table)} names ({counts['m']} m, {counts['f']} f) -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
