"""Per-token arrays of a Doc, read from spaCy once: what the rules and the tagger's features read per token.

No ``Token`` or ``Span`` objects: every attribute is read with ``Doc.to_array`` into plain lists indexed by token.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LOWER, ORTH, POS, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc

from ..docindex import sentences
from ..lexicon import base_form, is_clause_verb, is_learned_cue_form, is_reporting_verb

_READ = [ORTH, LOWER, POS, TAG, DEP, ENT_TYPE, IDX]


class TokenArrays:
    """Token i's word (``words[i]``), lower-cased word, POS, tag, dependency, entity type ("-" for none), head
    index, quote flag (0 outside a quote, 1 inside, 2 on a mark), base form, and its sentence
    (``sent_of[i]``; ``sent_bounds[n]`` and ``sent_root[n]`` are sentence n's token range and root)."""

    def __init__(self, doc: Doc, quoted_mask: bytearray) -> None:
        n_mask = len(quoted_mask)
        orth, low, pos, tag, dep, ent, idx = doc.to_array(_READ).T.tolist() if len(doc) else [[]] * len(_READ)
        strings = doc.vocab.strings
        self.words = words = _as_strings(strings, orth)
        self.lower = _as_strings(strings, low)
        self.pos = _as_strings(strings, pos)
        self.tag = _as_strings(strings, tag)
        self.dep = _as_strings(strings, dep)
        self.ent = [e or "-" for e in _as_strings(strings, ent)]
        # HEAD is stored relative to the token; reading it as an array avoids a Token object per head.
        # (unsigned in the array: a head to the left wraps round, hence the cast to int64).
        self.head = [i + rel for i, rel in enumerate(doc.to_array(HEAD).astype("int64").tolist())]
        self.in_quote = [quoted_mask[k] if k < n_mask else 0 for k in idx]
        self.lemma = map_distinct(base_form, words)
        sents = sentences(doc)
        self.sent_of: list[int] = sents.of
        self.sent_root: list[int] = sents.root
        self.sent_bounds: list[tuple[int, int]] = sents.bounds

    def sentence(self, i: int) -> tuple[int, int]:
        """Token range of token i's sentence."""
        return self.sent_bounds[self.sent_of[i]]

    def is_speech_verb(self, i: int) -> bool:
        """Token i is a verb of the lexicon's reporting verbs or a cue form learned from PolNeAR train."""
        return self.pos[i] == "VERB" and (is_reporting_verb(self.lemma[i]) or is_learned_cue_form(self.lower[i]))

    def is_clause_verb(self, i: int) -> bool:
        """Token i is a verb whose subject and clausal complement make an attribution."""
        return self.pos[i] == "VERB" and is_clause_verb(self.lemma[i])


def _as_strings(strings: StringStore, ids: list[int]) -> list[str]:
    """The strings of StringStore ids, each distinct id looked up once (0 is the empty string)."""
    name = {k: strings[k] if k else "" for k in set(ids)}
    return [name[k] for k in ids]


def map_distinct(fn: Callable[[str], str], words: list[str]) -> list[str]:
    """``[fn(w) for w in words]``, calling ``fn`` once per distinct word."""
    of = {w: fn(w) for w in set(words)}
    return [of[w] for w in words]

