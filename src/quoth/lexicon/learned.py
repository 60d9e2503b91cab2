"""Cue word forms learned from PolNeAR train: verb forms that annotators mark as a cue often enough.

The hand-written lexicon (``speech.REPORTING_VERBS``) names the verbs of speech, belief and intention; PolNeAR's cues
range wider ("touted", "cited", "blamed", "railed", "dismissed"). ``scripts/train.py`` counts, for every verb form
in the training articles, how many of its occurrences lie inside a gold cue span, and ships the counts as
``resources/cue_forms.tsv`` (form, times in a cue, times seen). A form is a learned cue word when it was seen at
least ``MIN_FORM_COUNT`` times and at least ``MIN_CUE_SHARE`` of them were cues.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc

RESOURCE = "cue_forms.tsv"
# Tuned on PolNeAR train with cross-fitting (each half's table applied to the other half) and checked on dev.
MIN_FORM_COUNT = 4
MIN_CUE_SHARE = 0.3
# The forms ``using_cue_forms`` put in place for the current context; None means the shipped table's.
_SWAPPED: ContextVar[frozenset[str] | None] = ContextVar("quoth_cue_forms", default=None)


def count_forms(docs: Iterable[Doc], cue_spans: Iterable[Sequence[tuple[int, int]]]) -> dict[str, tuple[int, int]]:
    """{lower-cased verb form: (occurrences inside a cue span, occurrences)} over parsed docs and, per doc, its
    gold cue character spans."""
    seen: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    for doc, spans in zip(docs, cue_spans):
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            seen[tok.lower_] += 1
            if any(s <= tok.idx < e for s, e in spans):
                cued[tok.lower_] += 1
    return {form: (cued[form], n) for form, n in seen.items()}


def to_tsv(counts: dict[str, tuple[int, int]]) -> str:
    """The resource file's text: forms seen at least MIN_FORM_COUNT times, most frequent first."""
    rows = sorted(((n, c, f) for f, (c, n) in counts.items() if n >= MIN_FORM_COUNT and c),
                  key=lambda r: (-r[0], r[2]))
    return "".join(f"{f}\t{c}\t{n}\n" for n, c, f in rows)


def parse_tsv(text: str) -> frozenset[str]:
    """The learned cue forms in a resource file's text."""
    out = set()
    for line in text.splitlines():
        form, cued, seen = line.split("\t")
        if int(seen) >= MIN_FORM_COUNT and int(cued) >= MIN_CUE_SHARE * int(seen):
            out.add(form)
    return frozenset(out)


def learned_cue_forms() -> frozenset[str]:
    """The learned cue forms in use: those of the table ``using_cue_forms`` set for this context, else the
    shipped table's (empty when the package lacks it)."""
    swapped = _SWAPPED.get()
    return swapped if swapped is not None else _shipped_cue_forms()


@lru_cache(maxsize=1)
def _shipped_cue_forms() -> frozenset[str]:
    path = resources.files("quoth") / "resources" / RESOURCE
    return parse_tsv(path.read_text(encoding="utf-8")) if path.is_file() else frozenset()


@contextmanager
def using_cue_forms(path: Path) -> Iterator[None]:
    """Within the block, ``learned_cue_forms`` gives the forms of the table at ``path`` (current thread or task
    only). Raises FileNotFoundError when it does not exist."""
    token = _SWAPPED.set(parse_tsv(Path(path).read_text(encoding="utf-8")))
    try:
        yield
    finally:
        _SWAPPED.reset(token)


def is_learned_cue_form(form: str) -> bool:
    """Whether this lower-cased verb form is a learned cue word."""
    return form in learned_cue_forms()
