"""Cues found by the parse where the tagger's content swallowed one or missed it: coordinated speech verbs, a
content that opens with its own speaker and verb, the nearest speech verb of the sentence, the verb right before
a quote, and the cue a floating quote carries over from the attribution before it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..context import Context
from ..draft import Draft
from ..paragraphs import BreakKind
from ..parse import speaker
from .reporting import OPENING_MARKS

# Dependents that carry what a verb reports ("vowed [to punish …]", "told [his advisers] …").
_COMPLEMENT_DEPS = ("dobj", "ccomp", "xcomp", "prep", "dative", "attr", "oprd")
# A content "opens with its speaker" when the subject starts within this many words of it ("How do you know …").
MAX_SPEAKER_LEAD_TOKENS = 2
_QUOTE_LEAD_PUNCT = frozenset({",", ":"})
# Which paragraph breaks a floating quote may cross to take the cue before it (at most one). "blank" (a blank line)
# is the old reshape rule; the index's "line" paragraphs (every line break, the tagger's unit) lowered PolNeAR dev
# cue accuracy 0.9036 -> 0.9023 (other scores unchanged), so this rule keeps "blank". Re-run `quoth eval polnear`
# on dev after changing it.
FLOATING_CUE_BREAKS: BreakKind = "blank"


def split_coordinated_cues(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A second speech verb coordinated with the cue inside the content ("outlined his plan and vowed to …",
    "questioning X, encouraging Y to …") opens an attribution of its own with the same source."""
    doc = ctx.doc
    out = list(drafts)
    for d in drafts:
        if d.cue_token is None or len(d.content) != 1 or d.parent is not None:
            continue
        cue = doc[d.cue_token]
        lo, hi = d.token_range(doc)
        if lo <= cue.i <= hi:
            continue
        for verb in doc[lo + 1:hi + 1]:
            if verb.head.i != cue.i or verb.dep_ not in ("conj", "advcl") or not ctx.tokens.is_speech_verb(verb.i):
                continue
            new = _coordinated(doc, d, verb, lo, hi)
            if new is not None:
                out.append(new)
                break
    return out


def _coordinated(doc: Doc, d: Draft, verb: Token, lo: int, hi: int) -> Draft | None:
    """The draft of coordinated cue ``verb`` inside ``d``'s content (tokens lo..hi); ``d`` ends before it."""
    comps = [c for c in verb.children if c.i > verb.i and c.dep_ in _COMPLEMENT_DEPS + ("npadvmod", "advcl")]
    if not comps:
        return None
    start, end = comps[0].left_edge.i, min(hi, verb.right_edge.i)
    if end < start:
        return None
    cue_lo = min([verb.i] + [c.i for c in verb.children
                             if c.i < verb.i and c.dep_ in ("aux", "auxpass", "neg", "advmod")])
    new = Draft([], source=list(d.source), confidence=d.confidence)
    new.set_content(doc, start, end)
    new.set_cue(doc, verb.i, cue_lo)
    first_end = cue_lo
    while first_end > lo and (doc[first_end - 1].dep_ in ("cc", "punct") or doc[first_end - 1].is_space):
        first_end -= 1
    if first_end > lo:
        d.set_content(doc, lo, first_end - 1)
    return new


def speaker_openings(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A content without a cue that opens "<subject> <verb> <complement>" becomes the complement, with the verb
    as cue and the subject as source. Not inside a closed quotation: `"I would say that …"` and `"People imagine
    it's romantic …"` are the quoted speaker's own words. (A block quotation's unclosed paragraph mark does not
    count.)"""
    doc = ctx.doc
    for d in drafts:
        if d.cue or len(d.content) != 1:
            continue
        lo, hi = d.token_range(doc)
        while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
            lo += 1
        subj = next((t for t in doc[lo:hi + 1]
                     if t.dep_ == "nsubj" and lo <= t.left_edge.i <= lo + MAX_SPEAKER_LEAD_TOKENS), None)
        if subj is None or ctx.in_closed_quote(subj.idx):
            continue
        verb = subj.head
        if not lo <= verb.i <= hi or verb.pos_ != "VERB":
            continue
        comps = [c for c in verb.children if c.i > verb.i and c.dep_ in _COMPLEMENT_DEPS]
        if not comps or comps[0].left_edge.i > hi:
            continue
        cue_lo = min([verb.i] + [c.i for c in verb.children
                                 if subj.right_edge.i < c.i < verb.i and c.dep_ in ("aux", "neg", "advmod")])
        d.set_source(doc, subj.left_edge.i, subj.right_edge.i + 1)
        d.set_cue(doc, verb.i, cue_lo)
        d.set_content(doc, comps[0].left_edge.i, hi)
    return drafts


def sentence_speech_verbs(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A content still without a cue takes the speech verb nearest it in its first or last sentence (outside
    it, and in its paragraph), and that verb's speaker as source when it has none."""
    doc = ctx.doc
    for d in drafts:
        if d.cue or not d.content or d.parent is not None:
            continue
        verb = _nearest_speech_verb(ctx, *d.token_range(doc))
        if verb is None:
            continue
        d.set_cue(doc, verb.i)
        if not d.source:
            d.source = speaker(doc, verb)
    return drafts


def _nearest_speech_verb(ctx: Context, lo: int, hi: int) -> Token | None:
    """The speech verb nearest tokens lo..hi in the sentences of lo and hi, outside them and their paragraph."""
    doc, tokens = ctx.doc, ctx.tokens
    best: tuple[int, Token] | None = None
    for s_start, s_end in dict.fromkeys((tokens.sentence(lo), tokens.sentence(hi))):
        for tok in doc[s_start:s_end]:
            if lo <= tok.i <= hi or not tokens.is_speech_verb(tok.i):
                continue
            between = (tok.idx, doc[lo].idx) if tok.i < lo else (doc[hi].idx, tok.idx)
            if ctx.paragraphs.breaks_between(*between):
                continue  # a sentence the parser ran over a paragraph break
            distance = lo - tok.i if tok.i < lo else tok.i - hi
            if best is None or distance < best[0]:
                best = (distance, tok)
    return best[1] if best is not None else None


def quote_openers(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A content that opens with a quotation mark right after a speech verb and a comma or colon takes that verb
    as cue (`he said, adding, "We don't want …"`: "adding"), and its speaker when the content has no source."""
    doc, text = ctx.doc, ctx.text
    for d in drafts:
        if d.parent is not None or not d.content or text[d.content[0][0]] not in OPENING_MARKS:
            continue
        first = d.token_range(doc)[0]
        i = first - 1
        while i >= 0 and (doc[i].is_space or doc[i].text in _QUOTE_LEAD_PUNCT):
            i -= 1
        if i < 0 or i == first - 1 or d.cue_token == i or not ctx.tokens.is_speech_verb(i):
            continue
        d.set_cue(doc, i)
        if not d.source:
            d.source = speaker(doc, doc[i])
    return drafts


def floating_cues(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A content with no cue takes the cue of the attribution before it when at most one paragraph break (of
    kind ``FLOATING_CUE_BREAKS``) lies between them (the source was carried over by linking)."""
    prev: Draft | None = None
    for d in sorted(drafts, key=lambda d: d.content[0][0]):
        if d.parent is not None:
            continue
        if not d.cue and prev is not None \
                and ctx.paragraphs.breaks_between(prev.content[-1][1], d.content[0][0], FLOATING_CUE_BREAKS) <= 1:
            d.cue = list(prev.cue)
        if d.cue:
            prev = d
    return drafts
