"""Person or organisation, decided from what the article says about a name rather than the small model's label.

Evidence for a person: a title or honorific in front ("Mayor Ana Ruiz", "Dr. Okafor"), a known first name, an
appositive that describes a person ("Jingyi Pan, an analyst at IG"; "Navdeep Bains, Minister of Innovation"), the
"NAME of ORGANISATION" pattern of a speaker ("Jingyi Pan of IG said"). Evidence for an organisation: a word that
only organisations carry ("Studio Schicketanz", "Patriot Coal") or an appositive that describes one ("Stella, a
restaurant on Main Street"; "the restaurant Stella").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span as SpacySpan, Token

from ..lexicon.forms import base_form
from ..lexicon.people import MALE_NAMES, FEMALE_NAMES, ORG_NOUNS, PERSON_NOUNS, TITLES
from ..lexicon.speech import STATEMENT_VERBS

# Words in a name that only organisations, venues and products carry ("Patriot Coal", "Studio Schicketanz").
ORG_NAME_WORDS = frozenset("""
coal energy inc inc. corp corp. co co. ltd ltd. llc plc mining group bank company corporation association institute
foundation fund university college studio studios restaurant cafe café bistro bar grill bakery hotel inn motel
church hospital clinic museum gallery theatre theater school academy agency ministry department council committee
commission board union society club partners holdings capital ventures labs laboratories systems technologies
media airlines airways motors pharmaceuticals press network centre center institute trust league federation
court office service services authority party
""".split())

# Appositive or modifier heads that describe an organisation or a venue ("a design firm", "the restaurant").
ORG_DESCRIPTION_NOUNS = (ORG_NOUNS | frozenset("""
restaurant cafe café bistro bar brewery winery bakery shop store studio hotel venue club chain brand maker
manufacturer retailer startup charity nonprofit publisher outlet broadcaster airline insurer lender
practice clinic hospital museum gallery theatre theater label
""".split())) - frozenset({"house", "white", "paper", "team", "party"})

# Appositive heads that describe a person, beyond the role nouns of ``PERSON_NOUNS``.
PERSON_DESCRIPTION_NOUNS = PERSON_NOUNS | TITLES | frozenset("""
member resident student teacher worker voter citizen officer nurse farmer councillor councilor volunteer
spokesperson researcher strategist consultant partner associate fellow designer architect artist writer
economist historian mother father owner neighbour neighbor friend colleague labourer laborer driver
""".split())


def is_first_name(word: str) -> bool:
    """Whether a word is in the first-name lists."""
    low = word.lower()
    return low in MALE_NAMES or low in FEMALE_NAMES


def org_words(parts: list[str]) -> bool:
    """Whether a name carries a word only organisations carry ("Studio Schicketanz")."""
    return any(p.lower().rstrip(".") in ORG_NAME_WORDS or p.lower() in ORG_NAME_WORDS for p in parts[1:]) \
        or len(parts) > 1 and parts[0].lower() in ("studio", "restaurant", "cafe", "café", "hotel", "bistro")


def describes_next_name(head: Token) -> bool:
    """An appositive that a name follows in its turn ("the Observer, her senior policy adviser, Jake Sullivan"):
    it describes that name, not the one before it."""
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > head.i and c.ent_type_ == "PERSON"
               for c in head.children)


def _appositive_heads(span: SpacySpan) -> list[Token]:
    """Heads of noun phrases in apposition with the span ("X, a spokesman" / "the restaurant X") or predicated of
    it ("X is the mayor", "X, who is the mayor")."""
    root = span.root
    heads = [c for c in root.children if c.dep_ == "appos" and c.i >= span.end and not describes_next_name(c)]
    if root.dep_ == "appos" and root.head.i < span.start:
        heads.append(root.head)
    # "the restaurant Stella": a common noun compounding into the name from the left inside its phrase
    heads.extend(c for c in root.children if c.dep_ == "compound" and c.i < span.start and c.pos_ == "NOUN")
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":  # "Ana Ruiz is the mayor"
        heads.extend(a for a in root.head.children if a.dep_ == "attr")
    for rel in (c for c in root.children if c.dep_ == "relcl" and c.lemma_ == "be"):  # "X, who is the mayor"
        heads.extend(a for a in rel.children if a.dep_ == "attr")
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.text == "," and span.end + 1 < len(span.doc):  # a comma appositive the parse missed
        after = span.doc[span.end + 1:min(len(span.doc), span.end + 6)]
        first = next((t for t in after if t.dep_ != "det" and t.pos_ not in ("ADJ", "DET")), None)
        if first is not None and first.pos_ in ("NOUN", "PROPN") and first.head.i == first.i \
                or first is not None and first.dep_ == "appos":
            heads.append(first)
    return heads


def described_as(span: SpacySpan) -> str | None:
    """"person" or "organization" when an appositive says so ("person" wins when both do), else None."""
    found = None
    for head in _appositive_heads(span):
        for noun in [head] + list(head.conjuncts):
            if noun.tag_ in ("NNS", "NNPS"):
                continue
            if noun.lower_ in PERSON_DESCRIPTION_NOUNS:
                return "person"
            if noun.lower_ in ORG_DESCRIPTION_NOUNS:
                found = "organization"
    return found


def speaks_as_person(span: SpacySpan, parts: list[str], labelled_org: bool = False) -> bool:
    """A two- or three-word proper name with no organisation word that speaks as people do: the subject of a
    statement verb as "NAME of ORGANISATION" ("Jingyi Pan of IG said"), starting with a known first name, or
    followed by he/she. A name NER labelled an organisation needs the he/she in any case ("Tim Hortons said"
    stays a company)."""
    if not 2 <= len(parts) <= 3 or any(not p[:1].isupper() or p.isupper() for p in parts) \
            or org_words(parts) and not is_first_name(parts[0]):
        return False
    pronoun = followed_by_personal_pronoun(span)
    if labelled_org and not pronoun:
        return False
    root = span.root
    verb = root.head if root.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None or base_form(verb.text) not in STATEMENT_VERBS:
        return False
    if is_first_name(parts[0]) or pronoun and not any(t.ent_type_ in ("GPE", "NORP", "LOC") for t in span):
        return True
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and nxt.lower_ == "of" and nxt.head.i == root.i \
        and any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in nxt.children)


def person_of_org(span: SpacySpan) -> int | None:
    """Where to cut a run NER glued together as one organisation, "Jingyi Pan of IG" (said): the token index of
    "of" when the words before it are a two- or three-word name with no organisation or title word that either
    starts with a known first name or is the subject of a statement verb; else None."""
    cut = next((t.i for t in span if t.lower_ == "of"), None)
    if cut is None or cut + 1 >= span.end:
        return None
    parts = [t.text for t in span.doc[span.start:cut]]
    lows = [p.lower() for p in parts]
    if not 2 <= len(parts) <= 3 or org_words(["", *parts]) or span[0].dep_ == "det" \
            or any(low in TITLES or low in PERSON_NOUNS or low in ORG_DESCRIPTION_NOUNS for low in lows) \
            or any(not p[:1].isupper() or p.isupper() for p in parts):
        return None
    verb = span.root.head if span.root.dep_ in ("nsubj", "nsubjpass") else None
    speaks = verb is not None and base_form(verb.text) in STATEMENT_VERBS
    return cut if is_first_name(parts[0]) or speaks else None


PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
NEUTER_PRONOUNS = frozenset({"it", "its"})
PRONOUN_WINDOW_TOKENS = 40


def followed_by_personal_pronoun(span: SpacySpan) -> bool:
    """Whether the next third-person singular pronoun after the name (within its sentence and the next, and a
    few dozen tokens) is he/she rather than it: the article's own agreement."""
    doc = span.doc
    sent_end = span.sent.end
    limit = min(len(doc), span.end + PRONOUN_WINDOW_TOKENS,
                doc[sent_end].sent.end if sent_end < len(doc) else sent_end)
    for tok in doc[span.end:limit]:
        if tok.dep_ == "poss" and tok.head.dep_ == "appos" and tok.head.head.i == span.root.i:
            continue  # "the Observer, her senior policy adviser, …": her is someone else than the name
        if tok.lower_ in PERSON_PRONOUNS:
            return True
        if tok.lower_ in NEUTER_PRONOUNS:
            return False
    return False


def reflexive_itself(span: SpacySpan) -> bool:
    """Whether the name is the subject of a verb whose own object is "itself" ("Acme has positioned itself as
    …"): the article's agreement says thing, not person."""
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    return any(t.lower_ == "itself" and (t.head.i == verb.i or t.head.head.i == verb.i) for t in verb.subtree)


# A photo or video credit inside a line: "(Photo: Jane Doe/Reuters)", "Photo by Jane Doe", "Jane Doe/Reuters",
# "(The Canadian Press/Jane Doe)". Names in it are the photographer's and the agency's, never speakers.
CREDIT = re.compile(
    r"\(\s*(?:file\s+)?(?:photo|photograph|image|video|credit|courtesy|illustration)s?\b[^()\n]{0,80}\)"
    r"|^[ \t]*(?:photo|photograph|image|video|credit)s?\s*(?::|by)\s*[^\n.;()]{0,60}", re.IGNORECASE | re.MULTILINE)
AGENCIES = (r"(?:Reuters|AP|Associated Press|The Canadian Press|Canadian Press|CP|AFP|Getty Images|Getty|Bloomberg|EPA"
            r"|Shutterstock|iStock|Postmedia|Postmedia News|Toronto Star|National Post|CBC|CTV|Global News|Pool)")
NAME = r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}"
AGENCY_CREDIT = re.compile(rf"\(?(?:{NAME}\s?/\s?{AGENCIES}|{AGENCIES}\s?/\s?{NAME})\b\)?")


@lru_cache(maxsize=4)
def credit_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of photo credits and agency bylines in ``text`` (once per text: entities and the table
    both ask)."""
    patterns = (CREDIT, AGENCY_CREDIT) if "/" in text else (CREDIT,)
    return tuple(m.span() for pattern in patterns for m in pattern.finditer(text))
