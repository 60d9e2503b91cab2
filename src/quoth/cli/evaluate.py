"""``quoth eval``: score quoth against gold data. Thin shell over ``quoth.evaluate``.

Sibling commands (``quoth eval speakers``) register on ``eval_app`` from their own module.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from .app import app

if TYPE_CHECKING:
    from rich.progress import Progress

eval_app = typer.Typer(
    name="eval",
    help="Score quoth against gold annotations (PolNeAR dev) and print precision, recall and F1.",
    no_args_is_help=True,
)
app.add_typer(eval_app, name="eval")


@eval_app.command("polnear")
def polnear_command(
    directory: Path = typer.Argument(
        ...,
        help="A PolNeAR split folder holding attributions/*.ann and text/*.txt, e.g. polnear/data/dev.",
        exists=True,
        file_okay=False,
        dir_okay=True,
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the full result as JSON instead of a table."),
    limit: Optional[int] = typer.Option(
        None, "--limit", min=1, help="Score only the first N articles (alphabetical), for a quick look."
    ),
    per_article: bool = typer.Option(
        False, "--per-article", help="With --json, add each article's numbers and missed/spurious spans."
    ),
    include_nested: bool = typer.Option(
        False, "--include-nested",
        help="Also score attributions nested in another's content (PolNeAR's gold never nests, so by default "
             "they are left out).",
    ),
    without: list[str] = typer.Option(
        [], "--without", metavar="STEP",
        help="Turn off one attribution step, to measure it (repeatable); the steps are listed in "
             "docs/architecture.md."
    ),
    crossfit: bool = typer.Option(
        False, "--crossfit",
        help="For a training split: train a CRF and cue-form table on each half (even/odd articles) and tag each "
             "half with the other half's, so no article is scored by models that saw it (PolNeAR train: about 8 "
             "CPU-minutes the first time, then the half models are cached).",
    ),
    cache: Path = typer.Option(
        Path("build/crossfit"), "--cache", file_okay=False,
        help="With --crossfit: where the half models (and parses) are cached, keyed by the data and CRF parameters."
    ),
) -> None:
    """Score content, source and cue extraction on a PolNeAR split (lenient, strict and exact criteria)."""
    from ..attribution.steps import UnknownStep, select_steps
    from ..evaluate.polnear import evaluate_polnear, quoth_extractor
    from ..options import Options

    try:
        select_steps(without)
    except UnknownStep as exc:
        raise typer.BadParameter(str(exc), param_hint="--without") from exc
    options = Options(without_steps=tuple(without))
    if crossfit:
        result = crossfit_result(directory, cache, limit, per_article, include_nested, options)
    else:
        result = evaluate_polnear(directory, extractor=quoth_extractor(options) if without else None, limit=limit,
                                  per_article=per_article, include_nested=include_nested)
    if as_json:
        typer.echo(json.dumps(result, indent=2))
    else:
        Console().print(polnear_table(result))
        if "crossfit" in result:
            Console().print(crossfit_note(result["crossfit"]), soft_wrap=True)


def polnear_table(result: dict[str, Any]) -> Table:
    """A rich table of the headline numbers of an ``evaluate_polnear`` result."""
    table = Table(
        title=f"PolNeAR: {result['articles']} articles, {result['gold']} gold, {result['predicted']} predicted"
              + ("" if result.get("nested", {}).get("scored", True)
                 else f" ({result['nested']['count']} nested not scored)"),
    )
    for column, justify in (("metric", "left"), ("precision", "right"), ("recall", "right"),
                            ("F1 / accuracy", "right"), ("count", "right")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for criterion, row in result["content"].items():
        table.add_row(f"content {criterion}", f"{row['precision']:.3f}", f"{row['recall']:.3f}",
                      f"{row['f1']:.3f}", f"{row['matched']}")
    for key in ("quoted_recall", "unquoted_recall"):
        row = result[key]
        table.add_row(key.replace("_", " "), "", f"{row['recall']:.3f}", "", f"{row['found']}/{row['total']}")
    for key in ("source_accuracy", "cue_accuracy"):
        row = result[key]
        table.add_row(key.replace("_", " "), "", "", f"{row['accuracy']:.3f}", f"{row['correct']}/{row['total']}")
    return table


def crossfit_result(directory: Path, cache: Path, limit: int | None, per_article: bool,
                    include_nested: bool, options: Any = None) -> dict[str, Any]:
    """``evaluate_crossfit`` with a progress display on stderr; a split it cannot cross-fit exits with code 2."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..evaluate.crossfit import CrossfitError, evaluate_crossfit

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        try:
            return evaluate_crossfit(directory, cache=cache, limit=limit, per_article=per_article,
                                     include_nested=include_nested, options=options,
                                     reporter=ProgressReporter(progress))
        except CrossfitError as exc:
            raise typer.BadParameter(str(exc), param_hint="DIRECTORY") from exc


class ProgressReporter:
    """``quoth.evaluate.crossfit.Reporter`` on a rich progress display: one bar per stage."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task: Any = None
        self.total = 0

    def stage(self, name: str, total: int) -> None:
        """Fill the current bar and open one for ``name``."""
        if self.task is not None:
            self.progress.update(self.task, completed=self.total)
        self.task, self.total = self.progress.add_task(name, total=total), total

    def advance(self, steps: int = 1) -> None:
        """Move the current bar."""
        if self.task is not None:
            self.progress.advance(self.task, steps)


def crossfit_note(summary: dict[str, Any]) -> str:
    """One line saying what a cross-fitted result held out."""
    halves = summary["halves"]
    trained = ", ".join(summary["trained_now"]) or "none (all cached)"
    return (f"Held out: {summary['held_out']}; even {halves['even']['articles']} articles, odd "
            f"{halves['odd']['articles']}. Half models trained in this run: {trained}.")
