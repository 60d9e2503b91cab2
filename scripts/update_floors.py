#!/usr/bin/env python
"""Recompute the PolNeAR dev gate floors in ``tests/gold_floors.json``.

Runs ``quoth.evaluate.evaluate_polnear`` on the dev split, then sets each floor to the measured score minus
``MARGIN`` (rounded down to 3 decimals). By default floors only go up (a ratchet); ``--allow-lower`` lets a floor
drop to the new measurement after a deliberate trade-off. A floor is never set above its measured score. The data
hash is rewritten too, so run this after a deliberate change of the dev data, and say why in the commit.

    python scripts/update_floors.py            # ratchet up
    python scripts/update_floors.py --allow-lower --dry-run
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FLOORS_FILE = REPO / "tests" / "gold_floors.json"
DEFAULT_DATA = "../shared/data/raw/polnear/data/dev"  # relative to the repository root
# Measurement noise is nil (the extractor is deterministic) but a floor exactly at the score breaks on any
# harmless change; 0.01 below leaves room for that and still catches real regressions.
MARGIN = 0.01


def floor_for(measured: float, old: float | None, margin: float, allow_lower: bool) -> float:
    """The new floor for one metric: ``measured - margin`` rounded down, never above ``measured``, never
    below ``old`` unless ``allow_lower``."""
    candidate = max(0.0, math.floor((measured - margin) * 1000) / 1000)
    if old is not None and not allow_lower:
        candidate = max(candidate, min(old, measured))
    return min(candidate, measured)


def new_floors(measured: dict[str, float], old: dict[str, float], margin: float,
               allow_lower: bool) -> dict[str, float]:
    """Floors for every measured metric."""
    return {name: floor_for(value, old.get(name), margin, allow_lower) for name, value in sorted(measured.items())}


def load(path: Path) -> dict[str, Any]:
    """The current floors file, or an empty skeleton."""
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=None, help=f"dev split, relative to the repo root (default {DEFAULT_DATA})")
    parser.add_argument("--floors", type=Path, default=FLOORS_FILE, help="the floors file to rewrite")
    parser.add_argument("--margin", type=float, default=MARGIN, help="how far below the score a floor sits")
    parser.add_argument("--allow-lower", action="store_true", help="let floors drop to the new measurement")
    parser.add_argument("--dry-run", action="store_true", help="print the new file instead of writing it")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Measure, compute floors and write (or print) the floors file; returns the exit code."""
    from quoth.evaluate import dataset_sha256, evaluate_polnear, flat_metrics

    args = parse_args(argv)
    current = load(args.floors)
    data = args.data or current.get("data", DEFAULT_DATA)
    split = (REPO / data).resolve()
    if not split.is_dir():
        print(f"{split} is absent: PolNeAR must lie in ../shared/data beside the checkout", file=sys.stderr)
        return 1
    sha = dataset_sha256(split)
    if current.get("sha256") not in (None, sha):
        print(f"note: the dev data hash changed ({current['sha256'][:12]}… → {sha[:12]}…)", file=sys.stderr)
    exact = flat_metrics(evaluate_polnear(split))
    old = current.get("floors", {}) if current.get("sha256") == sha else {}
    floors = new_floors(exact, old, args.margin, args.allow_lower)
    measured = {k: round(v, 4) for k, v in exact.items()}
    content = {"data": data, "sha256": sha, "margin": args.margin, "updated": date.today().isoformat(),
               "measured": measured, "floors": floors}
    text = json.dumps(content, indent=2) + "\n"
    if args.dry_run:
        print(text)
    else:
        args.floors.write_text(text, encoding="utf-8")
        print(f"wrote {args.floors}")
    for name in floors:
        print(f"{name:28} measured {measured[name]:.4f}  floor {old.get(name, float('nan')):.3f} → {floors[name]:.3f}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
