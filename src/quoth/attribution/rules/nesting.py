"""Nested attributions: a reported statement inside another's content ("Noem revealed that Petro assured that …").

PolNeAR's guidelines forbid nesting, so the tagger never learns it; these are read off the dependency parse inside
each content: a speech verb whose subject and clausal complement both lie in the content.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...lexicon import base_form, is_about_verb, is_nesting_verb
from ..context import Context
from ..draft import Draft, token_chars
from ..parse import subject

_CLAUSE_DEPS = ("ccomp", "xcomp")
# A nested content shorter than this many tokens is usually a fragment, not a statement.
MIN_NESTED_TOKENS = 3


def nested_attributions(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """New drafts for attributions nested in the given drafts' contents, with ``parent`` set."""
    doc, pos, lemma = ctx.doc, ctx.tokens.pos, ctx.tokens.lemma
    out: list[Draft] = []
    for d in drafts:
        for s, e in d.content:
            span = doc.char_span(s, e, alignment_mode="contract")
            if span is None:
                continue
            for i in range(span.start, span.end):
                if pos[i] in ("VERB", "AUX") and is_nesting_verb(lemma[i]):
                    nested = _nested_at(doc, doc[i], span.start, span.end, d)
                    if nested is not None:
                        out.append(nested)
    return drafts + out


def _nested_at(doc: Doc, verb: Token, lo: int, hi: int, parent: Draft) -> Draft | None:
    """A nested draft headed by the nesting verb ``verb`` when its subject and complement lie within tokens
    [lo, hi)."""
    if parent.cue_token is not None and verb.i == parent.cue_token:
        return None
    subj = subject(verb)
    comp = _complement(verb)
    if subj is None or comp is None:
        return None
    s_lo, s_hi = subj.left_edge.i, subj.right_edge.i + 1
    c_lo, c_hi = comp.left_edge.i, comp.right_edge.i + 1
    if not (lo <= s_lo and s_hi <= hi and lo <= c_lo and c_hi <= hi) or c_hi - c_lo < MIN_NESTED_TOKENS:
        return None
    if s_hi - s_lo == 1 and subj.pos_ == "PRON" and subj.lower_ in ("it", "that", "this"):
        return None
    # The complement runs on to the end of the parent's content when nothing else follows in the sentence
    # (spaCy often hangs a trailing quotation off the main verb instead).
    if c_hi < hi and doc[c_hi].sent.start == doc[c_lo].sent.start and doc[hi - 1].sent.start == doc[c_lo].sent.start:
        c_hi = hi
    cue_hi = verb.i + 1
    if comp.dep_ == "pcomp" or comp.head.dep_ == "prep":
        cue_hi = comp.head.i + 1 if comp.head.i > verb.i else cue_hi
    return Draft.over_tokens(doc, c_lo, c_hi, cue=[token_chars(doc, verb.i, cue_hi)],
                             source=[token_chars(doc, s_lo, s_hi)], confidence=0.6, cue_token=verb.i, parent=parent)


def _complement(verb: Token) -> Token | None:
    """The clause a speech verb reports: its ccomp, or "talked about how …"'s clause."""
    for child in verb.children:
        if child.dep_ in _CLAUSE_DEPS and child.i > verb.i:
            return child
    if is_about_verb(base_form(verb.text)):
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "about":
                for c in prep.children:
                    if c.dep_ in ("pcomp", "pobj") and any(g.pos_ in ("VERB", "AUX") for g in c.subtree):
                        return c
    return None
