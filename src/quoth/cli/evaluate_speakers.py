"""``quoth eval speakers``: score speaker resolution on the PolNeAR speakers-dev set. Thin shell."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from .evaluate import eval_app


@eval_app.command("speakers")
def speakers_command(
    directory: Path = typer.Argument(
        ..., help="The speakers-dev folder holding polnear-dev-speakers.jsonl (../shared/data/speakers-dev), or a "
                  "rows file of that format (data/annotations/speakers-train.jsonl, with --polnear).",
        exists=True, file_okay=True, dir_okay=True,
    ),
    polnear_dev: Optional[Path] = typer.Option(
        None, "--polnear", "--polnear-dev",
        help="The PolNeAR split the rows point to (default for a folder: ../raw/polnear/data/dev beside it; "
             "required for a rows file, e.g. ../shared/data/raw/polnear/data/train).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the full result (with every wrong row) as JSON."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N articles."),
) -> None:
    """Score resolved speakers (on the gold source spans) against the reference names, overall and by type."""
    from ..evaluate.speakers import SpeakersDataError, evaluate_speakers

    try:
        result = evaluate_speakers(directory, polnear_dev=polnear_dev, limit=limit)
    except SpeakersDataError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        Console().print(speakers_table(result))


def speakers_table(result: dict[str, Any]) -> Table:
    """A rich table of accuracy overall and by source type."""
    table = Table(title=f"Speaker resolution: {result['rows']} gold sources")
    for column in ("source type", "rows", "accuracy"):
        table.add_column(column, justify="left" if column == "source type" else "right")
    for kind, part in result["by_type"].items():
        table.add_row(kind, str(part["rows"]), f"{part['accuracy']:.3f}")
    table.add_row("all", str(result["rows"]), f"{result['accuracy']:.3f}")
    return table
