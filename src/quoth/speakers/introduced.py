"""Journalistic conventions for a he/she source, each stronger than salience.

A he/she that opens a sentence right after a sentence that introduces one person without making anyone its
subject: "Just look at House Speaker Paul D. Ryan. He has said …" → Ryan, however salient the article's protagonist
is. The journalist introduces a person and goes on about them (``introduced_person``).

A he/she after a quotation that opens its paragraph, or opening a paragraph itself, is the person the writer last
made the subject of a main clause: "Mr. Kasich forcefully differed. / “I think …,” he said." (``previous_subject``).
The people named inside the quotation are spoken about; they do not take the pronoun.

Within a sentence: the subject of the clause that governs the pronoun's (``governing_subject``), the main subject
named after a fronted clause the pronoun opens (cataphora, ``fronted_clause_subject``); after "X asked Y …", the
one who replies is Y (``asked_person``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..docindex import doc_text
from ..lexicon.forms import base_form
from .entities import Cluster
from .salience import Salience
from .transcripts import is_credit_line

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# How many paragraphs of nothing but quotation ``previous_subject`` looks back over to the writer's last sentence.
QUOTE_RUN_PARAGRAPHS = 2
# Clause links through which a pronoun's clause is governed by another (``governing_subject``), and how many.
GOVERNED_DEPS = ("advcl", "xcomp", "conj")
GOVERNING_DEPTH = 3
# "X asked Y … . He replied": the verbs of the question and of the answer (``asked_person``).
ASK_VERBS = frozenset({"ask", "question", "press", "pressed", "quiz", "challenge"})
REPLY_VERBS = frozenset({"reply", "respond", "answer", "retort", "counter"})
# Words that may open a paragraph before its he/she without breaking the writer's run ("But he agreed …").
CONNECTIVE = re.compile(r"\s*(?:but|and|however|still|yet|so|also)\b,?", re.IGNORECASE)


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
             and c.entity.kind == "person" and not is_credit_line(doc_text(doc), t.idx)}  # never "By Jane Doe"
    if len(found) != 1:
        return None
    person = next(iter(found.values()))
    first = previous[0].i
    return person if all(i >= first for i in salience.mentions_before(person, head.i)) else None


def quote_opens_paragraph(text: str, offset: int, is_quoted: Callable[[int], bool]) -> bool:
    """Whether everything in ``offset``'s paragraph before it is quoted (or punctuation and spaces): the pronoun
    follows a quotation that opens its paragraph ("“We will win,” he said.") or opens the paragraph itself, maybe
    after a connective ("But he agreed …", "However, he …")."""
    start = text.rfind("\n", 0, offset) + 1
    opening = CONNECTIVE.match(text, start, offset)
    if opening is not None:
        start = opening.end()
    return all(is_quoted(i) or not text[i].isalnum() for i in range(start, offset))


def governing_subject(token_cluster: dict[int, Cluster], head: Token, accept: Callable[[Cluster], float],
                      is_quoted: Callable[[int], bool]) -> Cluster | None:
    """The person of the pronoun's gender who is the subject of a clause governing the pronoun's own, before it and
    outside quotations: "As Obama lectured the nation, Trump responded as he live-tweeted …" → Trump (the subject
    of "responded", which "as he live-tweeted" modifies), not Obama; None when there is none."""
    verb = head.head
    for _ in range(GOVERNING_DEPTH):
        if verb.dep_ not in GOVERNED_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
        for subject in (t for t in verb.children if t.dep_ in SUBJECT_DEPS and t.i < head.i):
            cluster = token_cluster.get(subject.i)
            if cluster is not None and cluster.entity.kind == "person" and accept(cluster) >= 1.0 \
                    and not is_quoted(subject.idx):
                return cluster
    return None


def asked_person(token_cluster: dict[int, Cluster], head: Token, accept: Callable[[Cluster], float]) -> Cluster | None:
    """A he/she who replies in the sentence after someone was asked is the person asked: "A reporter asked Sanders
    how he felt. He replied: …" → Sanders, not the reporter who is the subject there; else None."""
    verb = head.head
    if head.dep_ not in SUBJECT_DEPS or base_form(verb.lower_) not in REPLY_VERBS or head.sent.start == 0:
        return None
    previous = head.doc[head.sent.start - 1].sent
    asked = {id(c): c for t in previous if base_form(t.lower_) in ASK_VERBS and t.pos_ == "VERB"
             for o in t.children if o.dep_ in ("dobj", "dative")
             and (c := token_cluster.get(o.i)) is not None and c.entity.kind == "person" and accept(c) >= 1.0}
    return next(iter(asked.values())) if len(asked) == 1 else None


def fronted_clause_subject(token_cluster: dict[int, Cluster], head: Token,
                           accept: Callable[[Cluster], float]) -> Cluster | None:
    """Cataphora: a he/she subject of an adverbial clause that opens its sentence is the main clause's subject
    named after it, when that is a person of the pronoun's gender ("Ever since she endorsed Clinton, Ms. Warren
    has been …", "While he refused …, Mr. Obama deemed …"); else None."""
    clause = head.head
    if head.dep_ not in SUBJECT_DEPS or clause.dep_ != "advcl" or clause.i < head.i:
        return None
    main = clause.head
    before = [t for t in head.sent if t.i < clause.left_edge.i]  # only "But", "And", "So" may come first
    if clause.left_edge.i > head.i or clause.right_edge.i >= main.i \
            or not all(t.is_punct or t.is_space or t.dep_ in ("cc", "advmod") for t in before):
        return None
    subjects = [t for t in main.children if t.dep_ in SUBJECT_DEPS and t.i > clause.right_edge.i]
    cluster = token_cluster.get(subjects[0].i) if len(subjects) == 1 else None
    if cluster is None or cluster.entity.kind != "person" or accept(cluster) < 1.0:
        return None
    return cluster


def previous_subject(salience: Salience, token: int, accept: Callable[[Cluster], float],
                     is_quoted: Callable[[int], bool], weak: bool = False) -> Cluster | None:
    """The person the writer last made a main-clause subject in their own voice, in the paragraph before
    ``token``'s (or earlier in its own): "Mr. Kasich forcefully differed. / “I think …,” he said." → Kasich, however
    often others were named inside the quotation. None when that sentence has no such subject or several, or when
    the person agrees only weakly (a lone word of unknown gender), unless ``weak`` (the caller has a second
    signal: the ranker picked that person)."""
    text = doc_text(salience.doc)
    since = paragraph_before(text, text.rfind("\n", 0, salience.doc[token].idx) + 1, is_quoted)
    found: list[tuple[int, Cluster]] = []
    for cluster in salience.clusters():
        factor = accept(cluster)
        if factor <= 0 or factor < 1.0 and len(cluster.parts) < 2 and not weak or cluster.entity.kind != "person":
            continue
        for tok in reversed(salience.mentions_before(cluster, token)):
            if salience.doc[tok].idx < since:
                break
            if is_main_subject(salience.doc[tok]) and not is_quoted(salience.doc[tok].idx):
                found.append((tok, cluster))
                break
    if not found:
        return None
    last = max(tok for tok, _ in found)
    sentence = salience.sent_of[last]
    in_sentence = {id(c) for tok, c in found if salience.sent_of[tok] == sentence}
    return next(c for tok, c in found if tok == last) if len(in_sentence) == 1 else None


def paragraph_before(text: str, here: int, is_quoted: Callable[[int], bool]) -> int:
    """Where the paragraph before the one starting at ``here`` starts, going further back over paragraphs that
    are all quotation (a quote run: "Howard continued. / “…” / “…” / However, he …" → Howard's paragraph)."""
    since = here
    for _ in range(QUOTE_RUN_PARAGRAPHS + 1):
        end = since
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == 0:
            return 0
        since = text.rfind("\n", 0, end) + 1
        if not all(is_quoted(i) or not text[i].isalnum() for i in range(since, end)):
            break
    return since


def is_main_subject(tok: Token) -> bool:
    """A subject (or a subject's conjunct) of its sentence's main verb, not of a relative or other subordinate
    clause ("Rubio criticised Bush, who said …": Rubio, not Bush)."""
    if tok.dep_ == "conj" and tok.head.dep_ in SUBJECT_DEPS:
        tok = tok.head
    if tok.dep_ not in SUBJECT_DEPS:
        return False
    verb = tok.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"
