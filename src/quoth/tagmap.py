"""A faster stand-in for spaCy's ``attribute_ruler`` that writes exactly the same token attributes.

``en_core_web_sm``'s attribute ruler is a tag map (``{"TAG": X}`` → POS and MORPH, matching every token) and a
hundred-odd exceptions ("that" as a relative pronoun, pronoun morphology, auxiliaries by dependency…). The
Matcher evaluates their ``IN``/``NOT_IN``/``REGEX`` conditions with a Python call per token and pattern, which
made the ruler cost as much as the parser. ``FastAttributeRuler`` evaluates every pattern as a boolean mask
over the Doc's attribute arrays, all on the Doc as it came in (as the Matcher does), then writes the patterns'
attributes in pattern order so that later patterns override earlier ones (``AttributeRuler.match`` sorts
matches by pattern number). Patterns using anything it does not know keep the original ruler.
``tests/test_tagmap.py`` checks POS, MORPH, LEMMA, TAG and DEP against the original ruler.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

FACTORY = "quoth_attribute_ruler"
# Token attributes a pattern may test, and the array column they are read from.
CONDITION_ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "ORTH": ORTH, "POS": POS, "IS_SPACE": IS_SPACE}
# Attributes a pattern may set through the arrays (DEP is set token by token: it is rare, on spaces only).
ARRAY_ATTRS = {"POS": POS, "MORPH": MORPH, "LEMMA": LEMMA, "TAG": TAG}
_READ = [TAG, LOWER, DEP, ORTH, POS, IS_SPACE, MORPH, LEMMA]
_COLUMN = {attr: n for n, attr in enumerate(_READ)}


class UnsupportedPattern(ValueError):
    """An attribute-ruler pattern this module cannot evaluate as arrays; keep spaCy's ruler."""


@dataclass
class _Rule:
    alternatives: list[list[Callable[[numpy.ndarray], numpy.ndarray]]]  # per alternative, per token
    index: int
    values: dict[int, int]  # array attribute -> value
    dep: str | None


class FastAttributeRuler:
    """An ``AttributeRuler`` evaluated as array masks; same results, no per-token Python."""

    def __init__(self, nlp: Language, name: str, patterns: list[dict[str, Any]]) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.rules = [self._compile(p) for p in patterns]

    def _compile(self, pattern: dict[str, Any]) -> _Rule:
        alternatives = [[self._token_test(tok) for tok in alt] for alt in pattern["patterns"]]
        values: dict[int, int] = {}
        dep = None
        for attr, value in pattern["attrs"].items():
            if attr == "MORPH":
                values[MORPH] = self.vocab.morphology.add(value)
            elif attr in ARRAY_ATTRS:
                values[ARRAY_ATTRS[attr]] = self.vocab.strings.add(value)
            elif attr == "DEP":
                dep = value
            else:
                raise UnsupportedPattern(f"cannot set {attr}")
        return _Rule(alternatives, pattern.get("index", 0), values, dep)

    def _token_test(self, conditions: dict[str, Any]) -> Callable[[numpy.ndarray], numpy.ndarray]:
        tests = [self._condition(attr, value) for attr, value in conditions.items()]

        def test(array: numpy.ndarray) -> numpy.ndarray:
            mask = numpy.ones(len(array), dtype=bool)
            for one in tests:
                mask &= one(array)
            return mask

        return test

    def _condition(self, attr: str, value: Any) -> Callable[[numpy.ndarray], numpy.ndarray]:
        if attr not in CONDITION_ATTRS:
            raise UnsupportedPattern(f"cannot test {attr}")
        column = _COLUMN[CONDITION_ATTRS[attr]]
        if attr == "IS_SPACE":
            if not isinstance(value, bool):
                raise UnsupportedPattern("IS_SPACE takes a bool")
            return lambda array: array[:, column] == int(value)
        key = self._key
        if isinstance(value, str):
            wanted = key(value)
            return lambda array: array[:, column] == wanted
        if not isinstance(value, dict) or len(value) != 1:
            raise UnsupportedPattern(f"cannot test {attr}={value!r}")
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN"):
            keys = numpy.array([key(v) for v in arg], dtype=numpy.uint64)
            inside = op == "IN"
            return lambda array: numpy.isin(array[:, column], keys) == inside
        if op == "REGEX" and attr == "LOWER":
            return _RegexTest(re.compile(arg), column, self.vocab.strings)
        raise UnsupportedPattern(f"cannot test {attr} with {op}")

    def _key(self, value: str) -> int:
        return 0 if value == "" else self.vocab.strings.add(value)

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Annotate Docs a batch at a time: the rules run once over the batch's joined arrays."""
        for batch in minibatch(docs, size=batch_size):
            self._annotate(batch)
            yield from batch

    def _annotate(self, docs: list[Doc]) -> None:
        docs = [doc for doc in docs if len(doc)]
        if not docs:
            return
        lengths = [len(doc) for doc in docs]
        array = numpy.concatenate([doc.to_array(_READ) for doc in docs])
        doc_of = numpy.repeat(numpy.arange(len(docs)), lengths)
        writes = [(rule, self._targets(rule, array, doc_of)) for rule in self.rules]
        out = array.copy()
        offsets = numpy.concatenate(([0], numpy.cumsum(lengths)))
        for rule, targets in writes:
            if not targets.any():
                continue
            for attr, value in rule.values.items():
                out[targets, _COLUMN[attr]] = value
            if rule.dep is not None:
                for i in numpy.flatnonzero(targets).tolist():
                    k = int(doc_of[i])
                    docs[k][i - int(offsets[k])].dep_ = rule.dep
        columns = [POS, MORPH, LEMMA, TAG]
        written = out[:, [_COLUMN[c] for c in columns]]
        for k, doc in enumerate(docs):
            doc.from_array(columns, written[offsets[k]:offsets[k + 1]])  # type: ignore[arg-type]  # thinc Ints2d

    def _targets(self, rule: _Rule, array: numpy.ndarray, doc_of: numpy.ndarray) -> numpy.ndarray:
        """Tokens this rule writes to: token ``index`` of every match of any alternative (within one Doc)."""
        n = len(array)
        targets = numpy.zeros(n, dtype=bool)
        for alternative in rule.alternatives:
            width = len(alternative)
            if width > n:
                continue
            starts = numpy.ones(n - width + 1, dtype=bool)
            for offset, test in enumerate(alternative):
                starts &= test(array)[offset:n - width + 1 + offset]
            if width > 1:
                starts &= doc_of[:n - width + 1] == doc_of[width - 1:]  # a match never spans two Docs
            index = rule.index if rule.index >= 0 else width + rule.index
            targets[numpy.flatnonzero(starts) + index] = True
        return targets


class _RegexTest:
    """A ``LOWER`` REGEX condition, evaluated once per distinct word (cached across Docs), not per token."""

    MAX_CACHED = 1_000_000

    def __init__(self, regex: re.Pattern, column: int, strings: Any) -> None:
        self.regex, self.column, self.strings = regex, column, strings
        self.cache: dict[int, bool] = {}

    def __call__(self, array: numpy.ndarray) -> numpy.ndarray:
        keys = array[:, self.column]
        cache = self.cache
        if len(cache) > self.MAX_CACHED:
            cache.clear()
        hits = []
        for key in numpy.unique(keys).tolist():
            found = cache.get(key)
            if found is None:
                found = cache[key] = bool(self.regex.search(self.strings[key])) if key else False
            if found:
                hits.append(key)
        return numpy.isin(keys, numpy.array(hits, dtype=keys.dtype))


@Language.factory(FACTORY, assigns=["token.pos", "token.morph", "token.lemma", "token.tag"],
                  default_config={"patterns": []})
def make_fast_attribute_ruler(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> FastAttributeRuler:
    """The spaCy factory; ``patterns`` are an ``AttributeRuler``'s ``.patterns``."""
    return FastAttributeRuler(nlp, name, patterns)


def replace_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Swap ``nlp``'s attribute ruler for ``FastAttributeRuler`` with the same patterns.

    Returns False (and leaves the pipeline alone) when there is no such component or a pattern is unsupported.
    """
    if name not in nlp.pipe_names:
        return False
    patterns = getattr(nlp.get_pipe(name), "patterns", None)
    if patterns is None:
        return False
    try:
        FastAttributeRuler(nlp, name, patterns)
    except UnsupportedPattern:
        return False
    nlp.replace_pipe(name, FACTORY, config={"patterns": patterns})
    return True
