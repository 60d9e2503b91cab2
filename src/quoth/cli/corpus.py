"""Corpus commands: ``quoth ingest``, ``search``, ``speakers``, ``speaker``, ``disputes``, ``show``, ``export``,
``stats``, ``articles``.

Thin shells over ``quoth.ingest`` and ``quoth.store``: parse options, call the library, format the result.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Callable, Optional, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table
from rich.text import Text

from ..errors import QuothError
from ..options import Options
from ..safety import csv_cell
from .app import app
from .typeopt import TypesOpt, parse_types

F = TypeVar("F", bound=Callable[..., Any])
_DEFAULTS = Options()

DbOption = Annotated[Path, typer.Option("--db", help="The SQLite corpus file.", dir_okay=False)]
LimitOption = Annotated[int, typer.Option("--limit", min=1, max=1000, help="Rows to show (1–1000).")]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Rows to skip, for the next page.")]


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class KindChoice(str, Enum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def translate_errors(func: F) -> F:
    """Turn quoth's domain errors into a red message and exit code 2 (the CLI boundary)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except QuothError as exc:
            typer.secho(f"Error: {exc}", fg="red", err=True)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def open_store(db: Path, create: bool = False) -> Any:
    """Open the corpus; without ``create`` a missing file is an error that says how to make one."""
    from ..store import Store, StoreError

    if not create and not db.exists():
        raise StoreError(f"{db}: no such database; create it with `quoth ingest SOURCES --db {db}`")
    return Store(db)


@app.command()
@translate_errors
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, directories (recursive), JSONL, HTML, WARC(.gz), "
                                                      "RSS/Atom feeds or http(s) URLs.")],
    db: Annotated[Path, typer.Option("--db", help="The SQLite corpus file (created if missing).",
                                     dir_okay=False)] = Path("quoth.db"),
    workers: Annotated[int, typer.Option("--workers", min=1, help="Extraction processes (each loads the "
                                                                  "model once; only this process writes).")] = 1,
    replace: Annotated[bool, typer.Option("--replace", help="Re-extract and overwrite articles already "
                                                            "stored (default: skip them).")] = False,
    allow_private_urls: Annotated[bool, typer.Option(
        "--allow-private-urls", help="Fetch URLs on private, loopback or link-local addresses.")] = False,
    speakers: Annotated[bool, typer.Option("--speakers/--no-speakers",
                                           help="Resolve speakers and disputes (off is faster).")] = True,
    max_chars: Annotated[int, typer.Option("--max-chars", min=1, help="Refuse longer articles (a failure, "
                                                                      "not a crash).")] = _DEFAULTS.max_chars,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Name every skipped article and every "
                                                                  "failure with its reason.")] = False,
) -> None:
    """Read SOURCES, extract attributions and store each article in one transaction.

    Rerunning skips articles already stored, so an interrupted ingest resumes where it stopped. Inputs that
    cannot be read are recorded as failures (see `quoth stats`); the exit code is 1 if any failed.
    """
    from ..ingest.options import ReadOptions
    from ..ingest.run import estimate_total, ingest as run_ingest

    options = Options(max_chars=max_chars, speakers=speakers, disputes=speakers)
    read_options = ReadOptions.from_options(options, allow_private_urls=allow_private_urls)
    console = Console(stderr=True)
    try:
        with open_store(db, create=True) as store, _progress(console, quiet) as progress:
            task = progress.add_task("ingest", total=estimate_total(sources))
            summary = run_ingest(sources, store, options, read_options, workers=workers, replace=replace,
                                 on_article=lambda status, article: progress.advance(task))
    except KeyboardInterrupt:
        console.print(Text(f"interrupted: every article written so far is in {db}; run the same command again "
                           "to finish the rest"))
        raise typer.Exit(130) from None
    _print_summary(console, summary, db, sources, verbose)
    if summary.failed or not (summary.ingested or summary.skipped):
        raise typer.Exit(1)


# Failures listed without --verbose; the rest are counted (all are in the failures table).
SHOWN_FAILURES = 20


def _print_summary(console: Console, summary: Any, db: Path, sources: list[str], verbose: bool) -> None:
    """The failures (all with -v), the skips with -v, then counts by reason and the totals."""
    shown = summary.failures if verbose else summary.failures[:SHOWN_FAILURES]
    for _article_id, reason in shown:
        console.print(f"[red]failed[/red] {escape(reason)}", highlight=False)
    if len(summary.failures) > len(shown):
        console.print(Text(f"… and {len(summary.failures) - len(shown)} more failures (-v lists them all; all are "
                           f"in `quoth stats --failures --db {db}`)"))
    if verbose:
        for article_id, reason in summary.skips:
            console.print(f"[yellow]skipped[/yellow] {escape(article_id)}: {escape(reason)}", highlight=False)
    for label, counts in (("skipped", summary.skipped_by_reason()), ("failed", summary.failed_by_kind())):
        if counts:
            console.print(f"{label}: " + "; ".join(f"{n} {escape(reason)}" for reason, n in counts.items()),
                          highlight=False)
    if not (summary.ingested or summary.skipped or summary.failed):
        console.print(f"[red]no articles found in {escape(', '.join(map(str, sources)))}[/red]; quoth reads "
                      ".txt, .jsonl, .html, .warc[.gz] and .rss/.atom files (directories are searched recursively)",
                      highlight=False)
    console.print(Text(f"ingested {summary.ingested} ({summary.added} new, {summary.replaced} replaced), "
                       f"skipped {summary.skipped}, failed {summary.failed} in {summary.seconds:.1f}s → {db}"))


class RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:,.1f} art/s", style="progress.data.speed")


def _progress(console: Console, quiet: bool) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                    TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(), console=console, disable=quiet)


STATEMENT_COLUMNS = ("published", "speaker", "kind", "type", "content", "article_id", "attribution_id")


@app.command()
@translate_errors
def search(
    text: Annotated[str, typer.Argument(help='Words the statement must contain ("quoted phrase" kept whole); '
                                             '"" lists all.')],
    db: DbOption = Path("quoth.db"),
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="Speaker name (or part) or entity id.")] = None,
    kind: Annotated[Optional[KindChoice], typer.Option("--kind", help="Only this kind of attribution.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Published on or after (ISO date).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Published on or before (ISO date).")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="table, json or csv.")] = OutputFormat.table,
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    types: TypesOpt = None,
) -> None:
    """Full-text search over what was said: statements first, then best match first (--types to choose)."""
    chosen = parse_types(types)
    with open_store(db) as store:
        page = store.search(text, speaker=speaker, kind=kind.value if kind else None, since=since, until=until,
                            limit=limit, offset=offset, types=chosen)
    _emit(page, fmt, STATEMENT_COLUMNS, f"{page.total} statements match")


@app.command()
@translate_errors
def speakers(db: DbOption = Path("quoth.db"), limit: LimitOption = 20, offset: OffsetOption = 0,
             fmt: Annotated[OutputFormat, typer.Option("--format", help="table, json or csv.")] = OutputFormat.table,
             ) -> None:
    """The most quoted speakers, with statement and article counts."""
    with open_store(db) as store:
        page = store.speakers(limit=limit, offset=offset)
    _emit(page, fmt, ("id", "name", "kind", "statements", "articles", "first", "last"), f"{page.total} speakers")


@app.command()
@translate_errors
def speaker(name: Annotated[str, typer.Argument(help="Speaker name (or part of it) or entity id.")],
            db: DbOption = Path("quoth.db"), limit: LimitOption = 100, offset: OffsetOption = 0,
            fmt: Annotated[OutputFormat, typer.Option("--format", help="table, json or csv.")] = OutputFormat.table,
            types: TypesOpt = None,
            ) -> None:
    """One speaker's attributions over time, oldest first (--types to choose, e.g. statement)."""
    chosen = parse_types(types)
    with open_store(db) as store:
        profile = store.speaker(name, limit=limit, offset=offset, types=chosen)
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(profile.to_dict(), ensure_ascii=False, indent=2))
        return
    entity = profile.entity
    title = f"{entity.name} (#{entity.id}, {entity.kind}): {entity.statements} statements in {entity.articles} articles"
    _emit(profile.statements, fmt, STATEMENT_COLUMNS, title)


@app.command()
@translate_errors
def disputes(name: Annotated[Optional[str], typer.Argument(help="Only disputes this party is in.")] = None,
             db: DbOption = Path("quoth.db"), limit: LimitOption = 20, offset: OffsetOption = 0,
             fmt: Annotated[OutputFormat, typer.Option("--format", help="table, json or csv.")] = OutputFormat.table,
             kind: Annotated[Optional[str], typer.Option(
                 "--kind", help="Only this kind: denial, rejection, contradiction or correction.")] = None,
             unnamed: Annotated[bool, typer.Option("--unnamed", help="Only disputes whose target party is "
                                                                     "unnamed.")] = False,
             ) -> None:
    """Who disputes whom: statements that deny, reject, contradict or correct another party's claim."""
    with open_store(db) as store:
        page = store.disputes(name, limit=limit, offset=offset, kind=kind, unnamed=unnamed)
    rows = [{"article_id": d.article_id, "by": d.by.speaker or d.by.source, "kind": d.kind, "cue": d.cue,
             "target": d.target_entity or (d.target.speaker if d.target else None) or "(unnamed)",
             "claim": d.target_text or (d.target.content if d.target else ""), "statement": d.by.content}
            for d in page.items]
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(page.to_dict(), ensure_ascii=False, indent=2))
        return
    _emit_rows(rows, fmt, ("by", "kind", "cue", "target", "claim", "statement", "article_id"),
               f"{page.total} disputes")


@app.command()
@translate_errors
def show(article_id: Annotated[str, typer.Argument(help="The article's id (see `quoth search`).")],
         db: DbOption = Path("quoth.db")) -> None:
    """An article's text with its attributions highlighted: content, cue and source."""
    with open_store(db) as store:
        article = store.article(article_id)
    console = Console()
    meta = article.meta
    console.print(Text(meta.get("title") or article.id, style="bold"))
    console.print(Text(" · ".join(str(v) for v in (meta.get("published"), meta.get("url") or meta.get("source"))
                                  if v), style="dim"))
    console.print(highlighted_text(article))
    console.print(Text("content", style=STYLES["content"]), Text("cue", style=STYLES["cue"]),
                  Text("source", style=STYLES["source"]))
    table = Table("id", "kind", "speaker", "cue", "content", show_lines=False)
    for att in article.attributions:
        speaker = article.speaker_name(att) or (att.source.text if att.source else "")
        table.add_row(*map(Text, (att.id, att.kind, speaker, att.cue.text if att.cue else "", att.content.text)))
    console.print(table)


STYLES = {"content": "green", "cue": "bold yellow", "source": "bold cyan underline"}


def highlighted_text(article: Any) -> Text:
    """The article text as rich Text, with every attribution's content, cue and source styled."""
    text = Text(article.text)
    for att in article.attributions:
        for role in ("content", "cue", "source"):
            span = getattr(att, role)
            for start, end in span.spans if span else ():
                text.stylize(STYLES[role], start, end)
    return text


@app.command()
@translate_errors
def export(db: DbOption = Path("quoth.db"),
           fmt: Annotated[ExportFormat, typer.Option("--format", help="jsonl, csv or parquet.")] = ExportFormat.jsonl,
           out: Annotated[Path, typer.Option("--out", help="Directory to write the files to (created).",
                                             file_okay=False)] = Path("export")) -> None:
    """Write articles, attributions, entities and disputes as one file each (jsonl, csv or parquet)."""
    from ..store import export_store

    with open_store(db) as store:
        written = export_store(store, out, fmt.value)
    for table, path in written.items():
        typer.echo(f"{table}: {path}")


@app.command()
@translate_errors
def stats(db: DbOption = Path("quoth.db"),
          failures: Annotated[bool, typer.Option("--failures", help="Also list recorded failures.")] = False,
          fmt: Annotated[OutputFormat, typer.Option("--format", help="table, json or csv.")] = OutputFormat.table,
          ) -> None:
    """Corpus counts: articles, attributions by kind, entities, speakers, disputes, failures."""
    with open_store(db) as store:
        counts = store.stats()
        if fmt is OutputFormat.json:
            typer.echo(json.dumps(counts, indent=2))
        else:
            rows = [{"what": key, "count": value} for key, value in _flatten(counts)]
            _emit_rows(rows, fmt, ("what", "count"), f"corpus {db}")
        if failures:
            _emit(store.failures(limit=1000), fmt, ("source", "id", "reason", "time"), "failures")


def _flatten(counts: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    for key, value in counts.items():
        if isinstance(value, dict):
            rows += _flatten(value, f"{prefix}{key} ")
        else:
            rows.append((f"{prefix}{key}".replace("_", " "), value))
    return rows


@app.command()
@translate_errors
def articles(db: DbOption = Path("quoth.db"), limit: LimitOption = 20, offset: OffsetOption = 0,
             fmt: Annotated[OutputFormat, typer.Option("--format", help="table, json or csv.")] = OutputFormat.table,
             ) -> None:
    """Stored articles in ingest order: id, title, date and counts (the ids `quoth show` takes)."""
    with open_store(db) as store:
        page = store.articles(limit=limit, offset=offset)
    _emit(page, fmt, ("id", "title", "published", "attributions", "source"), f"{page.total} articles")


def _emit(page: Any, fmt: OutputFormat, columns: tuple[str, ...], title: str) -> None:
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(page.to_dict(), ensure_ascii=False, indent=2))
        return
    _emit_rows([item.to_dict() for item in page.items], fmt, columns, title)


def _emit_rows(rows: list[dict[str, Any]], fmt: OutputFormat, columns: tuple[str, ...], title: str) -> None:
    if fmt is OutputFormat.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
        typer.echo(buffer.getvalue(), nl=False)
        return
    # Cells and title are Text, never markup: a stored quote or name holding "[/b]" must print as written.
    table = Table(*columns, title=Text(title))
    for row in rows:
        table.add_row(*(Text("" if row.get(c) is None else str(row.get(c))) for c in columns))
    Console().print(table)
