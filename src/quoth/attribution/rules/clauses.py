"""Attributions read off the dependency parse, beside the tagger's: what a speech verb's subject and clausal
complement say, where the tagger found nothing ("X said that …", "X, Mr. Obama said, Y", "according to Y"), and
the participle that opens a second statement ("…," adding that "…").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...lexicon import is_clause_verb, is_participle_verb
from ..context import Context
from ..draft import Draft, token_chars
from ..tokens import TokenArrays
from ..parse import complement, subject

MIN_CLAUSE_TOKENS = 3
# A parenthetical speaker ("Acts of protest, Mr. Obama said, are acts of patriotism.") holds at most this many
# tokens between its comma and the verb.
MAX_PARENTHETICAL_SOURCE_TOKENS = 8
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
MAX_UNPARSED_SOURCE_TOKENS = 8


def according_to(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """"X, according to Y." and "According to Y, X.": the rest of the sentence is Y's, whatever the tagger cut
    (its drafts inside that sentence part are replaced)."""
    doc, lower = ctx.doc, ctx.tokens.lower
    kept, out = list(drafts), []
    for i in range(len(lower) - 1):
        if lower[i] != "according" or lower[i + 1] != "to":
            continue
        sent_start, sent_end = ctx.tokens.sentence(i)
        pobj = next((c for c in doc[i + 1].children if c.dep_ == "pobj"), None)
        src_hi = pobj.right_edge.i + 1 if pobj is not None else _unparsed_source_end(doc, i + 2, sent_end)
        lo, hi = _content_around(doc, sent_start, sent_end, i, src_hi)
        if hi - lo < MIN_CLAUSE_TOKENS:
            continue
        kept = [d for d in kept if not (lo <= d.first_token and d.last_token < hi and d.cue_token is not None
                                        and not d.parent)]
        out.append(Draft.over_tokens(
            doc, lo, hi, cue=[token_chars(doc, i, i + 2)],
            source=[token_chars(doc, i + 2, src_hi)] if src_hi > i + 2 else [], confidence=0.6, cue_token=i,
        ))
    return kept + out


def _unparsed_source_end(doc: Doc, start: int, sent_end: int) -> int:
    """Where "according to <Y>" ends when the parse gave "to" no object ("according to show insiders."): at the
    next punctuation or the sentence end, within ``MAX_UNPARSED_SOURCE_TOKENS``; else ``start`` (no source)."""
    end = start
    while end < sent_end and end - start < MAX_UNPARSED_SOURCE_TOKENS and not doc[end].is_punct:
        end += 1
    return end if end == sent_end or doc[end].is_punct else start


def _content_around(doc: Doc, s_lo: int, s_hi: int, cue_lo: int, cue_hi: int) -> tuple[int, int]:
    """The sentence's tokens before the cue (or, when it opens the sentence, after the source), trimmed of
    punctuation at both ends."""
    opens = _trim(doc, s_lo, cue_lo)[0] == cue_lo
    lo, hi = _trim(doc, *((cue_hi, s_hi) if opens else (s_lo, cue_lo)))
    while hi > lo and doc[hi - 1].lower_ in ("and", "but"):
        lo, hi = _trim(doc, lo, hi - 1)
    return lo, hi


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Tokens [lo, hi) without punctuation or whitespace at either end."""
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    return lo, hi


def split_participles(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Cut "…, adding that …" out of a content into its own draft with the same source."""
    doc, tag, lem = ctx.doc, ctx.tokens.tag, ctx.tokens.lemma
    out = []
    for d in drafts:
        if len(d.content) != 1:
            continue
        for i in range(d.first_token + 3, min(d.last_token + 1, len(doc))):
            if tag[i] != "VBG" or not is_participle_verb(lem[i]):
                continue
            comp = complement(doc[i])
            if comp is not None and doc[i - 1].is_punct:
                new = _cut_at(doc, d, doc[i], comp)
                if new is not None:
                    out.append(new)
                break
    return drafts + out


def _cut_at(doc: Doc, d: Draft, verb: Token, comp: Token) -> Draft | None:
    lo = comp.left_edge.i
    end, last = d.content[0][1], d.last_token
    if doc[lo].idx >= end:
        return None
    cut = verb.i - 1
    while cut > d.first_token and (doc[cut - 1].is_punct or doc[cut - 1].is_space) and \
            doc[cut - 1].text not in ('"', "”", "''"):
        cut -= 1
    d.end_at_token(doc, cut - 1)
    return Draft(content=[(doc[lo].idx, end)], cue=[token_chars(doc, verb.i, verb.i + 1)], source=list(d.source),
                 confidence=d.confidence, first_token=lo, last_token=max(lo, last), cue_token=verb.i)


def clause_drafts(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Drafts for speech verbs with a subject and a complement clause that no draft covers yet.

    A tagged draft whose content swallowed such a verb with its subject (outside quotation marks, and not as a
    reported clause itself) is dropped: the tagger read the speaker as the statement.
    """
    doc, tokens = ctx.doc, ctx.tokens
    kept, out = list(drafts), []
    # Speech verbs found from the token arrays: a Token object only for them, not for every token.
    for i in range(len(tokens.pos)):
        if not tokens.is_clause_verb(i) or any(d.cue_token == i for d in kept):
            continue
        verb = doc[i]
        subj, comp = _shared_subject(verb), complement(verb) or _directive(verb, tokens.lemma[i])
        if subj is None or comp is None:
            continue
        lo, hi = comp.left_edge.i, comp.right_edge.i + 1
        if hi - lo < MIN_CLAUSE_TOKENS:
            continue
        swallowed = [d for d in kept if d.first_token <= subj.left_edge.i and i <= d.last_token and not d.parent
                     and (d.last_token < hi - 1 or (verb.dep_ != "ccomp" and not tokens.in_quote[i]))]
        others = [d for d in kept if d not in swallowed]
        if any(d.first_token < hi and lo <= d.last_token for d in others):
            continue
        kept = others
        out.append(Draft.over_tokens(
            doc, lo, hi, cue=[token_chars(doc, i, i + 1)],
            source=[token_chars(doc, subj.left_edge.i, subj.right_edge.i + 1)], confidence=0.5, cue_token=i,
        ))
    return kept + out


def coordinated_complements(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """"He said the abuse had been "relentless" and that his wife had cried": a content that is its cue's
    complement clause and stops at "and that …" (often at a closing quotation mark) takes the coordinated
    "that"-clause too: both are what the cue reports."""
    doc = ctx.doc
    for d in drafts:
        if d.cue_token is None or len(d.content) != 1 or d.parent is not None:
            continue
        nxt = d.last_token + 1
        while nxt < len(doc) and doc[nxt].is_punct and doc[nxt].text not in (".", "?", "!", ";"):
            nxt += 1
        if nxt >= len(doc) or doc[nxt].dep_ != "cc":
            continue
        head = doc[nxt].head
        if not (d.first_token <= head.i <= d.last_token and head.dep_ == "ccomp" and head.head.i == d.cue_token):
            continue
        conj = next((c for c in head.children if c.dep_ == "conj" and c.i > nxt
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if conj is not None:
            lo, hi = _trim(doc, d.first_token, conj.right_edge.i + 1)
            d.set_content(doc, lo, hi - 1)
    return drafts


# Verbs that report a demand as "told X to …" / "urged X not to …": their object is the addressee and their
# to-infinitive what was demanded.
DIRECTIVE_VERBS = frozenset({"tell", "urge", "ask", "warn", "order", "instruct", "advise", "direct", "implore"})


def _shared_subject(verb: Token) -> Token | None:
    """The verb's subject, or for a coordinated verb without one ("said … but warned that …") its first
    conjunct's."""
    subj = subject(verb)
    if subj is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subject(verb.head)
    return subj


def _directive(verb: Token, lemma: str) -> Token | None:
    """The to-infinitive of "told the jury not to research …" (a directive verb with an object), else None."""
    if lemma not in DIRECTIVE_VERBS or not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
                 and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")), None)


def parenthetical_cues(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """"X, Mr. Obama said, Y." and "X, he said." with no quotation marks: the sentence around ", <speaker> said,"
    (or before ", <speaker> said.") is the speaker's statement, one content in two pieces for the first.

    Drafts the tagger cut from the same statement (inside the sentence, with this verb as cue) are replaced; a
    sentence holding any other draft is left alone."""
    doc, tokens = ctx.doc, ctx.tokens
    words, in_quote = tokens.words, tokens.in_quote
    kept: list[Draft] = list(drafts)
    out: list[Draft] = []
    for i in range(1, len(doc) - 1):
        if tokens.tag[i] not in FINITE_TAGS or not is_clause_verb(tokens.lemma[i]):
            continue
        after = _after_adjunct(doc, i)
        if after is None:
            continue
        s_lo, s_hi = tokens.sentence(i)
        comma = _comma_before_speaker(doc, s_lo, i)
        if comma is None:
            continue
        lo, hi = _trim(doc, s_lo, comma), _trim(doc, after + 1, s_hi)
        # "…, the company said on Thursday, blaming …": the participle is the speaker's own act, not content.
        participle = words[after] == "," and hi[1] > hi[0] and doc[hi[0]].tag_ == "VBG"
        final = words[after] == "." or participle
        if final and ((hi[1] > hi[0] and not participle) or comma - lo[0] < MIN_CLAUSE_TOKENS):
            continue
        if not final and (comma - lo[0] < 1 or hi[1] - hi[0] < MIN_CLAUSE_TOKENS):
            continue
        span = (lo[0], after if participle else max(hi[1], comma))
        if any(in_quote[span[0]:span[1]]):
            continue
        touching = [d for d in kept + out if d.first_token < span[1] and span[0] <= d.last_token]
        if any(d.cue_token != i or d.parent or d.first_token < span[0] or d.last_token >= span[1] for d in touching):
            continue
        if touching and after > i + 1:
            continue  # "said on Thursday": the tagger's reading of a sentence it did tag stands
        kept = [d for d in kept if d not in touching]  # the tagger's cut of this same statement
        pieces = [lo] if final else [lo, hi]
        out.append(Draft(
            content=[token_chars(doc, *p) for p in pieces], cue=[token_chars(doc, i, i + 1)],
            source=[token_chars(doc, comma + 1, i)], confidence=0.5, first_token=lo[0],
            last_token=pieces[-1][1] - 1, cue_token=i,
        ))
    return kept + out


def as_clauses(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """"Hawaii, as one of his advisers pointed out, rarely gets two hurricanes." / "As the minister noted on
    Monday, the scheme …" / "…, as the council confirmed.": the sentence without the "as" clause is what its
    speaker said (read off the surface: the parser often makes the speech verb the sentence's root). A sentence
    that already holds another draft is left alone."""
    doc, tokens = ctx.doc, ctx.tokens
    words, lower, in_quote = tokens.words, tokens.lower, tokens.in_quote
    out: list[Draft] = []
    for a in range(len(doc) - 2):
        if lower[a] != "as":
            continue
        s_lo, s_hi = tokens.sentence(a)
        if a != s_lo and words[a - 1] != ",":
            continue
        found = _as_clause(doc, tokens, a, s_hi)
        if found is None:
            continue
        verb, end = found
        before = _trim(doc, s_lo, a)
        after = _trim(doc, end + 1, s_hi) if words[end] == "," else (end, end)
        pieces = [p for p in (before, after) if p[1] > p[0]]
        if sum(hi - lo for lo, hi in pieces) < MIN_CLAUSE_TOKENS or any(in_quote[s_lo:s_hi]) \
                or not any(tokens.tag[k] in FINITE_TAGS | {"MD"} for lo, hi in pieces for k in range(lo, hi)):
            continue
        if any(d.first_token < s_hi and s_lo <= d.last_token and d.cue_token != verb for d in drafts + out):
            continue
        drafts = [d for d in drafts if not (d.first_token < s_hi and s_lo <= d.last_token)]
        out.append(Draft(
            content=[token_chars(doc, *p) for p in pieces],
            cue=[token_chars(doc, verb, verb + 2 if lower[verb + 1] == "out" else verb + 1)],
            source=[token_chars(doc, a + 1, verb)], confidence=0.5, first_token=pieces[0][0],
            last_token=pieces[-1][1] - 1, cue_token=verb,
        ))
    return drafts + out


def _as_clause(doc: Doc, tokens: TokenArrays, a: int, s_hi: int) -> tuple[int, int] | None:
    """(speech verb, the "," or "." closing the clause) of "as <speaker> <verb> [out] [adjunct]" from token ``a``."""
    verb = next((k for k in range(a + 2, min(s_hi, a + 2 + MAX_PARENTHETICAL_SOURCE_TOKENS))
                 if tokens.pos[k] in ("VERB", "AUX")), None)
    if verb is None or not tokens.is_speech_verb(verb) or tokens.tag[verb] not in FINITE_TAGS \
            or any(doc[k].is_punct for k in range(a + 1, verb)):
        return None
    for k in range(verb + 1, min(s_hi, verb + 2 + MAX_ADJUNCT_TOKENS)):
        if tokens.words[k] in (",", "."):
            return verb, k
        if tokens.pos[k] in ("VERB", "AUX") or doc[k].is_punct:
            return None
    return None


# What may stand between a parenthetical speech verb and its comma or stop: a short adjunct of the verb ("said on
# Thursday", "said in a statement", "told reporters in Brisbane on Monday").
MAX_ADJUNCT_TOKENS = 7
_ADJUNCT_DEPS = frozenset({"prep", "npadvmod", "advmod", "dobj", "dative"})


def _after_adjunct(doc: Doc, verb: int) -> int | None:
    """The "," or "." that closes ", <speaker> said [adjunct]", or None when something else follows the verb."""
    v = doc[verb]
    for k in range(verb + 1, min(len(doc), verb + 2 + MAX_ADJUNCT_TOKENS)):
        t = doc[k]
        if t.text in (",", "."):
            return k if k == verb + 1 or doc[verb + 1].dep_ in _ADJUNCT_DEPS else None
        if t.pos_ in ("VERB", "AUX") or t.is_punct or t.is_space or v not in t.ancestors:
            return None
    return None


def _comma_before_speaker(doc: Doc, s_lo: int, verb: int) -> int | None:
    """The comma opening ", <speaker> said": the tokens between it and the verb are a noun phrase (no verb) that
    ends in a name, pronoun or noun."""
    j = verb - 1
    while j > s_lo and doc[j].text != "," and verb - j <= MAX_PARENTHETICAL_SOURCE_TOKENS:
        if doc[j].pos_ in ("VERB", "AUX") or doc[j].is_space:
            return None
        j -= 1
    if doc[j].text != "," or j == verb - 1 or doc[verb - 1].pos_ not in ("PROPN", "PRON", "NOUN"):
        return None
    return j
