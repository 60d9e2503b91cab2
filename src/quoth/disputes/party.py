"""Whose claim a dispute contests: the owner the disputing phrase names, the maker of a judged claim, the
disputer's own side (never the target), and which entities may stand as a target party.

The guideline (``disputes-dev`` README) names the target party by "the full name or fullest description the
article gives" ("Republicans on Capitol Hill", "former Carson advisers") and leaves it null when unnamed
("reports", "critics", "allegations" with no maker).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Attribution, Entity
from ..lexicon.disputes import CALL_VERBS, STATEMENT_NOUNS, STOP_WORDS, base_form

# Nouns for a judgement of something: "criticism of X's comments" is about X, not by X.
JUDGEMENT_NOUNS = frozenset({"criticism", "critique", "attack", "smear", "portrayal", "depiction",
                             "characterization", "characterisation", "analysis", "assessment"})
# Heads whose "of" phrase is the claim itself: "half of his medical advice", "some of Y's claims".
QUANTITIES = frozenset({"half", "most", "much", "many", "some", "all", "part", "parts", "portion", "none", "one",
                        "majority", "bulk", "rest", "several", "few", "each", "any"})
MULTITUDES = frozenset({"thousands", "hundreds", "millions", "dozens", "scores", "tens", "billions"})
GROUP_PREPS = frozenset({"on", "of", "in", "at", "from", "for", "with"})
# Capitalised words that do not make a description specific ("the report published Tuesday").
CALENDAR_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december""".split())
# Role heads that make the disputer speak for whoever the role names ("Clinton press secretary", "a Clinton
# campaign spokesman"); "Trump critic" does not.
SPOKESPERSON_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "secretary", "adviser", "advisor",
                                "aide", "attorney", "lawyer", "manager", "chairman", "chairwoman", "director",
                                "strategist", "surrogate", "staffer", "counsel", "representative", "communications"})
# Verbs of a relative clause whose subject made the claim: "the claims Y made", "what Y said"; not "the consensus
# that Russia hacked the emails" (the parser's relative clause is the claim itself, its subject no maker).
MAKER_VERBS = frozenset({"make", "made", "makes", "making", "say", "said", "says", "saying", "give", "gave", "given",
                         "offer", "offered", "repeat", "repeated", "level", "leveled", "levelled", "raise", "raised",
                         "issue", "issued", "voice", "voiced", "post", "posted", "spread", "put", "publish",
                         "published", "tweet", "tweeted", "write", "wrote", "written", "claim", "claimed", "suggest",
                         "suggested", "allege", "alleged", "report", "reported", "push", "pushed", "peddle",
                         "peddled", "float", "floated", "air", "aired", "tell", "told", "describe", "described"})
# Clause links a claim's maker may be found across: "Nunberg was looking for publicity using false claims".
CONTROL_DEPS = frozenset({"xcomp", "advcl", "pcomp", "acl", "pobj", "prep"})


def claim_owner(tok: Token, entity_of: dict[int, Entity]) -> Entity | None:
    """Whose claim: "Noem's claims", "the words of Y", "statements made by Y", "what Y said", or Y itself.
    "of" names the owner only when its object is the party itself ("the claims of Y"), and never after a
    judgement noun ("criticism of Mr. Trump's comments" criticises Trump)."""
    if tok.i in entity_of and tok.pos_ in ("PROPN", "PRON"):  # "Y is lying", "she is wrong" (resolved)
        return entity_of[tok.i]
    judged = base_form(tok.text) in JUDGEMENT_NOUNS
    for child in tok.children:
        if child.dep_ in ("poss", "compound") and child.i in entity_of:
            return entity_of[child.i]
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            found = pobj_entity(child, entity_of)
            if found is not None:
                return found
        if child.dep_ == "prep" and child.lower_ == "of" and not judged:
            found = _of_owner(tok, child, entity_of)
            if found is not None:
                return found
        if child.dep_ in ("acl", "relcl"):
            found = _agent(child, entity_of)
            if found is not None:
                return found
    return None


def _agent(clause: Token, entity_of: dict[int, Entity]) -> Entity | None:
    """"statements made by Y", "what Y said" (a relative clause's subject)."""
    for grand in clause.children:
        if grand.dep_ == "agent" or (grand.dep_ == "prep" and grand.lower_ == "by"):
            found = pobj_entity(grand, entity_of)
            if found is not None:
                return found
        if grand.dep_ == "nsubj" and clause.dep_ == "relcl" and grand.i in entity_of \
                and clause.lower_ in MAKER_VERBS:
            return entity_of[grand.i]
    return None


def pobj_entity(prep: Token, entity_of: dict[int, Entity]) -> Entity | None:
    """The entity a "by/from" phrase names; a person before the office they hold ("Secretary of Homeland
    Security Kristi Noem")."""
    for pobj in prep.children:
        if pobj.dep_ == "pobj":
            found = [entity_of[t.i] for t in pobj.subtree if t.i in entity_of]
            if found:
                return next((e for e in found if e.kind == "person"), found[0])
    return None


def _of_owner(tok: Token, prep: Token, entity_of: dict[int, Entity]) -> Entity | None:
    """"the claims of Y": the object of "of" when it is a party's mention; "half of Oz's advice": the owner of
    the object after a quantity; not "accounts of thousands of Muslims" (what the claim is about)."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    if tok.lower_ in QUANTITIES:
        return claim_owner(pobj, entity_of)
    return entity_of.get(pobj.i) if pobj.pos_ in ("PROPN", "PRON") else None


def claim_maker(tok: Token, anchor: Token, entity_of: dict[int, Entity]) -> Entity | None:
    """Who makes the claim a predicate judges: "Sanders is mounting a phony attack", "Y spread false claims",
    "Nunberg was looking for free publicity using false claims" (the subject of the clause the verb hangs on)."""
    if tok.dep_ != "dobj" or tok.head.i == anchor.i or tok.head.pos_ != "VERB":
        return None
    if base_form(tok.text) not in STATEMENT_NOUNS or base_form(tok.head.text) in CALL_VERBS:
        return None  # "X called the charges fabricated": X judges the claim, it does not make it
    verb = tok.head
    for _ in range(5):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return entity_of.get(subject.i)
        if verb.dep_ not in CONTROL_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def side_words(by: Attribution, entities: dict[str, Entity]) -> set[str]:
    """The disputer's side, by name: its own name words and the proper words of its roles ("Clinton press
    secretary Brian Fallon" speaks for the Clinton campaign, which is then not the party disputed)."""
    entity = entities.get(by.speaker or "")
    if entity is None or not entity.named:
        return set()
    words = name_words(entity.name)
    for role in entity.roles:
        if role.split() and role.split()[-1].lower() in SPOKESPERSON_ROLES:
            words |= {w[:5] for w in _proper_words(role)}
    return words


def name_words(name: str) -> set[str]:
    """Lower-cased 5-letter prefixes of a name's words ("Colombian government" and "Government of Colombia"
    share "colom", "gover")."""
    out = set()
    for raw in name.replace("’", "'").split():
        word = "".join(ch for ch in raw.lower() if ch.isalnum() or ch == "-").strip("-")
        if word.endswith("s") and raw.endswith(("'s", "’s")):
            word = word[:-1]
        if len(word) > 2 and word not in STOP_WORDS and not word.isdigit():
            out.add(word[:5])
    return out


def _proper_words(text: str) -> list[str]:
    words = [w.strip("'’\".,").removesuffix("'s").removesuffix("’s") for w in text.split()]
    return [w.lower() for w in words if w[:1].isupper() and w.lower() not in STOP_WORDS and len(w) > 2]


def can_be_party(entity: Entity | None) -> bool:
    """A named entity, or a description specific enough to stand as the party: a plural group with a proper word
    beyond its first ("former Carson advisers", "Republicans on Capitol Hill"); not "critics", "some",
    "the report published Tuesday"."""
    if entity is None:
        return False
    if entity.named:
        return True
    if entity.kind != "group":
        return False  # "the GOP front-runner", "the top British medical journal": one named elsewhere
    words = entity.name.split()
    proper = [w for w in _proper_words(" ".join(words[1:])) if w not in CALENDAR_WORDS]
    head = next((w for w, after in zip(words, [*words[1:], ""]) if after.lower() in GROUP_PREPS), words[-1])
    return len(words) >= 2 and bool(proper) and head.lower().endswith("s") and not head.endswith("ss")


def named_group(tok: Token, entities: dict[str, Entity]) -> Entity | None:
    """"the Sanders campaign is lying": the campaign the article names elsewhere, not its candidate."""
    words = name_words(" ".join(t.text for t in tok.subtree if t.i <= tok.i and t.dep_ != "det"))
    if tok.pos_ != "NOUN" or len(words) < 2:
        return None
    return next((e for e in entities.values() if e.named and e.kind != "person" and name_words(e.name) == words),
                None)


def described_owner(tok: Token, entity_of: dict[int, Entity]) -> bool:
    """The phrase gives the claim's owner by a description, not a name: "the claims of some GOP presidential
    candidates", "claims by intelligence agencies", "a false narrative from sources hiding behind …". Then no
    other party's statement is the claim."""
    for child in tok.children:
        if child.dep_ != "prep" or child.lower_ not in ("by", "from", "of"):
            continue
        if child.lower_ == "of" and (base_form(tok.text) in JUDGEMENT_NOUNS or tok.lower_ in QUANTITIES):
            continue
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.pos_ == "NOUN" and pobj.tag_ == "NNS" and pobj.i not in entity_of \
                and not pobj.like_num and pobj.lower_ not in MULTITUDES:
            return base_form(tok.text) in STATEMENT_NOUNS
    return False


def bare_judgement(tok: Token) -> bool:
    """"dismissed criticism of his comments", "dismissed critique of his performance": criticism in general,
    with no determiner and no one named, has no party and points at no statement."""
    return base_form(tok.text) in JUDGEMENT_NOUNS and tok.tag_ in ("NN", "NNS") and not any(
        c.dep_ in ("det", "poss", "compound", "nummod") for c in tok.children) and not any(
        c.dep_ == "prep" and c.lower_ in ("by", "from") for c in tok.children)
