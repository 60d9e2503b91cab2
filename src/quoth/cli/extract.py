"""``quoth extract``: read articles from files, directories, JSONL or stdin; write who-said-what.

A thin shell: it reads its inputs through ``quoth.ingest.read_sources`` (the readers and ids ``quoth ingest``
uses), streams them through ``quoth.pipeline.extract_many`` and
formats each result with ``quoth.render`` as soon as it comes out, so memory holds one batch, not the corpus.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import IO, Annotated, Iterable, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from .. import render
from ..ingest.options import ReadOptions
from ..model import Article
from ..options import Options
from .app import app
from .typeopt import TypesOpt, parse_types

STDIN = "-"
_DEFAULTS = Options()


class InputFormat(str, Enum):
    """How to read an input: by its suffix and content (``auto``), as one plain-text article, or as JSONL."""

    auto = "auto"
    txt = "txt"
    jsonl = "jsonl"


class OutputFormat(str, Enum):
    """What ``quoth extract`` writes."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


@dataclass
class Tally:
    """What happened to the articles of one run, for the summary line and the exit code."""

    done: int = 0
    failed: int = 0
    skipped: int = 0
    attributions: int = 0


# ---------------------------------------------------------------- inputs (all read by quoth.ingest)


def read_options(input_format: InputFormat, max_chars: int) -> ReadOptions:
    """The readers' options for ``--input-format`` and ``--max-chars``."""
    kind = {InputFormat.txt: "text", InputFormat.jsonl: "jsonl"}.get(input_format)
    return ReadOptions.from_options(_DEFAULTS.with_(max_chars=max_chars), kind=kind)


def read_inputs(inputs: list[str], options: ReadOptions) -> Iterator[Article]:
    """Articles from every input through ``quoth.ingest.read_sources`` (the ids ``quoth ingest`` gives), with a
    repeated id marked: the same text again is skipped, different text is a conflict (a failure)."""
    from ..ingest import read_sources
    from ..ingest.ids import content_id

    seen: dict[str, str] = {}
    for article in read_sources(inputs, options):
        if article.error is None:
            digest = content_id(article.text)
            first = seen.get(article.id)
            if first is None:
                seen[article.id] = digest
            elif first != digest:
                article.error = (f"{article.id}: conflict: another article with this id and different text came "
                                 "earlier; give each article its own id")
            else:  # the same id and text again: nothing new to extract
                article.text, article.meta["skipped"] = "", "repeated earlier with the same text"
        yield article


def is_single(inputs: list[str], input_format: InputFormat) -> bool:
    """One object rather than an array: exactly one plain-text or HTML file (or stdin as text), decided by the
    command line (a directory, JSONL, WARC or feed may hold any number of articles)."""
    from ..ingest import source_kind

    if len(inputs) != 1 or input_format is InputFormat.jsonl:
        return False
    if inputs[0] == STDIN:
        return True
    path = Path(inputs[0])
    if not path.is_file():
        return False
    return input_format is InputFormat.txt or source_kind(path) in ("text", "html")


# ---------------------------------------------------------------- outputs


def choose_format(flags: dict[OutputFormat, bool], out: Path | None, terminal: bool) -> OutputFormat:
    """The output format: the one flag given, else a table on a terminal, else from ``--out``'s suffix, else JSON."""
    chosen = [fmt for fmt, on in flags.items() if on]
    if len(chosen) > 1:
        names = ", ".join(f"--{fmt.value}" for fmt in chosen)
        raise typer.BadParameter(f"choose one output format, not {names}")
    if chosen:
        return chosen[0]
    if out is not None:
        by_suffix = {".jsonl": OutputFormat.jsonl, ".csv": OutputFormat.csv, ".txt": OutputFormat.table}
        return by_suffix.get(out.suffix.lower(), OutputFormat.json)
    return OutputFormat.table if terminal else OutputFormat.json


def build_table(article: Article) -> Table:
    """The who-said-what table of one article (rich renderable)."""
    # Title and cells are Text, never markup: an article titled "[/b]" must print as written, not stop the run.
    table = Table(title=Text(render.article_heading(article)), title_justify="left", expand=False, show_lines=False)
    table.add_column("#", style="dim", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("speaker", style="bold")
    table.add_column("cue", style="cyan")
    table.add_column("content", ratio=1)
    table.add_column("nesting", style="dim", no_wrap=True)
    for row in render.table_rows(article):
        content = Text("  " * row.depth + row.content)
        table.add_row(Text(row.id), Text(row.kind), Text(row.type), Text(row.speaker), Text(row.cue), content,
                      Text(row.nesting))
    return table


def print_table(console: Console, article: Article) -> None:
    """Print one article's table, then its disputes (or a note when it has no attributions)."""
    if article.attributions:
        console.print(build_table(article))
    else:
        console.print(Text(render.article_heading(article), style="italic"))
    for line in render.dispute_lines(article):
        console.print(Text("  disputes: ") + Text(line, style="red"))
    console.print()


class Writer:
    """Writes articles in one format to one stream as they arrive, holding none of them."""

    def __init__(self, fmt: OutputFormat, stream: IO[str], single: bool, console: Console | None) -> None:
        self.fmt, self.stream, self.single, self.console = fmt, stream, single, console

    def write_all(self, articles: Iterable[Article]) -> None:
        """Format and write every article."""
        if self.fmt is OutputFormat.table:
            assert self.console is not None
            for article in articles:
                print_table(self.console, article)
            return
        if self.fmt is OutputFormat.jsonl:
            chunks: Iterable[str] = (render.to_jsonl_line(a) for a in articles)
        elif self.fmt is OutputFormat.csv:
            chunks = render.iter_csv(articles)
        else:
            chunks = render.iter_json(articles, single=self.single)
        for chunk in chunks:
            self.stream.write(chunk)
            self.stream.flush()


# ---------------------------------------------------------------- the command


def report(err: Console, tally: Tally, articles: Iterable[Article], progress: Progress | None) -> Iterator[Article]:
    """Pass on the articles that worked; print an error for each that failed; count both."""
    task = progress.task_ids[0] if progress is not None else None
    for article in articles:
        if progress is not None and task is not None:
            progress.advance(task)
        if article.error:
            tally.failed += 1
            err.print(Text(f"error: {article.error} (skipped)", style="red"))
            continue
        if article.meta.get("skipped"):
            tally.skipped += 1
            err.print(Text(f"note: {article.id}: {article.meta['skipped']} (skipped)", style="yellow"))
            continue
        for warning in article.meta.get("warnings") or []:
            err.print(Text(f"warning: {article.id}: {warning}", style="yellow"))
        tally.done += 1
        tally.attributions += len(article.attributions)
        if not article.text.strip():
            err.print(Text(f"note: {article.id} is empty; no attributions", style="yellow"))
        yield article


def make_progress(err: Console, total: int | None, stdout_is_terminal: bool) -> Progress:
    """A progress bar on stderr; it only takes over stdout when stdout is the same terminal."""
    progress = Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeRemainingColumn(), console=err, transient=True, redirect_stdout=stdout_is_terminal,
    )
    progress.add_task("extracting", total=total)
    return progress


# The command's arguments and options, declared once here so the command itself stays short.
InputsArg = Annotated[list[str], typer.Argument(
    metavar="FILE... | DIR | -",
    help="Article files (.txt, .jsonl, .html, .warc[.gz], .rss/.atom feeds), directories (searched recursively for "
         "them) or - for stdin.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Write JSON: one object for one text input, else an array.")]
JsonlOpt = Annotated[bool, typer.Option("--jsonl", help="Write JSON Lines: one article object per line.")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Write CSV: one row per attribution.")]
TableOpt = Annotated[bool, typer.Option("--table", help="Write the readable who-said-what table, even into a pipe.")]
OutOpt = Annotated[Optional[Path], typer.Option(
    "--out", "-o", dir_okay=False,
    help="Write to this file instead of stdout (format from its suffix .json/.jsonl/.csv/.txt unless a flag says).")]
InputFormatOpt = Annotated[InputFormat, typer.Option(
    "--input-format",
    help="How to read inputs: auto (by suffix and content, as `quoth ingest` does; stdin → one text article), "
         "txt, jsonl.")]
ModelOpt = Annotated[str, typer.Option("--model", help="spaCy pipeline package to load.")]
NoSpeakersOpt = Annotated[bool, typer.Option(
    "--no-speakers", help="Skip speaker resolution (and so disputes): faster; speaker is null.")]
BatchSizeOpt = Annotated[int, typer.Option("--batch-size", min=1, help="Articles per spaCy batch.")]
MaxCharsOpt = Annotated[int, typer.Option(
    "--max-chars", min=1, help="Refuse (skip, with an error) articles longer than this many characters.")]
ProgressOpt = Annotated[Optional[bool], typer.Option(
    "--progress/--no-progress",
    help="Show a progress bar on stderr.  [default: when several files are read, stderr is a terminal and "
         "stdout is not showing the table]")]


@app.command("extract")
def extract_command(
    inputs: InputsArg,
    json_: JsonOpt = False,
    jsonl: JsonlOpt = False,
    csv_: CsvOpt = False,
    table: TableOpt = False,
    out: OutOpt = None,
    input_format: InputFormatOpt = InputFormat.auto,
    model: ModelOpt = _DEFAULTS.model,
    no_speakers: NoSpeakersOpt = False,
    batch_size: BatchSizeOpt = _DEFAULTS.batch_size,
    max_chars: MaxCharsOpt = _DEFAULTS.max_chars,
    progress: ProgressOpt = None,
    types: TypesOpt = None,
) -> None:
    """Extract who said what from news articles.

    Reads plain-text articles (.txt, any UTF-8 text), JSONL records {"id", "text", ...} (other keys are kept as
    meta), HTML pages (main text only), WARC files and RSS/Atom feeds (as `quoth ingest` reads them),
    directories of these, or standard input (-). Writes a table when stdout is a terminal and JSON when it
    is piped or redirected (--table, --json, --jsonl and --csv force a format). Every attribution type is kept
    (the table lists statements first); --types keeps only the types named.

    An input that cannot be read (binary, not UTF-8, too large, bad JSONL line) is reported on stderr with its name
    and skipped; the others are still written, and the exit code is then 1.
    """
    chosen = parse_types(types)
    flags = {OutputFormat.json: json_, OutputFormat.jsonl: jsonl, OutputFormat.csv: csv_, OutputFormat.table: table}
    stdout_is_terminal = out is None and sys.stdout.isatty()
    fmt = choose_format(flags, out, stdout_is_terminal)
    options = _DEFAULTS.with_(model=model, speakers=not no_speakers, batch_size=batch_size, max_chars=max_chars)
    reading = read_options(input_format, max_chars)
    # Tables streaming onto the terminal show progress themselves; a bar redrawn under them would only flicker.
    several = len(inputs) > 1 or any(Path(i).is_dir() for i in inputs)
    auto = several and sys.stderr.isatty() and not (stdout_is_terminal and fmt is OutputFormat.table)
    show = auto if progress is None else progress
    tally = run(inputs, options, reading, fmt, out, show, stdout_is_terminal, is_single(inputs, input_format),
                chosen)
    _finish(tally, inputs)


def run(inputs: list[str], options: Options, reading: ReadOptions, fmt: OutputFormat, out: Path | None,
        show_progress: bool, stdout_is_terminal: bool, single: bool = False,
        types: list[str] | None = None) -> Tally:
    """Stream the inputs through extraction into the output (only ``types`` when given); returns the tally."""
    from ..ingest.run import estimate_total
    from ..pipeline import extract_many

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    tally = Tally()
    with ExitStack() as stack:
        stream: IO[str] = stack.enter_context(out.open("w", encoding="utf-8")) if out else sys.stdout
        console = _table_console(fmt, stream, out)
        bar = None
        if show_progress:
            total = None if STDIN in inputs else estimate_total(inputs)
            bar = stack.enter_context(make_progress(err, total, stdout_is_terminal))
        articles: Iterable[Article] = extract_many(read_inputs(inputs, reading), options, errors="collect")
        if types:
            articles = (render.select_types(a, types) for a in articles)
        Writer(fmt, stream, single, console).write_all(report(err, tally, articles, bar))
    return tally


def _table_console(fmt: OutputFormat, stream: IO[str], out: Path | None) -> Console | None:
    """The console tables are printed on: stdout itself (so a progress bar can share it) or the --out file."""
    if fmt is not OutputFormat.table:
        return None
    if out is not None:
        return Console(file=stream, width=120, no_color=True, highlight=False)
    return Console(highlight=False)


def _finish(tally: Tally, inputs: list[str]) -> None:
    """Print the summary line when something failed or nothing was found, and exit 1 then."""
    if not (tally.done or tally.failed or tally.skipped):
        typer.secho(f"quoth extract: no articles found in {', '.join(inputs)}; quoth reads .txt, .jsonl, .html, "
                    ".warc[.gz] and .rss/.atom files (directories are searched recursively)", fg="red", err=True)
        raise typer.Exit(1)
    if tally.failed:
        total = tally.done + tally.failed
        typer.secho(
            f"quoth extract: {tally.failed} of {total} inputs failed (see the errors above); "
            f"{tally.done} written with {tally.attributions} attributions.",
            fg="red", err=True,
        )
        raise typer.Exit(1)
