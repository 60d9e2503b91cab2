"""Cue word forms learned from PolNeAR train: verb forms that annotators mark as a cue often enough.

The hand-written lexicon (``speech.REPORTING_VERBS``) names the verbs of speech, belief and intention; PolNeAR's cues
range wider ("touted", "cited", "blamed", "railed", "dismissed"). ``scripts/train.py`` counts, for every verb form
in the training articles, how many of its occurrences lie inside a gold cue span, and ships the counts as
``resources/cue_forms.tsv`` (form, times in a cue, times seen). A form is a learned cue word when it was seen at
least ``MIN_FORM_COUNT`` times and at least ``MIN_CUE_SHARE`` of them were cues.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

RESOURCE = "cue_forms.tsv"
# Tuned on PolNeAR train with cross-fitting (each half's table applied to the other half) and checked on dev.
MIN_FORM_COUNT = 4
MIN_CUE_SHARE = 0.3


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


@lru_cache(maxsize=1)
def learned_cue_forms() -> frozenset[str]:
    """The shipped table's learned cue forms (empty when the package lacks it)."""
    path = resources.files("quoth") / "resources" / RESOURCE
    return parse_tsv(path.read_text(encoding="utf-8")) if path.is_file() else frozenset()


def is_learned_cue_form(form: str) -> bool:
    """Whether this lower-cased verb form is a learned cue word."""
    return form in learned_cue_forms()
