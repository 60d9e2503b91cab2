"""Statements that belong to a reporting clause other than the one the linker chose: a trailing reporting clause
("…, the source added."), an outer speech verb ("He said Obama hopes that …"), a quote with its own reporting
clause inside a content, and a quote that continues the main speech verb of the sentence before.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..context import Context
from ..draft import Draft, chars, token_at
from ..parse import speaker, subject
from ..tokens import TokenArrays

# How far up the parse a cue may sit below the clause a speech verb reports ("He said [he plans to put to use
# the $18 million he says he raised]": "says" is four heads below "said"'s clause).
MAX_REPORTED_DEPTH = 5
# A reporting clause after the statement holds at most this many tokens ("the source added", "said Mr. Burman,
# a tax lawyer at the Urban Institute").
MAX_REPORTER_TOKENS = 12
# Words opening a clause after a comma that is not a reporting clause ("…, but Chaffetz declined").
_NOT_REPORTER_OPENERS = frozenset({"but", "and", "as", "while", "although", "because", "when", "which", "who"})
SENTENCE_END_MARKS = (".", "?", "!")
OPENING_MARKS = frozenset('"\u201c\u00ab\'\u2018')
Reporter = tuple[tuple[int, int, int], tuple[int, int]]


def trailing_reporters(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A content followed, after a comma, by nothing but a reporting clause to the end of its sentence takes
    that clause's cue and source; when its old cue lay before it in the sentence, the content grows back to the
    sentence start ("Clinton had told officials that …, the source added": the source's statement, as PolNeAR
    annotates it; the told-statement is found again as a nested attribution)."""
    doc = ctx.doc
    for d in drafts:
        if d.parent is not None or not d.content:
            continue
        lo, hi = d.token_range(doc)
        reporter = reporter_after(ctx, lo, hi)
        if reporter is None:
            continue
        (cue_lo, cue_hi, cue_token), (src_lo, src_hi) = reporter
        sent_start = ctx.tokens.sentence(hi)[0]
        start = lo
        if d.cue_token is not None and sent_start <= d.cue_token < lo:
            start = sent_start
            while start < lo and doc[start].is_space:
                start += 1
        d.set_content(doc, start, hi - 1 if doc[hi].text == "," and hi > start else hi)
        d.cue, d.cue_token = [chars(doc, cue_lo, cue_hi)], cue_token
        d.set_source(doc, src_lo, src_hi)
    return drafts


def reporter_after(ctx: Context, lo: int, hi: int, quote: bool = False) -> Reporter | None:
    """((cue start, cue end, cue token), (source start, source end)) of the reporting clause that follows token
    ``hi`` to the end of its sentence, or None. After a ``quote`` the comma may stand inside the closing mark
    (`''…,'' he said.`)."""
    doc = ctx.doc
    sent_end = ctx.tokens.sentence(hi)[1]
    j = hi + 1
    while j < sent_end and (doc[j].is_punct or doc[j].is_space) and doc[j].text not in SENTENCE_END_MARKS:
        j += 1
    comma_inside = quote and doc[hi].is_quote and hi > 0 and doc[hi - 1].text == ","
    if j == hi + 1 and not comma_inside or j >= sent_end:
        return None
    if not comma_inside and doc[hi].text != "," and not any(doc[k].text == "," for k in range(hi + 1, j)):
        return None
    end = sent_end
    while end > j and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if not 0 < end - j <= MAX_REPORTER_TOKENS or doc[j].dep_ == "cc" or doc[j].lower_ in _NOT_REPORTER_OPENERS:
        return None
    if doc[j].lower_ == "according" and end - j > 2 and doc[j + 1].lower_ == "to":
        return (j, j + 2, j), (j + 2, end)
    return _verb_reporter(ctx, doc, (j, end), lo, hi)


def _verb_reporter(ctx: Context, doc: Doc, clause: tuple[int, int], lo: int, hi: int) -> Reporter | None:
    """The reporting clause's one speech verb governing the statement, with its subject inside the clause."""
    j, end = clause
    verbs = [t for t in doc[j:end] if t.pos_ == "VERB"]
    if len(verbs) != 1 or not ctx.tokens.is_speech_verb(verbs[0].i):
        return None
    verb = verbs[0]
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and j <= c.i < end), None)
    if subj is None or not (verb.is_ancestor(doc[hi]) or verb.is_ancestor(doc[lo])):
        return None
    cue_lo = min([verb.i] + [c.i for c in verb.children if c.dep_ == "aux" and j <= c.i < verb.i])
    return (cue_lo, verb.i + 1, verb.i), (subj.left_edge.i, subj.right_edge.i + 1)


def reporting_verbs(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A draft whose cue verb lies in the clausal complement of a speech verb outside its content (that clause
    itself, or up to MAX_REPORTED_DEPTH heads below it), a verb with a subject and no draft of its own, is that
    verb's statement: the content grows to the whole clause."""
    doc, tokens = ctx.doc, ctx.tokens
    by_cue: dict[int, int] = {}
    for d in drafts:
        if d.cue_token is not None:
            by_cue[d.cue_token] = by_cue.get(d.cue_token, 0) + 1
    for d in drafts:
        if d.cue_token is None or d.parent is not None:
            continue
        inner = _reported_clause(tokens, doc[d.cue_token])
        outer = inner.head
        if inner.dep_ != "ccomp" or outer is inner or not tokens.is_clause_verb(outer.i):
            continue
        if d.content[0][0] <= outer.idx < d.content[-1][1] or subject(outer) is None or by_cue.get(outer.i):
            continue
        lo = inner.left_edge.i
        hi = max(token_at(doc, d.content[-1][1] - 1, right=True), inner.right_edge.i)
        if lo <= outer.i <= hi:
            continue
        by_cue[d.cue_token] -= 1
        by_cue[outer.i] = 1
        d.set_content(doc, lo, hi)
        d.set_cue(doc, outer.i)
        d.source = speaker(doc, outer)
    return drafts


def _reported_clause(tokens: TokenArrays, cue: Token) -> Token:
    """The ancestor of ``cue`` (itself included) that is the clausal complement of a speech verb, climbing at
    most MAX_REPORTED_DEPTH heads; ``cue`` when there is none."""
    node = cue
    for _ in range(MAX_REPORTED_DEPTH):
        if node.dep_ == "ccomp" and tokens.is_clause_verb(node.head.i):
            return node
        if node.head is node:
            break
        node = node.head
    return cue


def continued_quotes(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A quote that opens a sentence and took as cue a verb of the sentence before that hangs from another
    draft's cue (`"…," Jealous said, suggesting that …. "We have a Republican candidate …"`) continues that
    draft's cue and source ("said", not "suggesting")."""
    doc, text = ctx.doc, ctx.text
    owner_of: dict[int, Draft] = {}
    for d in drafts:
        if d.cue_token is not None and d.parent is None:
            owner_of.setdefault(d.cue_token, d)
    for d in drafts:
        if d.cue_token is None or d.parent is not None:
            continue
        start = d.content[0][0]
        verb = doc[d.cue_token]
        if verb.idx >= start or text[start] not in OPENING_MARKS \
                or token_at(doc, start) < ctx.tokens.sentence(verb.i)[1]:
            continue
        owner = _owning_draft(verb, owner_of)
        if owner is None or owner is d or owner.content[0][0] > verb.idx:
            continue
        d.cue, d.cue_token, d.source = list(owner.cue), owner.cue_token, list(owner.source)
    return drafts


def _owning_draft(verb: Token, owner_of: dict[int, Draft], max_steps: int = 3) -> Draft | None:
    """The draft whose cue is the nearest ancestor of ``verb`` (at most ``max_steps`` heads up)."""
    head = verb.head
    for _ in range(max_steps):
        if head.i in owner_of:
            return owner_of[head.i]
        if head.head is head:
            return None
        head = head.head
    return owner_of.get(head.i)


def reported_quotes(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A quote that opens a sentence inside a content and is followed by its own reporting clause is split off
    as that clause's statement; the content ends before it."""
    doc = ctx.doc
    out = list(drafts)
    for d in drafts:
        if d.parent is not None or len(d.content) != 1:
            continue
        start, end = d.content[0]
        lo = token_at(doc, start)
        for q in ctx.quotes:
            if not (start < q.start and q.end <= end + 2):
                continue
            q_lo, q_hi = token_at(doc, q.start), token_at(doc, q.end - 1, right=True)
            before = _last_word_before(doc, q_lo)
            if before is None or before <= lo or doc[before].text not in SENTENCE_END_MARKS + (":",):
                continue
            reporter = reporter_after(ctx, q_lo, q_hi, quote=True)
            if reporter is None:
                continue
            (cue_lo, cue_hi, cue_token), (src_lo, src_hi) = reporter
            new = Draft([(q.start, q.end)], cue=[chars(doc, cue_lo, cue_hi)], source=[chars(doc, src_lo, src_hi)],
                        confidence=d.confidence, first_token=q_lo, last_token=q_hi, cue_token=cue_token)
            d.set_content(doc, lo, before)
            out.append(new)
            break
    return out


def _last_word_before(doc: Doc, i: int) -> int | None:
    """The last non-space token before token ``i``."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i if i >= 0 else None
