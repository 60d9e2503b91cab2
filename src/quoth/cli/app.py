"""The Typer application and the one place domain errors become exit codes and messages."""

from __future__ import annotations

import sys

import typer

from ..errors import QuothError

app = typer.Typer(
    name="quoth",
    help="Who said what, about whom, and who disputes it: attribution extraction for news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",  # reflow docstring paragraphs to the terminal's width
)


@app.callback()
def _root() -> None:
    """Keep ``quoth`` a command group (``quoth extract …``) even while only one command is registered."""


def main() -> None:
    """Entry point: run the app, turning quoth's errors into a message and exit code 2."""
    try:
        app()
    except QuothError as exc:
        typer.secho(f"Error: {exc}", fg="red", err=True)
        sys.exit(2)
