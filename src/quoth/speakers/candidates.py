"""Candidate entities for an anaphoric source and their ranker features (see ``ranker.FEATURES``).

A candidate is an entity with salience before the source (or, failing any, one named just after it in the same
sentence). Hard constraints come first: an entity the ``accept`` test rules out (a woman for "he"), one bound in
the same clause, and one mentioned only inside the attribution's own content ("We would never accept a prime
minister …," he said: the prime minister is spoken about, not speaking) are never candidates.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Callable

from spacy.tokens import Token

from .agreement import Agreement
from .entities import Cluster, first_name_gender
from .ranker import COMPARED, FEATURES
from .salience import Salience, is_subject
from .transcripts import is_credit_line


@dataclass
class Query:
    """One anaphoric source to resolve: where it is, what it needs, and what surrounds it."""

    token: int
    accept: Callable[[Cluster], float]
    gender: str | None = None  # "m"/"f" for he/she, "n" for it, None for they and descriptions
    exclude: frozenset[int] = frozenset()  # tokens whose mentions do not count (the clause's own arguments)
    content: tuple[tuple[int, int], ...] = ()  # the attribution's own content, as character spans


PARAGRAPH_BREAK = re.compile(r"\n\s*")


@dataclass
class History:
    """Speakers resolved so far (text order) and where each last spoke, and per character of the article whether
    it is quoted (inside an attribution's content) or on a byline or credit line. ``set_text`` fills the masks."""

    last_speaker: Cluster | None = None
    spoke: set[int] = field(default_factory=set)
    spoke_at: dict[int, int] = field(default_factory=dict)  # id(cluster) → offset of its latest source
    quoted: bytearray = field(default_factory=bytearray)
    credited: bytearray = field(default_factory=bytearray)
    text: str = ""

    def set_text(self, text: str, contents: list[tuple[int, int]]) -> None:
        """Mark the quoted regions (``contents``) and credit lines of ``text``."""
        self.text = text
        self.quoted = bytearray(len(text))
        for s, e in contents:
            self.quoted[s:e] = b"\x01" * (e - s)
        self.credited = bytearray(len(text))
        start = 0
        for line in text.split("\n"):
            if is_credit_line(line, 0):
                self.credited[start:start + len(line)] = b"\x01" * len(line)
            start += len(line) + 1

    def record(self, cluster: Cluster, offset: int | None = None) -> None:
        self.last_speaker = cluster
        self.spoke.add(id(cluster))
        if offset is not None:
            self.spoke_at[id(cluster)] = offset

    def spoke_recently(self, cluster: Cluster, offset: int) -> bool:
        """Whether ``cluster`` was a source in the paragraph holding ``offset`` or the one before (a quote run)."""
        at = self.spoke_at.get(id(cluster))
        if at is None or at > offset:
            return False
        return len(PARAGRAPH_BREAK.findall(self.text, at, offset)) <= 1

    def is_quoted(self, offset: int) -> bool:
        """Whether a character offset lies inside some attribution's content."""
        return offset < len(self.quoted) and self.quoted[offset] == 1


def collect(sal: Salience, history: History, query: Query,
            agreement: Agreement | None = None) -> list[tuple[Cluster, list[float]]]:
    """The candidates for ``query`` with their feature vectors (empty when nothing fits); ``agreement`` gives
    genders beyond the clusters' own votes."""
    scored = []
    exclude = query.exclude | _content_tokens(sal, query)
    for cluster in sal.clusters():
        before = sal.mentions_before(cluster, query.token)
        if not before:
            continue  # no mention in the window: its salience is 0 (checked before the costlier ``accept``)
        factor = query.accept(cluster)
        if factor <= 0:
            continue
        offsets = [sal.doc[t].idx for t in before]
        if _only_inside(offsets, query) or _only_credited(offsets, history):
            continue
        value = sal.score(cluster, query.token, exclude)
        if value > 0:
            scored.append((cluster, value, factor, before))
    cataphora = False
    if not scored:
        after = sal.first_after(query.token, query.accept)
        if after is None:
            return []
        scored = [(after, 1.0, query.accept(after), sal.mentions_before(after, query.token))]
        cataphora = True
    total = sum(v for _, v, _, _ in scored)
    best = max(v * f for _, v, f, _ in scored)
    gender_of = agreement.gender if agreement is not None else (lambda c: c.gender)
    subject = {id(c): _last_subject(sal, history, last, exclude) for c, _, _, last in scored}
    main = {id(c): _last_subject(sal, history, last, exclude, main=True) for c, _, _, last in scored}
    nearest, nearest_main = max(subject.values()), max(main.values())
    sentence = sal.sent_of[query.token]
    return [(c, _features(sal, history, query, c, v / total, f, cataphora, gender_of(c), last)
             + [float(v * f == best), math.log1p(v * f),
                float(nearest >= 0 and subject[id(c)] == nearest),
                float(nearest_main >= 0 and main[id(c)] == nearest_main),
                float(any(sal.sent_of[t] == sentence and t not in exclude and not history.is_quoted(sal.doc[t].idx)
                          for t in last))])
            for c, v, f, last in scored]


def _last_subject(sal: Salience, history: History, mentions: list[int], exclude: frozenset[int],
                  main: bool = False) -> int:
    """The latest of ``mentions`` that is a grammatical subject outside every quotation (with ``main``, the subject
    of its sentence's root verb), or -1."""
    for tok in reversed(mentions):
        t = sal.doc[tok]
        if tok in exclude or not is_subject(t) or history.is_quoted(t.idx):
            continue
        if main and (t.head if t.dep_ != "conj" else t.head.head).dep_ != "ROOT":
            continue
        return tok
    return -1


def paragraph_subject(sal: Salience, history: History, query: Query) -> Cluster | None:
    """The one agreeing entity that is a grammatical subject in the source's paragraph before it, outside every
    quotation ("Tom Pryor told a different story. 'The light was yellow,' he said."); None when there is none or
    more than one (then the ranker decides). Agreeing means fully (a known gender) or a full name of unknown
    gender; a lone word of unknown gender ("Kissito") does not count."""
    para = sal.para_of[query.token]
    found: list[Cluster] = []
    for cluster in sal.clusters():
        factor = query.accept(cluster)
        if factor <= 0 or factor < 1.0 and len(cluster.parts) < 2:
            continue
        for tok in reversed(sal.mentions_before(cluster, query.token)):
            if sal.para_of[tok] != para:
                break
            if tok not in query.exclude and is_subject(sal.doc[tok]) \
                    and not history.is_quoted(sal.doc[tok].idx):
                found.append(cluster)
                break
    return found[0] if len(found) == 1 else None


def sentence_person(sal: Salience, history: History, query: Query) -> Cluster | None:
    """The one agreeing person who is a subject earlier in the source's own sentence (or what "As for" sets up),
    outside quotations and the clause's own arguments ("As for Tom Pryor, he said …"; "Pryor left early, when he
    told reporters …"); None when there is none or more than one. Agreeing fully: a person of the pronoun's gender."""
    sentence = sal.sent_of[query.token]
    content = _content_tokens(sal, query)
    found: list[Cluster] = []
    for cluster in sal.clusters():
        if query.accept(cluster) < 1.0:
            continue
        if any(sal.sent_of[tok] == sentence and tok not in query.exclude and tok not in content
               and _topic(sal.doc[tok]) and not history.is_quoted(sal.doc[tok].idx)
               for tok in sal.mentions_before(cluster, query.token)):
            found.append(cluster)
    return found[0] if len(found) == 1 else None


def _topic(tok: Token) -> bool:
    """A subject, or what "As for" sets up ("As for Pryor, he said …")."""
    head = tok.head
    return is_subject(tok) or head.lower_ == "for" and head.i > 0 and tok.doc[head.i - 1].lower_ == "as"


def _content_tokens(sal: Salience, query: Query) -> frozenset[int]:
    """Tokens of the attribution's own content before the source: whoever is named there is spoken about, so
    those mentions add nothing to a candidate's salience ("'I love Larry,' he said")."""
    out: set[int] = set()
    for start, end in query.content:
        span = sal.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.start < query.token:
            out.update(range(span.start, min(span.end, query.token)))
    return frozenset(out)


def _only_credited(offsets: list[int], history: History) -> bool:
    """Every recent mention lies on a byline or credit line ("Jane Doe / The Courier")."""
    credited = history.credited
    return bool(offsets) and all(o < len(credited) and credited[o] for o in offsets)


def _only_inside(offsets: list[int], query: Query) -> bool:
    """Every recent mention lies inside the attribution's own content."""
    if not query.content or not offsets:
        return False
    return all(any(s <= o < e for s, e in query.content) for o in offsets)


def _features(sal: Salience, history: History, query: Query, cluster: Cluster, share: float, factor: float,
              cataphora: bool, gender: str | None, last: list[int]) -> list[float]:
    """The named features of one candidate; ``last`` holds its mentions before the source (``mentions_before``)."""
    kind = cluster.entity.kind
    last_tok = last[-1] if last else query.token
    quoted = sum(history.is_quoted(sal.doc[t].idx) for t in last) / len(last) if last else 0.0
    evidence = kind == "person" and (first_name_gender(cluster.parts) is not None or bool(cluster.entity.roles)
                                     or sum(cluster.gender_votes.values()) >= 2)
    values = {
        "salience_share": share, "accept": factor,
        "gender_match": float(query.gender in ("m", "f") and gender == query.gender),
        "gender_unknown": float(query.gender in ("m", "f") and gender is None),
        "organization": float(kind == "organization"),
        "place": float(kind == "place"), "group": float(kind in ("group", "other")),
        "last_speaker": float(history.last_speaker is cluster), "was_speaker": float(id(cluster) in history.spoke),
        "last_subject": float(is_subject(sal.doc[last_tok])),
        "quoted_share": quoted, "person_evidence": float(evidence),
        "weak_person": float(kind == "person" and len(cluster.parts) == 1 and not evidence),
        "log_mentions": math.log1p(len(last)), "cataphora": float(cataphora),
        "recent_speaker": float(history.spoke_recently(cluster, sal.doc[query.token].idx)),
        "recent_last_speaker": float(history.last_speaker is cluster
                                     and history.spoke_recently(cluster, sal.doc[query.token].idx)),
    }
    return [values[name] for name in FEATURES if name not in COMPARED]  # ``collect`` appends the compared ones

