"""The ``--types`` option shared by ``quoth extract``, ``quoth search`` and ``quoth speaker``."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..model import ATTRIBUTION_TYPES

TypesOpt = Annotated[Optional[str], typer.Option(
    "--types", metavar="TYPE[,TYPE…]",
    help="Only these attribution types, comma-separated: " + ", ".join(ATTRIBUTION_TYPES) + " (default: all).")]


def parse_types(value: str | None) -> list[str] | None:
    """``"statement,belief"`` → ``["statement", "belief"]``; None or "" → None (every type).

    Raises typer.BadParameter naming the allowed types for an unknown one.
    """
    if not value or not value.strip():
        return None
    chosen = [t.strip().lower() for t in value.split(",") if t.strip()]
    unknown = [t for t in chosen if t not in ATTRIBUTION_TYPES]
    if unknown:
        raise typer.BadParameter(f"unknown type {', '.join(unknown)}; choose among {', '.join(ATTRIBUTION_TYPES)}",
                                 param_hint="--types")
    return chosen
