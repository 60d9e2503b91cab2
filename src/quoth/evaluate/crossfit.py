"""Cross-fitted evaluation on a training split: the rules after the tagger measured on articles the tagger never saw.

quoth's CRF and cue-form table are learned on PolNeAR train, so scoring quoth on train flatters it. Cross-fitting
splits the split in two halves (even- and odd-indexed articles in sorted order), trains a CRF and counts a cue-form
table on each half with ``quoth.training`` (the same features, labels and ``CRF_PARAMS`` as ``scripts/train.py``),
tags each half with the other half's models (``quoth.tagger.using_models``) and scores every article with the
usual PolNeAR scorer. The half models are cached under ``cache/<key>/`` where the key hashes the gold data, the
CRF parameters, the parse version and parser fingerprint and the source of the labelling and feature code; delete
the folder to retrain.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ..cue_forms import MIN_CUE_SHARE, MIN_FORM_COUNT
from ..cue_forms import RESOURCE as CUE_FORMS
from ..errors import QuothError
from ..model import Article
from ..options import Options
from ..tagger import MODEL_RESOURCE, using_models
from .brat import GoldArticle, read_split
from .polnear import score_articles

CACHE_DEFAULT = Path("build/crossfit")
HALVES = ("even", "odd")
# Parse with two processes only when there are enough texts to pay for starting them.
PARALLEL_PARSE_MIN_TEXTS = 100

T = TypeVar("T")


class CrossfitError(QuothError):
    """The split cannot be cross-fitted (fewer than two articles, or a half without attributions)."""


class Reporter(Protocol):
    """Progress of a cross-fitted run: stages, each with a number of steps."""

    def stage(self, name: str, total: int) -> None:
        """A new stage of ``total`` steps begins (the previous one is done)."""

    def advance(self, steps: int = 1) -> None:
        """``steps`` more steps of the current stage are done."""


class SilentReporter:
    """Reports nothing."""

    def stage(self, name: str, total: int) -> None:
        """Ignored."""

    def advance(self, steps: int = 1) -> None:
        """Ignored."""


@dataclass(frozen=True)
class HalfModels:
    """A CRF and a cue-form table trained on one half (``name``) of a split."""

    name: str
    crf: Path
    cue_forms: Path
    articles: int

    def ready(self) -> bool:
        """Both files exist (the CRF is written last, so an interrupted training leaves it absent)."""
        return self.crf.is_file() and self.cue_forms.is_file()


def split_halves(articles: Sequence[T], key: Any = None) -> tuple[list[T], list[T]]:
    """The even- and odd-indexed articles, in the order sorted by ``key`` (default: by ``.id``)."""
    ordered = sorted(articles, key=key or (lambda a: a.id))
    return ordered[0::2], ordered[1::2]


def cache_key(gold: Sequence[GoldArticle], params: dict) -> str:
    """A hex digest of what the half models depend on: the articles' files, the CRF parameters, the parse version
    and parser fingerprint, the cue-form thresholds, and the source of the labelling functions and of the feature
    module."""
    from .. import training
    from ..features import paragraph_features

    digest = hashlib.sha256()
    for article in sorted(gold, key=lambda a: a.id):
        for part in (article.id.encode(), article.ann_path.read_bytes(), article.text.encode()):
            digest.update(part + b"\0")
    parse = [training.PARSE_VERSION, training.parser_fingerprint(training.load_parser())]
    settings = {"params": params, "parse": parse, "forms": [MIN_FORM_COUNT, MIN_CUE_SHARE],
                "roles": [training.ROLES, training.TAG]}
    digest.update(json.dumps(settings, sort_keys=True).encode())
    for code in (training.token_labels, training.sequences, sys.modules[paragraph_features.__module__]):
        digest.update(inspect.getsource(code).encode())
    return digest.hexdigest()


def half_models(gold: Sequence[GoldArticle], cache: Path, params: dict) -> dict[str, HalfModels]:
    """Where the two halves' models live (whether or not they are trained yet)."""
    folder = cache / cache_key(gold, params)[:16]
    halves = dict(zip(HALVES, split_halves(gold)))
    return {name: HalfModels(name, folder / name / MODEL_RESOURCE, folder / name / CUE_FORMS, len(articles))
            for name, articles in halves.items()}


def prepare_models(gold: Sequence[GoldArticle], name: str, cache: Path, params: dict,
                   reporter: Reporter) -> tuple[dict[str, HalfModels], list[str]]:
    """The two halves' models, training those not cached; also the names of the halves trained now."""
    from .. import training

    models = half_models(gold, cache, params)
    todo = [half for half in models.values() if not half.ready()]
    if not todo:
        return models, []
    texts = [a.text for a in gold]
    reporter.stage(f"parse {len(texts)} articles (or read their cached parses)", len(texts))
    docs = training.parse_cached(name, texts, cache / "parses", on_doc=reporter.advance,
                                 n_process=2 if len(texts) >= PARALLEL_PARSE_MIN_TEXTS else 1)
    by_half = dict(zip(HALVES, split_halves(list(zip(gold, docs)), key=lambda pair: pair[0].id)))
    for half in todo:
        pairs = by_half[half.name]
        golds = [g.attributions for g, _ in pairs]
        seqs = training.sequences([d for _, d in pairs], golds)
        if not any(label != "O" for _, labels in seqs for label in labels):
            raise CrossfitError(f"the {half.name} half has no gold attributions to train on")
        reporter.stage(f"train CRF on the {half.name} half ({len(pairs)} articles, {len(seqs)} paragraphs)",
                       int(params.get("max_iterations", 0)) or 1)
        training.write_cue_forms([d for _, d in pairs], golds, half.cue_forms.parent)
        partial = half.crf.with_suffix(".partial")
        training.train_crf(seqs, partial, params, on_iteration=lambda n: reporter.advance())
        partial.replace(half.crf)
    return models, [half.name for half in todo]


def _tracked(items: Iterable[T], reporter: Reporter) -> Iterator[T]:
    for item in items:
        yield item
        reporter.advance()


def tag_held_out(gold: Sequence[GoldArticle], models: dict[str, HalfModels], options: Options | None,
                 reporter: Reporter) -> list[Article]:
    """Extract every article with the models of the half it is not in."""
    from ..pipeline import extract_many

    predicted: list[Article] = []
    for name, held, other in zip(HALVES, split_halves(gold), reversed(HALVES)):
        trained = models[other]
        reporter.stage(f"tag the {name} half with the {other} half's models", len(held))
        with using_models(trained.crf, trained.cue_forms):
            inputs = [Article(id=g.id, text=g.text) for g in held]
            predicted.extend(_tracked(extract_many(inputs, options, errors="raise"), reporter))
    return predicted


def evaluate_crossfit(
    directory: Path | str,
    cache: Path | str = CACHE_DEFAULT,
    limit: int | None = None,
    per_article: bool = False,
    include_nested: bool = False,
    options: Options | None = None,
    params: dict | None = None,
    reporter: Reporter | None = None,
) -> dict[str, Any]:
    """Cross-fit a training split (e.g. PolNeAR ``data/train``) and score every article, held out.

    Trains (or reuses from ``cache``) a CRF and a cue-form table on each half, with ``params`` (default
    ``quoth.training.CRF_PARAMS``), extracts each half with ``options`` and the other half's models, and returns
    the ``evaluate_polnear`` result dict plus ``crossfit``: the halves, the cache folder and which halves were
    trained in this run. Raises BratError when the split cannot be read and CrossfitError when it has fewer than
    two articles or a half without attributions.
    """
    from ..training import CRF_PARAMS

    params = dict(CRF_PARAMS if params is None else params)
    reporter = reporter or SilentReporter()
    gold = read_split(directory, limit=limit)
    if len(gold) < 2:
        raise CrossfitError(f"{directory} holds {len(gold)} article(s); cross-fitting needs at least two")
    name = f"{Path(directory).name}{limit or ''}"
    models, trained = prepare_models(gold, name, Path(cache), params, reporter)
    predicted = tag_held_out(gold, models, options, reporter)
    result = score_articles(gold, predicted, per_article=per_article, include_nested=include_nested)
    return {"split": str(directory), **result, "crossfit": _summary(models, trained, params)}


def _summary(models: dict[str, HalfModels], trained: list[str], params: dict) -> dict[str, Any]:
    return {
        "held_out": "each half tagged by the CRF and cue-form table trained on the other half "
                    "(even- and odd-indexed articles in sorted order)",
        "halves": {h.name: {"articles": h.articles, "crf": str(h.crf), "cue_forms": str(h.cue_forms)}
                   for h in models.values()},
        "trained_now": trained,
        "params": params,
    }
