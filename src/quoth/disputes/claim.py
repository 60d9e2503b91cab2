"""The disputed claim as a statement of its own, when the disputing sentence spells it out.

"rejected criticism from Trump that shutting down the unit made the city less safe", "pushing back against claims
by intelligence agencies that some of her messages should be classified", "quashed rumors he was planning to write
a book", "Mr. Khan was wrong to say he had not sacrificed", "is absolutely wrong for saying Clinton lied to her":
the sentence reports the claim itself, with a statement noun or a saying verb as its cue and (often) its maker.
The guideline's target claim is that span; no attribution holds it but the disputer's own. ``stated_claim`` makes
the nested attribution (source: the maker the phrase names, if any; cue: the noun or verb; content: the claim;
parent: the disputing attribution) so that ``target_attribution`` can point at it. A bare denied clause ("denied
that she mishandled …") or a guilt noun ("denied any role") is the disputer's own content, not a reported claim,
and makes none.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..docindex import doc_text
from ..lexicon.disputes import STATEMENT_NOUNS, base_form
from ..model import Attribution, Entity, Span
from .detect import Cue
from .target import Target

# Verbs of saying whose complement is the claim: "wrong to say …", "for saying …", "tweets accusing Y of …".
SAYING_VERBS = frozenset({"say", "saying", "said", "claim", "claiming", "suggest", "suggesting", "insist",
                          "insisting", "accuse", "accusing", "allege", "alleging", "argue", "arguing", "assert",
                          "asserting", "imply", "implying", "charge", "charging", "write", "writing", "tweet",
                          "tweeting", "state", "stating"})
# Nouns for a claim: the statement nouns, and words for a false one ("this fiction that …").
CLAIM_NOUNS = STATEMENT_NOUNS | frozenset({"fiction", "myth", "lie", "idea", "falsehood", "canard", "hoax"})
# Verbs of a relative clause that makes or spreads the statement: "the claims that he made" states no claim.
MAKING_VERBS = frozenset({"make", "made", "making", "give", "gave", "given", "offer", "offered", "repeat",
                          "repeated", "level", "leveled", "levelled", "raise", "raised", "issue", "issued", "voice",
                          "voiced", "post", "posted", "spread", "put", "publish", "published", "hear", "heard",
                          "read", "see", "seen", "saw", "push", "pushed", "peddle", "peddled", "say", "said"})
CLAUSE_DEPS = ("acl", "ccomp", "appos", "relcl")


def stated_claim(doc: Doc, cue: Cue, by: Attribution, attributions: list[Attribution],
                 entity: Entity | None) -> Attribution | None:
    """A new attribution for the claim the disputing sentence states (see the module docstring), else None.
    ``entity`` is the target party already resolved; it becomes the speaker when the sentence names it before
    the claim."""
    found = _saying_clause(cue) or _noun_clause(cue)
    if found is None:
        return None
    cue_tok, content = found
    lo, hi = _edges(content)
    if hi <= lo or not any(s <= lo and hi <= e for s, e in by.content.spans) and not _in_sentence(cue, lo, hi):
        return None
    text = doc_text(doc)
    n = 1 + max((int(a.id[1:]) for a in attributions if a.id[1:].isdigit()), default=0)
    speaker = entity.id if entity is not None and _named_before(entity, cue.anchor.sent.start_char, lo) else None
    return Attribution(id=f"a{n}", kind="indirect", content=Span.from_offsets(text, [(lo, hi)]),
                       cue=Span.from_offsets(text, [(cue_tok.idx, cue_tok.idx + len(cue_tok))]), source=None,
                       speaker=speaker, parent=by.id, confidence=cue.confidence)


def _noun_clause(cue: Cue) -> tuple[Token, list[Token]] | None:
    """"claims by Y that P", "the states' rationale that P", "rumors P", "the notion that P": a statement noun
    with a clause that has its own subject; "Trump's tweets accusing Y of P", "anyone claiming that P": a noun
    with a saying verb's participle."""
    tok = cue.target
    if tok is None or tok.pos_ not in ("NOUN", "PRON"):
        return None
    for child in tok.children:
        if child.dep_ not in CLAUSE_DEPS or child.i < tok.i or child.pos_ not in ("VERB", "AUX"):
            continue
        if cue.anchor.i in (t.i for t in child.subtree):
            continue
        if child.tag_ == "VBG" and child.lower_ in SAYING_VERBS:
            return child, _complement(child)
        if tok.pos_ == "NOUN" and base_form(tok.text) in CLAIM_NOUNS and _own_clause(child):
            return tok, _without_mark(child)
    return _following_clause(tok) if tok.pos_ == "NOUN" and base_form(tok.text) in CLAIM_NOUNS else None


def _following_clause(noun: Token) -> tuple[Token, list[Token]] | None:
    """"put out this fiction that P", "dispel with this fiction that P": the parser hangs the "that" clause on
    the verb; it is the noun's when it starts right after the noun."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("dobj", "pobj"):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i == noun.right_edge.i + 1
                   and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"), None)
    return (noun, _without_mark(clause)) if clause is not None else None


def _without_mark(clause: Token) -> list[Token]:
    return [t for t in clause.subtree if not (t.dep_ in ("mark", "nsubj", "dobj") and t.tag_ in ("IN", "WDT")
                                              and t.i == clause.left_edge.i)]


def _saying_clause(cue: Cue) -> tuple[Token, list[Token]] | None:
    """"Y was wrong to say P", "Y is wrong for saying P", "called him a liar for continuing to insist P": the
    saying verb the falsity word governs (through "to" or "for", and a verb it completes)."""
    anchor = cue.anchor
    if anchor.pos_ not in ("ADJ", "NOUN"):
        return None
    heads = [anchor, anchor.head] if anchor.dep_ in ("acomp", "attr", "amod") else [anchor]
    for child in (c for h in heads for c in h.children):
        verb = child if child.dep_ == "xcomp" and anchor.pos_ == "ADJ" and _said_by_someone(heads[-1]) else next(
            (g for g in child.children if g.dep_ == "pcomp"), None) if child.dep_ == "prep" and (
                child.lower_ == "for" or anchor.pos_ == "ADJ") else None
        if verb is not None and verb.lower_ not in SAYING_VERBS:
            verb = next((g for g in verb.children if g.dep_ == "xcomp" and g.lower_ in SAYING_VERBS), None)
        if verb is not None and verb.lower_ in SAYING_VERBS:
            content = _complement(verb)
            if content:
                return verb, content
    return None


def _said_by_someone(head: Token) -> bool:
    """"Y was wrong to say …" names who said it; "it is wrong to say …" does not."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("it", "this", "that") for c in head.children)


def _complement(verb: Token) -> list[Token]:
    """What a saying verb reports: its clause, else everything after it ("accusing Y of having a record")."""
    clause = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i), None)
    if clause is not None:
        return _without_mark(clause)
    return [t for c in verb.children if c.i > verb.i and c.dep_ not in ("punct", "cc", "conj") for t in c.subtree]


def _own_clause(verb: Token) -> bool:
    """A clause that states something: its own subject ("that the campaign is calling …"), not "the statements
    made by Y" or a relative clause on the noun ("the claims that he made": "that" is its object)."""
    relative = [c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj")
                and c.tag_ in ("WDT", "WP")]
    if verb.lower_ in MAKING_VERBS | SAYING_VERBS and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp") and c not in relative for c in verb.children):
        return False  # "the false narrative she would claim": the noun is what the clause's verb says
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") and c not in relative for c in verb.children):
        return not (relative and verb.lower_ in MAKING_VERBS)
    # "criticism that shutting down the unit made …": a gerund cannot head a relative clause on "that"
    return verb.tag_ == "VBG" and any(c.lower_ == "that" for c in relative)


def _edges(tokens: list[Token]) -> tuple[int, int]:
    if not tokens:
        return 0, 0
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    while last.is_punct and last.i > first.i and last.doc[last.i - 1] in tokens:
        last = last.doc[last.i - 1]
    return first.idx, last.idx + len(last)


def _in_sentence(cue: Cue, lo: int, hi: int) -> bool:
    sent = cue.anchor.sent
    return sent.start_char <= lo and hi <= sent.end_char


def _named_before(entity: Entity, lo: int, hi: int) -> bool:
    """The party is named in the sentence before the claim ("criticism from Trump that …", "Khan was wrong to
    say …"), not only inside it ("the suggestion that he advised Trump …": Trump is what the claim is about)."""
    return any(lo <= m.start and m.end <= hi for m in entity.mentions)


def link_stated_claim(doc: Doc, cue: Cue, by: Attribution, target: Target, attributions: list[Attribution],
                      made: list[Attribution]) -> Target:
    """``target`` with its attribution replaced by the claim the disputing sentence states, when it states one.
    The new attribution goes to ``made`` (numbered after ``attributions`` and ``made``), not into
    ``attributions``: it must not become a disputing statement or a contradiction's party; the caller adds it to
    the article's attributions when every dispute is found."""
    claim = stated_claim(doc, cue, by, attributions + made, target.entity)
    if claim is None and target.attribution is None:
        claim = _noun_phrase_claim(doc, cue, by, attributions + made)
    if claim is None:
        return target
    made.append(claim)
    return Target(claim, target.entity, target.text)


# Prepositions whose object says what a statement noun claims: "accounts of thousands celebrating", "critique of
# his performance", "attacks on her campaign contributions".
ABOUT_PREPS = frozenset({"of", "about", "on", "over"})


def _noun_phrase_claim(doc: Doc, cue: Cue, by: Attribution, attributions: list[Attribution]) -> Attribution | None:
    """When no statement is found: the disputed statement noun with what it is about ("dismissed critique of
    his performance at the debate") is the claim as the sentence names it."""
    tok = cue.target
    if tok is None or tok.pos_ != "NOUN" or base_form(tok.text) not in STATEMENT_NOUNS:
        return None
    if not any(c.dep_ == "prep" and c.lower_ in ABOUT_PREPS and any(g.dep_ == "pobj" for g in c.children)
               for c in tok.children):
        return None
    tokens = [t for t in tok.subtree if not (t.i > tok.i and t.dep_ in ("relcl", "appos"))]
    lo, hi = _edges(tokens)
    if hi <= lo or not any(s <= lo and hi <= e for s, e in by.content.spans):
        return None
    text = doc_text(doc)
    n = 1 + max((int(a.id[1:]) for a in attributions if a.id[1:].isdigit()), default=0)
    return Attribution(id=f"a{n}", kind="indirect", content=Span.from_offsets(text, [(lo, hi)]),
                       cue=Span.from_offsets(text, [(tok.idx, tok.idx + len(tok))]), source=None, speaker=None,
                       parent=by.id, confidence=cue.confidence)
