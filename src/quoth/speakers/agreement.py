"""Agreement between a pronoun and a candidate entity: whether the entity is a person at all, and its gender.

A he/she may only refer to a person; the named-entity tagger's PERSON label is not enough ("Stella's", the
restaurant; "in Surrey", the city; "Bill C-74", the law). Evidence against a person: digits in the name, a mention
that is a bare possessive naming a place ("at Stella's", where the possessive modifies no noun), a mention as the
object of a place preposition ("in Surrey"). The tagger's own label on a mention is not used: the small model calls
"Trump" an organisation as often as a person.
A one-word name with such evidence in at least half its mentions and none for a person (a title or role; a he/she
after it is no evidence, it may be the owner's) is not a he/she's referent; a name with digits never is.

Gender, first the cluster's own votes (honorifics, the first-name lists, he/she after a lone mention), then a
gendered role noun in apposition ("spokeswoman"), then the first-name table learned from PolNeAR train
(``resources/first_name_gender.json``, built by ``scripts/train_first_names.py``), then the he/she already
resolved to the entity in this article.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from .entities import Cluster, first_name_gender

RESOURCE = "first_name_gender.json"

MALE_ROLE_NOUNS = frozenset("""
man businessman congressman chairman spokesman father husband son brother uncle nephew grandfather grandson king
prince boyfriend actor councilman alderman sportsman fisherman policeman
""".split())
FEMALE_ROLE_NOUNS = frozenset("""
woman businesswoman congresswoman chairwoman spokeswoman mother wife daughter sister aunt niece grandmother
granddaughter queen princess girlfriend actress councilwoman alderwoman sportswoman policewoman
""".split())
# Prepositions whose object is a place: "a nurse in Surrey".
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "across", "throughout", "outside", "inside", "around"})


@lru_cache(maxsize=1)
def learned_first_names() -> dict[str, str]:
    """First name (lower-case) → "m"/"f", learned from PolNeAR train; empty when the resource is absent."""
    try:
        raw = resources.files("quoth.resources").joinpath(RESOURCE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    return {k: str(v) for k, v in json.loads(raw)["names"].items()}


def name_gender(parts: list[str]) -> str | None:
    """A full name's gender from its first name: the hand lists, then the learned table (two or more parts only:
    a lone word may be a surname)."""
    known = first_name_gender(parts)
    if known is not None or len(parts) < 2:
        return known
    return learned_first_names().get(parts[0].lower().rstrip("."))


def role_gender(roles: list[str]) -> str | None:
    """"m"/"f" from a gendered noun in the entity's roles ("spokeswoman"), when they agree."""
    words = {w.lower() for role in roles for w in role.split()}
    male, female = bool(words & MALE_ROLE_NOUNS), bool(words & FEMALE_ROLE_NOUNS)
    return "m" if male and not female else "f" if female and not male else None


class Agreement:
    """Person and gender evidence for an article's clusters (pronoun votes are added as resolution goes)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.pronoun_votes: dict[int, Counter] = {}
        self._not_person: dict[int, bool] = {}

    def vote(self, cluster: Cluster, gender: str) -> None:
        """A he/she resolved to ``cluster`` with confidence: evidence of its gender."""
        self.pronoun_votes.setdefault(id(cluster), Counter())[gender] += 1

    def gender(self, cluster: Cluster) -> str | None:
        """"m", "f", "n" (not a person) or None (unknown)."""
        own = cluster.gender
        if own is not None or cluster.gender_votes:
            return own
        found = role_gender(cluster.entity.roles) or name_gender(cluster.parts)
        if found is not None:
            return found
        votes = self.pronoun_votes.get(id(cluster))
        if votes:
            (best, n), *rest = votes.most_common(2) + [("", 0)]
            return best if n > rest[0][1] else None
        return None

    def not_person(self, cluster: Cluster) -> bool:
        """Whether the evidence says this "person" is a place, business, law or product (see the module doc)."""
        key = id(cluster)
        if key not in self._not_person:
            self._not_person[key] = self._judge_not_person(cluster)
        return self._not_person[key]

    def _judge_not_person(self, cluster: Cluster) -> bool:
        if cluster.entity.kind != "person":
            return True
        if any(ch.isdigit() for part in cluster.parts for ch in part):
            return True
        if len(cluster.parts) > 1 or cluster.entity.roles:
            return False
        placelike = sum(self._placelike(i) for i in cluster.positions)
        return placelike > 0 and placelike * 2 >= len(cluster.positions)

    def _placelike(self, i: int) -> bool:
        tok = self.doc[i]
        if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPOSITIONS:
            return True
        nxt = self.doc[i + 1] if i + 1 < len(self.doc) else None
        return nxt is not None and nxt.lower_ in ("'s", "’s") and tok.dep_ != "poss"
