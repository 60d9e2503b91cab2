"""Which places an article says are municipalities, provinces or states, so that "the city said" can be the city
the article names ("the City of Surrey", "the city of Phoenix") rather than its bare description.

Evidence, all from the article's own words: "City of X" / "the town of X" / "Province of X" / "State of X"; "X city
council", "X City Hall", "X city staff"; "mayor of X", "X Mayor Ana Ruiz"; "premier of X", "X Premier …"; "governor
of X", "X Gov. …". A bare place name ("Toronto") is never enough: the article has to call it a city.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon.people import TITLES
from .evidence import is_first_name

# The description nouns a local government goes by, and the kind of place each one means.
CITY_NOUNS = frozenset({"city", "town", "village", "township", "municipality", "borough"})
PLACE_KIND = {**{n: "city" for n in CITY_NOUNS}, "county": "county", "province": "province", "state": "state",
              "region": "region", "district": "district"}
# Nouns for the people or bodies of a local government ("city staff", "town council"): "<X> city staff".
LOCAL_BODY_NOUNS = frozenset({"staff", "officials", "official", "council", "hall", "administration",
                              "spokesperson", "spokesman", "spokeswoman", "spokespeople", "administrators"})

_NAME = r"[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2}"
_NOUN = "|".join(sorted(PLACE_KIND))
# "City of Surrey", "the town of Cobourg", "Province of Ontario" (the place's name is capitalised, not "the").
OF_PLACE = re.compile(rf"\b(?P<noun>(?i:{_NOUN}))[ \t]+of[ \t]+(?P<name>{_NAME})")
# "Surrey city council", "Phoenix City Hall", "Toronto city staff".
PLACE_BODY = re.compile(rf"\b(?P<name>{_NAME})(?<!\.)[ \t]+(?P<noun>(?i:city|town))[ \t]+"
                        r"(?i:council|hall|staff|officials|manager|clerk|councillors?|councilors?)\b")
# "mayor of Surrey", "premier of Ontario", "governor of Indiana".
HEAD_OF = re.compile(rf"\b(?P<title>(?i:mayor|premier|governor))[ \t]+of[ \t]+(?P<name>{_NAME})")
# "Surrey Mayor Doug McCallum", "Ontario Premier Doug Ford", "Indiana Gov. Mike Pence".
PLACE_TITLE = re.compile(rf"\b(?P<name>{_NAME})[ \t]+(?P<title>Mayor|Premier|Governor|Gov\.)[ \t]+[A-Z]")
TITLE_KIND = {"mayor": "city", "premier": "province", "governor": "state", "gov.": "state"}
# Words that are no place's name: "the State of the Union", "Former Mayor", "Deputy Premier".
NOT_PLACE = frozenset({"the", "a", "an", "former", "deputy", "acting", "then", "new", "our", "this", "that", "his",
                       "her", "their", "its", "union", "emergency", "art", "affairs", "grace"})


@dataclass(frozen=True)
class LocalPlace:
    """A place the article calls a city (or province, state …): its name, its kind, and the article's own fullest
    phrase for its government when there is one ("City of Surrey")."""

    name: str
    kind: str
    phrase: str | None


@lru_cache(maxsize=4)
def local_places(text: str) -> tuple[LocalPlace, ...]:
    """The places ``text`` calls a city, town, county, province or state, in order of first evidence."""
    found: dict[tuple[str, str], str | None] = {}

    def add(name: str, kind: str, noun: str | None = None) -> None:
        words = name.split()
        while words and words[0].lower() in NOT_PLACE:
            words = words[1:]
        cut = next((n for n, w in enumerate(words) if w.lower().rstrip(".,") in NOT_PLACE or w.lower() in TITLES
                    or n > 0 and is_first_name(w)), None)  # "mayor of Norbury Ana Ruiz": the place ends at a name
        words = words[:cut]
        if not words:
            return
        place = " ".join(words).rstrip(".,’'")
        key = (place, kind)
        if noun is not None and found.get(key) is None:
            found[key] = f"{noun} of {place}"
        else:
            found.setdefault(key, None)

    for m in OF_PLACE.finditer(text):
        add(m.group("name"), PLACE_KIND[m.group("noun").lower()], m.group("noun"))
    for m in PLACE_BODY.finditer(text):
        add(m.group("name"), "city")
    for pattern in (HEAD_OF, PLACE_TITLE):
        for m in pattern.finditer(text):
            add(m.group("name"), TITLE_KIND[m.group("title").lower()])
    return tuple(LocalPlace(name, kind, phrase) for (name, kind), phrase in found.items())


def the_local_place(text: str, noun: str, before: int) -> LocalPlace | None:
    """The place "the <noun>" (city, town, province …) is, read at character ``before``: the only place of that
    kind the article names, or the one named at least twice as often as any other by then; None when the article
    does not say (no such place, or two about equally named)."""
    kind = PLACE_KIND.get(noun.lower())
    if kind is None:
        return None
    places = [p for p in local_places(text) if p.kind == kind]
    if len(places) == 1:
        return places[0] if _count(text, places[0].name, len(text)) else None
    counts = sorted(((_count(text, p.name, before), n) for n, p in enumerate(places)), reverse=True)
    if not counts or counts[0][0] == 0 or len(counts) > 1 and counts[0][0] < 2 * counts[1][0]:
        return None
    return places[counts[0][1]]


def _count(text: str, name: str, end: int) -> int:
    """How often ``name`` occurs as whole words in ``text`` before ``end``."""
    return len(re.findall(rf"\b{re.escape(name)}\b", text[:end]))
