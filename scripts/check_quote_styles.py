"""Score quoth on PolNeAR and GGT texts as they are (US, double marks) and converted to British style (single
marks outside, double inside; the same offsets), and print the gap.

    python scripts/check_quote_styles.py                       # PolNeAR dev and ggt-dev, both styles
    python scripts/check_quote_styles.py --polnear ../shared/data/raw/polnear/data/train --no-ggt

The conversion is ``quoth.evaluate.quote_styles.to_single_style``; nothing is written anywhere.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from quoth.evaluate.polnear import flat_metrics
from quoth.evaluate.quote_styles import ggt_in_style, polnear_in_style

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
KEYS = ("content_lenient_f1", "content_strict_f1", "content_exact_f1", "quoted_recall", "unquoted_recall",
        "source_accuracy", "cue_accuracy")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", default=str(DATA / "raw" / "polnear" / "data" / "dev"))
    parser.add_argument("--ggt", default=str(DATA / "ggt-dev"))
    parser.add_argument("--no-polnear", action="store_true")
    parser.add_argument("--no-ggt", action="store_true")
    args = parser.parse_args()
    report: dict[str, dict[str, dict[str, float]]] = {}
    if not args.no_polnear:
        report["polnear"] = {style: {k: round(flat_metrics(polnear_in_style(args.polnear, single))[k], 4)
                                     for k in KEYS} for style, single in (("us", False), ("uk", True))}
    if not args.no_ggt:
        report["ggt"] = {}
        for style, single in (("us", False), ("uk", True)):
            result = ggt_in_style(args.ggt, single)
            report["ggt"][style] = {f"quotes_{t}_f1": round(row["f1"], 4) for t, row in result["quotes"].items()}
            report["ggt"][style]["speaker_accuracy"] = round(result["speaker_accuracy"], 4)
    for data in report.values():
        data["gap"] = {k: round(data["uk"][k] - data["us"][k], 4) for k in data["us"]}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
