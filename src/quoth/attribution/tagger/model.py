"""The trained attribution tagger: a linear-chain CRF over paragraphs that labels Source, Cue and Content tokens."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from ...errors import ModelNotFound
from ...lexicon.learned import using_cue_forms
from ..paragraphs import Paragraph
from .features import DocFeatures, paragraph_features

MODEL_RESOURCE = "attribution.crfsuite"
ROLE_OF_TAG = {"SRC": "source", "CUE": "cue", "CON": "content"}
# The CRF ``using_models`` put in place for the current context; None means the shipped one.
_SWAPPED: ContextVar[pycrfsuite.Tagger | None] = ContextVar("quoth_tagger", default=None)


@dataclass(frozen=True)
class TaggedSpan:
    """A run of tokens the tagger gave one role; ``confidence`` is the mean marginal of its labels."""

    role: str  # "source" | "cue" | "content"
    start: int  # token index
    end: int  # token index, exclusive
    paragraph: int
    confidence: float


def load_tagger() -> pycrfsuite.Tagger:
    """The CRF in use: the one ``using_models`` set for this context, else the one shipped in ``quoth/resources``
    (trained by ``scripts/train.py``). Raises ModelNotFound when the shipped file is missing."""
    swapped = _SWAPPED.get()
    return swapped if swapped is not None else _shipped_tagger()


@lru_cache(maxsize=1)
def _shipped_tagger() -> pycrfsuite.Tagger:
    path = resources.files("quoth") / "resources" / MODEL_RESOURCE
    if not path.is_file():
        raise ModelNotFound(f"the attribution model {MODEL_RESOURCE} is missing from the package; "
                            "reinstall quoth or run `make train`")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


@contextmanager
def using_models(crf_path: Path, cue_forms_path: Path | None = None) -> Iterator[None]:
    """Within the block, tag with the CRF at ``crf_path`` and (if given) take the learned cue forms from the table
    at ``cue_forms_path`` instead of the shipped ones. The swap holds for the current thread or task only (a
    ``ContextVar``): extraction in other processes (Dask workers, spaCy's ``n_process``) keeps the shipped files.
    Raises ModelNotFound when ``crf_path`` does not exist."""
    if not Path(crf_path).is_file():
        raise ModelNotFound(f"the attribution model {crf_path} does not exist")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(crf_path))
    token = _SWAPPED.set(tagger)
    try:
        if cue_forms_path is None:
            yield
        else:
            with using_cue_forms(Path(cue_forms_path)):
                yield
    finally:
        _SWAPPED.reset(token)
        tagger.close()


def tag_paragraphs(feats: DocFeatures, paragraphs: list[Paragraph]) -> list[TaggedSpan]:
    """Tag every paragraph; returns the role spans (token offsets)."""
    tagger = load_tagger()
    spans: list[TaggedSpan] = []
    for n, para in enumerate(paragraphs):
        labels = tagger.tag(paragraph_features(feats, para))
        spans.extend(_bio_spans(tagger, labels, para, n))
    return spans


def _bio_spans(tagger: pycrfsuite.Tagger, labels: list[str], para: Paragraph, n: int) -> list[TaggedSpan]:
    """Group BIO labels into spans; an I- after a different role starts a new span."""
    out: list[TaggedSpan] = []
    cur_tag: str | None = None
    cur_start, probs = 0, list[float]()
    for k, label in enumerate(labels + ["O"]):
        prefix, _, tag = label.partition("-")
        if cur_tag is not None and (prefix != "I" or tag != cur_tag):
            out.append(TaggedSpan(ROLE_OF_TAG[cur_tag], para.start + cur_start, para.start + k, n,
                                  sum(probs) / len(probs)))
            cur_tag = None
        if prefix in ("B", "I") and cur_tag is None:
            cur_tag, cur_start, probs = tag, k, []
        if cur_tag is not None:
            probs.append(tagger.marginal(label, k))
    return out
