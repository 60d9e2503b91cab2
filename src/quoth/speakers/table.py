"""The article's entity table: clusters of named mentions, a token → entity index, and unnamed entities."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..docindex import doc_text, sentences
from ..lexicon.forms import base_form
from ..model import Entity, EntityKind, Mention
from .naming import capitalised_noun
from .entities import (Cluster, NameSpan, acronym, find_name_spans, first_name_gender, infer_genders,
                       normalise_key, retype_places, surname)
from .evidence import ORG_NAME_WORDS, credit_ranges, is_first_name, org_words
from ..lexicon.people import ORG_NOUNS


# Votes a first name from the lexicon or an honorific ("Mrs.") casts for a person's gender; each he/she that
# follows a lone mention casts one (``infer_genders``). Checked on speakers-dev pronoun rows.
NAME_GENDER_VOTES = 5
# NER labels of a word that keeps its capital opening a description ("Saudi prince", "Clinton's camp").
NAME_ENTITY_TYPES = frozenset({"PERSON", "NORP", "GPE", "ORG", "LOC"})
# A short name shared by several people of the article ("Clinton") is the one of them mentioned this many sentences
# back at most, when only one is (tuned on speakers-train: 1).
AMBIGUOUS_NAME_SENTENCES = 1
# Words that do not tell organisations apart ("Ministry of Foreign Affairs" is the "Foreign Ministry").
ORG_STEM_SKIP = frozenset({"of", "the", "for", "and", "'s", "’s", "s", "affairs"})


@lru_cache(maxsize=4096)  # called per known organisation for every name matched against them
@lru_cache(maxsize=4096)
def org_stems(name: str) -> frozenset[str]:
    """An organisation name's words as 4-letter stems, without "of"/"the"/possessives ("Norwegian" ~ "Norway")."""
    words = name.lower().replace("’s", " ").replace("'s", " ").replace(".", "").split()
    return frozenset(w[:4] for w in words if w not in ORG_STEM_SKIP)


def _given_name(word: str) -> bool:
    """Whether a name's first word can be a given name or an initial: not a verb NER ran into a surname
    ("Bashing Trump", "Impeaching Trump")."""
    low = word.lower()
    return is_first_name(low) or not low.endswith("ing") and base_form(low) == low


def _shouted(parts: list[str]) -> bool:
    """Whether a name is written in capitals throughout (a headline or a label: "ANA RUIZ")."""
    return all(p.isupper() for p in parts if len(p) > 2)


def _nickname(one: str, other: str) -> bool:
    """Whether two first names (lower case) may be one person's, a short form and the full one ("Sandy" /
    "Sandra", "Dan" / "Daniel"): the same first three letters, the shorter one at most five letters, and no two
    different genders in the name lists and no feminine ending ("Mark" / "Mary", "Eric" / "Erica" are two people)."""
    short, long_ = sorted((one, other), key=len)
    if len(short) < 3 or len(short) > 5 or short[:3] != long_[:3] or not short.isalpha() or not long_.isalpha() \
            or long_ in (short + "a", short + "e"):  # "Eric" / "Erica", "Louis" / "Louise"
        return False
    genders = {first_name_gender([short]), first_name_gender([long_])} - {None}
    return len(genders) <= 1 and short != long_


def reconcile(names: list[NameSpan]) -> list[NameSpan]:
    """One kind per name string, from the evidence of any of its mentions ("Studio Schicketanz, a design firm"
    makes every "Studio Schicketanz" an organisation), and a "person" whose words run a name into a known
    person's surname ("the Washington Post Trump said") split into the two names."""
    evidence: dict[tuple[str, ...], str] = {}
    for n in names:
        if n.evidence is not None and (n.evidence == "person" or tuple(n.parts) not in evidence):
            evidence[tuple(n.parts)] = n.evidence
    families = _family_names(names, evidence)
    out = []
    for n in names:
        n = _family_kind(n, families)
        found = evidence.get(tuple(n.parts))
        if found == "organization" and n.kind in ("person", "other") and n.honorific is None and not n.roles:
            n = replace(n, kind="organization", evidence=found)
        elif found == "person" and n.evidence is None and n.kind in ("other", "organization"):
            n = replace(n, kind="person", evidence=found)
        out.extend(_split_run_on(n, names, evidence))
    return out


def _family_names(names: list[NameSpan], evidence: dict[tuple[str, ...], str]) -> frozenset[str]:
    """Surnames (lower-case) of the article's people named by a first name and a surname: its families."""
    return frozenset(surname(n.parts).lower() for n in names
                     if n.kind == "person" and len(n.parts) > 1 and not n.weak)


def _family_kind(name: NameSpan, families: frozenset[str]) -> NameSpan:
    """A name the article's families explain: "the Murdochs", beside the person Rupert Murdoch, is a family (a
    group), never an organisation."""
    parts = name.parts
    if not families or name.kind == "group" or name.evidence == "organization":
        return name
    if len(parts) == 1 and name.kind in ("organization", "other", "person") and parts[0][:1].isupper() \
            and parts[0].endswith("s") and (parts[0][:-1].lower() in families or parts[0].endswith("es")
                                            and parts[0][:-2].lower() in families):
        return replace(name, kind="group")
    return name


def _split_run_on(name: NameSpan, names: list[NameSpan], evidence: dict[tuple[str, ...], str]) -> list[NameSpan]:
    """"Washington Post Trump" → "Washington Post" and "Trump" when "Donald Trump" is a person of the article and
    the run has no evidence of its own (no first name, title or person appositive)."""
    parts = name.parts
    if name.kind not in ("person", "organization") or len(parts) < 3 or evidence.get(tuple(parts)) == "person" \
            or is_first_name(parts[0]) or name.honorific or name.roles:
        return [name]
    last = surname(parts)
    if not any(n.kind == "person" and len(n.parts) > 1 and n.parts != parts and surname(n.parts) == last
               and evidence.get(tuple(n.parts)) == "person" for n in names):
        return [name]
    cut = name.end - 1
    return [replace(name, end=cut, kind="other", parts=parts[:-1], evidence=None),
            replace(name, start=cut, kind="other", parts=parts[-1:], evidence=None)]


class EntityTable:
    """Entities of one article, built from its named mentions; resolution adds mentions and unnamed groups."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.clusters: list[Cluster] = []
        self.token_cluster: dict[int, Cluster] = {}
        self._by_key: dict[str, Cluster] = {}
        self.credits = credit_ranges(self.text)
        self._ambiguous: set[int] = set()  # ids of the clusters ``_ambiguous_person`` made
        self._ambiguous_by_name: dict[tuple[str, str | None], Cluster] = {}
        self._cluster_names(find_name_spans(doc, self.text))
        retype_places(doc, self.clusters)
        self._misread_names()
        infer_genders(doc, self.clusters, self.token_cluster)

    # -- building ------------------------------------------------------------------------------------------
    def _cluster_names(self, names: list[NameSpan]) -> None:
        names = reconcile(names)
        full = sorted((n for n in names if n.kind == "person" and len(n.parts) > 1 and not n.weak),
                      key=lambda n: (-len(n.parts), _shouted(n.parts)))
        for name in full:
            self._attach(name, self._match_full_person(name) or self._new(name, "person"))
        joined = self._join_first_named(names)
        # Honorific short names first ("Mr. Obama"), so that bare surnames can join the more frequent bearer.
        # Proper-noun runs NER missed come last: they only join what the labelled names built ("the PBO" before
        # "Parliamentary Budget Officer").
        for name in sorted(names, key=lambda n: (n.honorific is None, n.kind == "other" and len(n.parts) > 1,
                                                 n.start)):
            if name.weak:
                self._attach_weak(name)
                continue
            if id(name) in joined:
                continue
            if name.kind == "person" and len(name.parts) > 1:
                continue
            cluster = self._match_short(name, ambiguous_ok=True)
            if cluster is None and name.kind == "person" and len(name.parts) == 1 and name.evidence is None \
                    and name.honorific is None:  # NER's "Patriot" PERSON beside "Patriot Coal"
                cluster = self._match_org(replace(name, kind="other"))
            if cluster is None and name.kind == "other" and name.honorific is None:
                cluster = self._match_org(name)  # a proper noun NER missed: only joins a known organisation
                if cluster is None:
                    continue
            if cluster is None:
                kind = "person" if name.honorific else name.kind
                if kind == "other":
                    continue
                cluster = self._match_org(name) if kind != "person" else None
                cluster = cluster or self._new(name, kind)
            self._attach(name, cluster)

    def _join_first_named(self, names: list[NameSpan]) -> set[int]:
        """Proper-noun runs NER left unlabelled that spell a known person's full name with a known first name
        ("ANA RUIZ" in a headline, then "Ana Ruiz met …" with no label): mentions of that person. Returns their
        ids."""
        joined: set[int] = set()
        for name in names:
            if name.kind != "other" or name.weak or not 2 <= len(name.parts) <= 3 or not is_first_name(name.parts[0]) \
                    or not all(p[:1].isupper() for p in name.parts):
                continue
            cluster = self._match_full_person(name)
            if cluster is not None:
                self._attach(name, cluster)
                joined.add(id(name))
        return joined

    def _misread_names(self) -> None:
        """A one-word organisation's name the tagger read as a common noun ("Twitter takes bigger steps …" in a
        headline): the same capitalised word elsewhere is a mention when the organisation is named at least twice."""
        names = {c.parts[0]: c for c in self.clusters
                 if c.entity.kind == "organization" and len(c.parts) == 1 and len(c.positions) >= 2
                 and len(c.parts[0]) > 2 and c.parts[0][:1].isupper() and not c.parts[0].isupper()}
        if not names:
            return
        for tok in self.doc:
            c = names.get(tok.text)
            if c is not None and tok.i not in self.token_cluster and tok.pos_ == "NOUN":
                self._attach(NameSpan(tok.i, tok.i + 1, "organization", [tok.text], [], None), c)

    def _attach_weak(self, name: NameSpan) -> None:
        """A name from a headline: attach whichever of its words names a known cluster."""
        for offset, part in enumerate(name.parts):
            single = NameSpan(name.start + offset, name.start + offset + 1, "other", [part], [], None)
            if single.end <= name.end and self.doc[single.start].text == part:
                cluster = self._match_short(single)
                if cluster is not None:
                    self._attach(single, cluster)

    def _new(self, name: NameSpan, kind: EntityKind) -> Cluster:
        if kind == "person" and name.evidence != "person" and org_words(name.parts):
            kind = "organization"  # NER's "Patriot Coal" PERSON
        entity = Entity(id="", name=" ".join(name.parts), kind=kind, named=True)
        cluster = Cluster(entity=entity, parts=list(name.parts))
        if kind == "person" and (gender := first_name_gender(name.parts)) is not None:
            cluster.gender_votes[gender] += NAME_GENDER_VOTES
        entity.key = normalise_key(entity.name, kind)
        self._by_key.setdefault(entity.key, cluster)
        self.clusters.append(cluster)
        return cluster

    def _attach(self, name: NameSpan, cluster: Cluster) -> None:
        span = self.doc[name.start:name.end]
        cluster.entity.mentions.append(Mention(span.start_char, span.end_char, span.text))
        cluster.first_token = min(cluster.first_token, name.start)
        for role in name.roles:
            if role not in cluster.entity.roles:
                cluster.entity.roles.append(role)
        if name.honorific:
            cluster.gender_votes[name.honorific] += NAME_GENDER_VOTES
        if len(name.parts) > len(cluster.parts) and cluster.entity.kind != "person" \
                or len(name.parts) == len(cluster.parts) and _shouted(cluster.parts) and not _shouted(name.parts):
            cluster.parts = list(name.parts)  # the fullest name, in running text's casing ("Ana Ruiz", not "ANA RUIZ")
            cluster.entity.name = " ".join(name.parts)
        cluster.positions.append(name.start)
        if len(name.parts) > 1:
            cluster.full_positions.append(name.start)
        for i in range(name.start, name.end):
            self.token_cluster[i] = cluster

    def in_credit(self, offset: int) -> bool:
        """Whether a character offset lies in a photo credit or agency byline (see ``evidence.credit_ranges``)."""
        return any(s <= offset < e for s, e in self.credits)

    def surname_bearer(self, token: Token) -> Cluster | None:
        """The person a capitalised word no name span covers names by surname ("Trump says", the tagger having
        read "Trump" as a common noun), if one does."""
        if not token.text[:1].isupper() or token.text.isupper() or token.i in self.token_cluster:
            return None
        cluster = self._match_short(NameSpan(token.i, token.i + 1, "other", [token.text], [], None), ambiguous_ok=True)
        return cluster if cluster is not None and surname(cluster.parts) == token.lower_ else None

    def _match_full_person(self, name: NameSpan) -> Cluster | None:
        first, last = name.parts[0].lower(), surname(name.parts)
        for c in self.clusters:
            if c.entity.kind != "person" or surname(c.parts) != last:
                continue
            cfirst = c.parts[0].lower()
            if cfirst == first or cfirst.rstrip(".") == first[:1] or first.rstrip(".") == cfirst[:1] \
                    or _nickname(first, cfirst):
                return c
        return None

    def _match_short(self, name: NameSpan, ambiguous_ok: bool = False) -> Cluster | None:
        """A one-word name (or "Mr. Obama") → the person whose last or first name it is, nearest before it. When
        two or more people of the article share that surname ("Bill Clinton", "Hillary Clinton"), see
        ``_one_bearer``; with ``ambiguous_ok`` a name none of them is sure to be becomes a person of its own, named
        by the surname alone ("Clinton"), rather than a guess."""
        if len(name.parts) > 1 and name.kind == "person":
            return None
        word = name.parts[-1].lower() if len(name.parts) == 1 else ""
        if not word:
            return None
        bearers = [c for c in self.clusters if c.entity.kind == "person" and id(c) not in self._ambiguous
                   and word == surname(c.parts) and (len(c.parts) == 1 or _given_name(c.parts[0]))]
        if len(bearers) > 1:
            one = self._one_bearer(name, bearers)
            if one is not None or not ambiguous_ok:
                return one
            # "Mr. Obama" beside "Michelle Obama" made a person of his own: "President Obama" is him, not her
            single = [c for c in bearers if len(c.parts) == 1 and c.gender in (None, name.honorific or c.gender)]
            return single[0] if len(single) == 1 else self._ambiguous_person(name, bearers)
        best: Cluster | None = None
        best_score = -1
        for c in self.clusters:
            if c.entity.kind != "person" or id(c) in self._ambiguous \
                    or name.honorific and c.gender not in (None, name.honorific):
                continue
            if word == surname(c.parts):
                score = 2
            elif word == c.parts[0].lower() and len(c.parts) > 1:
                score = 1
            else:
                continue
            recent = max((i for i in c.positions if i < name.start), default=-1)
            score = score * 10**12 + min(len(c.positions), 999) * 10**7 + recent
            if score > best_score:
                best, best_score = c, score
        return best

    def _one_bearer(self, name: NameSpan, bearers: list[Cluster]) -> Cluster | None:
        """Which of several people sharing a surname a short name is, when the article says: the one of the
        honorific's gender, when the others are known to be of the other ("Mrs. Abedini" beside "Saeed Abedini"), else
        the one named in full earlier in the same sentence or in the one before, if only one is; None when the article
        does not say."""
        if name.honorific:  # a bearer of unknown gender may be of either
            bearers = [c for c in bearers if c.gender in (None, name.honorific)]
            if len(bearers) == 1:
                return bearers[0]
        sent_of = sentences(self.doc).of
        here = sent_of[name.start]
        near = [c for c in bearers if any(i < name.start and here - sent_of[i] <= AMBIGUOUS_NAME_SENTENCES
                                          for i in c.full_positions)]
        return near[0] if len(near) == 1 else None

    def _ambiguous_person(self, name: NameSpan, bearers: list[Cluster]) -> Cluster:
        """The person a shared surname names when the article does not say which bearer (one per surname and
        honorific gender): named by the surname as written."""
        key = (name.parts[-1].lower(), name.honorific)
        cluster = self._ambiguous_by_name.get(key)
        if cluster is None:
            entity = Entity(id="", name=name.parts[-1], kind="person", named=True,
                            key=normalise_key(name.parts[-1], "person"))
            cluster = Cluster(entity=entity, parts=[name.parts[-1]])
            genders = {c.gender for c in bearers}
            if len(genders) == 1 and None not in genders:  # two brothers: "he" may still be either
                cluster.gender_votes[genders.pop()] += NAME_GENDER_VOTES
            self._ambiguous_by_name[key] = cluster
            self._ambiguous.add(id(cluster))
            self.clusters.append(cluster)
        return cluster

    def _match_org(self, name: NameSpan) -> Cluster | None:
        key = normalise_key(" ".join(name.parts), name.kind).split(":", 1)[1]
        letters = key.replace(".", "").replace(" ", "")
        for c in self.clusters:
            if c.entity.kind == "person":
                continue
            ckey = c.entity.key.split(":", 1)[1]
            cletters = ckey.replace(".", "").replace(" ", "")
            if ckey == key or (name.parts[0].isupper() and len(letters) > 1 and acronym(c.parts) == letters):
                return c
            if len(c.parts) == 1 and c.parts[0].isupper() and acronym(name.parts) == cletters:
                return c
            if name.kind in ("organization", "other") and c.entity.kind == "organization" \
                    and c.parts[0].lower() == name.parts[0].lower() \
                    and min(len(c.parts), len(name.parts)) == 1:
                return c  # "Peabody" and "Peabody Energy"
            if name.kind in ("organization", "other") and c.entity.kind == "organization" \
                    and len(stems := org_stems(" ".join(name.parts))) >= 2 and stems == org_stems(c.entity.name):
                return c  # "Ministry of Foreign Affairs" and "Foreign Ministry", "Justice Department"
        return self._short_org(name)

    def _short_org(self, name: NameSpan) -> Cluster | None:
        """"the Journal" → the one organisation whose name ends in it ("Wall Street Journal"), unless the word is
        one many bodies end in ("House", "Department", "Party")."""
        word = name.parts[0].lower() if len(name.parts) == 1 and name.kind in ("organization", "other") else ""
        if not word or word in ORG_NOUNS or word in ORG_NAME_WORDS or not name.parts[0][:1].isupper():
            return None
        found = [c for c in self.clusters if c.entity.kind == "organization" and len(c.parts) > 1
                 and c.parts[-1].lower() == word]
        return found[0] if len(found) == 1 else None

    # -- use -----------------------------------------------------------------------------------------------
    def unnamed(self, text: str, kind: EntityKind, start: int, end: int, named: bool = False) -> Cluster:
        """The entity for a description ("officials", "a company spokesperson"): one per distinct phrase."""
        name = self._description_case(text.strip(), start) if not named else text.strip()
        key = normalise_key(name, kind)
        cluster = self._by_key.get(key)
        if cluster is None and named and kind == "organization":
            cluster = self._org_variant(name)
        if cluster is None:
            entity = Entity(id="", name=name, kind=kind, key=key, named=named)
            cluster = Cluster(entity=entity, parts=name.split(), plural=True)
            self._by_key[key] = cluster
            self.clusters.append(cluster)
        self.add_mention(cluster, start, end)
        return cluster

    def named_like(self, name: str) -> Cluster | None:
        """The named entity whose name is ``name`` up to case, punctuation, a leading article and kind ("City of
        Surrey" found as a place, "the city of Phoenix" as a group)."""
        key = normalise_key(name, "x").split(":", 1)[1]
        return next((c for c in self.clusters if c.entity.named and c.entity.mentions
                     and normalise_key(c.entity.name, "x").split(":", 1)[1] == key), None)

    def _description_case(self, phrase: str, start: int) -> str:
        """An unnamed description in the article's casing, its first word lower-cased unless it is a proper noun
        ("Both Noem and other U.S. officials" → "both Noem and other U.S. officials"); a phrase built from
        names is kept as built."""
        first, _, rest = phrase.partition(" ")
        if self.text[start:start + len(first)] != first:
            return phrase  # built from names ("Donald Trump's advisers"), not the article's words
        piece = self.doc.char_span(start, start + len(first), alignment_mode="expand") if first else None
        word = piece[0] if piece is not None and len(piece) > 0 else None
        bare = first.replace("’s", "").replace("'s", "")
        proper = word is not None and word.text == bare and not capitalised_noun(word) and (
            word.pos_ == "PROPN" and (not word.is_sent_start or word.i in self.token_cluster)
            or word.ent_type_ in NAME_ENTITY_TYPES  # "Saudi prince", "Clinton’s camp" opening a sentence
            or len(bare) > 1 and bare.isupper() and bare.isalpha())  # "TV headquarters"
        head = first if proper or first == "I" else first.lower()
        return f"{head} {rest}" if rest else head

    def _org_variant(self, name: str) -> Cluster | None:
        """A named organisation this name is a variant of, as the article supports it: the same words up to order,
        "of" and demonyms ("Colombian government" / "Government of Colombia"), or the same words plus the name of a
        place the article mentions ("Colombia's Foreign Ministry" / "Foreign Ministry"). The fuller name wins."""
        words = org_stems(name)
        places = {stem for c in self.clusters if c.entity.kind in ("place", "group")
                  for stem in org_stems(c.entity.name)}
        for c in self.clusters:
            if c.entity.kind != "organization" or not c.entity.named:
                continue
            other = org_stems(c.entity.name)
            if other == words or (other < words and words - other <= places and len(other) >= 2):
                if len(name.split()) > len(c.entity.name.split()):
                    c.entity.name, c.parts = name, name.split()
                return c
        return None

    def add_mention(self, cluster: Cluster, start: int, end: int) -> None:
        """Record a mention (character offsets) of ``cluster`` unless it is already there."""
        if any(m.start == start and m.end == end for m in cluster.entity.mentions):
            return
        cluster.entity.mentions.append(Mention(start, end, self.text[start:end]))

    def finish(self) -> list[Entity]:
        """Number the entities by first mention (e1, e2, …), sort their mentions, return them."""
        live = [c for c in self.clusters if c.entity.mentions]
        live.sort(key=lambda c: min(m.start for m in c.entity.mentions))
        for n, c in enumerate(live, 1):
            c.entity.id = f"e{n}"
            c.entity.mentions.sort(key=lambda m: m.start)
            if c.entity.kind == "person":
                c.entity.name = " ".join(c.parts)
                c.entity.key = normalise_key(c.entity.name, "person")
        return [c.entity for c in live]
