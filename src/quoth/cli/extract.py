"""``quoth extract``: read articles from files, directories, JSONL or stdin; write who-said-what.

A thin shell: it turns paths into ``Article``s lazily, streams them through ``quoth.pipeline.extract_many`` and
formats each result with ``quoth.render`` as soon as it comes out, so memory holds one batch, not the corpus.
"""

from __future__ import annotations

import json
import sys
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import IO, Annotated, BinaryIO, ContextManager, Iterable, Iterator, Optional

import click
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from .. import render
from ..errors import BinaryInput, InputError, InputTooLarge
from ..model import Article
from ..options import Options
from ..text import decode
from .app import app
from .typeopt import TypesOpt, parse_types

STDIN = "-"
STDIN_NAME = "stdin"
_DEFAULTS = Options()
# UTF-8 spends at most 4 bytes on a character: a file bigger than this cannot fit in --max-chars, so it is
# refused before being read into memory.
MAX_BYTES_PER_CHAR = 4
INPUT_SUFFIXES = (".txt", ".jsonl")
# Files read through ``quoth.ingest`` (main text of HTML pages, WARC response records, feed entries), as
# ``quoth ingest`` reads them; directories include them by these endings.
MARKUP_KINDS = ("html", "warc", "feed")
MARKUP_ENDINGS = (".html", ".htm", ".xhtml", ".warc", ".warc.gz", ".rss", ".atom")


class InputFormat(str, Enum):
    """How to read an input: by its suffix (``auto``), as one plain-text article, or as JSONL."""

    auto = "auto"
    txt = "txt"
    jsonl = "jsonl"


class OutputFormat(str, Enum):
    """What ``quoth extract`` writes."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


@dataclass(frozen=True)
class Input:
    """One thing to read: a path (or stdin) and whether it holds one text article or JSONL records."""

    name: str
    path: Path | None
    jsonl: bool
    markup: str = ""  # "html", "warc" or "feed": read by quoth.ingest


@dataclass
class Tally:
    """What happened to the articles of one run, for the summary line and the exit code."""

    done: int = 0
    failed: int = 0
    attributions: int = 0


# ---------------------------------------------------------------- inputs


def expand_inputs(paths: Iterable[str], input_format: InputFormat) -> list[Input]:
    """Expand the command line: a directory gives its ``*.txt`` and ``*.jsonl`` files, recursively, sorted."""
    found: list[Input] = []
    for raw in paths:
        if raw == STDIN:
            found.append(Input(STDIN_NAME, None, input_format is InputFormat.jsonl))
            continue
        path = Path(raw)
        files = _files_under(path) if path.is_dir() else [path]
        for file in files:
            jsonl = input_format is InputFormat.jsonl or (
                input_format is InputFormat.auto and file.suffix.lower() == ".jsonl"
            )
            markup = _markup_kind(file) if input_format is InputFormat.auto and not jsonl else ""
            found.append(Input(str(file), file, jsonl, markup))
    return found


def _markup_kind(path: Path) -> str:
    """"html", "warc" or "feed" by ending or (any ending but .txt) by the first bytes; "" for plain text."""
    from ..ingest import source_kind

    if path.suffix.lower() == ".txt" or not path.is_file():
        return ""
    kind = source_kind(path)
    return kind if kind in MARKUP_KINDS else ""


def _files_under(root: Path) -> list[Path]:
    """The article files in a directory tree, skipping hidden files and folders."""
    return sorted(
        p for p in root.rglob("*")
        if p.is_file() and (p.suffix.lower() in INPUT_SUFFIXES or p.name.lower().endswith(MARKUP_ENDINGS))
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def read_inputs(inputs: Iterable[Input], max_chars: int) -> Iterator[Article]:
    """Articles from every input, lazily; an unreadable one comes out with ``error`` set, never raised."""
    for item in inputs:
        if item.markup and item.path is not None:
            yield from _read_markup(item, max_chars)
            continue
        try:
            with _open_binary(item, max_chars) as handle:
                if item.jsonl:
                    yield from read_jsonl(handle, item.name, max_chars)
                else:
                    yield read_text(handle, item.name, max_chars)
        except InputError as exc:
            yield _failed(item.name, str(exc))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            yield _failed(item.name, f"{item.name}: cannot read it ({reason}); check the path and permissions")


def _read_markup(item: Input, max_chars: int) -> Iterator[Article]:
    """HTML, WARC or feed articles through ``quoth.ingest`` (its readers never raise: failures carry ``error``)."""
    from ..ingest import read_file
    from ..ingest.options import ReadOptions

    assert item.path is not None
    yield from read_file(item.path, item.name, ReadOptions.from_options(_DEFAULTS.with_(max_chars=max_chars)))


def _open_binary(item: Input, max_chars: int) -> ContextManager[BinaryIO]:
    """Open an input for reading bytes; refuse a file too big for ``max_chars`` before reading it."""
    if item.path is None:
        return nullcontext(click.get_binary_stream("stdin"))
    if item.path.is_dir():
        raise InputError("is a directory with no .txt or .jsonl files in it", item.name)
    size = item.path.stat().st_size
    if not item.jsonl and size > max_chars * MAX_BYTES_PER_CHAR:
        raise InputTooLarge(f"{size:,} bytes is over the limit of --max-chars {max_chars:,}; split it", item.name)
    return item.path.open("rb")


def read_text(handle: BinaryIO, name: str, max_chars: int) -> Article:
    """One plain-text article, decoded with ``quoth.text.decode`` (offsets index the text as decoded)."""
    data = handle.read(max_chars * MAX_BYTES_PER_CHAR + 1)
    text = decode(data, name, max_chars)
    return Article(id=name, text=text, meta={} if name == STDIN_NAME else {"path": name})


def read_jsonl(handle: BinaryIO, name: str, max_chars: int) -> Iterator[Article]:
    """Articles from JSONL records ``{"id", "text", ...}`` (other keys become ``meta``), one line at a time.

    A bad line becomes a failed article named ``FILE:LINE``; the lines after it are still read.
    """
    head = handle.peek(8192)[:8192] if hasattr(handle, "peek") else b""
    _refuse_binary(head, name)
    for lineno, raw in enumerate(handle, 1):
        if raw.strip():
            yield parse_record(raw, f"{name}:{lineno}", max_chars)


def _refuse_binary(head: bytes, name: str) -> None:
    """Raise ``BinaryInput`` when a JSONL file starts like a binary file (one error, not one per line)."""
    try:
        decode(head, name)
    except BinaryInput:
        raise
    except InputError:
        pass  # the head may end inside a character; each line is decoded (and checked) on its own


def parse_record(raw: bytes, where: str, max_chars: int) -> Article:
    """One JSONL line as an article; the id is the record's ``id`` or ``FILE:LINE``."""
    try:
        data = json.loads(decode(raw, where, max_chars))
    except InputError as exc:
        return _failed(where, str(exc))
    except json.JSONDecodeError as exc:
        return _failed(where, f"{where}: not valid JSON ({exc.msg} at column {exc.colno}); one object per line")
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return _failed(where, f'{where}: a record needs a string "text" field, e.g. {{"id": "a1", "text": "..."}}')
    article_id = str(data["id"]) if data.get("id") is not None else where
    meta = {k: v for k, v in data.items() if k not in ("id", "text")}
    return Article(id=article_id, text=data["text"], meta=meta)


def _failed(name: str, reason: str) -> Article:
    return Article(id=name, text="", error=reason)


def count_articles(inputs: Iterable[Input]) -> int | None:
    """How many articles the inputs hold (a JSONL file counts its non-blank lines), or None if unknown (stdin)."""
    total = 0
    for item in inputs:
        if item.path is None or item.markup in ("warc", "feed"):
            return None
        if not item.jsonl:
            total += 1
            continue
        try:
            with item.path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            total += 1
    return total


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
    table = Table(title=render.article_heading(article), title_justify="left", expand=False, show_lines=False)
    table.add_column("#", style="dim", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("speaker", style="bold")
    table.add_column("cue", style="cyan")
    table.add_column("content", ratio=1)
    table.add_column("nesting", style="dim", no_wrap=True)
    for row in render.table_rows(article):
        content = Text("  " * row.depth + row.content)
        table.add_row(row.id, row.kind, row.type, Text(row.speaker), Text(row.cue), content, row.nesting)
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


def is_single(inputs: list[Input]) -> bool:
    """One object rather than an array: exactly one plain-text or HTML input (a file or stdin), decided by the
    command line (a WARC or a feed may hold any number of articles)."""
    return len(inputs) == 1 and not inputs[0].jsonl and inputs[0].markup in ("", "html")


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
    help="How to read inputs: auto (.jsonl suffix → JSONL; anything else and stdin → one text article), txt, jsonl.")]
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
    found = expand_inputs(inputs, input_format)
    # Tables streaming onto the terminal show progress themselves; a bar redrawn under them would only flicker.
    auto = len(found) > 1 and sys.stderr.isatty() and not (stdout_is_terminal and fmt is OutputFormat.table)
    show = auto if progress is None else progress
    tally = run(found, options, fmt, out, show, stdout_is_terminal, chosen)
    _finish(tally)


def run(found: list[Input], options: Options, fmt: OutputFormat, out: Path | None,
        show_progress: bool, stdout_is_terminal: bool, types: list[str] | None = None) -> Tally:
    """Stream the inputs through extraction into the output (only ``types`` when given); returns the tally."""
    from ..pipeline import extract_many

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    tally = Tally()
    with ExitStack() as stack:
        stream: IO[str] = stack.enter_context(out.open("w", encoding="utf-8")) if out else sys.stdout
        console = _table_console(fmt, stream, out)
        bar = None
        if show_progress:
            bar = stack.enter_context(make_progress(err, count_articles(found), stdout_is_terminal))
        articles: Iterable[Article] = extract_many(read_inputs(found, options.max_chars), options, errors="collect")
        if types:
            articles = (render.select_types(a, types) for a in articles)
        Writer(fmt, stream, is_single(found), console).write_all(report(err, tally, articles, bar))
    return tally


def _table_console(fmt: OutputFormat, stream: IO[str], out: Path | None) -> Console | None:
    """The console tables are printed on: stdout itself (so a progress bar can share it) or the --out file."""
    if fmt is not OutputFormat.table:
        return None
    if out is not None:
        return Console(file=stream, width=120, no_color=True, highlight=False)
    return Console(highlight=False)


def _finish(tally: Tally) -> None:
    """Print the summary line when something failed, and exit 1 then."""
    if tally.failed:
        total = tally.done + tally.failed
        typer.secho(
            f"quoth extract: {tally.failed} of {total} inputs failed (see the errors above); "
            f"{tally.done} written with {tally.attributions} attributions.",
            fg="red", err=True,
        )
        raise typer.Exit(1)
