"""Resolving descriptions: role nouns ("the Homeland Security secretary"), organisation nouns ("the Colombian
government"), possessed and owned phrases ("his campaign", "Kowalski's statement") and unnamed sources.

``Descriptions`` is a mixin of ``resolve.Resolver``, which provides the entity table, salience and the ranker.
"""

from __future__ import annotations

from typing import Callable, Sequence

from spacy.tokens import Doc, Token

from ..model import EntityKind, Span
from .candidates import Query
from .entities import PERSON_ONLY_TITLES, Cluster
from .evidence import described_as, is_first_name, org_words
from ..lexicon.people import (DOCUMENT_NOUNS, FEMALE_NOUNS, GROUP_NOUNS, INDEFINITE_DETERMINERS, MALE_NOUNS, ORG_NOUNS,
                      OWN_WORDS_NOUNS, PERSON_NOUNS, PERSONAL_PRONOUNS, SPOKES_NOUNS)
from .places import CITY_NOUNS, LOCAL_BODY_NOUNS, PLACE_KIND, the_local_place
from .naming import as_written, capitalised_noun, describe, lower_case_name, proper_name_text
from .salience import Salience
from .table import EntityTable
from .roles import ROLE_LOCAL_SENTENCES, RoleMatching, _stem
from .ties import is_party, mark_stem, marks_conflict, person_ties, phrase_marks

CAMPAIGN_NOUNS = frozenset({"campaign", "team", "camp"})
# How sure a resolution is when no ranker decides it (form priors, not fitted): a source that is itself a name,
# a description kept as its own unnamed entity, a description matched to a person by a shared role word, and a
# first-person source outside every quotation (the writer, or a quotation the extractor missed).
NAMED_CONFIDENCE = 0.95
DESCRIBED_CONFIDENCE = 0.9
ROLE_MATCH_CONFIDENCE = 0.8
AUTHOR_CONFIDENCE = 0.7

# Two organisations that both fit "the company", the second at least this salient relative to the first: the
# article does not say which, and the description stays unnamed. Checked on speakers-dev.
AMBIGUOUS_SALIENCE_RATIO = 0.5
# "the company" / "the firm" fits a name with a company suffix ("Acme Corp").
COMPANY_NOUNS = frozenset({"company", "firm", "corporation", "business", "maker", "group"})
COMPANY_SUFFIXES = frozenset({"inc", "corp", "co", "ltd", "llc", "plc", "company", "corporation", "group", "limited"})

# Public bodies, and the words of a business's name: "the government" is never "Peabody Energy".
PUBLIC_BODY_NOUNS = frozenset({"government", "ministry", "department", "agency", "court", "union", "party",
                               "council", "committee", "commission", "board", "administration", "parliament",
                               "senate", "congress", "police", "army", "military", "embassy", "bureau"})
BUSINESS_WORDS = COMPANY_SUFFIXES | frozenset({"mining", "coal", "energy", "bank", "airlines", "motors", "holdings",
                                               "capital", "ventures", "partners", "pharmaceuticals", "studio"})

class Descriptions(RoleMatching):
    """Description resolution, mixed into ``Resolver`` (which sets these attributes and the two methods)."""

    doc: Doc
    table: EntityTable
    salience: Salience
    confidence: float
    _content: tuple[tuple[int, int], ...]

    def _resolve_pronoun(self, head: Token) -> Cluster | None:
        raise NotImplementedError

    def _ranked(self, query: Query) -> Cluster | None:
        raise NotImplementedError

    def _with_conjuncts(self, head: Token, first: Cluster, source: Span) -> Cluster:
        raise NotImplementedError

    # -- descriptions ------------------------------------------------------------------------------------------
    def _resolve_nominal(self, head: Token, tokens: list[Token], source: Span) -> Cluster | None:
        leading = self._leading_named(tokens)
        if leading is not None:
            self.confidence = NAMED_CONFIDENCE
            return leading
        appos = self._appositive(head, tokens, source)
        if appos is not None:
            return appos
        lemma = head.lemma_.lower() if head.lemma_ else head.lower_
        low = head.lower_
        definite = self._is_definite(head)
        poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in PERSONAL_PRONOUNS), None)
        if poss is not None:
            return self._resolve_possessed(head, poss, tokens, source)
        owner = self._own_words_owner(head, lemma)
        if owner is not None:
            self.confidence = NAMED_CONFIDENCE
            return owner
        if (low in SPOKES_NOUNS or lemma in SPOKES_NOUNS) and definite:
            # "the FBI spokesman" speaks for the FBI; "an FBI spokesman" stays an unnamed person
            org = self._owner(head, tokens, want_org=True)
            if org is not None:
                return org
        local = self._local_government(head, lemma, definite, source)
        if local is not None:
            return local
        if low in ORG_NOUNS or lemma in ORG_NOUNS:
            return self._resolve_org_noun(head, tokens, source, definite)
        if (low in PERSON_NOUNS or lemma in PERSON_NOUNS or low in PERSON_ONLY_TITLES) and definite \
                and head.tag_ not in ("NNS", "NNPS"):
            found = self._resolve_role(head, tokens)
            if found is not None:
                return found
        return self._unnamed_for(head, tokens, source)

    def _leading_named(self, tokens: list[Token]) -> Cluster | None:
        """"Jack Dorsey, recently named the company's chief executive," (a source span the parser headed
        elsewhere): the person or organisation whose name opens the span, when a comma follows it and no list
        does ("Ruiz, Hale and others"); after an opening organisation, the person whose name closes the span ("the
        Observer, her senior policy adviser, Jake Sullivan": a span that ran over the paper)."""
        words = [t for t in tokens if not t.is_space]
        while words and words[0].dep_ == "det":
            words = words[1:]
        first = self.table.token_cluster.get(words[0].i) if words else None
        if first is None or not first.entity.named or first.entity.kind not in ("person", "organization"):
            return None
        n = 0
        while n < len(words) and self.table.token_cluster.get(words[n].i) is first:
            n += 1
        if n >= len(words) or words[n].text != "," or any(c.dep_ in ("conj", "cc") for c in words[n - 1].children):
            return None
        if first.entity.kind == "organization":  # "the Observer, her senior policy adviser, Jake Sullivan"
            last = [t for t in words if not t.is_punct]
            closing = self.table.token_cluster.get(last[-1].i) if last else None
            if closing is not None and closing is not first and closing.entity.kind == "person" \
                    and closing.entity.named and last[-1].i > words[n].i:
                return closing
        return first

    def _local_government(self, head: Token, lemma: str, definite: bool, source: Span) -> Cluster | None:
        """"the city" → the city the article names ("City of Surrey", "the city of Phoenix", else "Surrey"); "city
        staff" → "Surrey city staff" (see ``places``); None when the article names no such place, or two."""
        modifiers = [c for c in head.children if c.dep_ not in ("det", "punct", "prep", "relcl", "acl", "appos")]
        if head.lower_ in PLACE_KIND and definite and not modifiers and head.tag_ == "NN":
            place = the_local_place(self.table.text, head.lower_, source.start)
            if place is None:
                return None
            self.confidence = ROLE_MATCH_CONFIDENCE
            found = self.table.named_like(place.phrase or place.name)
            if found is None and place.phrase is None:
                return None
            if found is not None and place.phrase is not None and found.entity.kind in ("place", "group"):
                found.entity.kind = "organization"  # "the City of Surrey" that speaks is its government
            return found or self.table.unnamed(place.phrase or place.name, "organization", source.start, source.end,
                                               named=True)
        if head.lower_ not in LOCAL_BODY_NOUNS and lemma not in LOCAL_BODY_NOUNS or len(modifiers) != 1 \
                or modifiers[0].lower_ not in CITY_NOUNS or modifiers[0].dep_ not in ("compound", "amod"):
            return None
        place = the_local_place(self.table.text, modifiers[0].lower_, source.start)
        if place is None:
            return None
        self.confidence = ROLE_MATCH_CONFIDENCE
        phrase = self.doc[modifiers[0].i:head.i + 1].text
        return self.table.unnamed(f"{place.name} {phrase.lower()}", "group", source.start, source.end, named=True)

    def _own_words_owner(self, head: Token, lemma: str) -> Cluster | None:
        """"Kowalski's statement", "the RCMP statement", "a release from Acme" → the named possessor, modifier or
        sender of a statement, tweet or letter speaks it."""
        if head.lower_ not in OWN_WORDS_NOUNS and lemma not in OWN_WORDS_NOUNS:
            return None
        definite = self._is_definite(head)
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "by"):  # "a release from UFCW Local 9"
                child = next((c for c in child.children if c.dep_ == "pobj"), child)
            elif child.dep_ == "compound" and not definite:  # "a Donald Trump tweet" stays a document
                continue
            c = self.table.token_cluster.get(child.i)
            if child.dep_ in ("poss", "compound", "pobj") and c is not None \
                    and c.entity.kind in ("person", "organization"):
                return c
        return None

    def _resolve_possessed(self, head: Token, poss: Token, tokens: list[Token], source: Span) -> Cluster | None:
        """"his campaign" → the Trump campaign; "his advisers" → "donald trump's advisers" (unnamed)."""
        owner = self._resolve_pronoun(poss)
        if owner is None:
            return self._unnamed_for(head, tokens, source)
        if (head.lower_ in OWN_WORDS_NOUNS or head.lemma_.lower() in OWN_WORDS_NOUNS) and owner.entity.named \
                and owner.entity.kind in ("person", "organization"):
            return owner  # "her statement": she speaks (confidence as her pronoun's)
        if head.lower_ in CAMPAIGN_NOUNS and owner.entity.kind == "person" and owner.entity.named:
            return self.table.unnamed(f"the {owner.parts[-1]} campaign", "organization", source.start, source.end,
                                      named=True)
        joined = {x.i for c in head.children if c.dep_ in ("cc", "conj") for x in c.subtree}  # "and allies"
        rest = " ".join(t.text for t in tokens if t.i > poss.i and (t.i <= head.i or t.dep_ == "prep"
                                                                   or t.head.dep_ == "prep" or t.i in joined))
        kind: EntityKind = "group" if head.tag_ == "NNS" else "other"
        return self.table.unnamed(f"{owner.entity.name}'s {rest}", kind, source.start, source.end)

    def _appositive(self, head: Token, tokens: list[Token] | None = None,
                    source: Span | None = None) -> Cluster | None:
        """"Brian Deese, a senior adviser" / "Apple's chief executive, Tim Cook," → the named person."""
        named = [(tok, c) for tok in (tokens if head.tag_ != "NNS" and tokens else [])
                 if (c := self.table.token_cluster.get(tok.i)) is not None and tok.i > head.i
                 and c.entity.kind == "person" and any(t.text == "," for t in self.doc[head.i:tok.i])]
        if named:
            # "his wife, longtime Hillary Clinton aide Huma Abedin": the name heading the appositive, not one
            # modifying its noun
            heading = [c for tok, c in named if self.table.token_cluster.get(tok.i + 1) is not c
                       and tok.dep_ not in ("compound", "poss", "nmod", "amod")]
            return heading[0] if heading else named[0][1]
        for child in head.children:
            if child.dep_ in ("appos", "compound", "npadvmod") and child.i > head.i \
                    and (c := self.table.token_cluster.get(child.i)) is not None \
                    and (child.dep_ == "appos" or c.entity.kind == "person"):
                # "the owners Tore Sohlberg and Lehla Abrede": every named conjunct speaks
                return self._with_conjuncts(child, c, source) if source is not None else c
        if head.dep_ == "appos" and (c := self.table.token_cluster.get(head.head.i)) is not None:
            return c
        for child in head.children:  # "a civil rights group called Color of Change"
            if child.dep_ == "acl" and child.lower_ in ("called", "named", "dubbed") and child.tag_ == "VBN":
                obj = next((t for t in child.children if t.dep_ in ("oprd", "dobj", "attr")), None)
                c = self.table.token_cluster.get(obj.i) if obj is not None else None
                if obj is not None and c is not None and c.entity.named \
                        and c.entity.kind in ("person", "organization") \
                        and self.doc[obj.left_edge.i:obj.right_edge.i + 1].text == c.entity.name:
                    return c  # the name as called, whole ("called EB-5" is not the EB-5 Coalition)
        return None

    @staticmethod
    def _is_definite(head: Token) -> bool:
        if any(c.dep_ == "nummod" or c.lower_ in INDEFINITE_DETERMINERS for c in head.children):
            return False
        for child in head.children:
            if child.dep_ == "det":
                return child.lower_ in ("the", "this", "that")
            if child.dep_ == "poss":
                return True
        return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children)

    def _owner(self, head: Token, tokens: list[Token], want_org: bool = False) -> Cluster | None:
        """The named entity a description belongs to: a possessor, compound or "for/of X" inside the span."""
        inside = {t.i for t in tokens}
        for tok in head.children:  # "New Hampshire Sen. Kelly Ayotte's campaign": the possessor first
            c = self.table.token_cluster.get(tok.i)
            if tok.dep_ == "poss" and c is not None and tok.i in inside \
                    and not (want_org and c.entity.kind == "person"):
                return c
        for tok in tokens:
            c = self.table.token_cluster.get(tok.i)
            if c is None or tok.i == head.i or (want_org and c.entity.kind == "person"):
                continue
            if tok.head.i in inside or tok.head.i == head.i:
                return c
        return None

    def _resolve_org_noun(self, head: Token, tokens: list[Token], source: Span, definite: bool) -> Cluster | None:
        """"the Trump campaign", "the Colombian government", "the country's Foreign Ministry", "the agency"."""
        words = [t for t in tokens if t.dep_ not in ("det", "punct") and not t.is_space]
        owner = self._owner(head, tokens)
        tail = " ".join(t.text for t in words if t.i > max((o.i for o in words if o.dep_ == "case"
                                                           or o.dep_ == "poss" and o.i < head.i), default=-1)
                        and t.dep_ != "case" and self.table.token_cluster.get(t.i) is None and t.i <= head.i)
        if owner is not None and owner.entity.kind == "person":
            noun = "campaign" if head.lower_ in CAMPAIGN_NOUNS else head.lower_
            return self.table.unnamed(f"the {owner.parts[-1]} {noun}", "organization", source.start,
                                      source.end, named=True)
        poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
        if owner is None and poss is not None and poss.lower_ in ORG_NOUNS:
            owner = self._org_referent(poss, ())  # "the bank's board" → the World Bank's
        elif owner is None and poss is not None and poss.lower_ not in PERSON_NOUNS:
            owner = self.salience.best(poss.i, lambda c: 1.0 if c.entity.kind == "place" else 0.0) \
                or self.salience.first_after(poss.i, lambda c: 1.0 if c.entity.kind == "place" else 0.0)
        if owner is not None and poss is not None or owner is not None and owner.entity.kind == "place":
            return self.table.unnamed(f"{owner.entity.name}'s {tail}", "organization", source.start, source.end,
                                      named=True)
        if any(t.pos_ in ("PROPN", "ADJ") and t.text[:1].isupper() for t in words):
            name = as_written([t for t in words if t.i <= head.i or t.head.i == head.i])
            return self.table.unnamed(name, "organization", source.start, source.end, named=True)
        if definite and head.lower_ in CAMPAIGN_NOUNS:
            local = self._local_entities(head.i, lambda c: 1.0 if c.entity.kind == "person" and c.entity.named
                                         else 0.0, frozenset())
            person = local[0] if len(local) == 1 else None
            if person is not None:
                return self.table.unnamed(f"the {person.parts[-1]} campaign", "organization", source.start,
                                          source.end, named=True)
        if definite:
            modifiers = [t.lower_ for t in words if t.i < head.i and t.dep_ in ("compound", "amod", "poss", "nmod")]
            found = self._org_referent(head, modifiers)
            if found is not None:
                return found
        return self._unnamed_for(head, tokens, source)

    def _org_referent(self, head: Token, modifiers: Sequence[str]) -> Cluster | None:
        """The organisation "the <modifiers> <head>" names: the salient one whose name or description holds the
        head noun ("the agency" → "the Canada Revenue Agency"; "the company" → "Acme, a Toronto company"), else
        the one organisation named this sentence or the one before; None when the article does not say."""
        def fit(c: Cluster) -> float:
            return self._org_fit(c, head, modifiers)

        fitting = sorted((self.salience.score(c, head.i) for c in self.salience.clusters() if fit(c) >= 1.0),
                         reverse=True)
        if len(fitting) > 1 and fitting[1] > 0 and fitting[1] >= AMBIGUOUS_SALIENCE_RATIO * fitting[0]:
            return None  # "Acme Corp and Brightline Inc signed … the company said": the article does not say which
        found = self.salience.best(head.i, fit)
        if found is None or fit(found) >= 1.0:
            return found
        local = self._local_entities(head.i, fit, frozenset())
        if local == [found] or head.lower_ in COMPANY_NOUNS and self._only_org_before(head.i, fit) == found:
            return found
        return None

    def _only_org_before(self, token: int, fit: Callable[[Cluster], float]) -> Cluster | None:
        """The one organisation that could be "the company" among all those mentioned before ``token`` (a
        headline's "Acme …" and the abstract's "The company said"); None when there are two or more."""
        named = [c for c in self.salience.clusters() if fit(c) > 0 and self.salience.mentions_before(c, token)]
        return named[0] if len(named) == 1 else None

    def _org_fit(self, cluster: Cluster, head: Token, modifiers: Sequence[str] = ()) -> float:
        """How well "the <modifiers> <head>" fits an organisation: not at all when a modifier is missing from its
        name ("the audit office" is not "Nordavia"), fully when the head noun is in it."""
        if cluster.entity.kind != "organization":
            return 0.0
        name = cluster.entity.name.lower()
        if any(m not in name for m in modifiers):
            return 0.0
        if head.lower_ in PUBLIC_BODY_NOUNS and any(w.strip(".,") in BUSINESS_WORDS for w in name.split()):
            return 0.0  # "the government" or "the union" is never "Blackhawk Mining"
        if head.lower_ in COMPANY_NOUNS and any(w.strip(".,") in PUBLIC_BODY_NOUNS for w in name.split()):
            return 0.0  # nor is "the company" the Senate
        described = any(head.lower_ in role.lower().split() for role in cluster.entity.roles) \
            or head.lower_ in COMPANY_NOUNS and any(w.strip(".,") in COMPANY_SUFFIXES for w in name.split())
        return 1.0 if head.lower_ in name or described else 0.2

    def _co_arguments(self, head: Token) -> set[int]:
        """Clusters named or described elsewhere in the same clause: binding keeps them apart from ``head``."""
        verb = head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj") else head
        out: set[int] = set()
        stack = [c for c in verb.children if c.i != head.i]
        while stack:
            tok = stack.pop()
            if tok.dep_ in ("ccomp", "advcl", "relcl", "xcomp", "acl", "appos") or tok.i == head.i \
                    or tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
                continue
            c = self.table.token_cluster.get(tok.i)
            if c is None and tok.pos_ == "NOUN" and tok.lower_ in PERSON_NOUNS and self._is_definite(tok):
                c = self._role_match(tok, list(tok.lefts) + [tok], need_head=False)
            if c is not None:
                out.add(id(c))
            stack.extend(tok.children)
        return out

    def _anaphoric(self, head: Token) -> bool:
        """A description that can point back to a salient person: no owner ("Johnson's doctor") and no modifier
        naming something other than a place or nationality ("the FBI director")."""
        for child in head.children:
            if child.dep_ == "poss":
                return False
            if child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN" and not is_party(mark_stem(child.text)):
                c = self.table.token_cluster.get(child.i)  # "the GOP senator" can point back; "the FBI director" no
                if c is None or c.entity.kind not in ("place", "group"):
                    return False
        return True

    def _resolve_role(self, head: Token, tokens: list[Token]) -> Cluster | None:
        """"the Homeland Security secretary" → the person holding that role; else the salient person."""
        best = self._role_match(head, tokens)
        if best is None and self._anaphoric(head):
            best = self._local_role(head, tokens)
        if best is None:  # "Sen. Marco Rubio …" … "the Florida senator": the one senator, nothing against it
            best = self._role_match(head, tokens, loose=True)
        if best is not None:
            self.confidence = ROLE_MATCH_CONFIDENCE
        return best

    def _local_role(self, head: Token, tokens: list[Token]) -> Cluster | None:
        """A definite description no role matches: the unnamed person an indefinite phrase introduced, else the one
        compatible person named this sentence or the one before."""
        earlier = self._introduced_description(head) or self._indefinite_antecedent(head)
        if earlier is not None:
            return earlier
        gender = "m" if head.lower_ in MALE_NOUNS else "f" if head.lower_ in FEMALE_NOUNS else None
        exclude = frozenset(t.i for t in head.head.children) | {head.head.i}
        apart = self._co_arguments(head)
        marks, head_stem = phrase_marks(" ".join(t.text for t in tokens)), _stem(head.text)

        def accept(c: Cluster) -> float:
            if c.entity.kind != "person" or not c.entity.named or id(c) in apart:
                return 0.0
            if any(head_stem in {_stem(w) for w in role.split()} and marks_conflict(marks, phrase_marks(role))
                   for role in c.entity.roles):
                return 0.0  # the Republican nominee is not "the Democratic presidential nominee"
            if marks and marks_conflict(marks, person_ties(self.doc, self.table.text, c, self.table.token_cluster)):
                return 0.0  # a Colombian president is no "U.S. official", "Sen. Jo Day (R-Ky.)" no "Vermont senator"
            return 0.0 if gender and c.gender and c.gender != gender else 1.0

        local = self._local_entities(head.i, accept, exclude)
        if len(local) != 1:
            return None  # no evidence ties it: an unnamed entity, never the article's most salient person
        return local[0]

    def _introduced_description(self, head: Token) -> Cluster | None:
        """"A senior administration official said … the official added": the one unnamed person introduced earlier
        by an indefinite description with the same head noun, when there is exactly one."""
        before = head.idx
        found = [c for c in self.table.clusters if not c.entity.named and c.entity.kind == "person"
                 and c.entity.name.split()[-1].lower() == head.lower_
                 and c.entity.name.split()[0].lower() in ("a", "an", "one")
                 and any(m.start < before for m in c.entity.mentions)]
        return found[0] if len(found) == 1 else None

    def _local_entities(self, token: int, accept: Callable[[Cluster], float], exclude: frozenset[int]) -> list[Cluster]:
        """The accepted entities mentioned in this sentence or the one before ``token`` (outside ``exclude``)."""
        here = self.salience.sent_of[token]
        return [c for c in self.salience.clusters() if accept(c) > 0
                and any(here - self.salience.sent_of[t] <= ROLE_LOCAL_SENTENCES and t not in exclude
                        for t in self.salience.mentions_before(c, token))]

    def _proper_name(self, tokens: list[Token]) -> tuple[str, EntityKind]:
        """The name and kind of a proper-noun source no named entity covers: a person when the article says so
        (a known first name or a person appositive), else an organisation."""
        name = proper_name_text(self.table.text, tokens)
        words = name.split()
        first = next((t for t in tokens if t.dep_ != "det" and not t.is_punct), tokens[0])
        end = first.i + len(words)
        run = self.doc[first.i:min(end, len(self.doc))]
        person = 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not org_words(words) \
            and (is_first_name(words[0]) or described_as(run) == "person")
        return name, ("person" if person else "organization")

    def _unnamed_for(self, head: Token, tokens: list[Token], source: Span) -> Cluster | None:
        """A description with no named referent: one unnamed entity per distinct phrase."""
        if self.table.in_credit(source.start):
            return None  # a photographer or agency in a credit line speaks for no one
        lemma = (head.lemma_ or head.text).lower()
        known = self.table.surname_bearer(head) if len(tokens) == 1 else None
        if known is not None:  # "Trump says" where the tagger read "Trump" as a common noun
            self.confidence = NAMED_CONFIDENCE
            return known
        if head.pos_ == "PROPN" and not any(t.lower_ in INDEFINITE_DETERMINERS for t in tokens) \
                and not capitalised_noun(head):
            name, name_kind = self._proper_name(tokens)
            return self.table.unnamed(name, name_kind, source.start, source.end, named=True)
        lower_name = lower_case_name(head)
        if lower_name is not None:  # "alexei malashenko, a leading moscow-based middle east expert"
            self.confidence = NAMED_CONFIDENCE
            cluster = self.table.unnamed(lower_name, "person", source.start, source.end, named=True)
            cluster.plural = False
            return cluster
        kind: EntityKind = "other" if lemma in DOCUMENT_NOUNS or head.lower_ in DOCUMENT_NOUNS else \
            "person" if head.tag_ == "NN" and lemma in PERSON_NOUNS else \
            "organization" if head.tag_ == "NN" and (lemma in ORG_NOUNS or head.lower_ in ORG_NOUNS) else "group"
        if lemma in GROUP_NOUNS and head.tag_ == "NNS":
            kind = "group"
        return self.table.unnamed(describe(source.text), kind, source.start, source.end)
