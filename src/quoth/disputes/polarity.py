"""Polarity of a word in its clause: is what a statement says about "qualified", "contained", "fight" negated?

Two statements contradict when they say the same thing with opposite polarity: "Clinton was not qualified" /
"they're both qualified", "the group had been contained" / "it cannot be contained", "he has sacrificed nothing" /
"he had made a lot of sacrifices". Polarity is read off the dependency parse, per word: a word is negated when it,
or a word on its way up to the head of its clause (its verb), has a negation ("not", "never", "no", "no longer")
or, for a verb, "nothing" / "none" as its object. Negations further up ("I don't think that …") are not counted:
they hedge the whole claim rather than reverse the predicate.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..lexicon.disputes import STOP_WORDS

# Words that negate what they attach to: "not", "never", "no" (determiner or "no longer"), "nothing" as an object.
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody", "nothing", "none", "nowhere"})
NEGATED_OBJECTS = frozenset({"nothing", "none", "nobody"})
# Parts of speech that carry what a statement asserts (names are topic, not predicate: see ``predicate_keys``).
PREDICATE_POS = frozenset({"NOUN", "VERB", "ADJ"})
CLAUSE_HEADS = frozenset({"VERB", "AUX"})
INDEFINITE = frozenset({"a", "an", "any", "every", "each", "some"})
CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "acomp", "xcomp", "oprd", "ccomp"})


def word_key(token: Token) -> str:
    """The key two statements share a word by: its lower-cased 5-letter prefix (quoth runs without a lemmatizer,
    as ``target.content_words`` does): "sacrifices" / "sacrificed" → "sacri"."""
    return token.lower_.replace("’", "'")[:5]


def negated(token: Token) -> bool:
    """Is ``token`` negated in its own clause (see the module docstring)?"""
    node = token
    for _ in range(8):
        if _negates(node):
            return True
        if node.pos_ in CLAUSE_HEADS and node.dep_ != "aux" or node.head.i == node.i:
            return False
        if node.dep_ in ("ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "acl"):
            return False
        node = node.head
    return False


def _negates(node: Token) -> bool:
    for child in node.children:
        low = child.lower_.replace("’", "'")
        if child.dep_ == "neg" or (low in NEGATORS and child.dep_ in ("advmod", "det", "preconj", "cc")):
            return True
        if low == "longer" and any(g.lower_ == "no" for g in child.children):
            return True  # "is no longer France"
        if node.pos_ in CLAUSE_HEADS and low in NEGATED_OBJECTS and child.dep_ in ("dobj", "attr", "nsubj"):
            return True  # "sacrificed nothing", "nothing has changed"
    return False


def generic_subject(token: Token) -> bool:
    """Is the subject of ``token``'s clause indefinite ("A cashier who steals is held accountable")? A statement
    about anyone does not contradict one about someone."""
    node = token
    for _ in range(8):
        if node.pos_ in CLAUSE_HEADS or node.head.i == node.i:
            break
        node = node.head
    subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(d.dep_ == "det" and d.lower_ in INDEFINITE for s in subjects for d in s.children)


def key_polarity_tokens(doc: Doc, spans: Iterable[tuple[int, int]]) -> dict[str, list[Token]]:
    """Key → its tokens in ``spans`` of ``doc``."""
    out: dict[str, list[Token]] = {}
    for key, tok in key_tokens(doc, spans):
        out.setdefault(key, []).append(tok)
    return out


def predicate_keys(doc: Doc, spans: Iterable[tuple[int, int]]) -> dict[str, set[bool]]:
    """Key → the polarities (True: negated) with which the content words in ``spans`` of ``doc`` occur there."""
    out: dict[str, set[bool]] = {}
    for key, tok in key_tokens(doc, spans):
        out.setdefault(key, set()).add(negated(tok))
    return out


def core_keys(doc: Doc, spans: Iterable[tuple[int, int]]) -> set[str]:
    """Keys of the words that carry the statement's main clause: its head (the highest verb or predicate in the
    span) and that head's subject, object or complement."""
    out: set[str] = set()
    for key, tok in key_tokens(doc, spans):
        if not _within(tok.head, spans) or tok.head.i == tok.i:
            out.add(key)
        elif tok.dep_ in CORE_DEPS and (not _within(tok.head.head, spans) or tok.head.head.i == tok.head.i):
            out.add(key)
    return out


def key_tokens(doc: Doc, spans: Iterable[tuple[int, int]]) -> list[tuple[str, Token]]:
    out = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        for tok in span if span is not None else ():
            if tok.pos_ not in PREDICATE_POS or len(tok) < 4 or tok.lower_ in STOP_WORDS or not tok.is_alpha:
                continue
            out.append((word_key(tok), tok))
    return out


def _within(tok: Token, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= tok.idx < e for s, e in spans)


def opposed(earlier: dict[str, set[bool]], later: dict[str, set[bool]], ignore: set[str]) -> set[str]:
    """The keys both statements assert with one polarity each, and opposite ones ("qualified" / "not qualified")."""
    return {k for k in earlier.keys() & later.keys() - ignore
            if len(earlier[k]) == 1 and len(later[k]) == 1 and earlier[k] != later[k]}
