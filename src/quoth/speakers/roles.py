"""Matching a role description to the person holding the role ("the Homeland Security secretary", "the Vermont
senator"), with the ties the article gives (``ties``), and the unnamed person an indefinite phrase introduced.

``RoleMatching`` is a mixin of ``descriptions.Descriptions``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .entities import Cluster
from .naming import describe
from .salience import Salience
from .table import EntityTable
from .ties import NATIONAL_MARKS, STATE_ABBREVIATIONS, is_party, marks_conflict, person_ties, phrase_marks

# A definite role noun with no title, appositive or copula tying it ("the official") refers back only to the one
# person compatible with it who is named this many sentences back at most; else it stays an unnamed entity.
# Checked on speakers-dev (0: 3 rows lost, 1: 2 rows lost against tying to the most salient person anywhere).
ROLE_LOCAL_SENTENCES = 1
# A role whose holder the article does not tie to the description's place or party ("the Florida senator" against
# "Sen. Marco Rubio") still names the one holder mentioned this many sentences back at most, or named in a sentence
# that names the place, or one of the two most salient people there (a guess beyond that: "Sen. Rand Paul" ten
# paragraphs up is no "Vermont senator").
LOOSE_ROLE_SENTENCES = 3
LOOSE_ROLE_PROTAGONISTS = 2

# Words that make a role another one: a "deputy prime minister" is not "the prime minister".
QUALIFIER_STEMS = frozenset(w[:5] for w in ("deputy", "vice", "assistant", "associate", "former", "acting", "junior",
                                             "under", "lieutenant", "shadow", "ex"))

ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
                 "gen": "general", "sec": "secretary", "atty": "attorney", "amb": "ambassador"}


def _stem(word: str) -> str:
    """Crude demonym stem so "Colombian" meets "Colombia" and "American" meets "America"; "Gov." = governor."""
    low = word.lower().rstrip(".")
    return ABBREVIATIONS.get(low, low)[:5]


class RoleMatching:
    """Role matching, mixed into ``Descriptions`` (which sets these attributes)."""

    doc: Doc
    table: EntityTable
    salience: Salience

    def _role_match(self, head: Token, tokens: list[Token], need_head: bool = True,
                    loose: bool = False) -> Cluster | None:
        """The person one of whose roles shares the description's head noun (and most of its modifiers); a role
        with a qualifier the description lacks ("deputy prime minister" for "the prime minister"), or without one it
        has ("prime minister" for "the former prime minister"), or without the noun compounded onto the head
        ("inspector general" is no "Gen."), does not fit. A place or party mark the role lacks ("the Florida
        senator" against "Sen.") needs a tie (``_marks_fit``); ``loose``: only no tie against it, and then only
        when one person fits. A holder named only after the description needs a role holding all its marks
        ("Colombia's socialist president" … "Colombian President Gustavo Petro"): "the senator said …" is not the
        senator named in the next paragraph."""
        words = {_stem(t.text) for t in tokens if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.is_stop}
        present = {_stem(t.text) for t in tokens}  # "former" is a spaCy stop word, and a qualifier
        marks = phrase_marks(" ".join(t.text for t in tokens))
        # marks naming an entity of the article ("Trump's campaign chief") say whose role, not which place
        named = phrase_marks(" ".join(t.text for t in tokens if (c := self.table.token_cluster.get(t.i)) is not None
                                      and c.entity.kind in ("person", "organization")))
        compound = {_stem(t.text) for t in head.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"}
        head_stem = _stem(head.text)
        fitting: list[tuple[tuple[float, float], Cluster]] = []
        for c in self.table.clusters:
            if c.entity.kind != "person" or not c.entity.roles:
                continue
            later = c.first_token >= head.i
            fits = [len(words & role_words) for role in c.entity.roles
                    if (role_words := {_stem(w) for w in role.replace("-", " ").split()})
                    and (not later or marks and marks <= phrase_marks(role))
                    and (role_words & QUALIFIER_STEMS) == (present & QUALIFIER_STEMS) and compound <= role_words
                    and self._marks_fit(marks, named, role, c, loose)
                    and (head_stem in role_words or not need_head and (words - {head_stem}) & role_words)]
            if fits:
                salience_now = self.salience.score(c, head.i)
                fitting.append(((max(fits) + 0.1 * min(1.0, salience_now), salience_now), c))
        if not loose:
            return max(fitting, key=lambda sc: sc[0])[1] if fitting else None
        near = [c for _, c in fitting if self._recent(c, head.i)
                or marks - named <= self._sentence_marks(c) or self._protagonist(c, head.i)]
        return near[0] if len(near) == 1 else None  # two fit, and the article ties neither to the marks

    def _recent(self, cluster: Cluster, token: int) -> bool:
        """Whether ``cluster`` is mentioned at most LOOSE_ROLE_SENTENCES sentences before ``token``."""
        here = self.salience.sent_of[token]
        return any(here - self.salience.sent_of[t] <= LOOSE_ROLE_SENTENCES
                   for t in self.salience.mentions_before(cluster, token))

    def _protagonist(self, cluster: Cluster, token: int) -> bool:
        """Whether ``cluster`` is one of the LOOSE_ROLE_PROTAGONISTS most salient named people at ``token``."""
        scores = sorted(((self.salience.score(c, token), id(c)) for c in self.salience.clusters()
                         if c.entity.kind == "person" and c.entity.named), reverse=True)
        return id(cluster) in {i for score, i in scores[:LOOSE_ROLE_PROTAGONISTS] if score > 0}

    def _sentence_marks(self, cluster: Cluster) -> set[str]:
        """The marks of the sentences that name ``cluster`` ("Peña Nieto … before he left Mexican airspace")."""
        sents = {self.doc[i].sent.start: self.doc[i].sent for i in cluster.positions if i < len(self.doc)}
        return {m for sent in sents.values() for m in phrase_marks(sent.text)}

    def _marks_fit(self, marks: set[str], named: set[str], role: str, holder: Cluster, loose: bool = False) -> bool:
        """Whether a description's marks allow a role of ``holder``: no mark against the role's ("the Democratic
        nominee" is not the "Republican nominee"), and each mark the role lacks ("Vermont" in "the Vermont
        senator" against "Sen.") one the article ties the holder to, with none against it ("Sen. Claire McCaskill
        (D-Mo.)" is no Vermont senator)."""
        held = phrase_marks(role)
        if marks_conflict(marks, held):
            return False
        if not marks - held - named:
            return True
        ties = person_ties(self.doc, self.table.text, holder, self.table.token_cluster)
        if loose:  # untied, but only places and parties ("the Florida senator"), never a body ("State Department")
            places = {m for c in self.table.clusters if c.entity.kind in ("place", "group")
                      for m in phrase_marks(c.entity.name)} | set(STATE_ABBREVIATIONS.values()) | NATIONAL_MARKS
            return all(is_party(m) or m in places for m in marks - held - named) and not marks_conflict(marks, ties)
        return marks - held - named <= ties and not marks_conflict(marks, ties)

    def _indefinite_antecedent(self, head: Token) -> Cluster | None:
        """"One man in Manchester interrupted the candidate: '…,' the man shouted": a definite description whose
        noun one indefinite phrase introduced just before (this sentence or the previous ``ROLE_LOCAL_SENTENCES + 1``)
        is that phrase's unnamed person, never a named person nearby; two such phrases, and it stays open."""
        here = self.salience.sent_of[head.i]
        found = [tok for tok in self.doc[:head.i] if here - self.salience.sent_of[tok.i] <= ROLE_LOCAL_SENTENCES + 1
                 and tok.lower_ == head.lower_ and tok.tag_ == "NN" and tok.i not in self.table.token_cluster
                 and any(c.lower_ in ("a", "an", "one") and c.dep_ in ("det", "nummod") for c in tok.children)]
        if len(found) != 1:
            return None
        tok = found[0]
        tokens = [t for t in tok.subtree if t.i <= tok.i or t.head.i == tok.i and t.dep_ == "prep"
                  or t.head.dep_ == "prep" and t.head.head.i == tok.i]
        tokens = [t for t in tokens if t.i <= tok.i or all(not x.is_punct for x in self.doc[tok.i:t.i + 1])]
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        return self.table.unnamed(describe(self.table.text[start:end]), "person", start, end)
