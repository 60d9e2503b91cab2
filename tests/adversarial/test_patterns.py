"""Every regular expression quoth applies to input runs in bounded time on adversarial lines (issue 17: the byline
pattern backtracked exponentially, 77 s on a 140-character line)."""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import quoth
from hostile import BYLINE_ATTACK

# Each pattern gets this long per line: a linear pattern needs milliseconds, one with nested quantifiers minutes
# (exponential backtracking shows on lines of 140 characters). ``match`` is tried on lines of LINE_CHARS;
# ``search`` on lines of SEARCH_CHARS, since a pattern that starts with a repeat (``[ \t]*``) is quadratic when
# searched, which quoth's patterns that start so avoid by matching at known positions.
PATTERN_BUDGET_S = 0.5
LINE_CHARS = 4_000
SEARCH_CHARS = 400
SKIP_MODULES = ("quoth.web.app", "quoth.cli")  # shells: no pattern of theirs reads article text


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: list[tuple[str, re.Pattern[str]]] = []
    for info in pkgutil.walk_packages(quoth.__path__, "quoth."):
        if info.name.startswith(SKIP_MODULES):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:
            continue
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((f"{info.name}.{name}", value))
    return found


def _lines(size: int = LINE_CHARS) -> list[str]:
    LINE_CHARS = size  # noqa: N806
    unit = LINE_CHARS // 4
    # First a line short enough that an exponential pattern fails here in seconds rather than hanging later.
    return ["By Ab" + " and Ab" * 14 + "!", "By Ab" + " and Ab" * unit + "!", "By " + "Ab " * unit + "!",
            "a" * LINE_CHARS + "!", " " * LINE_CHARS + "!", "A " * unit + "\x00", ", " * unit + ".",
            "x, " * unit + "photo!", '"' * LINE_CHARS, "“" + "a “" * unit, "RELATED " * unit + "!",
            "Mr. " * unit + "!", "said " * unit + "\n!", "-" * LINE_CHARS + "a", "'s " * unit,
            "Ab-Cd " * unit + "?", "\n" * LINE_CHARS + "x"]


PATTERNS = _patterns()


def test_patterns_were_found() -> None:
    assert any(name == "quoth.text._BOILERPLATE_LINE" for name, _ in PATTERNS)


@pytest.mark.parametrize("name, pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_patterns_run_in_bounded_time_on_adversarial_lines(name: str, pattern: re.Pattern[str]) -> None:
    for line, short in zip(_lines(LINE_CHARS), _lines(SEARCH_CHARS)):
        started = time.perf_counter()
        pattern.match(line)
        pattern.search(short)
        for _ in zip(range(1000), pattern.finditer(short)):
            pass
        took = time.perf_counter() - started
        assert took < PATTERN_BUDGET_S, f"{name} took {took:.2f} s on {line[:40]!r}… ({len(line)} characters)"


def test_text_boilerplate_byline_is_linear_and_still_matches_bylines() -> None:
    """Regression (issue 17): "By Ab" + " and Ab" * 18 + "!" took 77 s."""
    from quoth.text import boilerplate_ranges

    started = time.perf_counter()
    assert boilerplate_ranges(BYLINE_ATTACK) == []
    assert time.perf_counter() - started < 0.1
    text = "By Jane Doe and John Smith\nBy Ann Lee, Reuters | AP\nShe said so."
    assert boilerplate_ranges(text) == [(0, 26), (27, 51)]
