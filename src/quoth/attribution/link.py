"""Linking: drafts from the tagger's contents (and the quotes it missed), each joined to its cue and source.

Steps, in the order ``steps.STEPS`` runs them: ``tagged_contents``, ``snap_to_quotes``,
``cut_after_closed_quotes``, ``missed_quotes``, ``link_cues``, ``inverted_sources``, ``syntactic_sources``,
``merge_split_quotes``, ``carry_floating_sources``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .context import Context
from .draft import Draft, Offsets, chars, token_at
from .parse import MAX_PARSED_SOURCE_TOKENS, agent, borrowed_subject
from .tagger import TaggedSpan

# A quote the tagger left alone becomes content when it holds at least this many words (shorter ones are
# mostly scare quotes and titles). Calibrated on PolNeAR dev quote recall vs precision; re-run `quoth eval`.
MIN_QUOTE_WORDS = 4
# A tagged content covering at least this share of a quote's characters is stretched to the whole quote.
QUOTE_SNAP_SHARE = 0.3
# Token-distance costs for choosing a content's cue: crossing a sentence or paragraph costs this much.
SENTENCE_COST = 25
PARAGRAPH_COST = 200
# A cue farther than this (after costs) is not this content's cue: the content floats.
MAX_LINK_COST = 60
# A content whose first token hangs from the cue in the parse is this much closer to it.
SYNTAX_BONUS = 5
# Two contents around one shared cue and source become one discontinuous content when at most this many
# characters besides the cue and source separate them, across a sentence break too (PolNeAR's gold merges
# `"A," he said. "B."`). Measured on PolNeAR dev: +0.013 lenient, +0.011 exact F1 against merging only quoted
# pieces within 12 characters; re-run `quoth eval polnear` after changing it.
MERGE_MAX_GAP_CHARS = 60
# A "content" right after its cue that is this short and holds the cue verb's subject is the speaker of an
# inverted attribution ("…, said the governor."), not a second statement.
MAX_INVERTED_SOURCE_TOKENS = 8
# Characters that end a sentence inside a closing quotation mark ("…ever.").
_SENTENCE_END = ".?!"


def tagged_contents(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A draft for every content the tagger marked (none for one of only whitespace)."""
    doc = ctx.doc
    new = [Draft([chars(doc, c.start, c.end)], confidence=c.confidence, first_token=c.start, last_token=c.end - 1)
           for c in ctx.tagged_as("content")]
    return drafts + [d for d in new if d.content[0][1] > d.content[0][0]]


def _overlap(a: Offsets, b: Offsets) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def snap_to_quotes(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Stretch a content that covers much of a quote piece to the whole piece (with its marks)."""
    for d in drafts:
        s, e = d.content[0]
        for q in ctx.quotes:
            for n, piece in enumerate(q.pieces):
                ov = _overlap((s, e), piece)
                if not ov or ov < QUOTE_SNAP_SHARE * (piece[1] - piece[0]):
                    continue
                outer_s = q.start if n == 0 else piece[0] - 1
                outer_e = q.end if n == len(q.pieces) - 1 else piece[1]
                s, e = min(s, max(outer_s, 0)), max(e, outer_e)
        d.set_content_chars(ctx.doc, [(s, e)])
    return drafts


def cut_after_closed_quotes(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A content that runs on past a quote closing its sentence (`…ever." The work messages were…`) into
    unquoted text ends with that quote: the next sentence is the reporter's."""
    text, quotes = ctx.text, ctx.quotes
    for d in drafts:
        if len(d.content) != 1:
            continue
        s, e = d.content[0]
        for q in quotes:
            if not (s < q.start and q.end < e) or not _closes_sentence(text, q.end):
                continue
            rest = text[q.end:e].lstrip()
            if rest[:1].isupper() and not any(o.start >= q.end and o.start < e for o in quotes):
                d.set_content_chars(ctx.doc, [(s, q.end)])
                break
    return drafts


def _closes_sentence(text: str, end: int) -> bool:
    """The quote ending at ``end`` closes with sentence punctuation just inside (or just after) its mark."""
    inside = text[max(0, end - 3):end - 1].rstrip()
    return bool(inside) and inside[-1] in _SENTENCE_END or text[end:end + 1] in _SENTENCE_END


def missed_quotes(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """New drafts for quotes with enough words that no content touches."""
    out = []
    text = ctx.text
    for q in ctx.quotes:
        words = sum(len(text[s:e].split()) for s, e in q.pieces)
        if words < MIN_QUOTE_WORDS:
            continue
        if any(_overlap(c, piece) for d in drafts for c in d.content for piece in q.pieces):
            continue
        pieces = [(q.start if n == 0 else s - 1, q.end if n == len(q.pieces) - 1 else e)
                  for n, (s, e) in enumerate(q.pieces)]
        out.append(Draft([(max(s, 0), e) for s, e in pieces], confidence=0.5,
                         first_token=token_at(ctx.doc, q.start), last_token=token_at(ctx.doc, q.end - 1, right=True)))
    return drafts + out


def link_cues(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Each draft takes its cheapest tagged cue (by token distance, sentence and paragraph crossings and the
    parse) and that cue's nearest tagged source."""
    doc = ctx.doc
    cues, sources = ctx.tagged_as("cue"), ctx.tagged_as("source")
    for d in drafts:
        cue = _best_cue(ctx, d, cues)
        if cue is not None:
            first, last = _trim_cue(doc, cue.start, cue.end)
            d.cue = [chars(doc, first, last)]
            d.cue_token = first  # the verb, not a leading auxiliary: "is supported by X" reads X off "supported"
            src = _best_source(ctx, cue, sources)
            if src is not None:
                d.source = [chars(doc, src.start, src.end)]
    return drafts


def _distance(ctx: Context, d: Draft, cue: TaggedSpan) -> float:
    """Token gap between a content and a cue, plus the sentence and paragraph crossings between them."""
    sent_of, para_of = ctx.tokens.sent_of, ctx.paragraphs.of_token
    if cue.start > d.last_token:
        gap, a, b = cue.start - d.last_token, d.last_token, cue.start
    elif cue.end - 1 < d.first_token:
        gap, a, b = d.first_token - cue.end + 1, cue.end - 1, d.first_token
    else:
        gap, a, b = 0, cue.start, cue.start
    cost = float(gap)
    cost += SENTENCE_COST * max(0, abs(sent_of[b] - sent_of[a]) - (1 if gap <= 2 else 0))
    return cost + PARAGRAPH_COST * abs(para_of[b] - para_of[a])


def _cost(ctx: Context, d: Draft, cue: TaggedSpan) -> float:
    """How unlikely ``cue`` is to be this content's cue: the distance, less a bonus when the content's first
    token hangs from the cue in the parse."""
    doc = ctx.doc
    i = d.first_token
    while i < d.last_token and (doc[i].is_punct or doc[i].is_space):
        i += 1  # an opening quotation mark hangs anywhere: read the first word
    first, head = doc[i], doc[cue.start]
    bonus = SYNTAX_BONUS if first.head.i == head.i or head.is_ancestor(first) else 0
    return _distance(ctx, d, cue) - bonus


def _best_cue(ctx: Context, d: Draft, cues: list[TaggedSpan]) -> TaggedSpan | None:
    """The cheapest cue for a draft; a colon cue ending the previous paragraph may introduce a quote."""
    para_of = ctx.paragraphs.of_token
    best, best_cost = None, float(MAX_LINK_COST)
    for cue in cues:
        after_colon = para_of[cue.start] == para_of[d.first_token] - 1
        if _distance(ctx, d, cue) - SYNTAX_BONUS - (PARAGRAPH_COST if after_colon else 0) >= best_cost:
            continue  # cannot win whatever the bonuses: skip the parse and colon checks
        cost = _cost(ctx, d, cue)
        if after_colon and _ends_with_colon(ctx, cue):
            cost -= PARAGRAPH_COST
        if cost < best_cost:
            best, best_cost = cue, cost
    return best


def _ends_with_colon(ctx: Context, cue: TaggedSpan) -> bool:
    doc = ctx.doc
    para = ctx.paragraphs.containing(cue.start)
    if para is None:
        return False
    last = next((doc[i] for i in range(para.end - 1, para.start - 1, -1) if not doc[i].is_space), None)
    return last is not None and last.text == ":" and last.i - cue.end < 12


def _trim_cue(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The cue without leading auxiliaries and adverbs or trailing adverbs ("had commented" → "commented",
    "adding further" → "adding"); a cue of only such words stays whole."""
    lo, hi = start, end
    while lo < hi - 1 and doc[lo].pos_ in ("AUX", "ADV", "PART") and doc[lo].lower_ not in ("according",):
        lo += 1
    while hi - 1 > lo and doc[hi - 1].pos_ == "ADV":
        hi -= 1
    return lo, hi


def _best_source(ctx: Context, cue: TaggedSpan, sources: list[TaggedSpan]) -> TaggedSpan | None:
    """The source nearest the cue in its sentence, preferring the cue's syntactic subject. A source in the
    sentence before or after is taken only when it is not the subject of a speech verb of its own ("X were told
    to leave. 'Go now,' a spokesman told reporters": the spokesman speaks for the second "told" only)."""
    doc, sent_of = ctx.doc, ctx.tokens.sent_of
    sent = sent_of[cue.start]
    best, best_cost = None, 1e9
    for src in sources:
        if abs(sent_of[src.start] - sent) > 1:
            continue
        if sent_of[src.start] != sent and _subject_of_another_cue(ctx, src, cue):
            continue
        gap = src.start - cue.end + 1 if src.start >= cue.end else cue.start - src.end + 1
        cost = abs(gap) + (40 if sent_of[src.start] != sent else 0)
        if any(doc[i].head.i in range(cue.start, cue.end) and doc[i].dep_.startswith("nsubj")
               for i in range(src.start, src.end)):
            cost -= 10
        if cost < best_cost:
            best, best_cost = src, cost
    return best


def _subject_of_another_cue(ctx: Context, src: TaggedSpan, cue: TaggedSpan) -> bool:
    """Whether a token of ``src`` is the subject of a speech verb outside ``cue``."""
    doc, tokens = ctx.doc, ctx.tokens
    for i in range(src.start, src.end):
        head = doc[i].head.i
        if doc[i].dep_.startswith("nsubj") and tokens.is_speech_verb(head) and not cue.start <= head < cue.end:
            return True
    return False


def inverted_sources(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Turn the tagger's content after "said" in "…, said the governor." into the source of the statement."""
    doc = ctx.doc
    out = list(drafts)
    for d in drafts:
        if d.cue_token is None or d.source or d.last_token - d.first_token >= MAX_INVERTED_SOURCE_TOKENS:
            continue
        verb = doc[d.cue_token]
        if not 0 <= d.first_token - verb.i <= 2 or not any(
                t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i for t in doc[d.first_token:d.last_token + 1]):
            continue
        owners = [o for o in drafts if o is not d and o.cue == d.cue and o.last_token < verb.i and not o.source]
        if owners:
            end = d.last_token
            while end > d.first_token and doc[end].is_punct:
                end -= 1
            for o in owners:
                o.set_source(doc, d.first_token, end + 1)
            out.remove(d)
    return out


def syntactic_sources(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Sources the parse states plainly: the cue verb's own subject when the tagger named no speaker; the "by X"
    of a passive cue; and for a cue without a subject of its own ("…, saying …", "smiled and said …", "a group
    of doctors calling for …"), the subject of the verb it hangs from or the noun it modifies."""
    doc = ctx.doc
    for d in drafts:
        if d.cue_token is None:
            continue
        cue = doc[d.cue_token]
        subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            span = None if d.source else (subj.left_edge.i, subj.right_edge.i + 1)
        elif cue.pos_ != "VERB":
            span = None
        else:
            span = agent(cue) or (None if any(c.dep_ == "nsubjpass" for c in cue.children) else borrowed_subject(cue))
        if span is not None:
            set_parsed_source(doc, d, span)
    return drafts


def set_parsed_source(doc: Doc, d: Draft, span: tuple[int, int]) -> None:
    """Make tokens ``span`` the source of ``d`` unless it is too long to be a speaker."""
    if span[1] - span[0] <= MAX_PARSED_SOURCE_TOKENS:
        d.set_source(doc, *span)


def merge_split_quotes(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """`"…," she said, "…"`: two contents around their shared cue become one discontinuous content. A content
    the parse hangs from another speech verb ("X, asked whether he would settle, said that …") takes that verb
    as its cue first, so it is not merged into the other verb's content."""
    out: list[Draft] = []
    for d in drafts:
        _own_speech_verb(ctx, d)
    for d in sorted(drafts, key=lambda d: d.content[0][0]):
        prev = out[-1] if out else None
        if prev is not None and _mergeable(ctx, prev, d):
            prev.absorb(d)
            continue
        out.append(d)
    return out


def _own_speech_verb(ctx: Context, d: Draft) -> None:
    """Give ``d`` the speech verb outside it that its content is the clausal complement of, when that verb is
    not its cue."""
    if d.cue_token is None or len(d.content) != 1 or ctx.tokens.in_quote[d.first_token]:
        return
    doc = ctx.doc
    roots = [t for t in doc[d.first_token:d.last_token + 1] if not d.first_token <= t.head.i <= d.last_token]
    if len(roots) != 1 or roots[0].dep_ != "ccomp":
        return
    verb = roots[0].head
    if verb.i != d.cue_token and verb.i < d.first_token and ctx.tokens.is_speech_verb(verb.i) \
            and d.cue_token > d.last_token:
        d.set_cue(doc, verb.i)
        if verb.dep_ == "acl" or (verb.tag_ == "VBN" and verb.dep_ == "advcl"):
            d.source = []  # "X, asked whether …": X was asked; who asked is not said


def _mergeable(ctx: Context, a: Draft, b: Draft) -> bool:
    """Same cue and source, the cue between the two, no line break, little else between."""
    if not a.cue or a.cue != b.cue or b.source != a.source:
        return False
    gap_s, gap_e = a.content[-1][1], b.content[0][0]
    if not (gap_s <= a.cue[0][0] and a.cue[-1][1] <= gap_e) or ctx.paragraphs.breaks_between(gap_s, gap_e):
        return False
    rest = gap_e - gap_s - sum(e - s for s, e in a.cue + a.source)
    return rest <= MERGE_MAX_GAP_CHARS


def carry_floating_sources(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A quote with no cue continues a speaker: the subject of the sentence before it, when that is a name or
    pronoun, else the previous attribution's source in the same or previous paragraph."""
    para_of = ctx.paragraphs.of_token
    prev: Draft | None = None
    for d in sorted(drafts, key=lambda d: d.content[0][0]):
        if not d.cue:
            preceding = _preceding_subject(ctx, d.first_token)
            if preceding is not None:
                d.source = [preceding]
            elif prev is not None and 0 <= para_of[d.first_token] - para_of[prev.last_token] <= 1:
                d.source = list(prev.source)
        if d.source:
            prev = d
    return drafts


def _preceding_subject(ctx: Context, first_token: int) -> Offsets | None:
    """The named or pronoun subject of the main clause of the sentence just before token ``first_token``."""
    doc, tokens = ctx.doc, ctx.tokens
    i = first_token - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct):
        i -= 1
    if i < 0:
        return None
    root = doc[tokens.sent_root[tokens.sent_of[i]]]
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or not (subj.pos_ == "PROPN" or subj.lower_ in ("he", "she", "they", "we", "i")):
        return None
    lo = min((c.i for c in subj.children if c.dep_ in ("compound", "amod", "poss")), default=subj.i)
    lo = min(lo, min((c.left_edge.i for c in subj.children if c.dep_ == "poss"), default=lo))
    return doc[lo].idx, subj.idx + len(subj.text)


# A date the parser hung on the speaker ("New Mexico's governor on Friday vetoed …", "U.S. regulators on Monday
# proposed …"): when it ends the source it is no part of the speaker.
_SOURCE_DATE = re.compile(
    r",?\s+(?:(?:late|early)\s+)?(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:night|morning|afternoon|evening))?$|,?\s+(?:yesterday|today|tonight|last\s+(?:week|month|night))$")
# A line's bullet or its dateline with a colon ("• Gary Thorne", "New Delhi: The Delhi Metro …") opening a source.
_SOURCE_LEAD = re.compile(r"[•·▪*–-][ \t]+|[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}:[ \t]+(?=\S)")


def source_trims(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A source ending in a day ("the governor on Friday") ends before it; one opening its line with a bullet or
    a "Place:" dateline starts after it."""
    text = ctx.text
    for d in drafts:
        if len(d.source) != 1:
            continue
        s, e = d.source[0]
        m = _SOURCE_DATE.search(text, s, e)
        if m is not None and m.end() == e and m.start() > s and text[s:m.start()].strip():
            e = m.start()
        lead = _SOURCE_LEAD.match(text, s, e) if ctx.paragraphs.line_start(s) == s else None
        if lead is not None and lead.end() < e:
            s = lead.end()
        d.source = [(s, _before_participle(ctx, s, e))]
    return drafts


def _before_participle(ctx: Context, s: int, e: int) -> int:
    """Where a source ends that runs on into a participle phrase about its speaker ("The mayor, asked by reporters
    …", "The prime minister, speaking on a visit to Carlisle,"): at the comma before it; else ``e``."""
    doc = ctx.doc
    span = doc.char_span(s, e, alignment_mode="contract")
    if span is None:
        return e
    for t in span[1:-1]:
        nxt = doc[t.i + 1]
        if t.text == "," and nxt.dep_ == "acl" and nxt.tag_ in ("VBN", "VBG", "VBD") and nxt.head.i < t.i:
            return t.idx
    return e
