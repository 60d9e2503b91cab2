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
from typing import Any, Callable

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

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
    alternatives: list[list[Callable[[numpy.ndarray, Any], numpy.ndarray]]]  # per alternative, per token
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

    def _token_test(self, conditions: dict[str, Any]) -> Callable[[numpy.ndarray, Any], numpy.ndarray]:
        tests = [self._condition(attr, value) for attr, value in conditions.items()]

        def test(array: numpy.ndarray, lowers: Any) -> numpy.ndarray:
            mask = numpy.ones(len(array), dtype=bool)
            for one in tests:
                mask &= one(array, lowers)
            return mask

        return test

    def _condition(self, attr: str, value: Any) -> Callable[[numpy.ndarray, Any], numpy.ndarray]:
        if attr not in CONDITION_ATTRS:
            raise UnsupportedPattern(f"cannot test {attr}")
        column = _COLUMN[CONDITION_ATTRS[attr]]
        if attr == "IS_SPACE":
            if not isinstance(value, bool):
                raise UnsupportedPattern("IS_SPACE takes a bool")
            return lambda array, _: array[:, column] == int(value)
        key = self._key
        if isinstance(value, str):
            wanted = key(value)
            return lambda array, _: array[:, column] == wanted
        if not isinstance(value, dict) or len(value) != 1:
            raise UnsupportedPattern(f"cannot test {attr}={value!r}")
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN"):
            keys = numpy.array([key(v) for v in arg], dtype=numpy.uint64)
            inside = op == "IN"
            return lambda array, _: numpy.isin(array[:, column], keys) == inside
        if op == "REGEX" and attr == "LOWER":
            regex = re.compile(arg)
            return lambda array, lowers: numpy.array([bool(regex.search(w)) for w in lowers], dtype=bool)
        raise UnsupportedPattern(f"cannot test {attr} with {op}")

    def _key(self, value: str) -> int:
        return 0 if value == "" else self.vocab.strings.add(value)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        array = doc.to_array(_READ)
        lowers = _LazyLowers(doc, array[:, _COLUMN[LOWER]])
        writes = [(rule, self._targets(rule, array, lowers)) for rule in self.rules]
        out = array.copy()
        for rule, targets in writes:
            if not targets.any():
                continue
            for attr, value in rule.values.items():
                out[targets, _COLUMN[attr]] = value
            if rule.dep is not None:
                for i in numpy.flatnonzero(targets).tolist():
                    doc[i].dep_ = rule.dep
        columns = [POS, MORPH, LEMMA, TAG]
        doc.from_array(columns, out[:, [_COLUMN[c] for c in columns]])  # type: ignore[arg-type]  # thinc Ints2d
        return doc

    def _targets(self, rule: _Rule, array: numpy.ndarray, lowers: Any) -> numpy.ndarray:
        """Tokens this rule writes to: token ``index`` of every match of any alternative."""
        n = len(array)
        targets = numpy.zeros(n, dtype=bool)
        for alternative in rule.alternatives:
            width = len(alternative)
            if width > n:
                continue
            starts = numpy.ones(n - width + 1, dtype=bool)
            for offset, test in enumerate(alternative):
                starts &= test(array, lowers)[offset:n - width + 1 + offset]
            index = rule.index if rule.index >= 0 else width + rule.index
            targets[numpy.flatnonzero(starts) + index] = True
        return targets


class _LazyLowers:
    """The Doc's lower-cased token strings, built on first use (only REGEX conditions need them)."""

    def __init__(self, doc: Doc, keys: numpy.ndarray) -> None:
        self._doc, self._keys, self._words = doc, keys, None

    def __iter__(self):
        if self._words is None:
            strings = self._doc.vocab.strings
            self._words = [strings[k] for k in self._keys.tolist()]
        return iter(self._words)


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
