"""``quoth serve``: the JSON API and the web pages over a store."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import QuothError
from ..options import DEFAULT_MODEL, Options
from .app import app


@app.command()
def serve(
    db: Path = typer.Option(..., "--db", help="The SQLite store to browse (see `quoth ingest`)."),
    host: str = typer.Option("127.0.0.1", help="Interface to bind; the default serves this machine only."),
    port: int = typer.Option(8000, min=1, max=65535, help="TCP port."),
    allow_write: bool = typer.Option(False, "--allow-write",
                                     help='Let POST /api/extract store articles ("store": true).'),
    model: str = typer.Option(DEFAULT_MODEL, help="spaCy model used by POST /api/extract and the extract page."),
) -> None:
    """Serve the JSON API (docs at /docs) and the web pages: extract, search, speakers, disputes.

    Read-only unless --allow-write; binds 127.0.0.1 unless --host says otherwise.
    """
    import uvicorn

    from ..web import create_app

    if not allow_write and not db.exists():
        raise QuothError(f"{db}: no such database; create it with `quoth ingest SOURCES --db {db}`, "
                         "or pass --allow-write to start an empty one")
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.secho(f"Warning: serving on {host} makes the corpus visible to other machines.", fg="yellow", err=True)
    web_app = create_app(db, Options(model=model), allow_write=allow_write)
    typer.echo(f"quoth: serving {db} at http://{host}:{port}/ ({'read-write' if allow_write else 'read-only'})")
    uvicorn.run(web_app, host=host, port=port, log_level="info")
