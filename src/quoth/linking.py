"""Joining tagged Content spans to their Cue and Source, repaired by quotation-mark structure."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .docindex import doc_text, sentences
from .features import DocFeatures, Paragraph
from .quotes import Quote
from .tagger import TaggedSpan

Offsets = tuple[int, int]
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


@dataclass
class Draft:
    """An attribution being assembled, in character offsets."""

    content: list[Offsets]
    cue: list[Offsets] = field(default_factory=list)
    source: list[Offsets] = field(default_factory=list)
    confidence: float = 0.5
    parent: "Draft | None" = None
    first_token: int = 0
    last_token: int = 0
    cue_token: int | None = None


def subject(verb: Token) -> Token | None:
    """The verb's nominal subject (active or passive); of two (a misparse such as "LOS ANGELES (AP) — Clinton
    dove …"), the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    return min(subjects, key=lambda c: abs(verb.i - c.i))


def token_chars(doc: Doc, lo: int, hi: int) -> Offsets:
    """Character offsets of tokens [lo, hi) (hi > lo)."""
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


def _chars(doc: Doc, start: int, end: int) -> Offsets:
    """Character offsets of tokens [start, end), trimmed of surrounding whitespace tokens."""
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if start >= end:
        end_char = _text_length(doc)
        return (doc[start].idx, doc[start].idx) if start < len(doc) else (end_char, end_char)
    return token_chars(doc, start, end)


def link_spans(doc: Doc, feats: DocFeatures, spans: list[TaggedSpan], paragraphs: list[Paragraph]) -> list[Draft]:
    """Drafts for every tagged content (and every quote the tagger missed), linked to a cue and source."""
    contents = [s for s in spans if s.role == "content"]
    cues = [s for s in spans if s.role == "cue"]
    sources = [s for s in spans if s.role == "source"]
    drafts = [Draft([_chars(doc, c.start, c.end)], confidence=c.confidence, first_token=c.start,
                    last_token=c.end - 1) for c in contents]
    drafts = [d for d in drafts if d.content[0][1] > d.content[0][0]]
    drafts = _snap_to_quotes(doc, drafts, feats.quotes)
    _cut_after_closed_quotes(doc, drafts, feats.quotes)
    drafts.extend(_missed_quotes(doc, drafts, feats.quotes))
    para_of = _paragraph_index(doc, paragraphs)
    for d in drafts:
        cue = _best_cue(doc, feats, d, cues, para_of, paragraphs)
        if cue is not None:
            first, last = _trim_cue(doc, cue.start, cue.end)
            d.cue = [_chars(doc, first, last)]
            d.cue_token = first  # the verb, not a leading auxiliary: "is supported by X" reads X off "supported"
            src = _best_source(doc, feats, cue, sources)
            if src is not None:
                d.source = [_chars(doc, src.start, src.end)]
    drafts = _inverted_sources(doc, drafts)
    _syntactic_sources(doc, drafts)
    drafts = _merge_split_quotes(doc, drafts)
    _carry_floating_sources(drafts, para_of, doc)
    return drafts


def _paragraph_index(doc: Doc, paragraphs: list[Paragraph]) -> list[int]:
    para_of = [0] * len(doc)
    for n, p in enumerate(paragraphs):
        for i in range(p.start, p.end):
            para_of[i] = n
        if n + 1 < len(paragraphs):
            for i in range(p.end, paragraphs[n + 1].start):
                para_of[i] = n
    return para_of


def _text_length(doc: Doc) -> int:
    """len(doc.text) without rebuilding the text (``Doc.text`` joins every token on each access)."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def token_at(doc: Doc, char: int, right: bool = False) -> int:
    """Index of the token holding character ``char`` (or the last token ending before it when ``right``)."""
    length = _text_length(doc)
    span = doc.char_span(char, char + 1, alignment_mode="expand") if char < length else None
    if span is not None and len(span):
        return span.start
    return len(doc) - 1 if right or char >= length else 0


def _overlap(a: Offsets, b: Offsets) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _snap_to_quotes(doc: Doc, drafts: list[Draft], quotes: list[Quote]) -> list[Draft]:
    """Stretch a content that covers much of a quote piece to the whole piece (with its marks)."""
    for d in drafts:
        s, e = d.content[0]
        for q in quotes:
            for n, piece in enumerate(q.pieces):
                ov = _overlap((s, e), piece)
                if not ov or ov < QUOTE_SNAP_SHARE * (piece[1] - piece[0]):
                    continue
                outer_s = q.start if n == 0 else piece[0] - 1
                outer_e = q.end if n == len(q.pieces) - 1 else piece[1]
                s, e = min(s, max(outer_s, 0)), max(e, outer_e)
        d.content = [(s, e)]
        d.first_token, d.last_token = token_at(doc, s), token_at(doc, e - 1, right=True)
    return drafts


# Characters that end a sentence inside a closing quotation mark ("…ever.").
_SENTENCE_END = ".?!"


def _cut_after_closed_quotes(doc: Doc, drafts: list[Draft], quotes: list[Quote]) -> None:
    """A content that runs on past a quote closing its sentence (`…ever." The work messages were…`) into
    unquoted text ends with that quote: the next sentence is the reporter's (set in place)."""
    text = doc_text(doc)
    for d in drafts:
        if len(d.content) != 1:
            continue
        s, e = d.content[0]
        for q in quotes:
            if not (s < q.start and q.end < e) or not _closes_sentence(text, q.end):
                continue
            rest = text[q.end:e].lstrip()
            if rest[:1].isupper() and not any(o.start >= q.end and o.start < e for o in quotes):
                d.content = [(s, q.end)]
                d.last_token = token_at(doc, q.end - 1, right=True)
                break


def _closes_sentence(text: str, end: int) -> bool:
    """The quote ending at ``end`` closes with sentence punctuation just inside (or just after) its mark."""
    inside = text[max(0, end - 3):end - 1].rstrip()
    return bool(inside) and inside[-1] in _SENTENCE_END or text[end:end + 1] in _SENTENCE_END


def _missed_quotes(doc: Doc, drafts: list[Draft], quotes: list[Quote]) -> list[Draft]:
    """New drafts for quotes with enough words that no tagged content touches."""
    out = []
    text = doc_text(doc)
    for q in quotes:
        words = sum(len(text[s:e].split()) for s, e in q.pieces)
        if words < MIN_QUOTE_WORDS:
            continue
        if any(_overlap(c, piece) for d in drafts for c in d.content for piece in q.pieces):
            continue
        pieces = [(q.start if n == 0 else s - 1, q.end if n == len(q.pieces) - 1 else e)
                  for n, (s, e) in enumerate(q.pieces)]
        out.append(Draft([(max(s, 0), e) for s, e in pieces], confidence=0.5,
                         first_token=token_at(doc, q.start), last_token=token_at(doc, q.end - 1, right=True)))
    return out


def _distance(feats: DocFeatures, d: Draft, cue: TaggedSpan, para_of: list[int]) -> float:
    """Token gap between a content and a cue, plus the sentence and paragraph crossings between them."""
    if cue.start > d.last_token:
        gap, a, b = cue.start - d.last_token, d.last_token, cue.start
    elif cue.end - 1 < d.first_token:
        gap, a, b = d.first_token - cue.end + 1, cue.end - 1, d.first_token
    else:
        gap, a, b = 0, cue.start, cue.start
    cost = float(gap)
    cost += SENTENCE_COST * max(0, abs(feats.sent_of[b] - feats.sent_of[a]) - (1 if gap <= 2 else 0))
    return cost + PARAGRAPH_COST * abs(para_of[b] - para_of[a])


def _cost(doc: Doc, feats: DocFeatures, d: Draft, cue: TaggedSpan, para_of: list[int]) -> float:
    """How unlikely ``cue`` is to be this content's cue: the distance, less a bonus when the content's first
    token hangs from the cue in the parse."""
    i = d.first_token
    while i < d.last_token and (doc[i].is_punct or doc[i].is_space):
        i += 1  # an opening quotation mark hangs anywhere: read the first word
    first, head = doc[i], doc[cue.start]
    bonus = SYNTAX_BONUS if first.head.i == head.i or head.is_ancestor(first) else 0
    return _distance(feats, d, cue, para_of) - bonus


def _best_cue(doc: Doc, feats: DocFeatures, d: Draft, cues: list[TaggedSpan], para_of: list[int],
              paragraphs: list[Paragraph]) -> TaggedSpan | None:
    """The cheapest cue for a draft; a colon cue ending the previous paragraph may introduce a quote."""
    best, best_cost = None, float(MAX_LINK_COST)
    for cue in cues:
        after_colon = para_of[cue.start] == para_of[d.first_token] - 1
        if _distance(feats, d, cue, para_of) - SYNTAX_BONUS - (PARAGRAPH_COST if after_colon else 0) >= best_cost:
            continue  # cannot win whatever the bonuses: skip the parse and colon checks
        cost = _cost(doc, feats, d, cue, para_of)
        if after_colon and _ends_with_colon(doc, cue, paragraphs):
            cost -= PARAGRAPH_COST
        if cost < best_cost:
            best, best_cost = cue, cost
    return best


def _ends_with_colon(doc: Doc, cue: TaggedSpan, paragraphs: list[Paragraph]) -> bool:
    para = next((p for p in paragraphs if p.start <= cue.start < p.end), None)
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


def _best_source(doc: Doc, feats: DocFeatures, cue: TaggedSpan, sources: list[TaggedSpan]) -> TaggedSpan | None:
    """The source nearest the cue in its sentence, preferring the cue's syntactic subject. A source in the
    sentence before or after is taken only when it is not the subject of a cue word of its own ("X were told
    to leave. 'Go now,' a spokesman told reporters": the spokesman speaks for the second "told" only)."""
    sent = feats.sent_of[cue.start]
    best, best_cost = None, 1e9
    for src in sources:
        if abs(feats.sent_of[src.start] - sent) > 1:
            continue
        if feats.sent_of[src.start] != sent and _subject_of_another_cue(doc, feats, src, cue):
            continue
        gap = src.start - cue.end + 1 if src.start >= cue.end else cue.start - src.end + 1
        cost = abs(gap) + (40 if feats.sent_of[src.start] != sent else 0)
        if any(doc[i].head.i in range(cue.start, cue.end) and doc[i].dep_.startswith("nsubj")
               for i in range(src.start, src.end)):
            cost -= 10
        if cost < best_cost:
            best, best_cost = src, cost
    return best


def _subject_of_another_cue(doc: Doc, feats: DocFeatures, src: TaggedSpan, cue: TaggedSpan) -> bool:
    """Whether a token of ``src`` is the subject of a cue word outside ``cue``."""
    for i in range(src.start, src.end):
        head = doc[i].head.i
        if doc[i].dep_.startswith("nsubj") and feats.cue_word[head] and not cue.start <= head < cue.end:
            return True
    return False


# Two contents around one shared cue and source become one discontinuous content when at most this many
# characters besides the cue and source separate them, across a sentence break too (PolNeAR's gold merges
# `"A," he said. "B."`). Measured on PolNeAR dev: +0.013 lenient, +0.011 exact F1 against merging only quoted
# pieces within 12 characters; re-run `quoth eval polnear` after changing it.
MERGE_MAX_GAP_CHARS = 60


# A "content" right after its cue that is this short and holds the cue verb's subject is the speaker of an
# inverted attribution ("…, said the governor."), not a second statement.
MAX_INVERTED_SOURCE_TOKENS = 8


def _inverted_sources(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Turn the tagger's content after "said" in "…, said the governor." into the source of the statement."""
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
                o.source = [_chars(doc, d.first_token, end + 1)]
            out.remove(d)
    return out


def governing_cues(doc: Doc, drafts: list[Draft]) -> None:
    """A content left without a cue by the tagger and the rules takes the verb it hangs from (set in place):
    in "Mr. Obama had talked about raising taxes", "talked". When it has no source either, that verb's subject
    becomes one. Only a verb outside the content counts. PolNeAR train cue accuracy 0.881 → 0.885 (dev 0.883 →
    0.884), other scores unchanged."""
    for d in drafts:
        if d.cue or not d.content:
            continue
        start, end = d.content[0][0], d.content[-1][1]
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        verb = span.root.head
        if span.start <= verb.i < span.end or verb.pos_ != "VERB":
            continue
        d.cue, d.cue_token = [token_chars(doc, verb.i, verb.i + 1)], verb.i
        subj = None if d.source else subject(verb)
        if subj is not None and not start <= subj.idx < end:
            _set_parsed_source(doc, d, (subj.left_edge.i, subj.right_edge.i + 1))


def passive_complements(doc: Doc, drafts: list[Draft]) -> None:
    """A content that is only the subject of its passive cue ("Residents along the river were told to prepare
    for flooding") becomes what they were told: the verb's complement ("to prepare for flooding"). Rare in
    PolNeAR (4 contents in train, none in dev; scores unchanged)."""
    for d in drafts:
        if d.cue_token is None or len(d.content) != 1:
            continue
        verb = doc[d.cue_token]
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        comp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i), None)
        if subj is None or comp is None:
            continue
        start, end = d.content[0]
        if abs(start - subj.left_edge.idx) <= 1 and abs(end - (subj.right_edge.idx + len(subj.right_edge))) <= 2:
            d.content = [_chars(doc, comp.left_edge.i, comp.right_edge.i + 1)]
            d.first_token, d.last_token = comp.left_edge.i, comp.right_edge.i


# A source read off the parse longer than this is a clause, not a speaker: the tagger's source stays.
MAX_PARSED_SOURCE_TOKENS = 12


def _syntactic_sources(doc: Doc, drafts: list[Draft]) -> None:
    """Sources the parse states plainly (set in place): the cue verb's own subject when the tagger named no
    speaker; the "by X" of a passive cue; and for a cue without a subject of its own ("…, saying …", "smiled and
    said …", "a group of doctors calling for …"), the subject of the verb it hangs from or the noun it modifies."""
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
            span = _agent(cue) or (None if any(c.dep_ == "nsubjpass" for c in cue.children) else _borrowed_subject(cue))
        if span is not None:
            _set_parsed_source(doc, d, span)


def _set_parsed_source(doc: Doc, d: Draft, span: tuple[int, int]) -> None:
    """Make tokens ``span`` the source of ``d`` unless it is too long to be a speaker."""
    if span[1] - span[0] <= MAX_PARSED_SOURCE_TOKENS:
        d.source = [_chars(doc, *span)]


def _agent(cue: Token) -> tuple[int, int] | None:
    """The "by X" of a passive cue ("was criticized by the union")."""
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return (obj.left_edge.i, obj.right_edge.i + 1) if obj is not None else None


# How many heads a subjectless cue climbs to find the verb whose subject speaks ("began by talking about" →
# "began"; "walking past … and answering questions" → "is making").
BORROW_MAX_STEPS = 3


def _borrowed_subject(cue: Token) -> tuple[int, int] | None:
    """Token range of the speaker a subjectless cue verb borrows: the subject of the nearest verb it hangs from
    through advcl, xcomp, conj or a preposition ("by saying", "after saying"), climbing at most BORROW_MAX_STEPS
    heads; or the noun phrase it modifies (acl), without the cue's own words; none for "it"/"that"/"which"/"this".
    The climb and the prepositions took PolNeAR dev source accuracy 0.898 → 0.900 (train, cross-fitted: 0.879 →
    0.883)."""
    node = cue
    for _ in range(BORROW_MAX_STEPS):
        head = node.head
        if node.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            head = head.head
        elif node.dep_ not in ("advcl", "xcomp", "conj") or head.pos_ not in ("VERB", "AUX"):
            break
        subj = subject(head)
        if subj is not None:
            if subj.pos_ == "PRON" and subj.lower_ in ("it", "that", "which", "this"):
                return None
            return subj.left_edge.i, subj.right_edge.i + 1
        node = head
    if cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN") and cue.head.i < cue.i:
        return cue.head.left_edge.i, cue.left_edge.i
    return None


def _merge_split_quotes(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """`"…," she said, "…"`: two contents around their shared cue become one discontinuous content."""
    drafts = sorted(drafts, key=lambda d: d.content[0][0])
    out: list[Draft] = []
    text = doc_text(doc)
    for d in drafts:
        prev = out[-1] if out else None
        if prev is not None and _mergeable(text, prev, d):
            prev.content.extend(d.content)
            prev.last_token = d.last_token
            prev.confidence = (prev.confidence + d.confidence) / 2
            continue
        out.append(d)
    return out


def _mergeable(text: str, a: Draft, b: Draft) -> bool:
    """Same cue and source, the cue between the two, no line break, little else between."""
    if not a.cue or a.cue != b.cue or b.source != a.source:
        return False
    gap_s, gap_e = a.content[-1][1], b.content[0][0]
    if not (gap_s <= a.cue[0][0] and a.cue[-1][1] <= gap_e) or "\n" in text[gap_s:gap_e]:
        return False
    rest = gap_e - gap_s - sum(e - s for s, e in a.cue + a.source)
    return rest <= MERGE_MAX_GAP_CHARS


def _carry_floating_sources(drafts: list[Draft], para_of: list[int], doc: Doc) -> None:
    """A quote with no cue continues a speaker: the subject of the sentence before it, when that is a name or
    pronoun, else the previous attribution's source in the same or previous paragraph."""
    prev: Draft | None = None
    for d in sorted(drafts, key=lambda d: d.content[0][0]):
        if not d.cue:
            preceding = _preceding_subject(doc, d.first_token)
            if preceding is not None:
                d.source = [preceding]
            elif prev is not None and 0 <= para_of[d.first_token] - para_of[prev.last_token] <= 1:
                d.source = list(prev.source)
        if d.source:
            prev = d


def _preceding_subject(doc: Doc, first_token: int) -> Offsets | None:
    """The named or pronoun subject of the main clause of the sentence just before token ``first_token``."""
    i = first_token - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct):
        i -= 1
    if i < 0:
        return None
    sents = sentences(doc)
    root = doc[sents.root[sents.of[i]]]
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or not (subj.pos_ == "PROPN" or subj.lower_ in ("he", "she", "they", "we", "i")):
        return None
    lo = min((c.i for c in subj.children if c.dep_ in ("compound", "amod", "poss")), default=subj.i)
    lo = min(lo, min((c.left_edge.i for c in subj.children if c.dep_ == "poss"), default=lo))
    return doc[lo].idx, subj.idx + len(subj.text)
