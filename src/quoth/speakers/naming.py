"""Names and descriptions as the article writes them: a proper-noun source cut at its appositive ("Navdeep Bains,
Minister of …" → "Navdeep Bains"), a lower-cased person's name ("alexei malashenko, a leading … expert"), and the
phrase an unnamed source is known by (no trailing relative clause or punctuation, an abbreviation's period kept).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..lexicon.people import DOCUMENT_NOUNS, GROUP_NOUNS, ORG_NOUNS, PERSON_NOUNS
from .evidence import PERSON_DESCRIPTION_NOUNS

RELATIVE_TAIL = re.compile(r",\s+(?:which|who|whose|that|where)\b|\s+(?:which|who)\s")
IN_PARTICULAR = re.compile(r",?\s*(?:in particular|especially)\s*,?\s*$")


def lower_case_name(head: Token) -> str | None:
    """A person's name written in lower case, as a lower-cased article has it: two or three bare singular words
    ("alexei malashenko") with no determiner, none of them a role, title or group noun, in apposition with a
    description of a person ("…, a leading expert"). Returned as written."""
    words = [t for t in head.lefts if t.dep_ == "compound"] + [head]
    if not 2 <= len(words) <= 3 or head.tag_ != "NN" or words[0].i != head.left_edge.i \
            or any(not t.is_alpha or not t.is_lower or t.lower_ in PERSON_DESCRIPTION_NOUNS or t.lower_ in ORG_NOUNS
                   or t.lower_ in GROUP_NOUNS or t.lower_ in DOCUMENT_NOUNS for t in words) \
            or any(c.dep_ in ("det", "poss", "nummod", "amod") for c in head.children):
        return None
    appos = [c for c in head.children if c.dep_ == "appos" and c.i > head.i]
    if not any(a.lower_ in PERSON_DESCRIPTION_NOUNS and a.tag_ == "NN" for a in appos):
        return None
    return " ".join(t.text for t in words)


APPOSITIVE_CUT = re.compile(r"\s*(?:,|\(|\s[-–—]\s)")


def proper_name_text(text: str, tokens: list[Token]) -> str:
    """A proper-noun source's name in the article's own spelling: from its first word (no determiner) up to an
    appositive comma, bracket or dash, without a trailing possessive ("Navdeep Bains, Minister of …" → "Navdeep
    Bains")."""
    words = [t for t in tokens if not t.is_space]
    while len(words) > 1 and (words[0].dep_ == "det" or words[0].is_punct):
        words = words[1:]
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    name = APPOSITIVE_CUT.split(text[start:end], maxsplit=1)[0]
    return describe(re.sub(r"['’]s$", "", name))


def describe(text: str) -> str:
    """The name of an unnamed source: its phrase without a trailing relative clause or punctuation."""
    phrase = IN_PARTICULAR.sub("", RELATIVE_TAIL.split(text)[0]).strip()
    out = phrase.rstrip(" ,.;:—–-\"“”'’").strip() or text.strip()
    if ABBREVIATION_END.search(out) and phrase.startswith(out + "."):
        out += "."  # "U.S.", "Jr.": the period is the abbreviation's
    return out


# A phrase ending in an abbreviation whose last period ``describe`` would cut ("U.S", "Jr", "Inc").
ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.[A-Za-z]|\b(?:Jr|Sr|Inc|Corp|Co|Ltd|St))$")


def capitalised_noun(head: Token, nouns: frozenset[str] = PERSON_NOUNS | GROUP_NOUNS) -> bool:
    """A common noun the tagger read as a proper noun for its capital opening a sentence ("Aides to Clinton said",
    "Advisers to Mr. Rubio"): a person or group noun (of ``nouns``), singular or plural."""
    low = head.lower_
    if not head.is_sent_start or not head.text[1:].islower() or head.ent_type_ == "NORP" \
            or low.rstrip("s") in PARTY_WORDS:
        return False
    return low in nouns or low.endswith("s") and low[:-1] in nouns


# Members of parties and movements: proper nouns even opening a sentence ("Democrats said …").
PARTY_WORDS = frozenset({"democrat", "republican", "liberal", "conservative", "tory", "torie", "socialist",
                         "communist", "libertarian", "green", "labourite", "democrats", "republicans"})


def as_written(tokens: list[Token]) -> str:
    """Tokens as the article spaces them ("Fiorina's team", never "Fiorina 's team"); a space where a token
    between two of them was left out."""
    out = [t.text_with_ws if n + 1 < len(tokens) and tokens[n + 1].i == t.i + 1 else t.text + " "
           for n, t in enumerate(tokens)]
    return "".join(out).strip()
