"""A plural pronoun that means two or more people named together: "Ana Ruiz and Tom Hale met the board. They
said …" → the entity "Ana Ruiz and Tom Hale" (the speakers-dev convention for a joint source); or an unnamed group
that is the last subject: "Local officials met the minister. They said …" → "local officials"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon.people import DOCUMENT_NOUNS
from .salience import Salience
from .entities import Cluster

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# How far back the joint subject may be: its sentence or the one before.
PAIR_SENTENCES = 1
# Subjects that continue the chain rather than break it ("A and B, who …, said they …").
CHAIN_PRONOUNS = frozenset({"they", "who", "that"})


def _last_subject(doc: Doc, salience: Salience, head: Token, content: tuple[tuple[int, int], ...]) -> Token | None:
    """The last subject before ``head`` in its sentence or the one before, outside the attribution's own content,
    skipping the pronouns that continue a chain; None when there is none."""
    here = salience.sent_of[head.i]
    for i in range(head.i - 1, -1, -1):
        if here - salience.sent_of[i] > PAIR_SENTENCES:
            return None
        tok = doc[i]
        if any(start <= tok.idx < end for start, end in content):
            continue
        if tok.dep_ not in SUBJECT_DEPS and not (tok.dep_ == "conj" and tok.head.dep_ in SUBJECT_DEPS) \
                or tok.lower_ in CHAIN_PRONOUNS:
            continue
        return tok.head if tok.dep_ == "conj" else tok
    return None


def group_subject(doc: Doc, salience: Salience, token_cluster: dict[int, Cluster], head: Token,
                  content: tuple[tuple[int, int], ...]) -> tuple[int, int] | None:
    """The character span of the unnamed group that is the last subject before ``head`` ("Local officials met the
    minister. They said …" → "Local officials"): a plural noun that is no document ("polls") and names no
    person or organisation (a nationality or party's members may: "Republicans"); its phrase ends before punctuation
    or a relative clause. A "they" that speaks is an agent, so the nearest plural subject is its antecedent. None
    otherwise."""
    subject = _last_subject(doc, salience, head, content)
    if subject is None or subject.tag_ not in ("NNS", "NNPS"):
        return None
    named = token_cluster.get(subject.i)
    if named is not None and named.entity.kind != "group" or subject.lower_ in DOCUMENT_NOUNS \
            or (subject.lemma_ or "").lower() in DOCUMENT_NOUNS \
            or any(t.tag_.startswith("W") for t in subject.subtree) \
            or any(c.tag_.startswith("W") for c in subject.head.children):
        return None  # "… how deadly assault weapons are": the subject of a question, no agent
    tokens = [t for t in doc[subject.left_edge.i:subject.right_edge.i + 1]]
    cut = next((n for n, t in enumerate(tokens) if t.i > subject.i and (t.is_punct or t.dep_ == "relcl")),
               len(tokens))
    tokens = [t for t in tokens[:cut] if not t.is_space]
    if any(t.dep_ == "poss" and t.pos_ == "PRON" for t in tokens):
        return None  # "their aides": whose aides is the ranker's question
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def joint_subject(doc: Doc, salience: Salience, token_cluster: dict[int, Cluster], head: Token,
                  content: tuple[tuple[int, int], ...]) -> list[Cluster]:
    """The named people of the last subject before ``head`` (in its sentence or the one before, outside the
    attribution's own content) when that subject is a coordination of two or more named people; else []. Any
    other subject in between ("Officials said they …") means the pronoun is not theirs; a "they" or "who" in
    between continues the chain."""
    first = _last_subject(doc, salience, head, content)
    if first is None:
        return []
    members = [token_cluster.get(t.i) for t in [first, *first.conjuncts]]
    people = [c for c in members if c is not None and c.entity.kind == "person" and c.entity.named]
    distinct = list(dict.fromkeys(id(c) for c in people))
    if len(people) != len(members) or len(distinct) < 2:
        return []
    return list({id(c): c for c in people}.values())


def plural_antecedent(token_cluster: dict[int, Cluster], antecedent: Token, verb: Token) -> list[Cluster]:
    """The named people a plural relative clause hangs on: "Jeb Bush and Chris Christie, who say …" (the parser
    attaches "who" to the last conjunct) or "Eva Miller and Gloria Major, African American women who remember …"
    (to the plural appositive) → both people; [] when the verb is not plural or the coordination is not of two or
    more named people."""
    if not any(t.tag_ == "VBP" or t.lower_ == "were" for t in [verb, *verb.children] if t.i == verb.i
               or t.dep_ in ("aux", "auxpass")):
        return []
    node = antecedent
    if node.dep_ == "appos" and node.tag_ == "NNS":
        node = node.head
    while node.dep_ == "conj":
        node = node.head
    members = [token_cluster.get(t.i) for t in [node, *node.conjuncts]]
    people = [c for c in members if c is not None and c.entity.kind == "person" and c.entity.named]
    if len(people) != len(members) or len({id(c) for c in people}) < 2:
        return []
    return list({id(c): c for c in people}.values())
