"""Keeping one hostile article from hurting the rest: safe text for spaCy, and a time limit per article.

Nothing here moves a character: ``clean_text`` replaces each lone surrogate by one U+FFFD, and ``spacy_view``
returns a string of the same length as its input, so every offset found in the view indexes the original text.
"""

from __future__ import annotations

import ctypes
import re
import threading
from dataclasses import replace
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from .model import Article, Span

# A lone surrogate (U+D800–U+DFFF) cannot be encoded as UTF-8: spaCy's tokenizer, SQLite and every JSON writer
# raise on it. Each one becomes U+FFFD REPLACEMENT CHARACTER (one code point for one, so offsets stay put).
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"

# Runs of quotation marks are never prose, but each mark is a token that quote pairing and cue linking compare
# with every other (16,000 '"' took minutes). A run of this many or more quotation marks, in any mix, is blanked
# (spaces, same length) in the view spaCy reads; three marks in a row (' " " ' nesting) stay.
MIN_QUOTE_RUN = 4
_QUOTE_RUN = re.compile("[\"'`\u00ab\u00bb\u2018-\u201f\u2039\u203a\u300c-\u300f]{%d,}" % MIN_QUOTE_RUN)
# Quote pairing and cue linking compare every quotation mark with the others: 48,000 marks spread as '"a" ' took
# 24 s and 1.2 GB. The most any of PolNeAR's 928 articles holds is 160; marks after this many are blanked in the
# view (an article with more is not news prose; the first ones are still paired).
MAX_QUOTE_MARKS = 1_000
_QUOTE_MARK = re.compile("[\"\u00ab\u00bb\u201c-\u201f\u300c-\u300f]")
# The same for a run of one repeated punctuation mark or symbol ("((((", "!!!!", "----") of MIN_REPEAT_RUN or
# more: its first KEEP_REPEATED marks are kept, the rest blanked, so the run is two tokens however long it is.
# Shorter runs ("....", "n------", "~~~~~" in PolNeAR) are left as written.
MIN_REPEAT_RUN = 16
KEEP_REPEATED = 3
_REPEATED = re.compile(r"([^\w\s])\1{%d,}" % (MIN_REPEAT_RUN - 1))
# spaCy's tokenizer splits prefixes and suffixes off a whitespace-delimited chunk one at a time, copying the rest
# each time (a chunk of n punctuation marks costs O(n²), 3 s at n = 4,000), and a chunk such as "a-a-a-…" is one
# token per character in a sentence without end, which the attribution stages pay for per pair of tokens ("a-" ×
# 40,000 took 21 s). No word, number or ordinary URL is this long: a longer chunk is blanked in the view.
MAX_CHUNK_CHARS = 200
# The lookbehinds keep the searches linear: a match may only start where a chunk (or a sentence) starts.
_LONG_CHUNK = re.compile(r"(?<!\S)\S{%d,}" % (MAX_CHUNK_CHARS + 1))


# Seconds between repeats of the time-limit exception, until the thread leaves the limited block.
REFIRE_S = 0.5


# One sentence of 19,000 words took 18 s: the attribution stages pay per pair of tokens in a sentence, and no
# newline makes spaCy's parser end one. A stretch this long with no ".", "!" or "?" is not prose (the longest
# sentences in news run to ~600 characters); in the view, the last character of a word about every
# SENTENCE_BREAK_CHARS in it becomes "." so the parser ends a sentence there (7.5 s for the same text).
MAX_SENTENCE_CHARS = 3_000
SENTENCE_BREAK_CHARS = 1_500
_RUN_ON = re.compile(r"(?<![^.!?\u3002])[^.!?\u3002]{%d,}" % (MAX_SENTENCE_CHARS + 1))


def _break_run_on(match: re.Match[str]) -> str:
    chars = list(match.group())
    at = SENTENCE_BREAK_CHARS
    while at < len(chars):
        space = match.group().find(" ", at)
        if space <= 0:
            break
        if not chars[space - 1].isspace():
            chars[space - 1] = "."
        at = space + SENTENCE_BREAK_CHARS
    return "".join(chars)


class TimeLimitExceeded(BaseException):
    """An article ran past its time limit (a BaseException, so no library's ``except Exception`` swallows it)."""


def clean_text(text: str) -> tuple[str, list[str]]:
    """``text`` with every lone surrogate replaced by U+FFFD, and a warning for each kind of repair made."""
    found = _SURROGATE.findall(text)
    if not found:
        return text, []
    first = _SURROGATE.search(text)
    where = first.start() if first else 0
    return (_SURROGATE.sub(REPLACEMENT, text),
            [f"{len(found)} lone surrogate(s) (first at offset {where}) replaced by U+FFFD; the input was not valid "
             "Unicode text"])


def clean_value(value: Any) -> Any:
    """``value`` (metadata: strings, lists, dicts) with lone surrogates replaced in every string in it."""
    if isinstance(value, str):
        return _SURROGATE.sub(REPLACEMENT, value)
    if isinstance(value, list):
        return [clean_value(v) for v in value]
    if isinstance(value, dict):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    return value


# A spreadsheet reads a cell starting with one of these as a formula ("=HYPERLINK(…)"): such text cells are
# written with a leading apostrophe, which spreadsheets show as text (OWASP's CSV injection advice).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """``value`` safe for a CSV cell a spreadsheet opens: text that could start a formula gets a leading "'"."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spacy_view(text: str) -> str:
    """The string spaCy is given for ``text``: the same length, with pathological token runs made harmless.

    Runs of quotation marks are blanked, runs of one repeated symbol cut to their first few marks,
    non-space chunks longer than ``MAX_CHUNK_CHARS`` blanked, run-on stretches without a sentence end cut into
    sentences, and double quotation marks after the first ``MAX_QUOTE_MARKS`` blanked; ordinary prose comes back
    unchanged.
    """
    view = _QUOTE_RUN.sub(lambda m: " " * len(m.group()), text)
    view = _REPEATED.sub(lambda m: m.group()[:KEEP_REPEATED] + " " * (len(m.group()) - KEEP_REPEATED), view)
    view = _LONG_CHUNK.sub(lambda m: " " * len(m.group()), view)
    view = _RUN_ON.sub(_break_run_on, view)
    return _blank_marks_after(view, MAX_QUOTE_MARKS)


def _blank_marks_after(view: str, keep: int) -> str:
    """``view`` with every double quotation mark after the first ``keep`` replaced by a space."""
    positions = [m.start() for m in _QUOTE_MARK.finditer(view)]
    if len(positions) <= keep:
        return view
    chars = list(view)
    for at in positions[keep:]:
        chars[at] = " "
    return "".join(chars)


def restore_texts(article: "Article", view: str) -> None:
    """Give every span of ``article`` its text from ``article.text`` where spaCy read ``view`` instead."""
    from .model import Span

    def fixed(span: Span | None) -> Span | None:
        return None if span is None else Span.from_offsets(article.text, span.spans)

    _each_span(article, fixed)
    for entity in article.entities:
        entity.mentions = [replace(m, text=article.text[m.start:m.end]) for m in entity.mentions]


def move_offsets(article: "Article", where: list[int]) -> None:
    """Move every offset of ``article`` from a view of its text to the text, ``where[i]`` being the offset of the
    view's character i (see ``text.reading_view``); ``restore_texts`` then gives the spans their text."""
    from .model import Span
    from .text import map_offsets

    def moved(span: Span | None) -> Span | None:
        return None if span is None else Span(span.text, tuple(map_offsets(where, s, e) for s, e in span.spans))

    _each_span(article, moved)
    for entity in article.entities:
        entity.mentions = [replace(m, start=(p := map_offsets(where, m.start, m.end))[0], end=p[1])
                           for m in entity.mentions]


class time_limit:  # noqa: N801  a context manager read as a phrase: ``with time_limit(30): …``
    """Raise ``TimeLimitExceeded`` in this thread when the block runs longer than ``seconds`` (None: no limit).

    Works in any thread: a watchdog timer raises the exception asynchronously in the thread that entered the
    block, which takes effect at its next Python instruction (C code in progress finishes its call first; that is
    why the text is made safe for the tokenizer beforehand).
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._lock = threading.Lock()
        self._done = False
        self._fired = False
        self._timer: threading.Timer | None = None
        self._thread_id = 0

    def __enter__(self) -> "time_limit":
        if self.seconds is not None and self.seconds > 0:
            self._thread_id = threading.get_ident()
            self._timer = threading.Timer(self.seconds, self._fire)
            self._timer.daemon = True
            self._timer.start()
        return self

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self._fired = True
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread_id),
                                                       ctypes.py_object(TimeLimitExceeded))
            # Code that swallows every exception (a weakref callback, a ``finally`` that raises) can eat it: raise
            # it again until the block is left.
            self._timer = threading.Timer(REFIRE_S, self._fire)
            self._timer.daemon = True
            self._timer.start()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> bool:
        if self._timer is None:
            return False
        with self._lock:
            self._done = True
            self._timer.cancel()
            fired = self._fired
            if fired:  # clear the exception if it has not been delivered yet
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread_id), None)
        if fired and kind is not TimeLimitExceeded:
            raise TimeLimitExceeded()
        return False


def describe(exc: BaseException) -> str:
    """``Kind: message`` for an exception, short enough for one line of a report."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    message = message[:300] + ("…" if len(message) > 300 else "")
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _each_span(article: "Article", change: "Callable[[Span | None], Span | None]") -> None:
    """Replace every attribution's and dispute's span of ``article`` by ``change`` of it."""
    for attribution in article.attributions:
        attribution.content = change(attribution.content)  # type: ignore[assignment]
        attribution.cue = change(attribution.cue)
        attribution.source = change(attribution.source)
    for dispute in article.disputes:
        dispute.cue = change(dispute.cue)  # type: ignore[assignment]
        dispute.target_text = change(dispute.target_text)
