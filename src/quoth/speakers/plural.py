"""A plural pronoun that means two or more people named together: "Ana Ruiz and Tom Hale met the board. They
said …" → the entity "Ana Ruiz and Tom Hale" (the speakers-dev convention for a joint source)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .salience import Salience
from .entities import Cluster

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# How far back the joint subject may be: its sentence or the one before.
PAIR_SENTENCES = 1
# Subjects that continue the chain rather than break it ("A and B, who …, said they …").
CHAIN_PRONOUNS = frozenset({"they", "who", "that"})


def joint_subject(doc: Doc, salience: Salience, token_cluster: dict[int, Cluster], head: Token,
                  content: tuple[tuple[int, int], ...]) -> list[Cluster]:
    """The named people of the last subject before ``head`` (in its sentence or the one before, outside the
    attribution's own content) when that subject is a coordination of two or more named people; else []. Any
    other subject in between ("Officials said they …") means the pronoun is not theirs; a "they" or "who" in
    between continues the chain."""
    here = salience.sent_of[head.i]
    for i in range(head.i - 1, -1, -1):
        if here - salience.sent_of[i] > PAIR_SENTENCES:
            return []
        tok = doc[i]
        if any(start <= tok.idx < end for start, end in content):
            continue
        if tok.dep_ not in SUBJECT_DEPS and not (tok.dep_ == "conj" and tok.head.dep_ in SUBJECT_DEPS) \
                or tok.lower_ in CHAIN_PRONOUNS:
            continue
        first = tok.head if tok.dep_ == "conj" else tok
        members = [token_cluster.get(t.i) for t in [first, *first.conjuncts]]
        people = [c for c in members if c is not None and c.entity.kind == "person" and c.entity.named]
        distinct = list(dict.fromkeys(id(c) for c in people))
        if len(people) != len(members) or len(distinct) < 2:
            return []
        return list({id(c): c for c in people}.values())
    return []
