"""What the article ties a person to: the places and parties that let "the Vermont senator" or "the GOP senator" name
someone, and rule someone else out.

A description's *marks* are the stems of its capitalised words that are not titles ("Vermont", "GOP", "State
Department"). A person is tied to a mark by the article's own words only: one of their roles holds it ("Vermont Sen."
→ vermo), a party-and-state bracket follows a mention ("Sen. Claire McCaskill (D-Mo.)" → democ, misso), or "of
<Place>" does ("Sen. Joe Manchin of West Virginia"). Nearby words are not ties: "Trump won in Nevada" says nothing
about who "the Nevada senator" is.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..lexicon.people import TITLES
from .entities import Cluster

# Party words and their short forms, as one stem each ("GOP" and "Republican" are one party).
PARTY_STEMS = {"gop": "repub", "republican": "repub", "republicans": "repub", "r": "repub",
               "democratic": "democ", "democrat": "democ", "democrats": "democ", "dem": "democ", "d": "democ",
               "independent": "indep", "i": "indep", "liberal": "liber", "conservative": "conse", "tory": "conse",
               "ndp": "ndp", "labour": "labou", "bloc": "bloc", "green": "green"}

# US state and Canadian province abbreviations (AP style and postal) → the stem of the place's name.
_STATES = """alabama ala al|alaska ak|arizona ariz az|arkansas ark ar|california calif ca|colorado colo co|
connecticut conn ct|delaware del de|florida fla fl|georgia ga|hawaii hi|idaho id|illinois ill il|indiana ind in|
iowa ia|kansas kan kans ks|kentucky ky|louisiana la|maine me|maryland md|massachusetts mass ma|michigan mich mi|
minnesota minn mn|mississippi miss ms|missouri mo|montana mont mt|nebraska neb nebr ne|nevada nev nv|
new-hampshire n.h nh|new-jersey n.j nj|new-mexico n.m nm|new-york n.y ny|north-carolina n.c nc|north-dakota n.d nd|
ohio oh|oklahoma okla ok|oregon ore or|pennsylvania pa|rhode-island r.i ri|south-carolina s.c sc|
south-dakota s.d sd|tennessee tenn tn|texas tex tx|utah ut|vermont vt|virginia va|washington wash wa|
west-virginia w.va wv|wisconsin wis wi|wyoming wyo wy|ontario ont on|quebec que qc|british-columbia b.c bc|
alberta alta ab|saskatchewan sask sk|manitoba man mb|nova-scotia n.s ns|new-brunswick n.b nb|
newfoundland nfld nl|prince-edward-island p.e.i pei"""
STATE_ABBREVIATIONS = {abbr: words.split()[0].replace("-", " ")[:5] for words in _STATES.replace("\n", "").split("|")
                       for abbr in words.split()[1:]}
# The country a US or Canadian role belongs to, as marks: places even when the article names no such entity.
NATIONAL_MARKS = frozenset({"u.s", "us", "ameri", "canad"})
# "(D-Mo.)", "(R-Ariz.)", "(I-Vt.)", "(R-Wis)": a party letter and a state after a name.
BRACKET = re.compile(r"\A\s*\((?P<party>[DRI])(?:\s*[-–]\s*(?P<state>[A-Z][A-Za-z.]{0,6}))?\)")
# "Kelly Ayre, a Republican," (a party noun in apposition).
PARTY_APPOSITIVE = re.compile(r"\A,\s+(?:a|an|the)\s+(?:lifelong\s+|longtime\s+)?(?P<party>Republican|Democrat|"
                              r"Liberal|Conservative|Tory|Independent)\b")
# "Joe Manchin of West Virginia" (a capitalised place right after a mention).
OF_PLACE = re.compile(r"\A,?\s+of\s+(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")
SKIP = frozenset({"the", "a", "an", "former", "then"})
# First words of two-word places ("New Hampshire", "West Virginia").
PAIRED = frozenset({"new", "north", "south", "west", "rhode", "british", "nova", "prince"})


def mark_stem(word: str) -> str:
    """The stem a capitalised word is compared by: a party's one stem, a state abbreviation's state, else the first
    five letters (a crude demonym stem: "Colombian" meets "Colombia")."""
    low = word.lower().strip(".,’'()")
    if low in PARTY_STEMS:
        return PARTY_STEMS[low]
    dotted = low.rstrip(".")
    if dotted in STATE_ABBREVIATIONS and word[:1].isupper() and len(dotted) > 1:
        return STATE_ABBREVIATIONS[dotted]
    return dotted[:5]


def phrase_marks(phrase: str) -> set[str]:
    """The marks of a phrase: its capitalised words that are not titles, as ``mark_stem`` stems, a two-word state
    ("New Hampshire") as one."""
    words = [w.strip(".,’'\"“”()") for w in phrase.replace("-", " ").replace("’s", "").replace("'s", "").split()]
    out: set[str] = set()
    for n, word in enumerate(words):
        if not word[:1].isupper():
            continue
        if word.lower() in PAIRED and n + 1 < len(words) and words[n + 1][:1].isupper():
            out.add(f"{word} {words[n + 1]}".lower()[:5])  # "New Hampshire" as one
            continue
        if n > 0 and words[n - 1].lower() in PAIRED and words[n - 1][:1].isupper() \
                or word.lower() in TITLES or word.lower() in SKIP:
            continue
        out.add(mark_stem(word))
    return out


def is_party(stem: str) -> bool:
    return stem in PARTY_STEMS.values()


def person_ties(doc: Doc, text: str, cluster: Cluster, token_cluster: dict[int, Cluster]) -> set[str]:
    """The marks the article ties a person to: their roles', a party-and-state bracket after a mention, "of
    <Place>" after a mention."""
    out = {m for role in cluster.entity.roles for m in phrase_marks(role)}
    for pos in cluster.positions:
        while pos + 1 < len(doc) and token_cluster.get(pos + 1) is cluster:
            pos += 1
        if pos >= len(doc):
            continue
        end = doc[pos].idx + len(doc[pos])
        after = text[end:end + 30]
        bracket = BRACKET.match(after)
        if bracket:
            out.add(PARTY_STEMS[bracket["party"].lower()])
            out |= phrase_marks(bracket["state"] or "")
        party = PARTY_APPOSITIVE.match(after)
        if party:
            out.add(mark_stem(party["party"]))
        of_place = OF_PLACE.match(after)
        if of_place:
            out |= phrase_marks(of_place["place"])
    return out


def split_marks(marks: set[str]) -> tuple[set[str], set[str]]:
    """(party marks, other marks)."""
    party = {m for m in marks if is_party(m)}
    return party, marks - party


def marks_conflict(wanted: set[str], held: set[str]) -> bool:
    """A description and a person (or role) that name different parties, or different places or bodies: in either
    dimension each side has a mark the other lacks."""
    (wp, wo), (hp, ho) = split_marks(wanted), split_marks(held)
    return bool(wp - hp and hp - wp) or bool(wo - ho and ho - wo)
