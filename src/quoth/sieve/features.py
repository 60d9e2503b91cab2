"""Features of one extracted attribution, for the sieve's classifier: cheap, per attribution, from the
``Attribution`` and the parsed ``Doc``.

``attribution_features(doc, att, nested_parents)`` returns a dict of feature names to values (mostly 1.0 for
indicator features). Names are strings such as ``cue=say`` or ``content.first=that``; the classifier keeps a weight
for the names it saw often enough in training and ignores the others.
"""

from __future__ import annotations

import math
from collections.abc import Collection

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from ..lexicon import (
    base_form, is_belief_verb, is_cue_noun, is_learned_cue_form, is_reporting_verb, is_statement_verb,
)
from ..lexicon.types import verb_lemma
from ..model import Attribution, Span

PRONOUNS = frozenset("i you he she it we they me him her us them this that who".split())
QUOTE_MARKS = frozenset('"“”„«»\'‘’')
# Words whose opening a content is told apart by (else by the first word's part of speech).
OPENERS = frozenset({"that", "to", "how", "why", "what", "whether", "if"})
# Content length buckets, in tokens (upper bounds).
LENGTH_BUCKETS = (2, 4, 8, 16, 32, 64)


def attribution_features(doc: Doc, att: Attribution, parents: Collection[str] = ()) -> dict[str, float]:
    """The features of ``att`` (its offsets index ``doc.text``); ``parents`` are the ids of attributions that
    have a nested child."""
    feats: dict[str, float] = {"bias": 1.0, f"type={att.type}": 1.0, f"kind={att.kind}": 1.0,
                               f"region={att.region}": 1.0}
    conf = min(max(float(att.confidence), 1e-4), 1.0)
    feats["confidence"] = conf
    feats["log_confidence"] = math.log(conf)
    feats[f"confidence>={int(conf * 10) / 10:.1f}"] = 1.0
    if att.parent is not None:
        feats["nested"] = 1.0
    if att.id in parents:
        feats["has_nested"] = 1.0
    if len(att.content.spans) > 1:
        feats["content.pieces>1"] = 1.0
    feats.update(_cue_features(doc, att.cue))
    feats.update(_source_features(doc, att.source))
    feats.update(_content_features(doc, att.content))
    if att.cue is not None and att.source is None:
        feats[f"no_source.cue={_cue_base(doc, att.cue)}"] = 1.0
    return feats


def _span(doc: Doc, span: Span) -> DocSpan | None:
    """The tokens from the first piece's start to the last piece's end (None when nothing aligns)."""
    return doc.char_span(span.start, span.end, alignment_mode="expand")


def _cue_base(doc: Doc, cue: Span) -> str:
    """The base form of the cue's head word (quoth runs spaCy without a lemmatizer: the lexicons bring theirs)."""
    tokens = _span(doc, cue)
    word = tokens.root.text if tokens is not None and len(tokens) else cue.text
    base = base_form(word)
    return verb_lemma(word) if base == word.lower() else base


def _cue_features(doc: Doc, cue: Span | None) -> dict[str, float]:
    if cue is None:
        return {"cue=none": 1.0}
    tokens = _span(doc, cue)
    base = _cue_base(doc, cue)
    feats = {f"cue={base}": 1.0, f"cue.words={min(len(cue.text.split()), 4)}": 1.0}
    if is_reporting_verb(base):
        feats["cue.reporting"] = 1.0
    if is_statement_verb(base):
        feats["cue.statement"] = 1.0
    if is_belief_verb(base):
        feats["cue.belief"] = 1.0
    if is_cue_noun(base):
        feats["cue.noun"] = 1.0
    if is_learned_cue_form(cue.text.lower()):
        feats["cue.learned"] = 1.0
    if not (feats.keys() & {"cue.reporting", "cue.noun", "cue.learned"}):
        feats["cue.unknown"] = 1.0
    if tokens is not None and len(tokens):
        root = tokens.root
        feats[f"cue.pos={root.pos_}"] = 1.0
        feats[f"cue.dep={root.dep_}"] = 1.0
        feats[f"cue.tag={root.tag_}"] = 1.0
    return feats


def _source_features(doc: Doc, source: Span | None) -> dict[str, float]:
    if source is None:
        return {"source=none": 1.0}
    tokens = _span(doc, source)
    feats = {f"source.words={min(len(source.text.split()), 4)}": 1.0}
    if source.text.lower() in PRONOUNS:
        feats["source.pronoun"] = 1.0
    if tokens is not None and len(tokens):
        root = tokens.root
        feats[f"source.pos={root.pos_}"] = 1.0
        feats[f"source.dep={root.dep_}"] = 1.0
        feats[f"source.ent={root.ent_type_ or 'none'}"] = 1.0
    return feats


def _content_features(doc: Doc, content: Span) -> dict[str, float]:
    tokens = _span(doc, content)
    text = content.text.strip()
    feats: dict[str, float] = {}
    if text[:1] in QUOTE_MARKS:
        feats["content.opens_quote"] = 1.0
    if tokens is None or not len(tokens):
        return {**feats, "content.unaligned": 1.0}
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    n = len(words)
    feats[f"content.len<={next((b for b in LENGTH_BUCKETS if n <= b), 'more')}"] = 1.0
    feats["content.log_len"] = math.log1p(n)
    if words:
        first = words[0]
        low = first.lower_
        feats[f"content.first={low if low in OPENERS else first.pos_}"] = 1.0
    root = tokens.root
    feats[f"content.root={root.pos_}"] = 1.0
    feats[f"content.root_dep={root.dep_}"] = 1.0
    if not any(t.pos_ in {"VERB", "AUX"} for t in words):
        feats["content.verbless"] = 1.0
    return feats
