"""A disputing statement the attribution extractor did not find: the dispute verb is itself the report.

"News Corporation denied the reports", "Priebus has pushed back on those charges": a dispute verb whose subject is
a named party (or a person word) reports that party's statement even when no speech verb does. When no attribution
holds such a cue, ``verb_statement`` makes one (source: the subject; cue: the verb; content: what it disputes), so
that the dispute has its ``by``. Only main-clause verbs with a subject: "denying claims of plagiarism" (no subject)
and "he said she denied it" (inside another's words: that attribution is ``by``) make none.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..docindex import doc_text
from ..lexicon.disputes import CORRECT_VERBS, DISPUTE_VERBS, PHRASAL_VERBS, QUANTITY_WORDS, STATEMENT_NOUNS, base_form
from ..model import Attribution, Entity, Span
from .detect import Cue, hyphenated, is_person

VERBS = DISPUTE_VERBS | PHRASAL_VERBS | CORRECT_VERBS


def verb_statement(doc: Doc, cue: Cue, attributions: list[Attribution],
                   entity_of: dict[int, Entity]) -> Attribution | None:
    """An attribution for a dispute verb with a named subject and no attribution of its own, else None."""
    verb = cue.anchor
    if verb.pos_ != "VERB":
        return None
    if cue.target is None:  # "Rubio disagreed.": a disagreement with no object, after another's statement
        if not verb.lower_.startswith("disagree"):
            return None
    elif base_form(hyphenated(doc, verb)) not in VERBS or base_form(cue.target.text) not in STATEMENT_NOUNS:
        return None  # "denied the reports", "pushed back on those charges": a named claim, not "denied it"
    subject = _subject(verb)
    if subject is None or not (subject.i in entity_of or _party(subject)) or subject.lower_ in ("i", "we", "you"):
        return None
    source = _phrase(doc, subject)
    content = _content(doc, verb, cue.target)
    if source is None or content is None:
        return None
    speaker = entity_of.get(subject.i)
    n = 1 + max((int(a.id[1:]) for a in attributions if a.id[1:].isdigit()), default=0)
    return Attribution(id=f"a{n}", kind="indirect", content=content,
                       cue=Span.from_offsets(doc_text(doc), [(verb.idx, verb.idx + len(verb))]), source=source,
                       speaker=speaker.id if speaker is not None else None, confidence=cue.confidence)


def _subject(verb: Token) -> Token | None:
    """The verb's subject; for "… and denied it", the subject of the verb it is joined to; for "began dismissing
    the notion", "was quick to push back", the subject of the verb it completes (not "told him to deny": there the
    object denies); for "has pooh-poohed" parsed with the subject on "has", the auxiliary's; for a passive, its
    agent ("the claims were denied by the campaign")."""
    node = verb
    for _ in range(4):
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None) or next(
            (g for c in node.children if c.dep_ == "aux" for g in c.children if g.dep_ == "nsubj"), None)
        if subject is None and node is verb:
            subject = next((g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                           None)
        if subject is not None:
            return subject
        if node.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in node.head.children):
            return None
        if node.dep_ not in ("conj", "xcomp") and not (node.dep_ == "acomp" and node.pos_ == "ADJ"):
            return None
        node = node.head
    return None


def _party(subject: Token) -> bool:
    """A person or group: "Acme's spokeswoman", "critics", and "some of the workers", "those who …"."""
    if is_person(subject):
        return True
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if subject.lower_ in QUANTITY_WORDS and of is not None:
        return any(c.dep_ == "pobj" and is_person(c) for c in of.children)
    return subject.lower_ == "those" and any(c.dep_ == "relcl" for c in subject.children)


def _phrase(doc: Doc, head: Token) -> Span | None:
    tokens = [t for t in head.subtree if t.dep_ not in ("relcl", "acl", "appos", "punct")]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens if t.i <= head.i + 6)
    return Span.from_offsets(doc_text(doc), [(start, end)]) if end > start else None


def _content(doc: Doc, verb: Token, target: Token | None) -> Span | None:
    """What is disputed: the target's phrase when it follows the verb in its sentence, else the verb alone."""
    if target is None or target.sent != verb.sent or target.i < verb.i:
        return Span.from_offsets(doc_text(doc), [(verb.idx, verb.idx + len(verb))])
    tokens = list(target.subtree)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Span.from_offsets(doc_text(doc), [(start, end)]) if end > start else None
