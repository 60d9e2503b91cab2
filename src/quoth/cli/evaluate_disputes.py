"""``quoth eval disputes``: score disputes on disputes-dev (PolNeAR dev articles) or other gold files. Thin shell."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, List, Optional

import typer
from rich.console import Console
from rich.table import Table

from .evaluate import eval_app


@eval_app.command("disputes")
def disputes_command(
    directory: List[Path] = typer.Argument(
        ..., help="The disputes-dev folder holding disputes.jsonl (../shared/data/disputes-dev), or one or more "
                  "jsonl files (or folders) of the same row format.",
        exists=True, file_okay=True, dir_okay=True,
    ),
    polnear_dev: Optional[Path] = typer.Option(
        None, "--polnear-dev", help="The PolNeAR dev split (default: ../raw/polnear/data/dev beside DIR).",
    ),
    texts: Optional[Path] = typer.Option(
        None, "--texts", help="The folder of <id>.txt texts the gold offsets index (default: the dev split's text; "
                              "required for jsonl files), e.g. ../shared/data/raw/polnear/data/train/text.",
        exists=True, file_okay=False, dir_okay=True,
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON, with per-article misses, "
                                                       "spurious disputes and wrong targets."),
    half: Optional[str] = typer.Option(None, "--half", help="Score only the even or odd articles (sorted by id): "
                                                            "tune on one half, check on the other."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N articles."),
) -> None:
    """Score quoth's disputes: precision, recall, target party and target claim, overall and by kind."""
    from ..evaluate.disputes import evaluate_disputes

    result = evaluate_disputes(directory, polnear_dev=polnear_dev, limit=limit, half=half, texts=texts)
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        Console().print(disputes_table(result))


def disputes_table(result: dict[str, Any]) -> Table:
    """A rich table: recall and targets per gold kind, then the overall numbers with precision."""
    table = Table(title=f"Disputes: {result['gold']} gold (non-optional), {result['predicted']} predicted, "
                        f"{result['articles']} articles")
    for column in ("kind", "gold", "matched", "precision", "recall", "target party", "target claim"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for kind, part in result["by_kind"].items():
        table.add_row(kind, str(part["gold"]), str(part["matched"]), "", f"{part['recall']:.3f}",
                      f"{part['target_party']:.3f}", f"{part['target_claim']:.3f}")
    table.add_row("all", str(result["gold"]), str(result["matched"]), f"{result['precision']:.3f}",
                  f"{result['recall']:.3f}", f"{result['target_party']:.3f}", f"{result['target_claim']:.3f}")
    return table
