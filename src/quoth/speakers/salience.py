"""Salience of entities at a point in the article, for pronouns and definite descriptions.

An entity's salience at token ``i`` sums its earlier mentions, each weighted by grammatical role and decayed by
the sentences (and paragraph breaks) between it and ``i`` — a Lappin–Leass-style score, computed on demand.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Callable

import re

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from ..docindex import doc_text, sentences
from .entities import Cluster

# Salience kept per sentence of distance; 0.5 halves an entity's weight each sentence back. Calibrated on the
# PolNeAR speakers-dev set (`quoth eval speakers`): 0.4–0.6 score within a point; re-run it after changing.
DECAY_PER_SENTENCE = 0.5
# Extra decay for each paragraph break between mention and query.
DECAY_PER_PARAGRAPH = 0.7
# Weight of a mention as grammatical subject, and as the source of an attribution, relative to 1.0 otherwise.
SUBJECT_WEIGHT = 2.0
SOURCE_WEIGHT = 2.0
# Weight of a mention that only modifies another noun ("U.S." in "U.S. official"): backgrounded.
MODIFIER_WEIGHT = 0.5
# Article-level prominence: each earlier mention anywhere adds this share to the local score (capped), so the
# article's protagonist wins close calls against a person named once in passing.
PROMINENCE_PER_MENTION = 0.3
PROMINENCE_CAP_MENTIONS = 10
# A mention more than this many sentences back contributes nothing (keeps queries linear and local).
WINDOW_SENTENCES = 12


PARAGRAPH_BREAK = re.compile(r"\n")


def is_subject(tok: Token) -> bool:
    """A grammatical subject, or a conjunct of one ("Tom Hale and Jack Brody met": both are subjects)."""
    return tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ == "conj" and tok.head.dep_ in ("nsubj", "nsubjpass")


class Salience:
    """Mentions of each cluster by token, with sentence and paragraph numbers for decay."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.sent_of = sentences(doc).of
        breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(doc_text(doc))]
        self.para_of = [bisect_left(breaks, idx) for idx in doc.to_array(IDX).tolist()]
        self._mentions: dict[int, list[tuple[int, float]]] = {}
        self._clusters: dict[int, Cluster] = {}

    def add(self, cluster: Cluster, token: int, weight: float = 1.0) -> None:
        """Record a mention of ``cluster`` at ``token``."""
        tok = self.doc[token]
        if is_subject(tok):
            weight *= SUBJECT_WEIGHT
        elif tok.dep_ in ("compound", "nmod", "amod"):
            weight *= MODIFIER_WEIGHT
        items = self._mentions.setdefault(id(cluster), [])
        pos = bisect_left(items, (token, -1.0))
        if pos < len(items) and items[pos][0] == token:
            items[pos] = (token, max(items[pos][1], weight))
        else:
            items.insert(pos, (token, weight))
        self._clusters[id(cluster)] = cluster

    def score(self, cluster: Cluster, token: int, exclude: frozenset[int] = frozenset()) -> float:
        """Salience of ``cluster`` just before ``token`` (mentions at ``exclude`` tokens ignored)."""
        items = self._mentions.get(id(cluster), [])
        end = bisect_left(items, (token, -1.0))
        here_s, here_p = self.sent_of[token], self.para_of[token]
        total = 0.0
        for j in range(end - 1, -1, -1):
            tok, weight = items[j]
            dist = here_s - self.sent_of[tok]
            if dist > WINDOW_SENTENCES:
                break
            if tok in exclude:
                continue
            total += weight * DECAY_PER_SENTENCE ** dist * DECAY_PER_PARAGRAPH ** (here_p - self.para_of[tok])
        return total * (1.0 + PROMINENCE_PER_MENTION * min(end, PROMINENCE_CAP_MENTIONS))

    def clusters(self) -> list[Cluster]:
        """Every cluster with a recorded mention."""
        return list(self._clusters.values())

    def mentions_before(self, cluster: Cluster, token: int) -> list[int]:
        """Tokens of ``cluster``'s mentions before ``token`` within the salience window, in text order."""
        items = self._mentions.get(id(cluster), [])
        end = bisect_left(items, (token, -1.0))
        here, sent_of = self.sent_of[token], self.sent_of
        start = end  # the items are in token order, so those within the window are the last ones before ``end``
        while start > 0 and here - sent_of[items[start - 1][0]] <= WINDOW_SENTENCES:
            start -= 1
        return [tok for tok, _ in items[start:end]]

    def best(self, token: int, accept: Callable[[Cluster], float],
             exclude: frozenset[int] = frozenset()) -> Cluster | None:
        """The cluster with the highest salience × ``accept`` factor before ``token`` (None when all are 0)."""
        best, best_score = None, 0.0
        for key, cluster in self._clusters.items():
            factor = accept(cluster)
            if factor <= 0:
                continue
            s = self.score(cluster, token, exclude) * factor
            if s > best_score:
                best, best_score = cluster, s
        return best

    def first_after(self, token: int, accept: Callable[[Cluster], float]) -> Cluster | None:
        """The accepted cluster mentioned soonest after ``token`` in the same sentence or the next (cataphora)."""
        best, best_tok = None, None
        limit = self.sent_of[token] + 1
        for cluster in self._clusters.values():
            if accept(cluster) <= 0:
                continue
            items = self._mentions[id(cluster)]
            pos = bisect_left(items, (token + 1, -1.0))
            if pos < len(items) and self.sent_of[items[pos][0]] <= limit:
                if best_tok is None or items[pos][0] < best_tok:
                    best, best_tok = cluster, items[pos][0]
        return best
