"""Training quoth's attribution tagger: parsing with a cache, BIO labels from gold events, CRF training and the
learned cue-form table.

``scripts/train.py`` (``make train``) trains the shipped model with these pieces; ``quoth.evaluate.crossfit``
trains two half models with the same ones, so both use the same features, labels and ``CRF_PARAMS``.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Protocol

import pycrfsuite
import spacy
from spacy.tokens import Doc, DocBin

from .cue_forms import RESOURCE as CUE_FORMS
from .cue_forms import count_forms, to_tsv
from .features import DocFeatures, paragraph_features, split_paragraphs
from .options import DEFAULT_MODEL

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

ROLES = ("Cue", "Source", "Content")  # priority when spans overlap
TAG = {"Cue": "CUE", "Source": "SRC", "Content": "CON"}
# L1/L2 regularisation and iterations, tuned on PolNeAR dev (c1 0.05 → 5.0 took lenient F1 0.73 → 0.80 and exact
# 0.42 → 0.54 with the rules of linking/clauses: strong L1 keeps the model small and general); re-run
# `quoth eval polnear` (and `--crossfit` on train) after changing them.
CRF_PARAMS = {"c1": 5.0, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
# Names the pipeline the cache was parsed with; bump it when the pipeline changes (v2: NER around proper nouns).
PARSE_VERSION = "v2"

Offsets = tuple[int, int]
Sequences = list[tuple[list[list[str]], list[str]]]


class GoldEvent(Protocol):
    """What labelling reads from a gold attribution (``quoth.evaluate.brat.GoldAttribution`` has it)."""

    @property
    def content(self) -> Sequence[Offsets]: ...

    @property
    def cue(self) -> Sequence[Offsets]: ...

    @property
    def source(self) -> Sequence[Offsets]: ...


def parse_cached(name: str, texts: list[str], cache: Path, n_process: int = 2,
                 on_doc: Callable[[], None] | None = None) -> list[Doc]:
    """Parse ``texts`` with quoth's spaCy pipeline (without the quoth component), cached as a DocBin in ``cache``
    under ``name``; a cached file is reused only when it holds exactly these texts. ``on_doc`` is called after
    each text is parsed (not when the cache answers)."""
    nlp = load_parser()
    path = cache / f"{name}-{PARSE_VERSION}-{parser_fingerprint(nlp)}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    t0 = time.time()
    docs = []
    for doc in nlp.pipe(texts, batch_size=16, n_process=n_process):
        docs.append(doc)
        if on_doc is not None:
            on_doc()
    log.info("parsed %d %s texts in %.0fs", len(texts), name, time.time() - t0)
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


def parser_fingerprint(nlp: Language) -> str:
    """A short hash of what the parses depend on beyond ``PARSE_VERSION``: the spaCy and model versions, the
    components, and the source of quoth's own components and the quoth modules they use. A parse cache named by
    it is not reused after a change to, say, the NER windows that nobody marked by bumping ``PARSE_VERSION``."""
    digest = hashlib.sha256(json.dumps([spacy.__version__, nlp.meta.get("name"), nlp.meta.get("version"),
                                        nlp.pipe_names]).encode())
    modules: dict[str, ModuleType] = {}
    for _, pipe in nlp.pipeline:
        module = sys.modules[type(pipe).__module__]
        if module.__name__.startswith("quoth."):
            modules[module.__name__] = module
            modules.update(_quoth_modules_used_by(module))
    for name in sorted(modules):
        digest.update(inspect.getsource(modules[name]).encode())
    return digest.hexdigest()[:12]


def _quoth_modules_used_by(module: ModuleType) -> dict[str, ModuleType]:
    """The quoth modules that ``module``'s global names come from (one level deep)."""
    out = {}
    for value in vars(module).values():
        name = value.__name__ if isinstance(value, ModuleType) else getattr(value, "__module__", None)
        if isinstance(name, str) and name.startswith("quoth.") and name in sys.modules:
            out[name] = sys.modules[name]
    return out


def load_parser() -> Language:
    """The spaCy pipeline training parses with: quoth's default model, fast components, no quoth component."""
    from .nlp import load_pipeline

    return load_pipeline(DEFAULT_MODEL, with_quoth=False, fast=True)


def token_labels(doc: Doc, events: Sequence[GoldEvent]) -> list[str]:
    """BIO labels per token from gold events (a token takes the highest-priority role it overlaps)."""
    owner: list[tuple[str, int] | None] = [None] * len(doc)
    for role in reversed(ROLES):
        for n, ev in enumerate(events):
            for s, e in getattr(ev, role.lower()) or ():
                for t in doc:
                    if t.idx < e and t.idx + len(t.text) > s and not t.is_space:
                        owner[t.i] = (role, n)
    labels, prev = [], None
    for i in range(len(doc)):
        own = owner[i]
        if own is None:
            labels.append("O")
        else:
            labels.append(("I-" if prev == own else "B-") + TAG[own[0]])
        prev = own
    return labels


def sequences(docs: Sequence[Doc], golds: Sequence[Sequence[GoldEvent]]) -> Sequences:
    """(features, labels) per paragraph."""
    out = []
    for doc, events in zip(docs, golds):
        feats = DocFeatures(doc)
        labels = token_labels(doc, events)
        for para in split_paragraphs(doc):
            out.append((paragraph_features(feats, para), labels[para.start:para.end]))
    return out


class _Trainer(pycrfsuite.Trainer):
    """A quiet trainer that reports each finished L-BFGS iteration to a callback."""

    def __init__(self, on_iteration: Callable[[int], None] | None) -> None:
        super().__init__(verbose=False)
        self._report = on_iteration

    def message(self, message: str) -> None:
        """crfsuite's log, line by line: parsed for iteration ends, otherwise dropped."""
        if self.logparser.feed(message) == "iteration" and self._report is not None:
            self._report(len(self.logparser.iterations))


def train_crf(seqs: Sequences, path: Path, params: dict | None = None,
              on_iteration: Callable[[int], None] | None = None) -> Path:
    """Train a CRF on ``seqs`` (from ``sequences``) with ``params`` (default ``CRF_PARAMS``) and write it to
    ``path`` (its folder is created). ``on_iteration(n)`` is called after each L-BFGS iteration. Returns ``path``."""
    trainer = _Trainer(on_iteration)
    for x, y in seqs:
        trainer.append(x, y)
    trainer.set_params(CRF_PARAMS if params is None else params)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return path


def cue_forms_tsv(docs: Sequence[Doc], cue_spans: Sequence[Sequence[Offsets]]) -> str:
    """The cue-form table's text for parsed docs and, per doc, its gold cue character spans."""
    return to_tsv(count_forms(docs, cue_spans))


def gold_cue_spans(golds: Sequence[Sequence[GoldEvent]]) -> list[list[Offsets]]:
    """Per article, the character spans of all its gold cues."""
    return [[span for ev in events for span in ev.cue or ()] for events in golds]


def write_cue_forms(docs: Sequence[Doc], golds: Sequence[Sequence[GoldEvent]], folder: Path) -> Path:
    """Count the cue word forms of the gold articles and write ``cue_forms.tsv`` into ``folder`` (created)."""
    folder.mkdir(parents=True, exist_ok=True)
    forms = folder / CUE_FORMS
    forms.write_text(cue_forms_tsv(docs, gold_cue_spans(golds)), encoding="utf-8")
    return forms
