"""Reshaping linked drafts by the parse where the tagger's content swallowed a cue or missed the reporting verb.

Nine repairs, run after linking and the clause rules in this order (each sets drafts in place or returns the new
list):

- ``trailing_reporters``: a sentence that ends in a reporting clause ("…, the source added.", "…, according to
  the Roper Center.") is that clause's statement, whatever verb inside it the linker took for a cue; a content
  that began after an inner cue in that sentence grows back to the sentence start.
- ``split_coordinated_cues``: "outlined his plan and vowed to punish leakers" tagged as one content of
  "outlined": the coordinated speech verb "vowed" is a cue of its own, so its complement becomes a second
  attribution and the first content stops before "and".
- ``speaker_openings``: a content with no cue that opens with its own speaker and verb ("Melanie thought the
  whole thing was outrageous") is split into source, cue and what follows the verb.
- ``reporting_verbs``: a statement whose cue lies in the clause another speech verb reports ("He said Obama
  hopes that …") belongs to that outer verb, as PolNeAR annotates it; the inner statement is then found again as
  a nested attribution.
- ``sentence_speech_verbs``: a content still without a cue takes the nearest speech verb of its sentence
  (`X recalled, "…"`, `"…" X shouted`) when the tagger did not mark that verb.
- ``quote_openers``: a quote right after a speech verb and a comma or colon (`…, adding, "…"`, `by saying, "…"`)
  is that verb's, whatever verb the linker chose.
- ``floating_cues``: a content left without any cue (a floating quote) continues the attribution before it, in
  its paragraph or the one before, and takes that attribution's cue, as PolNeAR's gold does when it joins such
  paragraphs into one statement.
- ``continued_quotes``: a quote opening the sentence after `"…," X said, suggesting that …` continues X's "said",
  not the clause hanging from it.
- ``reported_quotes``: a content that runs from one sentence into a quote with its own reporting clause
  (`Green knows what Washington needs. ''It'll take a junkyard dog,'' he said.`) ends before the quote, which
  becomes the reporting clause's statement.

A speech verb here is one of the lexicon's (``cues.SPEECH_VERBS``) or a form learned from PolNeAR train
(``cue_forms``).

Measured on PolNeAR dev (`quoth eval polnear`) and on train with cross-fitted tagger weights (each half tagged by a
model trained on the other half); see docs/evaluation.md.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .clauses import SPEECH_CLAUSE_VERBS
from .cue_forms import learned_cue_forms
from .cues import SPEECH_VERBS
from .docindex import doc_text
from .features import DocFeatures
from .linking import MAX_PARSED_SOURCE_TOKENS, Draft, _borrowed_subject, _chars, subject, token_at

# Dependents that carry what a verb reports ("vowed [to punish …]", "told [his advisers] …").
_COMPLEMENT_DEPS = ("dobj", "ccomp", "xcomp", "prep", "dative", "attr", "oprd")


def _sentence(feats: DocFeatures, i: int) -> tuple[int, int]:
    """Token range of token i's sentence (``docindex`` sentences, the same as ``doc.sents``, read once)."""
    return feats.sent_bounds[feats.sent_of[i]]


def _token_range(doc: Doc, d: Draft) -> tuple[int, int]:
    """First and last token of a single-piece draft's content."""
    return token_at(doc, d.content[0][0]), token_at(doc, d.content[-1][1] - 1, right=True)


def _set_content(doc: Doc, d: Draft, lo: int, hi: int) -> None:
    """Content = tokens lo..hi (inclusive)."""
    d.content = [_chars(doc, lo, hi + 1)]
    d.first_token, d.last_token = lo, hi


def _set_cue(doc: Doc, d: Draft, verb: Token, lo: int | None = None) -> None:
    d.cue = [_chars(doc, verb.i if lo is None else lo, verb.i + 1)]
    d.cue_token = verb.i


def _speaker(doc: Doc, verb: Token) -> list[tuple[int, int]]:
    """The verb's subject as a source, when it is short enough to be a speaker."""
    subj = subject(verb)
    span = (subj.left_edge.i, subj.right_edge.i + 1) if subj is not None else _borrowed_subject(verb)
    if span is None or span[1] - span[0] > MAX_PARSED_SOURCE_TOKENS:
        return []
    return [_chars(doc, *span)]


def _is_speech_verb(feats: DocFeatures, verb: Token, lexicon: frozenset[str] | None = None) -> bool:
    """A verb of the given lemma lexicon, or by default of SPEECH_VERBS or the learned cue forms."""
    if verb.pos_ != "VERB":
        return False
    if lexicon is not None:
        return feats.lemma[verb.i] in lexicon
    return feats.lemma[verb.i] in SPEECH_VERBS or verb.lower_ in learned_cue_forms()


def split_coordinated_cues(doc: Doc, feats: DocFeatures, drafts: list[Draft]) -> list[Draft]:
    """A second speech verb coordinated with the cue inside the content ("outlined his plan and vowed to …",
    "questioning X, encouraging Y to …") opens an attribution of its own with the same source."""
    out = list(drafts)
    for d in drafts:
        if d.cue_token is None or len(d.content) != 1 or d.parent is not None:
            continue
        cue = doc[d.cue_token]
        lo, hi = _token_range(doc, d)
        if lo <= cue.i <= hi:
            continue
        for verb in doc[lo + 1:hi + 1]:
            if verb.head.i != cue.i or verb.dep_ not in ("conj", "advcl") or not _is_speech_verb(feats, verb):
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
    _set_content(doc, new, start, end)
    _set_cue(doc, new, verb, cue_lo)
    first_end = cue_lo
    while first_end > lo and (doc[first_end - 1].dep_ in ("cc", "punct") or doc[first_end - 1].is_space):
        first_end -= 1
    if first_end > lo:
        _set_content(doc, d, lo, first_end - 1)
    return new


# A content "opens with its speaker" when the subject starts within this many words of it ("How do you know …").
MAX_SPEAKER_LEAD_TOKENS = 2


def speaker_openings(doc: Doc, feats: DocFeatures, drafts: list[Draft]) -> None:
    """A content without a cue that opens "<subject> <verb> <complement>" becomes the complement, with the verb
    as cue and the subject as source. Not inside a closed quotation: `"I would say that …"` and `"People imagine
    it's romantic …"` are the quoted speaker's own words. (A block quotation's unclosed paragraph mark does not
    count.)"""
    for d in drafts:
        if d.cue or len(d.content) != 1:
            continue
        lo, hi = _token_range(doc, d)
        while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
            lo += 1
        subj = next((t for t in doc[lo:hi + 1]
                     if t.dep_ == "nsubj" and lo <= t.left_edge.i <= lo + MAX_SPEAKER_LEAD_TOKENS), None)
        if subj is not None and _in_closed_quote(feats, subj.idx):
            continue
        verb = subj.head if subj is not None else None
        if verb is None or not lo <= verb.i <= hi or verb.pos_ != "VERB":
            continue
        comps = [c for c in verb.children if c.i > verb.i and c.dep_ in _COMPLEMENT_DEPS]
        if not comps or comps[0].left_edge.i > hi:
            continue
        cue_lo = min([verb.i] + [c.i for c in verb.children
                                 if subj.right_edge.i < c.i < verb.i and c.dep_ in ("aux", "neg", "advmod")])
        d.source = [_chars(doc, subj.left_edge.i, subj.right_edge.i + 1)]
        _set_cue(doc, d, verb, cue_lo)
        _set_content(doc, d, comps[0].left_edge.i, hi)


def _in_closed_quote(feats: DocFeatures, char: int) -> bool:
    """Whether ``char`` lies inside a quotation that closes (not a block quotation's unclosed paragraph mark)."""
    return any(q.closed and q.start < char < q.end for q in feats.quotes)


def reporting_verbs(doc: Doc, feats: DocFeatures, drafts: list[Draft]) -> None:
    """A draft whose cue verb lies in the clausal complement of a speech verb outside its content (that clause
    itself, or up to MAX_REPORTED_DEPTH heads below it), a verb with a subject and no draft of its own, is that
    verb's statement: the content grows to the whole clause."""
    by_cue: dict[int, int] = {}
    for d in drafts:
        if d.cue_token is not None:
            by_cue[d.cue_token] = by_cue.get(d.cue_token, 0) + 1
    for d in drafts:
        if d.cue_token is None or d.parent is not None:
            continue
        inner = _reported_clause(feats, doc[d.cue_token])
        outer = inner.head
        if inner.dep_ != "ccomp" or outer is inner or not _is_speech_verb(feats, outer, SPEECH_CLAUSE_VERBS):
            continue
        if d.content[0][0] <= outer.idx < d.content[-1][1] or subject(outer) is None or by_cue.get(outer.i):
            continue
        lo = inner.left_edge.i
        hi = max(token_at(doc, d.content[-1][1] - 1, right=True), inner.right_edge.i)
        if lo <= outer.i <= hi:
            continue
        by_cue[d.cue_token] -= 1
        by_cue[outer.i] = 1
        _set_content(doc, d, lo, hi)
        _set_cue(doc, d, outer)
        d.source = _speaker(doc, outer)


# How far up the parse a cue may sit below the clause a speech verb reports ("He said [he plans to put to use
# the $18 million he says he raised]": "says" is four heads below "said"'s clause).
MAX_REPORTED_DEPTH = 5


def _reported_clause(feats: DocFeatures, cue: Token) -> Token:
    """The ancestor of ``cue`` (itself included) that is the clausal complement of a speech verb, climbing at
    most MAX_REPORTED_DEPTH heads; ``cue`` when there is none."""
    node = cue
    for _ in range(MAX_REPORTED_DEPTH):
        if node.dep_ == "ccomp" and _is_speech_verb(feats, node.head, SPEECH_CLAUSE_VERBS):
            return node
        if node.head is node:
            break
        node = node.head
    return cue


# A reporting clause after the statement holds at most this many tokens ("the source added", "said Mr. Burman,
# a tax lawyer at the Urban Institute").
MAX_REPORTER_TOKENS = 12
# Words opening a clause after a comma that is not a reporting clause ("…, but Chaffetz declined").
_NOT_REPORTER_OPENERS = frozenset({"but", "and", "as", "while", "although", "because", "when", "which", "who"})
_SENTENCE_END_MARKS = (".", "?", "!")


def trailing_reporters(doc: Doc, feats: DocFeatures, drafts: list[Draft]) -> None:
    """A content followed, after a comma, by nothing but a reporting clause to the end of its sentence takes
    that clause's cue and source; when its old cue lay before it in the sentence, the content grows back to the
    sentence start ("Clinton had told officials that …, the source added": the source's statement, as PolNeAR
    annotates it; the told-statement is found again as a nested attribution)."""
    for d in drafts:
        if d.parent is not None or not d.content:
            continue
        lo, hi = _token_range(doc, d)
        reporter = _reporter_after(doc, feats, lo, hi)
        if reporter is None:
            continue
        (cue_lo, cue_hi, cue_token), (src_lo, src_hi) = reporter
        sent_start = _sentence(feats, hi)[0]
        start = lo
        if d.cue_token is not None and sent_start <= d.cue_token < lo:
            start = sent_start
            while start < lo and doc[start].is_space:
                start += 1
        _set_content(doc, d, start, hi - 1 if doc[hi].text == "," and hi > start else hi)
        d.cue, d.cue_token = [_chars(doc, cue_lo, cue_hi)], cue_token
        d.source = [_chars(doc, src_lo, src_hi)]


def _reporter_after(doc: Doc, feats: DocFeatures, lo: int, hi: int, quote: bool = False
                    ) -> tuple[tuple[int, int, int], tuple[int, int]] | None:
    """((cue start, cue end, cue token), (source start, source end)) of the reporting clause that follows token
    ``hi`` to the end of its sentence, or None. After a ``quote`` the comma may stand inside the closing mark
    (`''…,'' he said.`)."""
    sent_end = _sentence(feats, hi)[1]
    j = hi + 1
    while j < sent_end and (doc[j].is_punct or doc[j].is_space) and doc[j].text not in _SENTENCE_END_MARKS:
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
    verbs = [t for t in doc[j:end] if t.pos_ == "VERB"]
    if len(verbs) != 1 or not _is_speech_verb(feats, verbs[0]):
        return None
    verb = verbs[0]
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and j <= c.i < end), None)
    if subj is None or not (verb.is_ancestor(doc[hi]) or verb.is_ancestor(doc[lo])):
        return None
    cue_lo = min([verb.i] + [c.i for c in verb.children if c.dep_ == "aux" and j <= c.i < verb.i])
    return (cue_lo, verb.i + 1, verb.i), (subj.left_edge.i, subj.right_edge.i + 1)


def sentence_speech_verbs(doc: Doc, feats: DocFeatures, drafts: list[Draft]) -> None:
    """A content still without a cue takes the speech verb nearest it in its first or last sentence (outside
    it, and in its paragraph), and that verb's speaker as source when it has none."""
    text = doc_text(doc)
    for d in drafts:
        if d.cue or not d.content or d.parent is not None:
            continue
        lo, hi = _token_range(doc, d)
        best: tuple[int, Token] | None = None
        for s_start, s_end in dict.fromkeys((_sentence(feats, lo), _sentence(feats, hi))):
            for tok in doc[s_start:s_end]:
                if lo <= tok.i <= hi or not _is_speech_verb(feats, tok):
                    continue
                between = text[tok.idx:doc[lo].idx] if tok.i < lo else text[doc[hi].idx:tok.idx]
                if "\n" in between:
                    continue  # a sentence the parser ran over a paragraph break
                distance = lo - tok.i if tok.i < lo else tok.i - hi
                if best is None or distance < best[0]:
                    best = (distance, tok)
        if best is None:
            continue
        _set_cue(doc, d, best[1])
        if not d.source:
            d.source = _speaker(doc, best[1])


_OPENING_MARKS = frozenset('"\u201c\u00ab\'\u2018')


def continued_quotes(doc: Doc, feats: DocFeatures, drafts: list[Draft]) -> None:
    """A quote that opens a sentence and took as cue a verb of the sentence before that hangs from another
    draft's cue (`"…," Jealous said, suggesting that …. "We have a Republican candidate …"`) continues that
    draft's cue and source ("said", not "suggesting")."""
    text = doc_text(doc)
    owner_of: dict[int, Draft] = {}
    for d in drafts:
        if d.cue_token is not None and d.parent is None:
            owner_of.setdefault(d.cue_token, d)
    for d in drafts:
        if d.cue_token is None or d.parent is not None:
            continue
        start = d.content[0][0]
        verb = doc[d.cue_token]
        if verb.idx >= start or text[start] not in _OPENING_MARKS or token_at(doc, start) < _sentence(feats, verb.i)[1]:
            continue
        owner = _owning_draft(verb, owner_of)
        if owner is None or owner is d or owner.content[0][0] > verb.idx:
            continue
        d.cue, d.cue_token, d.source = list(owner.cue), owner.cue_token, list(owner.source)


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


def reported_quotes(doc: Doc, feats: DocFeatures, drafts: list[Draft]) -> list[Draft]:
    """A quote that opens a sentence inside a content and is followed by its own reporting clause is split off
    as that clause's statement; the content ends before it."""
    out = list(drafts)
    for d in drafts:
        if d.parent is not None or len(d.content) != 1:
            continue
        start, end = d.content[0]
        lo = token_at(doc, start)
        for q in feats.quotes:
            if not (start < q.start and q.end <= end + 2):
                continue
            q_lo, q_hi = token_at(doc, q.start), token_at(doc, q.end - 1, right=True)
            before = _last_word_before(doc, q_lo)
            if before is None or before <= lo or doc[before].text not in _SENTENCE_END_MARKS + (":",):
                continue
            reporter = _reporter_after(doc, feats, q_lo, q_hi, quote=True)
            if reporter is None:
                continue
            (cue_lo, cue_hi, cue_token), (src_lo, src_hi) = reporter
            new = Draft([(q.start, q.end)], cue=[_chars(doc, cue_lo, cue_hi)], source=[_chars(doc, src_lo, src_hi)],
                         confidence=d.confidence, first_token=q_lo, last_token=q_hi, cue_token=cue_token)
            _set_content(doc, d, lo, before)
            out.append(new)
            break
    return out


def _last_word_before(doc: Doc, i: int) -> int | None:
    """The last non-space token before token ``i``."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i if i >= 0 else None


def floating_cues(doc: Doc, drafts: list[Draft]) -> None:
    """A content with no cue takes the cue of the attribution before it when at most one paragraph break lies
    between them (the source was carried over by linking)."""
    text = doc_text(doc)
    prev: Draft | None = None
    for d in sorted(drafts, key=lambda d: d.content[0][0]):
        if d.parent is not None:
            continue
        if not d.cue and prev is not None and text.count("\n\n", prev.content[-1][1], d.content[0][0]) <= 1:
            d.cue = list(prev.cue)
        if d.cue:
            prev = d


_QUOTE_LEAD_PUNCT = frozenset({",", ":"})


def quote_openers(doc: Doc, feats: DocFeatures, drafts: list[Draft]) -> None:
    """A content that opens with a quotation mark right after a speech verb and a comma or colon takes that verb
    as cue (`he said, adding, "We don't want …"`: "adding"), and its speaker when the content has no source."""
    text = doc_text(doc)
    for d in drafts:
        if d.parent is not None or not d.content or text[d.content[0][0]] not in _OPENING_MARKS:
            continue
        first = token_at(doc, d.content[0][0])
        i = first - 1
        while i >= 0 and (doc[i].is_space or doc[i].text in _QUOTE_LEAD_PUNCT):
            i -= 1
        if i < 0 or i == first - 1 or d.cue_token == i or not _is_speech_verb(feats, doc[i]):
            continue
        _set_cue(doc, d, doc[i])
        if not d.source:
            d.source = _speaker(doc, doc[i])
