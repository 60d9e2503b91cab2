"""Facts about a Doc that several stages read, computed once per Doc: its text, its sentences and their roots.

``Doc.text`` joins every token's text on each access, and ``doc.sents`` builds a ``Span`` per sentence on each
call; features, linking, salience and gender inference each did so. These read them once and keep the result
in ``doc.user_data`` until ``forget`` (the quoth component calls it when it is done with the Doc).
"""

from __future__ import annotations

import numpy
from spacy.attrs import HEAD, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

_KEY = ("quoth", "sentences")
_TEXT_KEY = ("quoth", "text")


class Sentences:
    """``bounds[n]`` is sentence n's token range ``(start, end)``, ``root[n]`` its root token, ``of[i]`` token
    i's sentence number. Same sentences as ``doc.sents`` (a new one wherever ``token.is_sent_start``)."""

    def __init__(self, doc: Doc) -> None:
        n = len(doc)
        if n == 0:
            self.bounds: list[tuple[int, int]] = []
            self.root: list[int] = []
            self.of: list[int] = []
            return
        arrays = doc.to_array([SENT_START, HEAD]).astype("int64")
        starts = numpy.flatnonzero(arrays[:, 0] == 1)
        if not len(starts) or starts[0] != 0:
            starts = numpy.concatenate(([0], starts))
        ends = numpy.append(starts[1:], n)
        self.bounds = list(zip(starts.tolist(), ends.tolist()))
        self.of = numpy.repeat(numpy.arange(len(starts)), ends - starts).tolist()
        # A sentence's root is its token that is its own head (HEAD is relative: 0); spans with none (no parse)
        # fall back to spaCy's ``Span.root``.
        own_head = numpy.flatnonzero(arrays[:, 1] == 0)
        first_root = {}
        for i in own_head.tolist():
            first_root.setdefault(self.of[i], i)
        self.root = [first_root[k] if k in first_root else doc[s:e].root.i for k, (s, e) in enumerate(self.bounds)]


def sentences(doc: Doc) -> Sentences:
    """The Doc's ``Sentences``, computed on first use."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = Sentences(doc)
    return found


def doc_text(doc: Doc) -> str:
    """``doc.text``, built on first use."""
    found = doc.user_data.get(_TEXT_KEY)
    if found is None:
        found = doc.user_data[_TEXT_KEY] = _joined_text(doc)
    return found


def _joined_text(doc: Doc) -> str:
    """``doc.text`` (each token's text, then a space where it has one) from two arrays, without a Token each."""
    if not len(doc):
        return ""
    orth, space = doc.to_array([ORTH, SPACY]).T.tolist()
    strings = doc.vocab.strings
    text_of = {k: strings[k] if k else "" for k in set(orth)}
    return "".join([text_of[k] + " " if s else text_of[k] for k, s in zip(orth, space)])


def forget(doc: Doc) -> None:
    """Drop what is cached (a ``Sentences`` object would break ``DocBin(store_user_data=True)``)."""
    doc.user_data.pop(_KEY, None)
    doc.user_data.pop(_TEXT_KEY, None)
