"""Clustering an article's named mentions (spaCy NER and proper-noun runs) into entities.

People are clustered by name parts ("Kristi Noem", "Noem", "Ms. Noem"), whatever label NER gave the short
form; organisations by normalised name and acronym ("the S.E.C." / "Securities and Exchange Commission").
Titles in front of a person's name ("U.S. Secretary of Homeland Security", "President") go to ``roles``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import LOWER, POS
from spacy.tokens import Doc, Span as SpacySpan, Token

from ..docindex import doc_text, sentences
from .evidence import (ORG_DESCRIPTION_NOUNS, ORG_NAME_WORDS, credit_ranges, described_as, describes_next_name,
                       followed_by_personal_pronoun, is_first_name, org_words, person_of_org, reflexive_itself,
                       speaks_as_person)
from ..lexicon.forms import base_form
from ..lexicon.speech import STATEMENT_VERBS
from ..model import Entity, EntityKind
from .naming import capitalised_noun
from .places import local_places
from ..lexicon.people import (FEMALE_NAMES, HONORIFIC_GENDER, HONORIFICS, MALE_NAMES, NAME_STOP, PERSON_NOUNS,
                      PERSONAL_PRONOUNS, TITLES)

NER_KINDS: dict[str, EntityKind] = {
    "PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group",
}
ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "on", "in", "&"})


@dataclass
class Cluster:
    """One entity being built: its model object plus what resolution needs (name parts, gender, plural)."""

    entity: Entity
    parts: list[str] = field(default_factory=list)
    gender_votes: Counter = field(default_factory=Counter)
    plural: bool = False
    first_token: int = 10**9
    positions: list[int] = field(default_factory=list)
    full_positions: list[int] = field(default_factory=list)  # where a mention gives more than one name part

    @property
    def gender(self) -> str | None:
        if self.entity.kind != "person":
            return "n"
        if not self.gender_votes:
            return None
        (best, n), *rest = self.gender_votes.most_common(2) + [(None, 0)]
        return best if n > rest[0][1] else None


@dataclass
class NameSpan:
    """A named mention found in the doc, before clustering."""

    start: int  # token index
    end: int
    kind: EntityKind
    parts: list[str]
    roles: list[str]
    honorific: str | None
    weak: bool = False  # found in a title-case line (a headline): may only join a cluster, never start one
    evidence: str | None = None  # "person"/"organization" when the article itself says so (``evidence``)


NAME_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})
# Post-nominal titles, as written: "Aoife Breen TD" is "Aoife Breen".
POST_NOMINALS = frozenset({"TD", "MP", "MPP", "MLA", "MHA", "MNA", "MEP", "MSP", "QC", "KC", "OBE", "MBE", "CBE"})
# A line with at least this share of capitalised words (and ≥ 4 of them) is a headline: NER glues its words.
HEADLINE_CAPS_SHARE = 0.75


def surname(parts: list[str]) -> str:
    """The last name part, ignoring suffixes ("John G. Roberts Jr." → "roberts")."""
    return _surname(tuple(parts))


@lru_cache(maxsize=4096)
def _surname(parts: tuple[str, ...]) -> str:
    """``surname``, once per distinct name (clustering compares every name with every cluster)."""
    words = [p.lower() for p in parts]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
    return words[-1] if words else ""


def first_name_gender(parts: list[str]) -> str | None:
    """"m"/"f" from the first-name lists, or None."""
    first = parts[0].lower() if parts else ""
    return "m" if first in MALE_NAMES else "f" if first in FEMALE_NAMES else None


@lru_cache(maxsize=4096)
def is_headline(line: str) -> bool:
    """Whether a line is in title case ("Obama Says Black Voters …"), where NER runs names into verbs."""
    words = re.findall(r"[^\W\d_]{4,}", line)
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 4 and caps >= HEADLINE_CAPS_SHARE * len(words)


def _line_of(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start:end if end >= 0 else len(text)]


def _weak(text: str, span: SpacySpan, kind: EntityKind, parts: list[str]) -> bool:
    """A headline name is weak unless it is a person's name starting with a known first name."""
    if not is_headline(_line_of(text, span.start_char)):
        return False
    return not (kind == "person" and 1 < len(parts) <= 3 and first_name_gender(parts) is not None)


def normalise_key(name: str, kind: str) -> str:
    """The cross-article key: kind-prefixed, lower-case, no punctuation, honorifics or leading articles."""
    words = re.sub(r"[^\w\s-]", " ", name.lower().replace("’s", "").replace("'s", "")).split()
    while words and (words[0] in {"the", "a", "an"} or words[0] in HONORIFICS or words[0] + "." in HONORIFICS):
        words = words[1:]
    return f"{kind}:{' '.join(words)}"


# Punctuation no name runs across: NER glues a headline's label to the name after it.
NAME_BREAKS = frozenset({":", ";", "|", "—", "–", "―"})


def _strip_name(tokens: list[Token], kind: EntityKind) -> tuple[list[Token], list[Token], str | None]:
    """Split leading titles/honorifics off a name; returns (name tokens, title tokens, honorific)."""
    honorific = None
    lead: list[Token] = []
    toks = [t for t in tokens if not t.is_space]
    cuts = [n for n, t in enumerate(toks[:-1]) if t.text in NAME_BREAKS]
    if cuts:  # "National Interests: The Human Rights Council": a headline's label glued to the name
        toks = toks[cuts[-1] + 1:]
    glued = kind in ("person", "other")  # never "United States"
    while toks and (toks[-1].lower_ in NAME_STOP | {"'s", "’s"} or glued and len(toks) > 1 and _verb_form(toks[-1])):
        toks = toks[:-1]  # "Donald Trump Tweets": a headline's verb NER ran into the name
    while len(toks) > 1 and (toks[0].lower_ in NAME_STOP or toks[0].is_punct):
        toks = toks[1:]
    while len(toks) > 1 and (toks[0].tag_ in ("VBG", "VBD", "VBZ", "VB") or glued and _verb_form(toks[0])):
        toks = toks[1:]  # "Injecting Clinton", "Stated Stone": a verb NER ran into the name
    if kind == "person":
        while len(toks) > 2 and toks[-1].text in POST_NOMINALS:
            toks = toks[:-1]  # "Aoife Breen TD", "Ana Ruiz MP": a post-nominal title is no part of the name
        while len(toks) > 1 and (toks[0].lower_ in TITLES or toks[0].lower_ in HONORIFICS):
            honorific = honorific or HONORIFIC_GENDER.get(toks[0].lower_)
            lead.append(toks[0])
            toks = toks[1:]
    return toks, lead, honorific


def _verb_form(tok: Token) -> bool:
    """An inflected verb the tagger read as a proper noun at the start of a name ("Stated Stone", "Injecting
    Clinton"): an inflected form of a statement verb, and no known first name."""
    low = tok.lower_
    return not is_first_name(low) and base_form(low) != low and base_form(low) in STATEMENT_VERBS


def _premodifier_role(span: SpacySpan) -> str | None:
    """The title words in front of a person's name inside its noun phrase ("Colombian President")."""
    root = span.root
    left = root.left_edge.i
    owned = root.doc[left].dep_ == "poss" and root.doc[left].pos_ == "PROPN"  # "Murphy's spokeswoman Galia Slayen"
    while left < span.start and root.doc[left].dep_ in ("det", "poss", "case", "punct"):
        left += 1
    if left >= span.start:
        return None
    toks = [t for t in root.doc[left:span.start] if not t.is_space and t.dep_ != "punct"]
    if not toks or not any(t.pos_ in ("NOUN", "PROPN") and t.lower_ in TITLES or t.pos_ == "NOUN" for t in toks):
        return None
    if owned:  # whose role it is, kept: she is no "Grayson's spokeswoman"
        return root.doc[root.left_edge.i:span.start].text.strip()
    return " ".join(t.text for t in toks)


def _appositive_roles(span: SpacySpan) -> list[str]:
    """Roles given by an appositive or a copula: "Brian Deese, a senior adviser", "the minister, Ana Ruiz",
    "Navdeep Bains, Minister of Innovation", "Ruiz is the mayor of Halifax", "Ruiz, who is the mayor"."""
    root = span.root
    out = []
    for child in root.children:
        if child.dep_ == "appos" and (child.pos_ == "NOUN" or child.pos_ == "PROPN" and child.lower_ in TITLES) \
                and not describes_next_name(child):
            out.append(_role_phrase(child))
        if child.dep_ == "relcl" and child.lemma_ == "be":  # "Ruiz, who is the mayor"
            out.extend(_role_phrase(a) for a in child.children if a.dep_ == "attr" and a.pos_ == "NOUN")
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        head = root.head
        owner = next((t for t in head.lefts if t.dep_ == "poss" and t.pos_ == "PROPN"), None)
        words = [t for t in head.lefts if t.dep_ not in ("det", "punct", "poss")] + [head]
        if owner is not None:  # "Sanders's campaign manager, Jeff Weaver": whose role it is, kept
            out.append(span.doc[owner.left_edge.i:head.i + 1].text)
        else:
            out.append(" ".join(t.text for t in words))
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":  # "Ruiz is the mayor of Halifax"
        out.extend(_role_phrase(a) for a in root.head.children
                   if a.dep_ == "attr" and a.pos_ == "NOUN" and a.lower_ in PERSON_NOUNS | TITLES
                   and not any(c.dep_ == "poss" for c in a.children))
    return out


def _role_phrase(head: Token) -> str:
    """A role noun with its modifiers and its first prepositional phrase, as written ("senior adviser to the
    premier", "restaurant on Water Street"), up to a comma."""
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and (doc[start].dep_ in ("det", "poss", "punct") or doc[start].is_space):
        start += 1
    end = head.i
    prep = next((c for c in head.rights if c.dep_ == "prep"), None)
    if prep is not None:
        end = prep.right_edge.i
    words = doc[start:end + 1]
    cut = next((t.i for t in words if t.text in (",", ";", "(", "—", "–") and t.i > head.i), end + 1)
    piece = doc[start:cut]
    return piece.text.strip() if len(piece) else head.text


def _split_possessive(doc: Doc, span: SpacySpan) -> list[SpacySpan]:
    """"Trump’s East European Achilles Heel" → "Trump" and "East European Achilles Heel"."""
    cuts = [t.i for t in span[:-1] if t.lower_ in ("'s", "’s") and t.i > span.start]
    if not cuts:
        return [span]
    return [doc[span.start:cuts[0]], doc[cuts[0] + 1:span.end]]


# Appositive heads that make a first-name-plus-surname "organisation" a person.
APPOSITIVE_PERSON_NOUNS = PERSON_NOUNS | frozenset("""
member resident student teacher worker voter citizen officer nurse farmer councillor councilor volunteer
""".split())


def _misread_person(span: SpacySpan, toks: list[Token], kind: EntityKind) -> bool:
    """A first name and a surname that spaCy's NER labelled a place or an organisation, when the sentence says
    person: a place that is a subject (a dateline, "SKERRA ISLAND — Agnes Morrow has kept…", makes NER call a
    person a place) or an organisation with a person appositive ("Sophie Marchand, a member of the committee")."""
    if kind not in ("place", "organization") or len(toks) != 2 or first_name_gender([toks[0].text]) is None:
        return False
    if kind == "place":
        return span.root.dep_ in ("nsubj", "nsubjpass")
    return any(c.dep_ == "appos" and c.lower_ in APPOSITIVE_PERSON_NOUNS for c in span.root.children)


# Titles that only people hold: "Mayor Ana Ruiz" is a person whatever label NER gave the whole run.
PERSON_ONLY_TITLES = TITLES - frozenset({"state", "u.s.", "us", "former", "chief", "general", "chair", "leader",
                                         "director", "deputy", "agent", "officer", "then-president", "speaker"})


def _titled_person(tokens: list[Token], kind: EntityKind) -> bool:
    """A person title followed by one to three capitalised words ("Mayor Ana Ruiz", "Premier Stone") in a run NER
    called an organisation or a place: the title is evidence of a person."""
    toks = [t for t in tokens if not t.is_space and t.lower_ not in NAME_STOP]
    if kind not in ("organization", "place", "other") or len(toks) < 2:
        return False
    n = 0
    while n < len(toks) - 1 and (toks[n].lower_ in PERSON_ONLY_TITLES or toks[n].lower_ in ("prime", "vice")):
        n += 1
    rest = toks[n:]
    return 0 < n and 1 <= len(rest) <= 3 and all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in rest) \
        and toks[n - 1].lower_ in PERSON_ONLY_TITLES


def _name_span(doc: Doc, span: SpacySpan, kind: EntityKind) -> NameSpan | None:
    if _titled_person(list(span), kind) or kind == "other" and len(span) > 1 and span[0].lower_ in HONORIFICS \
            or kind == "organization" and len(span) == 2 and span[0].lower_ in ("mr", "mrs", "ms", "miss") \
            or len(span) >= 3 and span[-1].text in POST_NOMINALS and span[-2].text[:1].isupper():
        kind = "person"  # "Mayor Ana Ruiz", "Mr Farage" (no period) NER missed or called an ORG, "Aoife Breen TD"
    toks, lead, honorific = _strip_name(list(span), kind)
    if kind == "person" and toks and all(t.lower_ in ORG_NAME_WORDS or t.lower_ in ORG_DESCRIPTION_NOUNS
                                         for t in toks):
        kind = "organization"  # "the Justice Department": "Justice" is no title here
        toks, lead, honorific = _strip_name(list(span), kind)
    post = span[-1].text if len(span) >= 3 and span[-1].text in POST_NOMINALS \
        and all(t.text[:1].isupper() and not t.text.isupper() for t in span[-3:-1]) else None
    if post is not None:  # "Aoife Breen TD", "Jane Doe MP": a member of parliament, the letters a role
        toks, kind = (toks[:-1] if toks and toks[-1].text == post else toks), "person"
    if not toks or not any(t.text[:1].isupper() for t in toks):
        return None
    if len(toks) == 1 and capitalised_noun(toks[0], PERSON_NOUNS):
        return None  # "Aides to Clinton said …": a sentence's capital, not a name
    prev = doc[toks[0].i - 1] if toks[0].i > 0 else None
    if _misread_person(span, toks, kind):
        kind = "person"
    if prev is not None and prev.lower_ in HONORIFICS and kind in ("person", "other"):
        honorific = honorific or HONORIFIC_GENDER.get(prev.lower_)
        kind = "person"
    parts = name_parts(toks)
    kind, found = _evidence(doc[toks[0].i:toks[-1].i + 1], parts, kind, bool(lead or honorific or post))
    roles: list[str] = []
    if kind == "person":
        pre = _premodifier_role(span) if not lead else " ".join(t.text for t in lead)
        if lead and (pre_extra := _premodifier_role(span)) and len(pre_extra) > len(pre or ""):
            pre = pre_extra
        if pre and pre.lower() not in HONORIFICS:
            roles.append(pre)
        roles.extend(_appositive_roles(span))
        if post is not None:
            roles.append(post)
    elif kind == "organization":
        roles.extend(_appositive_roles(span))  # "Acme, a Toronto company": what "the company" can refer to
    return NameSpan(toks[0].i, toks[-1].i + 1, kind, parts, roles, honorific, evidence=found)


HYPHENS = frozenset({"-", "‐", "‑"})


def name_parts(toks: list[Token]) -> list[str]:
    """A name's words as the article spells them: tokens joined by a hyphen with no space are one word
    ("Wilson-Raybould", not "Wilson - Raybould")."""
    parts: list[str] = []
    glue = False
    for tok in toks:
        if parts and (glue or tok.text in HYPHENS and not tok.nbor(-1).whitespace_):
            parts[-1] += tok.text
        else:
            parts.append(tok.text)
        glue = tok.text in HYPHENS and not tok.whitespace_
    return parts


def _evidence(span: SpacySpan, parts: list[str], kind: EntityKind, titled: bool) -> tuple[EntityKind, str | None]:
    """The kind the article's own evidence gives a name (see ``evidence``), and which evidence there was."""
    if titled:
        return kind, "person" if kind == "person" else None
    first_named = len(parts) > 1 and is_first_name(parts[0])
    if kind == "person" and first_named:
        return kind, "person"
    if kind in ("place", "group") and len(parts) == 1:
        return kind, None  # "Ohio", "Colombian": nothing below could change them (read the parse only if needed)
    described = described_as(span)
    if kind in ("person", "other") and (described == "organization" or org_words(parts)
                                        or len(parts) == 1 and reflexive_itself(span)) \
            and not first_named:
        return "organization", "organization"
    capitalised = 1 <= len(parts) <= 3 and all(p[:1].isupper() and not p.isupper() for p in parts)
    if kind in ("other", "organization", "place") and described == "person" and capitalised \
            and (len(parts) > 1 or kind == "other"):
        return "person", "person"
    if kind in ("other", "organization") and speaks_as_person(span, parts, kind == "organization"):
        return "person", "person"
    if kind in ("other", "organization") and capitalised and not org_words(parts) and _who_clause(span):
        return "person", "person"  # "Lindqvist, who sits on the board, …": "who" is said of people
    if kind == "other" and first_named and len(parts) <= 3 and followed_by_personal_pronoun(span):
        return "person", "person"  # "Ana Ruiz … she": a first name, and the article's own pronoun
    if kind == "person" and (first_named or described == "person"):
        return kind, "person"
    return kind, None


def _who_clause(span: SpacySpan) -> bool:
    """Whether a relative clause opened by "who" or "whom" hangs on the name ("Lindqvist, who sits on …")."""
    return any(c.dep_ == "relcl" and any(w.lower_ in ("who", "whom") and w.i < c.i for w in c.children)
               for c in span.root.children if c.i >= span.end)


def find_name_spans(doc: Doc, text: str) -> list[NameSpan]:
    """Named mentions: NER entities of the kinds that speak or are spoken of, and proper-noun runs NER missed."""
    out: list[NameSpan] = []
    covered: set[int] = set()
    for ent in doc.ents:
        kind = NER_KINDS.get(ent.label_)
        if kind is None and ent.label_ == "WORK_OF_ART" and ent.root.dep_ in ("nsubj", "nsubjpass"):
            kind = "organization"
        if kind is None:
            continue
        if kind == "person":
            ent = _with_given_names(doc, ent)
        covered.update(range(ent.start, ent.end))
        pieces = _split_possessive(doc, ent) if kind != "person" else [ent]
        others: list[EntityKind] = ["other"] * (len(pieces) - 1)
        kinds: list[EntityKind] = others + [kind]
        if kind == "organization" and len(pieces) == 1 and (cut := person_of_org(ent)) is not None:
            pieces, kinds = [doc[ent.start:cut], doc[cut + 1:ent.end]], ["person", "organization"]
        elif len(pieces) == 1 and (comma := _comma_before_person(ent)) is not None:
            pieces, kinds = [doc[ent.start:comma], doc[comma + 1:ent.end]], [kind, "person"]
        for piece, piece_kind in zip(pieces, kinds):
            found = _name_span(doc, piece, piece_kind)
            if found:
                found.weak = _weak(text, piece, found.kind, found.parts)
                out.append(found)
    out.extend(_proper_noun_runs(doc, text, covered))
    return sorted(_outside_credits(doc, text, out), key=lambda n: n.start)


def _comma_before_person(ent: SpacySpan) -> int | None:
    """"his best friend at [Lehigh, Bruce Turry]": an NER span glued over a comma onto a person's name (a known first
    name and a surname after the comma) is two names; the comma's index, else None."""
    for tok in ent[1:-2]:
        if tok.text == "," and is_first_name(tok.nbor(1).text) and tok.nbor(2).text[:1].isupper():
            return tok.i
    return None


def _with_given_names(doc: Doc, ent: SpacySpan) -> SpacySpan:
    """A person NER cut short after a title ("Saudi Prince [Alwaleed] Bin Talal"): the capitalised proper nouns
    between the title and the name, in the same noun phrase and in no other entity, belong to the name."""
    start = ent.start
    while start > 0 and (prev := doc[start - 1]).pos_ == "PROPN" and prev.text[:1].isupper() \
            and not prev.ent_type_ and prev.head.i in range(ent.start, ent.end) and prev.is_alpha \
            and prev.lower_ not in TITLES and prev.lower_ not in HONORIFICS and prev.lower_ not in PERSON_NOUNS:
        start -= 1
    if start == ent.start or start == 0:
        return ent
    before = doc[start - 1]
    if before.lower_ in TITLES or before.lower_ in HONORIFICS or is_first_name(doc[start].text):
        return doc[start:ent.end]
    return ent


def _outside_credits(doc: Doc, text: str, names: list[NameSpan]) -> list[NameSpan]:
    """The names not inside a photo credit or agency byline ("(Photo: Jane Doe/Reuters)"): never entities."""
    ranges = credit_ranges(text)
    if not ranges:
        return names
    return [n for n in names
            if not any(s <= doc[n.start].idx and doc[n.end - 1].idx < e for s, e in ranges)]


def _proper_noun_runs(doc: Doc, text: str, covered: set[int]) -> list[NameSpan]:
    """Runs of capitalised proper nouns outside NER entities (read from the POS array: Token objects are slow)."""
    propn = doc.vocab.strings["PROPN"]
    out: list[NameSpan] = []
    start = None
    for i, pos in enumerate(doc.to_array(POS).tolist() + [-1]):
        if pos == propn and i not in covered and doc[i].text[:1].isupper():
            start = i if start is None else start
            continue
        if start is not None:
            found = _name_span(doc, doc[start:i], "other")
            if found:
                found.weak = _weak(text, doc[start:i], found.kind, found.parts)
                out.append(found)
            start = None
    return out


def acronym(parts: list[str]) -> str:
    """Initials of an organisation's capitalised words ("Securities and Exchange Commission" → "sec")."""
    return _acronym(tuple(parts))


@lru_cache(maxsize=4096)
def _acronym(parts: tuple[str, ...]) -> str:
    """``acronym``, once per distinct name."""
    return "".join(p[0] for p in parts if p.lower() not in ACRONYM_SKIP and p[:1].isupper()).lower()


def infer_genders(doc: Doc, clusters: list[Cluster], token_cluster: dict[int, Cluster]) -> None:
    """Vote each person's gender from the first he/she after their lone mention in a sentence (or in the next,
    person-free sentence). Honorifics and first names vote more (see ``EntityTable``); this fills the gaps.
    """
    bounds = sentences(doc).bounds
    # he/she/… as hash ids of the LOWER array: no Token object per token of the windows.
    strings = doc.vocab.strings
    gender_of = {strings[w]: g for w, (g, _) in PERSONAL_PRONOUNS.items() if g in ("m", "f")}
    lowers = doc.to_array(LOWER).tolist() if len(doc) else []
    for n, (start, end) in enumerate(bounds):
        people = [(i, c) for i in range(start, end)
                  if (c := token_cluster.get(i)) is not None and c.entity.kind == "person"]
        if not people or len({id(c) for _, c in people}) != 1:
            continue
        first, person = people[0]
        window = lowers[first + 1:end]
        if n + 1 < len(bounds) and not any(token_cluster.get(i) for i in range(*bounds[n + 1])):
            window += lowers[bounds[n + 1][0]:bounds[n + 1][1]]
        gender = next((g for low in window if (g := gender_of.get(low)) is not None), None)
        if gender is not None:
            person.gender_votes[gender] += 1


# Prepositions of place: a one-word "person" NER found that is mostly their object ("in Surrey") is a place.
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "across", "into", "outside", "throughout", "around",
                                "to", "of"})


def retype_places(doc: Doc, clusters: list[Cluster]) -> None:
    """A person with no evidence of being one (no known first name, honorific, title or he/she) whose mentions are
    mostly objects of place prepositions ("in Surrey", "from Surrey"), or whose name the article calls a city,
    province or state ("the City of Surrey", "Surrey Mayor …", see ``places``), becomes a place."""
    local = {p.name.lower() for p in local_places(doc_text(doc))}
    for c in clusters:
        if c.entity.kind != "person" or len(c.parts) > 3 or c.entity.roles or c.gender_votes \
                or first_name_gender(c.parts) is not None:
            continue
        if " ".join(c.parts).lower() in local:
            c.entity.kind = "place"
            continue
        if len(c.parts) != 1:
            continue
        toks = [doc[i] for i in c.positions]
        placed = sum(t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPOSITIONS for t in toks)
        if placed * 2 > len(toks):
            c.entity.kind = "place"
