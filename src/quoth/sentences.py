"""Sentence boundaries and roots of a parsed Doc, read once from its arrays and shared by every stage.

``doc.sents`` builds a ``Span`` per sentence on each call, and features, salience and gender inference each
walked it; this reads ``SENT_START`` and ``HEAD`` once per Doc and keeps the result in ``doc.user_data``.
"""

from __future__ import annotations

import numpy
from spacy.attrs import HEAD, SENT_START
from spacy.tokens import Doc

_KEY = ("quoth", "sentences")


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


def forget(doc: Doc) -> None:
    """Drop the cached ``Sentences`` (a Python object would break ``DocBin(store_user_data=True)``)."""
    doc.user_data.pop(_KEY, None)
