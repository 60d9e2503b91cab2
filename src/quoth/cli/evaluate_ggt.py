"""``quoth eval ggt``: score quotes and speakers on a Gender Gap Tracker evaluation folder. Thin shell."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from .evaluate import eval_app


@eval_app.command("ggt")
def ggt_command(
    directory: Path = typer.Argument(
        ..., help="A folder laid out like ../shared/data/ggt-dev: gold.jsonl and text/<id>.txt.",
        exists=True, file_okay=False, dir_okay=True,
    ),
    all_types: bool = typer.Option(
        False, "--all-types", help="Score every attribution, not only statements (the annotators marked speech)."),
    as_json: bool = typer.Option(False, "--json", help="Print the full result as JSON instead of a table."),
    per_article: bool = typer.Option(
        False, "--per-article", help="With --json, add each article's speaker errors, missed and spurious quotes."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N articles."),
) -> None:
    """Score quote precision/recall/F1 (the GGT rule, 30% and 80% overlap) and speaker accuracy."""
    from ..evaluate.ggt import evaluate_ggt

    result = evaluate_ggt(directory, all_types=all_types, limit=limit, per_article=per_article)
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        Console().print(ggt_table(result))


def ggt_table(result: dict[str, Any]) -> Table:
    """A rich table of the quote and speaker measures of an ``evaluate_ggt`` result."""
    scope = "all types" if result["all_types"] else "statements"
    table = Table(title=f"GGT: {result['articles']} articles, {result['gold']} gold quotes, "
                        f"{result['predicted']} predicted ({scope})")
    for column in ("metric", "precision", "recall", "F1 / share", "count"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for threshold, row in result["quotes"].items():
        table.add_row(f"quotes {threshold}", f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}",
                      str(row["matched"]))
    counts = result["speaker_counts"]
    table.add_row("speaker accuracy", "", "", f"{result['speaker_accuracy']:.3f}",
                  f"{counts['correct']}/{counts['matched']}")
    table.add_row("proper-name share", "", "", f"{result['proper_name_share']:.3f}",
                  f"{counts['proper']}/{counts['matched']}")
    table.add_row("wrong proper names", "", "", f"{result['wrong_proper_names']:.3f}",
                  f"{counts['proper_wrong']}/{counts['proper']}")
    hits = result.get("type_hits", {})
    for kind, share in result["type_shares"].items():
        hit = hits.get(kind)
        table.add_row(f"type {kind}", f"{hit['matched'] / hit['predicted']:.3f}" if hit and hit["predicted"] else "",
                      "", f"{share:.3f}", f"{hit['matched']}/{hit['predicted']}" if hit else "")
    return table
