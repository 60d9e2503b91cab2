"""The README's two commands: the test command is what CI runs, and the demo command works."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    return [b.strip() for b in blocks[:2]]


def test_readme_opens_with_two_commands_that_install():
    commands = _readme_commands()
    assert len(commands) == 2
    assert all(c.startswith("python -m pip install") and "-c constraints.txt" in c for c in commands)


def test_readme_test_command_is_what_ci_runs():
    test_command = _readme_commands()[1]
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.model
def test_readme_demo_command_prints_a_table():
    from typer.testing import CliRunner

    from quoth.cli import app

    demo = _readme_commands()[0].split("&&", 1)[1].strip()
    argv = shlex.split(demo)
    assert argv[0] == "quoth"
    result = CliRunner().invoke(app, argv[1:], catch_exceptions=False, env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "wire-story.txt" in result.output and "said" in result.output
