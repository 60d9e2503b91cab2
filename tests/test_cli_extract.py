"""Tests for ``quoth extract`` and the CLI as a whole, in-process with typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from quoth.cli import app
from quoth.cli.extract import InputFormat, OutputFormat, choose_format, is_single, read_inputs, read_options

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
QUOTE = '"We will rebuild the bridge by June," the mayor said.\n'
OTHER = 'The council said the plan was "a disgrace."\n'

runner = CliRunner()


def _contents(article: dict) -> list[str]:
    return [a["content"]["text"] for a in article["attributions"]]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A folder with two good articles (one in a subfolder), a JSONL file and a file quoth must ignore."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "one.txt").write_text(QUOTE, encoding="utf-8")
    (tmp_path / "sub" / "two.txt").write_text(OTHER, encoding="utf-8")
    records = [{"id": "j1", "text": QUOTE, "title": "Bridge"}, {"id": "j2", "text": OTHER}]
    (tmp_path / "more.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    return tmp_path


# ---------------------------------------------------------------- no model needed


def _all_commands(command: click.Command, path: str = "quoth") -> list[tuple[str, click.Command]]:
    found = [(path, command)]
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            found += _all_commands(sub, f"{path} {name}")
    return found


def test_cli_every_command_has_help_text() -> None:
    for path, command in _all_commands(typer.main.get_command(app)):
        assert (command.help or "").strip(), f"`{path}` has no help text: give it a docstring"
        result = runner.invoke(app, path.split()[1:] + ["--help"])
        assert result.exit_code == 0, f"`{path} --help` failed: {result.output}"


def test_cli_every_command_appears_in_the_docs() -> None:
    docs = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    for path, _ in _all_commands(typer.main.get_command(app))[1:]:
        assert f"`{path}" in docs, f"`{path}` is not documented in docs/*.md"


def test_cli_extract_help_lists_the_options() -> None:
    result = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for option in ("--json", "--jsonl", "--csv", "--table", "--out", "--model", "--no-speakers",
                   "--batch-size", "--max-chars", "--progress"):
        assert option in result.output


def test_cli_extract_refuses_two_output_formats(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", "--json", "--jsonl", str(tmp_path)])
    assert result.exit_code == 2
    assert "choose one output format" in result.output


@pytest.mark.parametrize(
    "flags, out, terminal, expected",
    [
        ({}, None, True, OutputFormat.table),
        ({}, None, False, OutputFormat.json),
        ({OutputFormat.table: True}, None, False, OutputFormat.table),
        ({OutputFormat.jsonl: True}, None, True, OutputFormat.jsonl),
        ({}, Path("x.jsonl"), False, OutputFormat.jsonl),
        ({}, Path("x.csv"), False, OutputFormat.csv),
        ({}, Path("x.json"), False, OutputFormat.json),
    ],
)
def test_cli_extract_choose_format(flags: dict, out: Path | None, terminal: bool, expected: OutputFormat) -> None:
    assert choose_format(flags, out, terminal) is expected


def test_cli_extract_reads_directories_with_the_ingest_readers_and_ids(corpus: Path) -> None:
    from quoth.ingest import read_sources

    found = list(read_inputs([str(corpus)], read_options(InputFormat.auto, 1000)))
    assert [a.id for a in found] == ["j1", "j2", "one.txt", "sub/two.txt"]  # notes.md: not an article ending
    assert [a.id for a in found] == [a.id for a in read_sources([corpus])]
    assert not is_single([str(corpus)], InputFormat.auto) and is_single([str(corpus / "one.txt")], InputFormat.auto)


# ---------------------------------------------------------------- with the model


@pytest.mark.model
def test_cli_extract_one_txt_file_gives_one_object(corpus: Path) -> None:
    result = runner.invoke(app, ["extract", str(corpus / "one.txt")])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    assert article["text"] == QUOTE and article["meta"]["source"].endswith("one.txt")
    assert any("rebuild the bridge" in c for c in _contents(article))


@pytest.mark.model
def test_cli_extract_directory_gives_an_array(corpus: Path) -> None:
    result = runner.invoke(app, ["extract", "--json", str(corpus)])
    assert result.exit_code == 0, result.output
    articles = json.loads(result.stdout)
    assert [a["id"] for a in articles][:2] == ["j1", "j2"] and len(articles) == 4
    assert articles[0]["meta"]["title"] == "Bridge"


@pytest.mark.model
def test_cli_extract_stdin() -> None:
    result = runner.invoke(app, ["extract", "-"], input=QUOTE)
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    assert article["id"] == "stdin" and article["text"] == QUOTE


@pytest.mark.model
def test_cli_extract_jsonl_on_stdin() -> None:
    lines = json.dumps({"id": "s1", "text": QUOTE}) + "\n" + json.dumps({"id": "s2", "text": OTHER}) + "\n"
    result = runner.invoke(app, ["extract", "--input-format", "jsonl", "--jsonl", "-"], input=lines)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["s1", "s2"]


@pytest.mark.model
def test_cli_extract_jsonl_output_is_one_article_per_line(corpus: Path) -> None:
    result = runner.invoke(app, ["extract", "--jsonl", str(corpus / "more.jsonl"), str(corpus / "one.txt")])
    assert result.exit_code == 0, result.output
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["id"] for a in articles] == ["j1", "j2", str(corpus / "one.txt")]
    for article in articles:
        for a in article["attributions"]:
            for start, end in a["content"]["spans"]:
                assert article["text"][start:end] in a["content"]["text"]


@pytest.mark.model
def test_cli_extract_csv_to_out_file(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "result.csv"
    result = runner.invoke(app, ["extract", "--out", str(out), str(corpus / "one.txt")])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and all(r["article_id"].endswith("one.txt") for r in rows)


@pytest.mark.model
def test_cli_extract_table(corpus: Path) -> None:
    result = runner.invoke(app, ["extract", "--table", str(corpus / "one.txt")], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    for header in ("kind", "speaker", "cue", "content", "nesting"):
        assert header in result.stdout
    assert "rebuild the bridge" in result.stdout and "one.txt" in result.stdout


@pytest.mark.model
def test_cli_extract_table_of_the_examples() -> None:
    result = runner.invoke(app, ["extract", "--table", str(EXAMPLES)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    for name in ("wire-story.txt", "interview.txt", "political-row.txt", "school-meals"):
        assert name in result.stdout


@pytest.mark.model
def test_cli_extract_bad_inputs_fail_alone(corpus: Path) -> None:
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (corpus / "latin1.txt").write_bytes('"Caf\u00e9 au lait," he said.'.encode("latin-1"))
    result = runner.invoke(app, ["extract", "--jsonl", str(corpus)])
    assert result.exit_code == 1
    assert "image.txt" in result.stderr and "binary" in result.stderr
    assert "latin1.txt" in result.stderr and "UTF-8" in result.stderr
    assert "2 of 6 inputs failed" in result.stderr
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert len(ids) == 4 and not any("image" in i or "latin1" in i for i in ids)


@pytest.mark.model
def test_cli_extract_bad_jsonl_lines_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": QUOTE}) + "\nnot json\n{\"id\": \"no-text\"}\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--jsonl", str(path)])
    assert result.exit_code == 1
    assert "mixed.jsonl:2" in result.stderr and "mixed.jsonl:3" in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["ok"]


@pytest.mark.model
def test_cli_extract_missing_and_too_large_files_are_reported(corpus: Path) -> None:
    result = runner.invoke(app, ["extract", "--max-chars", "50", str(corpus / "nope.txt"), str(corpus / "one.txt"),
                                 str(corpus / "sub" / "two.txt")])
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr and "check the path" in result.stderr
    assert "--max-chars" in result.stderr or "over the limit" in result.stderr
    assert len(json.loads(result.stdout)) == 1


@pytest.mark.model
def test_cli_extract_empty_file_is_not_a_failure(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["extract", str(tmp_path / "empty.txt")])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["attributions"] == []
    assert "empty" in result.stderr


@pytest.mark.model
def test_cli_extract_progress_flag_keeps_stdout_clean(corpus: Path) -> None:
    result = runner.invoke(app, ["extract", "--progress", "--jsonl", "--no-speakers", str(corpus)])
    assert result.exit_code == 0, result.output
    assert len([json.loads(line) for line in result.stdout.splitlines()]) == 4


# ---------------------------------------------------------------- HTML, WARC and feeds, read as quoth ingest reads them

HTML_PAGE = ("<!doctype html><html><head><title>Bridge row</title></head><body><nav>Home | News | Sport</nav>"
             "<article><h1>Council row over the bridge</h1><p>The opposition leader Tom Hale rejected the plan on "
             "Monday. \"The numbers do not add up,\" Hale said, adding that the council had ignored its auditors."
             "</p><p>The mayor, Jane Okafor, said the bridge would reopen in May.</p></article>"
             "<footer>Copyright 2026 Example News</footer></body></html>")


def test_cli_extract_expand_inputs_finds_markup(tmp_path: Path) -> None:
    from corpus_fixtures import make_warc, page

    (tmp_path / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "crawl.warc.gz").write_bytes(make_warc([("https://example.org/a", page("A", "Ann said hi."))]))
    (tmp_path / "saved").write_text(HTML_PAGE, encoding="utf-8")  # no ending: sniffed, but only when named
    found = list(read_inputs([str(tmp_path)], read_options(InputFormat.auto, 100_000)))
    assert [a.id for a in found] == ["https://example.org/a", "page.html", "saved"]  # "saved": sniffed as HTML
    assert "<html" not in found[1].text and "<html" not in found[2].text
    assert is_single([str(tmp_path / "page.html")], InputFormat.auto)
    assert not is_single([str(tmp_path / "crawl.warc.gz")], InputFormat.auto)
    as_text = list(read_inputs([str(tmp_path / "page.html")], read_options(InputFormat.txt, 100_000)))
    assert "<html" in as_text[0].text.lower()  # --input-format txt reads the markup as text


@pytest.mark.model
def test_cli_extract_html_reads_the_article_not_the_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    result = runner.invoke(app, ["extract", "--json", str(path)])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    assert "Home | News" not in article["text"] and "Copyright" not in article["text"]
    assert any("numbers do not add up" in c for c in _contents(article))
    for att in article["attributions"]:  # offsets index the extracted text
        assert att["content"]["text"] == " ".join(article["text"][s:e] for s, e in att["content"]["spans"])


@pytest.mark.model
def test_cli_extract_warc_gives_its_pages(tmp_path: Path) -> None:
    from corpus_fixtures import make_warc, page

    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(make_warc([("https://example.org/a", page("Bridge", '"We will not pay," Ann Lee said.')),
                                ("https://example.org/b", page("Budget", 'Tom Hale said the budget was "a mess."'))]))
    result = runner.invoke(app, ["extract", "--jsonl", str(warc)])
    assert result.exit_code == 0, result.output
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(articles) == 2 and all(a["attributions"] for a in articles)
