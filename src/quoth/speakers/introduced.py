"""A he/she that opens a sentence right after a sentence that introduces one person without making anyone its
subject: "Just look at House Speaker Paul D. Ryan. He has said …" → Ryan, however salient the article's protagonist
is. The journalist introduces a person and goes on about them."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from .entities import Cluster
from .salience import Salience
from .transcripts import is_credit_line

SUBJECT_DEPS = ("nsubj", "nsubjpass")


def introduced_person(doc: Doc, salience: Salience, token_cluster: dict[int, Cluster], head: Token,
                      accept: Callable[[Cluster], float]) -> Cluster | None:
    """The one agreeing person first named in the sentence before ``head``, when ``head`` opens its sentence and
    that sentence has no noun or pronoun subject; else None."""
    if not head.is_sent_start or head.i == 0:
        return None
    here = salience.sent_of[head.i]
    previous = [t for t in doc[max(0, head.i - 80):head.i] if salience.sent_of[t.i] == here - 1]
    if not previous or any(t.dep_ in SUBJECT_DEPS and t.pos_ in ("NOUN", "PROPN", "PRON") for t in previous):
        return None
    found = {id(c): c for t in previous if (c := token_cluster.get(t.i)) is not None and accept(c) > 0
             and c.entity.kind == "person" and not is_credit_line(doc.text, t.idx)}  # never "By Jane Doe"
    if len(found) != 1:
        return None
    person = next(iter(found.values()))
    first = previous[0].i
    return person if all(i >= first for i in salience.mentions_before(person, head.i)) else None
