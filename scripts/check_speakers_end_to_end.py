"""GGT-style speaker measures end to end on the PolNeAR train articles of the speaker annotations (a tuning set).

    PYTHONPATH=src python scripts/check_speakers_end_to_end.py data/annotations/speakers-train.jsonl \\
        data/annotations/speakers-train-2.jsonl [--polnear ../shared/data/raw/polnear/data/train] [--errors PATH]

``quoth eval speakers`` resolves the gold source spans; this runs quoth's own extraction instead, matches each
annotated attribution's gold content to a predicted statement (GGT's rule, 30% coverage) and scores the predicted
speaker against the row's reference with ``quoth eval ggt``'s measures: speaker accuracy, proper-name share and
wrong proper names. ggt-dev is a check set; this is where those measures can be tuned. ``--errors`` writes every
wrong speaker as JSON lines (offsets and names only: the quote field holds the brat event id).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from quoth.evaluate.brat import read_article
from quoth.evaluate.ggt import score_article, summarise
from quoth.evaluate.speakers import read_rows
from quoth.model import Article
from quoth.pipeline import extract_many


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rows", nargs="+", type=Path)
    parser.add_argument("--polnear", type=Path, default=Path("../shared/data/raw/polnear/data/train"))
    parser.add_argument("--errors", type=Path)
    args = parser.parse_args()
    by_article: dict[str, list] = defaultdict(list)
    for path in args.rows:
        for row in read_rows(path):
            by_article[row["article"]].append(row)
    golds, inputs = [], []
    for name, rows in sorted(by_article.items()):
        text_path = args.polnear / "text" / f"{name}.txt"
        gold = read_article(args.polnear / "attributions" / rows[0]["annotation_file"], text_path)
        events = {a.id: a for a in gold.attributions}
        quotes = [{"content": [list(s) for s in events[r["event"]].content], "reference": r["reference"],
                   "content_text": r["event"]} for r in rows if r["event"] in events]
        golds.append({"id": name, "quotes": quotes})
        inputs.append(Article(id=name, text=text_path.read_bytes().decode("utf-8")))
    scored = [score_article(g, a) for g, a in zip(golds, extract_many(inputs, None, errors="raise"))]
    summary = summarise(scored)
    print(json.dumps({k: summary[k] for k in ("speaker_accuracy", "proper_name_share", "wrong_proper_names",
                                              "speaker_counts")}, indent=1))
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as out:
            for article in scored:
                for error in article["speakers"]["errors"]:
                    out.write(json.dumps({"article": article["id"], **error}) + "\n")


if __name__ == "__main__":
    main()
