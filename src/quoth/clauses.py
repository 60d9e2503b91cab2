"""Attributions read off the dependency parse, beside the tagger's: what a speech verb's subject and clausal
complement say, where the tagger found nothing, and the participle that opens a second statement
("…," adding that "…").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .features import DocFeatures
from .linking import Draft, subject, token_at, token_chars

# Verbs whose subject + clausal complement is an attribution (speech, not belief: "think" and "know" head too
# many ordinary clauses). nesting.NESTED_VERBS is the stricter list it uses inside contents.
SPEECH_CLAUSE_VERBS = frozenset("""
say tell assure claim insist argue add explain state reveal report warn promise deny admit announce write
complain suggest boast brag allege acknowledge confirm declare maintain contend testify predict vow pledge
comment remark note observe reply respond answer counter retort concede emphasize stress recall
""".split())
# Participles that open a second statement of the same speaker: "…, adding that …", "…, saying …".
PARTICIPLE_CUES = frozenset({"add", "say", "note", "explain", "insist", "argue", "warn", "claim", "stress"})
MIN_CLAUSE_TOKENS = 3


# How far after its verb a "that"-clause the parser hung elsewhere may start and still be the verb's complement.
MAX_THAT_DISTANCE = 16


def complement(verb: Token) -> Token | None:
    """The clause a speech verb reports: its ccomp after the verb, else a "that"-clause with a subject inside
    the verb's subtree that the parser attached to a nearby noun ("commented a day after … that she …")."""
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if comp is not None:
        return comp
    for tok in verb.subtree:
        if verb.i < tok.i <= verb.i + MAX_THAT_DISTANCE and tok.lower_ == "that" and tok.dep_ == "mark" \
                and tok.head.dep_ in ("relcl", "acl", "advcl") and subject(tok.head) is not None:
            return tok.head
    return None


def clause_drafts(doc: Doc, feats: DocFeatures, drafts: list[Draft]) -> list[Draft]:
    """Drafts for speech verbs with a subject and a complement clause that no draft covers yet.

    A tagged draft whose content swallowed such a verb with its subject (outside quotation marks, and not as a
    reported clause itself) is dropped from ``drafts`` in place: the tagger read the speaker as the statement.
    """
    in_quote = feats.in_quote
    out = []
    # Speech verbs found from the feature arrays: a Token object only for them, not for every token.
    for i, (pos, lem) in enumerate(zip(feats.pos, feats.lemma)):
        if pos != "VERB" or lem not in SPEECH_CLAUSE_VERBS:
            continue
        verb = doc[i]
        if any(d.cue_token == verb.i for d in drafts):
            continue
        subj, comp = subject(verb), complement(verb)
        if subj is None or comp is None:
            continue
        lo, hi = comp.left_edge.i, comp.right_edge.i + 1
        if hi - lo < MIN_CLAUSE_TOKENS:
            continue
        swallowed = [d for d in drafts if d.first_token <= subj.left_edge.i and verb.i <= d.last_token
                     and not d.parent and (d.last_token < hi - 1 or (verb.dep_ != "ccomp" and not in_quote[verb.i]))]
        others = [d for d in drafts if d not in swallowed]
        if any(d.first_token < hi and lo <= d.last_token for d in others):
            continue
        drafts[:] = others
        out.append(Draft(
            content=[token_chars(doc, lo, hi)], cue=[token_chars(doc, verb.i, verb.i + 1)],
            source=[token_chars(doc, subj.left_edge.i, subj.right_edge.i + 1)], confidence=0.5,
            first_token=lo, last_token=hi - 1, cue_token=verb.i,
        ))
    return out


# A parenthetical speaker ("Acts of protest, Mr. Obama said, are acts of patriotism.") holds at most this many
# tokens between its comma and the verb.
MAX_PARENTHETICAL_SOURCE_TOKENS = 8
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def parenthetical_cues(doc: Doc, feats: DocFeatures, drafts: list[Draft]) -> list[Draft]:
    """"X, Mr. Obama said, Y." and "X, he said." with no quotation marks: the sentence around ", <speaker> said,"
    (or before ", <speaker> said.") is the speaker's statement, one content in two pieces for the first.

    Drafts the tagger cut from the same statement (inside the sentence, with this verb as cue) are replaced,
    removed from ``drafts`` in place; a sentence holding any other draft is left alone. Returns the new ones."""
    text, tag, lem, in_quote = feats.text, feats.tag, feats.lemma, feats.in_quote
    out: list[Draft] = []
    for i in range(1, len(doc) - 1):
        if text[i + 1] not in (",", ".") or tag[i] not in FINITE_TAGS or lem[i] not in SPEECH_CLAUSE_VERBS:
            continue
        s_lo, s_hi = feats.sent_bounds[feats.sent_of[i]]
        comma = _comma_before_speaker(doc, s_lo, i)
        if comma is None:
            continue
        lo, hi = _trim(doc, s_lo, comma), _trim(doc, i + 2, s_hi)
        final = text[i + 1] == "."
        if final and (hi[1] > hi[0] or comma - lo[0] < MIN_CLAUSE_TOKENS):
            continue
        if not final and (comma - lo[0] < 1 or hi[1] - hi[0] < MIN_CLAUSE_TOKENS):
            continue
        span = (lo[0], max(hi[1], comma))
        if any(in_quote[span[0]:span[1]]):
            continue
        touching = [d for d in drafts + out if d.first_token < span[1] and span[0] <= d.last_token]
        if any(d.cue_token != i or d.parent or d.first_token < span[0] or d.last_token >= span[1] for d in touching):
            continue
        drafts[:] = [d for d in drafts if d not in touching]  # the tagger's cut of this same statement
        pieces = [lo] if final else [lo, hi]
        out.append(Draft(
            content=[token_chars(doc, *p) for p in pieces], cue=[token_chars(doc, i, i + 1)],
            source=[token_chars(doc, comma + 1, i)], confidence=0.5, first_token=lo[0],
            last_token=pieces[-1][1] - 1, cue_token=i,
        ))
    return out


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


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Tokens [lo, hi) without punctuation or whitespace at either end."""
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    return lo, hi


def split_participles(doc: Doc, feats: DocFeatures, drafts: list[Draft]) -> list[Draft]:
    """Cut "…, adding that …" out of a content into its own draft with the same source; returns the new ones."""
    tag, lem = feats.tag, feats.lemma
    out = []
    for d in drafts:
        if len(d.content) != 1:
            continue
        for i in range(d.first_token + 3, min(d.last_token + 1, len(doc))):
            if tag[i] != "VBG" or lem[i] not in PARTICIPLE_CUES:
                continue
            tok = doc[i]
            if complement(tok) is not None and doc[i - 1].is_punct:
                new = _cut_at(doc, d, tok)
                if new is not None:
                    out.append(new)
                break
    return out


def _cut_at(doc: Doc, d: Draft, verb: Token) -> Draft | None:
    comp = complement(verb)
    assert comp is not None
    lo = comp.left_edge.i
    end, last = d.content[0][1], d.last_token
    if doc[lo].idx >= end:
        return None
    cut = verb.i - 1
    while cut > d.first_token and (doc[cut - 1].is_punct or doc[cut - 1].is_space) and \
            doc[cut - 1].text not in ('"', "”", "''"):
        cut -= 1
    d.content = [(d.content[0][0], token_chars(doc, cut - 1, cut)[1])]
    d.last_token = cut - 1
    return Draft(content=[(doc[lo].idx, end)], cue=[token_chars(doc, verb.i, verb.i + 1)], source=list(d.source),
                 confidence=d.confidence, first_token=lo, last_token=max(lo, last), cue_token=verb.i)


MAX_UNPARSED_SOURCE_TOKENS = 8


def according_to(doc: Doc, feats: DocFeatures, drafts: list[Draft]) -> list[Draft]:
    """"X, according to Y." and "According to Y, X.": the rest of the sentence is Y's, whatever the tagger cut.

    Tagged drafts inside that sentence part are replaced (removed from ``drafts`` in place); returns the new ones.
    """
    lower = feats.lower
    out = []
    for i in range(len(lower) - 1):
        if lower[i] != "according" or lower[i + 1] != "to":
            continue
        tok = doc[i]
        sent_start, sent_end = feats.sent_bounds[feats.sent_of[i]]
        pobj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
        src_hi = pobj.right_edge.i + 1 if pobj is not None else _unparsed_source_end(doc, tok.i + 2, sent_end)
        lo, hi = _content_around(doc, sent_start, sent_end, tok.i, src_hi)
        if hi - lo < MIN_CLAUSE_TOKENS:
            continue
        drafts[:] = [d for d in drafts if not (lo <= d.first_token and d.last_token < hi and d.cue_token is not None
                                               and not d.parent)]
        out.append(Draft(
            content=[token_chars(doc, lo, hi)], cue=[token_chars(doc, tok.i, tok.i + 2)],
            source=[token_chars(doc, tok.i + 2, src_hi)] if src_hi > tok.i + 2 else [],
            confidence=0.6, first_token=lo, last_token=hi - 1, cue_token=tok.i,
        ))
    return out


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


_DASH = re.compile(r"[ \t\u00a0]*([—―–]|--?)[ \t\u00a0]*")
_NAME = re.compile(r"(?:[A-Z][\w.'’-]*(?:[ \u00a0]+(?:de|van|von|da|del|la|bin)?[ \u00a0]*[A-Z][\w.'’-]*){0,4})")


def dash_sources(text: str, drafts: list[Draft], quote_ends: list[int]) -> None:
    """`"…" — Name`: a dash right after a content (or after a quote inside it, where the content is then cut),
    followed by a name, is its cue and source (set in place)."""
    for d in drafts:
        start, end = d.content[0][0], d.content[-1][1]
        for stop in [end] + [q for q in quote_ends if start < q < end]:
            dash = _DASH.match(text, stop)
            name = _NAME.match(text, dash.end()) if dash is not None else None
            if dash is None or name is None or not name.group(0):
                continue
            if stop < end:
                d.content = [(s, min(e, stop)) for s, e in d.content if s < stop]
            d.cue, d.source, d.cue_token = [dash.span(1)], [(name.start(), name.end())], None
            break


_SPEAKER_COLON = re.compile(r"(?:^|\n)[ \t\"“]*((?:[A-Z][\w.'’-]*[ \u00a0]+){0,3}[A-Z][\w.'’-]*)[ \t]*(:)[ \t\"“]*$")


# A transcript speaker label opening a content: "WALLACE: Let's start …" (capitals, at a line start, possibly
# after an opening quotation mark). Labels that are not people are left alone.
_TRANSCRIPT_LABEL = re.compile(r"[ \t\"“]*((?:[A-Z][A-Z.'’-]+[ \u00a0]+){0,2}[A-Z][A-Z.'’-]+)[ \t]*(:)[ \t]+")
NOT_SPEAKER_LABELS = frozenset({"UPDATE", "UPDATED", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH", "READ",
                                "READ MORE", "PHOTO", "PHOTOS", "VIDEO", "CORRECTION", "RELATED", "SOURCE", "Q", "A"})


def transcript_labels(doc: Doc, text: str, drafts: list[Draft]) -> None:
    """A content opening its line with a transcript label ("WALLACE: …") starts after the label, the label is
    its source and the colon its cue (set in place): in a transcript the label names who speaks."""
    for d in drafts:
        start, end = d.content[0]
        line_start = text.rfind("\n", 0, start) + 1
        m = _TRANSCRIPT_LABEL.match(text, line_start)
        if m is None or not (line_start <= start <= m.start(1)) or m.end() >= end \
                or m.group(1) in NOT_SPEAKER_LABELS:
            continue
        d.content[0] = (m.end(), end)
        d.first_token = token_at(doc, m.end())
        d.cue, d.source = [m.span(2)], [m.span(1)]


def colon_sources(text: str, drafts: list[Draft]) -> None:
    """Transcript style "WALLACE: …" / "Jane Roe: …": a name and a colon opening the line is a cue-less content's
    cue and source (set in place)."""
    for d in drafts:
        if d.cue:
            continue
        start = d.content[0][0]
        line_start = text.rfind("\n", 0, start) + 1
        m = _SPEAKER_COLON.search(text, line_start, start) if start - line_start <= 60 else None
        if m is not None:
            d.cue, d.source = [m.span(2)], [m.span(1)]
