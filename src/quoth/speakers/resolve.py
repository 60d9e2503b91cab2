"""Resolving one source span (name, pronoun, role, description, organisation, unnamed group) to a cluster."""

from __future__ import annotations

from typing import Callable

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from ..model import Attribution, EntityKind, Span
from . import salience
from .agreement import Agreement
from .candidates import History, Query, collect, paragraph_subject, sentence_person
from .descriptions import (AUTHOR_CONFIDENCE, DESCRIBED_CONFIDENCE, NAMED_CONFIDENCE, ROLE_MATCH_CONFIDENCE,
                           Descriptions, describe)
from .entities import Cluster
from ..lexicon.people import FIRST_PERSON, PERSON_NOUNS, PERSONAL_PRONOUNS, RELATIVE_PRONOUNS, SECOND_PERSON
from .plural import group_subject, joint_subject, plural_antecedent
from .introduced import (asked_person, fronted_clause_subject, governing_subject, introduced_person, previous_subject,
                         quote_opens_paragraph)
from .ranker import FEATURES, load_model, rank
from .salience import Salience
from .table import EntityTable
from .transcripts import label_role, line_label, resolve_label, speaking_label

__all__ = ["AUTHOR_CONFIDENCE", "DESCRIBED_CONFIDENCE", "NAMED_CONFIDENCE", "ROLE_MATCH_CONFIDENCE", "Resolver",
           "attribution_containing", "describe", "pronoun_accept", "span_head", "span_tokens"]

# A first-person source ("I", "we") outside every quotation speaks for the writer (speakers-dev convention).
AUTHOR_NAME = "the article's author"
# Salience factor for a person whose gender is unknown when a he/she needs one: below a known match.
UNKNOWN_GENDER_FACTOR = 0.6
# How sure a he/she source is when it takes its paragraph's one agreeing subject against the ranker's choice.
PARAGRAPH_SUBJECT_CONFIDENCE = 0.8
# An interview's answers go to the named person holding at least this share of the salience where it starts.
INTERVIEWEE_SHARE = 0.5
# Training queries (pseudo-pronouns) come only from names whose entity was mentioned at most this many sentences
# before: a real pronoun's antecedent almost always is. Re-run `make train` after changing it.
PSEUDO_PRONOUN_SENTENCES = 1
# A "who" clause this long or shorter, unpunctuated and with no pronoun, stays part of an unnamed antecedent's name
# ("voters who back the plan"); longer ones are asides. Chosen on speakers-train(-2).
RESTRICTIVE_CLAUSE_TOKENS = 10
# An epithet whose noun the lexicons do not know names someone already named only when it is one of these (news
# outlets and couples speak for the one outlet or pair just named). An agent-like ending ("the regulator", "the
# investor") is not enough: "John Smith said … The regulator disputed that" is someone else.
AGENT_NOUNS = frozenset({"outlet", "service", "couple", "pair", "duo", "network", "newspaper", "paper", "magazine",
                         "broadcaster", "station", "publication", "website", "site", "agency", "channel"})
NEAREST_SUBJECT, SAME_SENTENCE = FEATURES.index("nearest_subject"), FEATURES.index("same_sentence")


def span_tokens(doc: Doc, span: Span) -> list[Token]:
    """The tokens a (possibly discontinuous) span covers."""
    out: list[Token] = []
    for start, end in span.spans:
        piece = doc.char_span(start, end, alignment_mode="expand")
        if piece is not None:
            out.extend(t for t in piece if not t.is_space)
    return out


def span_head(tokens: list[Token]) -> Token:
    """The syntactic head of a token list: the first token whose head lies outside it."""
    inside = {t.i for t in tokens}
    for tok in tokens:
        if tok.head.i not in inside or tok.head.i == tok.i:
            return tok
    return tokens[0]


class Resolver(Descriptions):
    """Resolves source spans against an ``EntityTable`` using a ``Salience`` index, in text order."""

    def __init__(self, doc: Doc, table: EntityTable) -> None:
        self.doc = doc
        self.table = table
        self.salience = Salience(doc)
        self.resolved_tokens: set[int] = set()
        self.history = History()
        self.model = load_model()
        self.agreement = Agreement(doc)
        # How sure the last ``resolve`` was (see the *_CONFIDENCE constants and the ranker).
        self.confidence = 0.0
        # When a list, named sources add pseudo-pronoun queries here (training data, ``scripts/train_speakers.py``).
        self.trace: list[tuple[list[list[float]], int]] | None = None
        # When a list, each ranker query made while resolving a source adds (source start, candidate features,
        # candidate clusters) here: training data with real labels (``scripts/train_speakers.py``).
        self.source_trace: list[tuple[int, list[list[float]], list[Cluster]]] | None = None
        self._source_start: int | None = None
        self._content: tuple[tuple[int, int], ...] = ()
        for i, cluster in table.token_cluster.items():
            if i + 1 >= len(doc) or table.token_cluster.get(i + 1) is not cluster:
                self.salience.add(cluster, i)

    # -- entry points ------------------------------------------------------------------------------------------
    def resolve(self, source: Span, cue: Span | None = None, content: Span | None = None) -> Cluster | None:
        """The cluster a source span refers to, or None (first person is left to ``resolve_first_person``).

        ``self.confidence`` then holds how sure the answer is.
        """
        self._source_start = source.start
        try:
            return self._resolve_source(source, cue, content)
        finally:
            self._source_start = None

    def _resolve_source(self, source: Span, cue: Span | None, content: Span | None) -> Cluster | None:
        tokens = span_tokens(self.doc, source)
        self.confidence = 0.0
        self._content = tuple(content.spans) if content is not None else ()
        if not tokens:
            return None
        label = line_label(self.table.text, source.start)
        if label is not None and label[0] == source.start and label[1] == source.end:
            cluster = resolve_label(self, *label)
            if cluster is not None:
                self.history.record(cluster, source.start)
            return cluster
        head = self._cue_subject(tokens, cue) or span_head(tokens)
        if head is not span_head(tokens):
            tokens = [t for t in tokens if t.i in {s.i for s in head.subtree}]
        if head.pos_ in ("VERB", "AUX") and len(tokens) == 1 and head.i not in self.table.token_cluster:
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj:
                return None
            head, tokens = subj[0], [subj[0]]
        self.confidence = DESCRIBED_CONFIDENCE
        if self.trace is not None:
            self._trace_named(head, tokens)
        cluster = self._resolve_head(head, tokens, source)
        self.resolved_tokens.update(t.i for t in tokens)
        if cluster is not None:
            self.history.record(cluster, source.start)
            self.table.add_mention(cluster, source.start, source.end)
            self.salience.add(cluster, head.i, salience.SOURCE_WEIGHT)
        return cluster

    def resolve_other_mentions(self, skip: set[int]) -> None:
        """Record third-person pronouns and definite role nouns ("the secretary") that are not sources as mentions.

        Disputes read them ("her statements were incorrect"); ``skip`` holds the tokens already resolved.
        """
        strings = self.doc.vocab.strings
        # Compared as the LOWER array's hash ids: no string lookup per token.
        wanted = {strings[w] for w in PERSONAL_PRONOUNS.keys() | PERSON_NOUNS}
        for i, lower in enumerate(self.doc.to_array(LOWER).tolist()):
            if lower not in wanted or i in skip or i in self.table.token_cluster:
                continue
            tok = self.doc[i]
            low = tok.lower_
            cluster = None
            start, end = tok.idx, tok.idx + len(tok)
            if low in PERSONAL_PRONOUNS and tok.pos_ == "PRON":
                cluster = self._resolve_pronoun(tok)
            elif tok.pos_ == "NOUN" and low in PERSON_NOUNS and tok.tag_ == "NN" and self._is_definite(tok):
                cluster = self._resolve_role(tok, [t for t in tok.lefts if t.dep_ != "det"] + [tok])
                start = self._phrase_start(tok)
            if cluster is not None and cluster.entity.named:
                self.table.add_mention(cluster, start, end)

    def _cue_subject(self, tokens: list[Token], cue: Span | None) -> Token | None:
        """The cue verb's subject when it lies inside the source span (robust to over-long source spans)."""
        if cue is None or len(tokens) < 3:
            return None
        inside = {t.i for t in tokens}
        for cue_token in span_tokens(self.doc, cue):
            verbs = [cue_token] + ([cue_token.head] if cue_token.dep_ in ("advcl", "xcomp", "conj") else [])
            for child in (c for verb in verbs for c in verb.children):
                if child.dep_ in ("nsubj", "nsubjpass") and child.i in inside:
                    return child
        return None

    @staticmethod
    def _phrase_start(tok: Token) -> int:
        """Where the noun phrase headed by ``tok`` starts: its contiguous left dependents, no punctuation."""
        inside = {tok.i}
        left = tok
        while left.i > 0:
            prev = left.nbor(-1)
            if prev.is_punct or prev.is_space or prev.head.i not in inside:
                break
            inside.add(prev.i)
            left = prev
        return left.idx

    def resolve_author(self, source: Span) -> Cluster | None:
        """First person outside any quotation: the speaker of a transcript line's label ("OKAFOR: I believe …";
        an "A:" line's interviewee, or nobody when the article names none; so are the unlabelled lines continuing
        an answer); else "I" is the writer and "we" stays the generic "we"."""
        label = speaking_label(self.table.text, source.start)
        if label is not None:
            cluster = resolve_label(self, *label)
            if cluster is not None:
                self.table.add_mention(cluster, source.start, source.end)
                return cluster
            if label_role(label[2]) == "answer":
                self.confidence = 0.0
                return None  # an answer whose interviewee the article does not name: never the writer
        word = source.text.strip().lower()
        self.confidence = AUTHOR_CONFIDENCE
        if word in ("i", "me", "my", "myself"):
            return self.table.unnamed(AUTHOR_NAME, "person", source.start, source.end)
        return self.table.unnamed(word, "group", source.start, source.end)

    def doc_token_at(self, offset: int) -> int:
        """The index of the token at (or just after) a character offset."""
        for tok in self.doc:
            if tok.idx + len(tok) > offset:
                return tok.i
        return len(self.doc) - 1

    def resolve_interviewee(self, token: int) -> Cluster | None:
        """An "A:" line's speaker: the salient named person where the interview starts (``token``), not the
        interviewer. The pronoun ranker's confidence does not fit this question: the answer is as sure as a role
        matched to a titled person when that person holds at least INTERVIEWEE_SHARE of the salience, else
        unresolved."""
        def accept(c: Cluster) -> float:
            return 1.0 if c.entity.kind == "person" and c.entity.named and c.entity.name != AUTHOR_NAME else 0.0

        found = collect(self.salience, self.history, Query(token, accept, None, frozenset(), ()), self.agreement)
        if not found:
            self.confidence = 0.0
            return None
        share = FEATURES.index("salience_share")
        cluster, features = max(found, key=lambda cf: cf[1][share])
        self.confidence = ROLE_MATCH_CONFIDENCE if features[share] >= INTERVIEWEE_SHARE else 0.0
        return cluster

    def is_first_person(self, source: Span) -> bool:
        tokens = span_tokens(self.doc, source)
        return len(tokens) == 1 and tokens[0].lower_ in FIRST_PERSON

    # -- by form -----------------------------------------------------------------------------------------------
    def _resolve_head(self, head: Token, tokens: list[Token], source: Span) -> Cluster | None:
        named = self.table.token_cluster.get(head.i)
        if named is not None and named.entity.kind == "group":
            return self.table.unnamed(describe(source.text), "group", source.start, source.end)
        if named is not None and named.entity.kind == "organization":
            owned = self._owned_org(head, named, source)
            if owned is not None:
                return owned
            closing = self._leading_named(tokens)  # "the Observer, her senior policy adviser, Jake Sullivan,"
            if closing is not None and closing.entity.kind == "person":
                self.confidence = NAMED_CONFIDENCE
                return closing
        if named is not None:
            self.confidence = NAMED_CONFIDENCE
            return self._with_conjuncts(head, named, source)
        low = head.lower_
        if head.pos_ == "PRON" or low in PERSONAL_PRONOUNS or low in RELATIVE_PRONOUNS:
            if low in RELATIVE_PRONOUNS:
                return self._resolve_relative(head)
            if low in SECOND_PERSON:
                return self._addressee(source) or self.table.unnamed(low, "group", source.start, source.end)
            pair = joint_subject(self.doc, self.salience, self.table.token_cluster, head, self._content) \
                if low in PERSONAL_PRONOUNS and PERSONAL_PRONOUNS[low][1] else []
            if pair:  # "Ana Ruiz and Tom Hale met the board. They said …"
                self.confidence = PARAGRAPH_SUBJECT_CONFIDENCE
                return self.table.unnamed(" and ".join(" ".join(c.parts) for c in pair), "person", source.start,
                                          source.end, named=True)
            group = group_subject(self.doc, self.salience, self.table.token_cluster, head, self._content) \
                if low in ("they", "them") else None
            if group is not None:  # "Local officials met the minister. They said …"
                self.confidence = PARAGRAPH_SUBJECT_CONFIDENCE
                return self.table.unnamed(self.table.text[group[0]:group[1]], "group", group[0], group[1])
            if low in PERSONAL_PRONOUNS:
                return self._resolve_pronoun(head, source=True)
            if low in FIRST_PERSON:
                return None
        leading = self._leading_name(tokens, source)
        if leading is not None:
            return leading
        cluster = self._resolve_nominal(head, tokens, source)
        if cluster is not None and not cluster.entity.named and cluster.entity.kind == "group" \
                and cluster.entity.name.lower() == describe(source.text).lower() and self._is_epithet(head, tokens):
            return self._epithet(head, cluster)
        return cluster

    def _is_epithet(self, head: Token, tokens: list[Token]) -> bool:
        """"the outlet", "the news service", "the couple": "the", modifiers and one singular common noun,
        nothing else (no owner, no prepositional phrase, no name)."""
        words = [t for t in tokens if not t.is_punct and not t.is_space]
        return len(words) >= 2 and words[0].lower_ == "the" and words[-1].i == head.i and head.tag_ == "NN" \
            and all(t.pos_ in ("ADJ", "NOUN", "NUM", "DET", "ADV") or t.text == "-" for t in words[1:]) \
            and all(self.table.token_cluster.get(t.i) is None for t in words)

    def _epithet(self, head: Token, unnamed: Cluster) -> Cluster:
        """A journalist's epithet for whoever the story is about ("The Courier ran the story on Monday. The outlet
        said …"): the ranker's person or organisation, as if the epithet were a pronoun, when it is sure
        and that entity is the nearest subject before it outside quotations or is named earlier in its sentence;
        else the description stays unnamed."""
        # Only the nouns of AGENT_NOUNS, which the lexicons do not know: a known person or organisation noun
        # ("the official", "the company") is the role and organisation rules' question, and they weigh its evidence.
        kinds = {"person", "organization"}
        if head.lower_ not in AGENT_NOUNS:
            return unnamed  # "the left", "the leadership": no one in particular

        def accept(c: Cluster) -> float:
            named = c.entity.named and c.entity.name != AUTHOR_NAME and c.entity.kind in kinds
            return 1.0 if named and not (c.entity.kind == "person" and self.agreement.not_person(c)) else 0.0

        exclude = frozenset(t.i for t in head.head.children if t.i != head.i) | {head.head.i}
        query = Query(head.i, accept, None, exclude, self._content)
        found = collect(self.salience, self.history, query, self.agreement)
        ranked = rank(self.model, found)
        if ranked is None or ranked[1] < self.model.threshold:
            return unnamed
        features = next(f for c, f in found if c is ranked[0])
        if not (features[NEAREST_SUBJECT] or features[SAME_SENTENCE]):
            return unnamed
        self.confidence = ranked[1]
        return ranked[0]

    def _leading_name(self, tokens: list[Token], source: Span) -> Cluster | None:
        """"Borislav Petrenko, a leading energy analyst" where NER missed the name: the capitalised proper-noun run
        before the comma names the person (its first word a known first name, or two to three words)."""
        n = 0
        while n < len(tokens) and tokens[n].pos_ == "PROPN" and tokens[n].text[:1].isupper():
            n += 1
        if not 2 <= n <= 3 or n >= len(tokens) or tokens[n].text != "," \
                or any(self.table.token_cluster.get(t.i) is not None for t in tokens[:n]):
            return None
        name = " ".join(t.text for t in tokens[:n])
        end = tokens[n - 1].idx + len(tokens[n - 1])
        self.confidence = NAMED_CONFIDENCE
        cluster = self.table.unnamed(name, "person", tokens[0].idx, end, named=True)
        cluster.plural = False
        return cluster

    def _owned_org(self, head: Token, org: Cluster, source: Span) -> Cluster | None:
        """"the South American country's Foreign Ministry" → "Colombia's Foreign Ministry"."""
        poss = next((c for c in head.children if c.dep_ == "poss" and source.start <= c.idx < source.end), None)
        if poss is None or self.table.token_cluster.get(poss.i) is org:
            return None
        place = self.table.token_cluster.get(poss.i)
        if place is None and poss.pos_ == "NOUN":
            is_place = lambda c: 1.0 if c.entity.kind == "place" else 0.0  # noqa: E731
            place = self.salience.best(poss.i, is_place) or self.salience.first_after(poss.i, is_place)
        if place is None or place.entity.kind not in ("place", "organization"):
            return None
        return self.table.unnamed(f"{place.entity.name}'s {org.entity.name}", "organization", source.start,
                                  source.end, named=True)

    def _with_conjuncts(self, head: Token, first: Cluster, source: Span) -> Cluster:
        """"Mr. Grassley and Mr. Leahy" → one entity "A and B" (the speakers-dev convention)."""
        others = []
        for conj in head.conjuncts:
            if not source.start <= conj.idx < source.end:
                continue
            c = self.table.token_cluster.get(conj.i)
            if c is None and conj.pos_ == "NOUN":  # "RT and its defenders": a described group
                return self.table.unnamed(describe(source.text), "group", source.start, source.end)
            if c is not None and c is not first:
                others.append(c)
        if not others:
            return first
        members = [first] + others
        names = [c.entity.name if c.entity.kind != "person" else " ".join(c.parts) for c in members]
        kinds = {c.entity.kind for c in members}
        kind: EntityKind = "person" if kinds == {"person"} else "organization" if "person" not in kinds else "other"
        return self.table.unnamed(" and ".join(names), kind, source.start, source.end, named=True)

    def _resolve_relative(self, head: Token) -> Cluster | None:
        verb = head.head
        antecedent = verb.head if verb.dep_ in ("relcl", "acl") else None
        if antecedent is None or antecedent.i == head.i:
            return self._comma_antecedent(head)
        pair = plural_antecedent(self.table.token_cluster, antecedent, verb) if verb.dep_ == "relcl" else []
        if pair:  # "Jeb Bush and Chris Christie, who say …"
            return self.table.unnamed(" and ".join(" ".join(c.parts) for c in pair), "person", head.idx,
                                      head.idx + len(head), named=True)
        conjuncts = [c for c in antecedent.conjuncts if c.i < head.i]
        if conjuncts and verb.dep_ == "relcl":
            antecedent = max(conjuncts, key=lambda c: c.i)
        named = self.table.token_cluster.get(antecedent.i)
        if named is not None:
            return named
        tokens = [t for t in antecedent.subtree if t.i < verb.left_edge.i]
        span = Span.from_offsets(self.table.text, [(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))]) if tokens \
            else Span.from_offsets(self.table.text, [(antecedent.idx, antecedent.idx + len(antecedent))])
        cluster = self._resolve_nominal(antecedent, tokens or [antecedent], span)
        if cluster is not None and not cluster.entity.named and verb.dep_ == "relcl" and tokens:
            return self._restricted(cluster, tokens, verb) or cluster
        return cluster

    def _restricted(self, cluster: Cluster, tokens: list[Token], verb: Token) -> Cluster | None:
        """An unnamed antecedent keeps a short restrictive "who" clause: "voters who back the plan said" is said by
        "voters who back the plan", not by every voter (the speakers-train convention). None when the clause is set
        off by punctuation (non-restrictive), is long, holds a pronoun or runs past its sentence."""
        clause = [t for t in verb.subtree if not t.is_space]
        while clause and clause[-1].is_punct:
            clause = clause[:-1]
        if not clause or clause[0].lower_ != "who" or len(clause) > RESTRICTIVE_CLAUSE_TOKENS \
                or self.doc[verb.left_edge.i - 1].is_punct or clause[-1].sent != tokens[0].sent \
                or any(t.is_punct or t.lower_ in PERSONAL_PRONOUNS for t in clause):
            return None
        start, end = tokens[0].idx, clause[-1].idx + len(clause[-1])
        return self.table.unnamed(self.table.text[start:end], cluster.entity.kind, start, end)

    def _addressee(self, source: Span) -> Cluster | None:
        """"you" in an interview question ("Q: Have you talked to her?") is the interviewee."""
        label = line_label(self.table.text, source.start)
        if label is None or label_role(label[2]) != "question":
            return None
        return resolve_label(self, label[0], label[1], "A")

    def _comma_antecedent(self, head: Token) -> Cluster | None:
        """"…, said Bruce Turry, who …" where the parser did not attach the relative clause to the name: the named
        entity just before the comma."""
        if head.i < 2 or self.doc[head.i - 1].text != ",":
            return None
        cluster = self.table.token_cluster.get(head.i - 2)
        return cluster if cluster is not None and cluster.entity.named else None

    def _resolve_pronoun(self, head: Token, source: bool = False) -> Cluster | None:
        """he/she/it/they: the best agreeing candidate; a confident he/she is then evidence of its gender.

        A he/she that is a source takes the one agreeing person who is a subject earlier in its paragraph, outside
        quotations, when there is exactly one (the journalist's convention: "Tom Pryor told a different story.
        'The light was yellow,' he said."), else the person a sentence before introduces, else, after a quotation
        opening its paragraph, the writer's last main-clause subject (``introduced``); otherwise the ranker
        decides."""
        gender = PERSONAL_PRONOUNS[head.lower_][0]
        exclude = frozenset(t.i for t in head.head.children if t.i != head.i) | {head.head.i}
        query = Query(head.i, pronoun_accept(gender, self.agreement), gender, exclude, self._content)
        cluster = self._ranked(query)
        local = sentence_person(self.salience, self.history, query) if source and gender in ("m", "f") else None
        if local is None and source and gender in ("m", "f"):
            local = governing_subject(self.table.token_cluster, head, query.accept, self.history.is_quoted) \
                or fronted_clause_subject(self.table.token_cluster, head, query.accept) \
                or asked_person(self.table.token_cluster, head, query.accept)
        if local is None and source and gender in ("m", "f"):
            local = paragraph_subject(self.salience, self.history, query)
        if local is None and source and gender in ("m", "f"):
            local = introduced_person(self.doc, self.salience, self.table.token_cluster, head, query.accept)
        if local is None and source and gender in ("m", "f") \
                and quote_opens_paragraph(self.table.text, head.idx, self.history.is_quoted):
            local = previous_subject(self.salience, head.i, query.accept, self.history.is_quoted)
        if local is None and source and gender in ("m", "f") and cluster is not None \
                and self.confidence < PARAGRAPH_SUBJECT_CONFIDENCE \
                and previous_subject(self.salience, head.i, query.accept, self.history.is_quoted, weak=True) is cluster:
            local = cluster  # the ranker's pick is the writer's last main-clause subject: two signals agree
        if local is not None:  # the convention decides; when the ranker agrees, as sure as the surer of the two
            agreeing = self.confidence if local is cluster else 0.0
            cluster, self.confidence = local, max(agreeing, PARAGRAPH_SUBJECT_CONFIDENCE)
        if cluster is not None and gender in ("m", "f") and self.confidence >= self.model.threshold:
            self.agreement.vote(cluster, gender)
        return cluster

    def _ranked(self, query: Query) -> Cluster | None:
        """The chosen candidate for ``query``; the ranker's probability for it becomes ``self.confidence``."""
        found = collect(self.salience, self.history, query, self.agreement)
        if self.source_trace is not None and self._source_start is not None and found:
            self.source_trace.append((self._source_start, [f for _, f in found], [c for c, _ in found]))
        ranked = rank(self.model, found)
        if ranked is None:
            self.confidence = 0.0
            return None
        self.confidence = ranked[1]
        return ranked[0]

    def _trace_named(self, head: Token, tokens: list[Token]) -> None:
        """Training data: a named source taken as if it were he/she/it ("pseudo-pronoun"), its own entity the
        answer. Skipped when the entity has no earlier mention (nothing to resolve back to)."""
        cluster = self.table.token_cluster.get(head.i)
        if cluster is None or self.trace is None:
            return
        gender = self.agreement.gender(cluster) if cluster.entity.kind == "person" else "n" \
            if cluster.entity.kind == "organization" else None
        if gender not in ("m", "f", "n"):
            return
        first = min(t.i for t in tokens)
        recent = self.salience.mentions_before(cluster, first)
        if not recent or self.salience.sent_of[first] - self.salience.sent_of[recent[-1]] > PSEUDO_PRONOUN_SENTENCES:
            return  # writers use a pronoun for an entity just mentioned: only such names stand in for one
        exclude = frozenset(t.i for t in head.head.children if t.i not in {x.i for x in tokens}) | {head.head.i}
        found = collect(self.salience, self.history, Query(first, pronoun_accept(gender, self.agreement), gender,
                                                           exclude, self._content), self.agreement)
        answers = [n for n, (c, _) in enumerate(found) if c is cluster]
        if answers and len(found) > 1:
            self.trace.append(([f for _, f in found], answers[0]))

def pronoun_accept(gender: str | None, agreement: Agreement | None = None) -> Callable[[Cluster], float]:
    """Which entities a pronoun of ``gender`` ("m", "f", "n" for it, None for they) may refer to, and how well.

    Hard constraints: he/she only a person (with ``agreement``, never one the evidence says is a place,
    business, law or product) and never one of the other gender; it/they never a single person."""

    def accept(c: Cluster) -> float:
        kind = c.entity.kind
        if gender in ("m", "f"):
            if kind != "person" or c.entity.name == AUTHOR_NAME or is_joint(c):
                return 0.0
            if agreement is None:
                known = c.gender
            elif agreement.not_person(c):
                return 0.0
            else:
                known = agreement.gender(c)
            return 1.0 if known == gender else UNKNOWN_GENDER_FACTOR if known is None else 0.0
        if gender == "n":
            return 1.0 if kind in ("organization", "other") else 0.3 if kind == "place" else 0.0
        return 1.0 if kind in ("organization", "group") or c.plural else 0.4 if kind == "place" else 0.0

    return accept


def is_joint(c: Cluster) -> bool:
    """An entity built for two or more people ("Hillary Clinton and Bill Clinton"): never a he/she."""
    return c.plural and c.entity.named and "and" in c.parts[1:-1]


def attribution_containing(attributions: list[Attribution], att: Attribution) -> Attribution | None:
    """The innermost other attribution whose content contains ``att``'s source."""
    assert att.source is not None
    s, e = att.source.start, att.source.end
    best = None
    for other in attributions:
        if other is att or other.content is None:
            continue
        if any(cs <= s and e <= ce for cs, ce in other.content.spans):
            width = other.content.end - other.content.start
            if best is None or width < best[0]:
                best = (width, other)
    return best[1] if best else None
