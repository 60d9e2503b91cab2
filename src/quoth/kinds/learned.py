"""The learned part of typing, after the rules (``type_attributions``) and the sieve: small logistic regressions
over each finished body attribution that

1. drop it as no attribution at all (a parse accident, narration, an action, furniture) when P(none) is at or
   above the drop threshold; exempt, as in the sieve: content holding a double quotation mark, nested
   attributions and their parents, and headlines (kept apart with ``region="headline"``);
2. re-type statement against the rest: a ``statement`` whose P(statement) is below ``below`` takes the likeliest
   other type; another type whose P(statement) is above ``above`` becomes a ``statement``. Exempt ones (quoted,
   nested) are never dropped and only leave ``statement`` below the stricter ``quoted_below`` (a title of a work,
   scare quotes or quoted words inside a belief); quoted speech is what the rules type best, so they never
   become statements here.

What our annotators call no attribution but PolNeAR annotates (beliefs, perceptions, narration of acts: 352 of
the 472 ``none`` labels) is not dropped (that would break PolNeAR's gates); it is kept with the likeliest type
other than ``statement`` when P(statement) is low, so that it does not count as a statement.

Trained by ``scripts/train_kinds.py`` (``make train``) on our hand labels of quoth's own predictions on PolNeAR
train articles (``data/annotations/types-train*.jsonl``); the thresholds are chosen out of fold (cross-validated by
article), see that script. The weights ship in ``resources/kinds_filter.json``; without that file nothing changes.

Features: the sieve's (``quoth.sieve.features``) less the tagger's confidence (the labelled articles are PolNeAR
train, which the shipped tagger saw, so its confidence there is not what unseen text gets), plus the content's form
(``topic.content_form``), the source's head noun, the content's line (short, without a stop), how the source, cue
and content are ordered, and the frame (``frame.frame_features``: the cue's lexicon class, the cue word's
dependents, the source's kind, quotedness, and their crossings with the content's form).
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..docindex import doc_text
from ..model import Attribution
from ..shipped import UNSET, ShippedModel
from ..sieve import exempt, renumber
from ..sieve.features import attribution_features
from .decide import content_tokens, source_head
from .frame import frame_features
from .topic import content_form

RESOURCE = "kinds_filter.json"
_CONFIDENCE = ("confidence", "log_confidence")

# The types the re-typing may give (``AttributionType``).
TYPES = ("statement", "belief", "knowledge", "intention", "document", "topic")


@dataclass(frozen=True)
class KindsModel:
    """Weights by feature name of the ``none`` model and of one model per type, and the thresholds."""

    drop_weights: Mapping[str, float]
    drop_threshold: float
    type_weights: Mapping[str, Mapping[str, float]]
    below: float
    above: float
    quoted_below: float = 0.0

    @classmethod
    def from_json(cls, text: str) -> "KindsModel":
        data = json.loads(text)
        return cls(drop_weights=data["drop"]["weights"], drop_threshold=float(data["drop"]["threshold"]),
                   type_weights=data["types"], below=float(data["retype"]["below"]),
                   above=float(data["retype"]["above"]),
                   quoted_below=float(data["retype"].get("quoted_below", 0.0)))


def probability(weights: Mapping[str, float], features: Mapping[str, float]) -> float:
    """The logistic of the weighted features (features without a weight count for nothing)."""
    z = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


_MODEL: ShippedModel[KindsModel] = ShippedModel("quoth_kinds_filter", RESOURCE, KindsModel.from_json)
shipped_filter = _MODEL.shipped
current_filter = _MODEL.current
# Within the block, type with the model at ``path``, or without the learned step when ``path`` is None.
using_filter = _MODEL.using


def filter_exempt(att: Attribution, parents: Collection[str]) -> bool:
    """Kept whatever its score: quoted content, nested, a parent of a nested one, or in the headline."""
    return exempt(att) or att.id in parents or att.region == "headline"


def filter_features(doc: Doc, att: Attribution, parents: Collection[str] = ()) -> dict[str, float]:
    """The features of ``att`` (see the module docstring)."""
    feats = {k: v for k, v in attribution_features(doc, att, parents).items()
             if k not in _CONFIDENCE and not k.startswith("confidence>=")}
    tokens = content_tokens(doc, att)
    form = content_form(tokens)
    feats[f"form={form}"] = 1.0
    feats.update(frame_features(doc, att, form))
    head = source_head(doc, att)
    if head:
        feats[f"source.head={head}"] = 1.0
    text = doc_text(doc)
    feats.update(_position_features(text, att))
    content = att.content.text.rstrip()
    if content.endswith("?"):
        feats["content.question_mark"] = 1.0
    if any(m in content for m in "'‘’"):
        feats["content.single_quote"] = 1.0
    return feats


def _position_features(text: str, att: Attribution) -> dict[str, float]:
    """Whether the content's line is short or ends without a stop, and the order of source, cue and content. (No
    paragraph number: in the labelled PolNeAR texts the first paragraph is the title, elsewhere the lead.)"""
    start = att.content.start
    feats: dict[str, float] = {}
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", att.content.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    if len(line.split()) <= 20:
        feats["line.short"] = 1.0
    if line and line[-1] not in ".!?\"”’')":
        feats["line.no_stop"] = 1.0
    order = sorted((s.start, name) for name, s in (("S", att.source), ("C", att.cue), ("Q", att.content)) if s)
    feats["order=" + "".join(name for _, name in order)] = 1.0
    return feats


def retype(model: KindsModel, att: Attribution, features: Mapping[str, float], exempt: bool = False) -> str:
    """The attribution's type after the statement/non-statement correction (see the module docstring); an exempt
    one (quoted, nested) only leaves ``statement``, below the stricter ``quoted_below``."""
    p_statement = probability(model.type_weights["statement"], features)
    if att.type == "statement" and p_statement < (model.quoted_below if exempt else model.below):
        others = [t for t in TYPES if t != "statement" and t in model.type_weights]
        return max(others, key=lambda t: probability(model.type_weights[t], features))
    if att.type != "statement" and not exempt and p_statement > model.above:
        return "statement"
    return att.type


def drop_non_attributions(doc: Doc, attributions: list[Attribution],
                          model: KindsModel | None | object = UNSET) -> list[Attribution]:
    """``attributions`` less the non-exempt ones the model scores as no attribution, re-typed, renumbered."""
    chosen = current_filter() if model is UNSET else model
    if not attributions or not isinstance(chosen, KindsModel):
        return attributions
    parents = {a.parent for a in attributions if a.parent is not None}
    out, dropped = [], False
    for att in attributions:
        if att.region == "headline":
            out.append(att)
            continue
        feats = filter_features(doc, att, parents)
        exempt_one = filter_exempt(att, parents)
        if not exempt_one and probability(chosen.drop_weights, feats) >= chosen.drop_threshold:
            dropped = True
            continue
        kind = retype(chosen, att, feats, exempt_one)
        out.append(att if kind == att.type else replace(att, type=kind))  # type: ignore[arg-type]
    return renumber(out) if dropped else out


__all__ = ["RESOURCE", "TYPES", "KindsModel", "current_filter", "drop_non_attributions", "filter_exempt",
           "filter_features", "probability", "retype", "shipped_filter", "using_filter"]
