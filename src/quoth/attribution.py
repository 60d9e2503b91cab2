"""Finding attributions in a parsed Doc: content, cue and source spans; direct/indirect/mixed; nesting.

Three steps: the CRF tags Source/Cue/Content tokens per paragraph (``tagger``); ``link`` joins each content to
its cue and source; quotation-mark structure then repairs what the tagger missed (quotes it left out, quotes cut
in the middle, the quote that runs over paragraphs) and nested attributions are read off the parse (``nesting``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from .clauses import (according_to, clause_drafts, colon_sources, dash_sources, parenthetical_cues,
                      split_participles, transcript_labels)
from .docindex import doc_text
from .features import DocFeatures
from .kinds import type_attributions
from .linking import Draft, governing_cues, link_spans, passive_complements
from .model import Attribution, Span
from .nesting import find_nested
from .reshape import (continued_quotes, floating_cues, quote_openers, reported_quotes, reporting_verbs,
                      sentence_speech_verbs, speaker_openings, split_coordinated_cues, trailing_reporters)
from .tagger import tag_doc
from .text import boilerplate_ranges

# Add attributions read off the parse (speech verb + subject + complement clause) where the tagger found none.
# Measured on PolNeAR dev with `quoth eval polnear`; switch off if it costs precision there.
ADD_CLAUSES = True


def find_attributions(doc: Doc) -> list[Attribution]:
    """Every attribution in ``doc``, ordered by content start, ids ``a1``… in that order."""
    text = doc_text(doc)
    if not text.strip():
        return []
    feats = DocFeatures(doc)
    spans, paragraphs = tag_doc(doc, feats)
    drafts = link_spans(doc, feats, spans, paragraphs)
    drafts.extend(according_to(doc, feats, drafts))
    drafts.extend(split_participles(doc, feats, drafts))
    if ADD_CLAUSES:
        drafts.extend(clause_drafts(doc, feats, drafts))
    drafts.extend(parenthetical_cues(doc, feats, drafts))
    dash_sources(text, drafts, [q.end for q in feats.quotes])
    transcript_labels(doc, text, drafts)
    colon_sources(text, drafts)
    governing_cues(doc, drafts)
    passive_complements(doc, drafts)
    trailing_reporters(doc, feats, drafts)
    drafts = split_coordinated_cues(doc, feats, drafts)
    speaker_openings(doc, feats, drafts)
    reporting_verbs(doc, feats, drafts)
    sentence_speech_verbs(doc, feats, drafts)
    quote_openers(doc, feats, drafts)
    floating_cues(doc, drafts)
    continued_quotes(doc, feats, drafts)
    drafts = reported_quotes(doc, feats, drafts)
    drafts = _drop_boilerplate(text, drafts)
    drafts.extend(find_nested(doc, feats, drafts))
    return type_attributions(doc, _to_attributions(text, drafts, feats.quoted_mask))


def _drop_boilerplate(text: str, drafts: list[Draft]) -> list[Draft]:
    """Content inside captions, "RECOMMENDATION" and related-link lines is never an attribution."""
    ranges = boilerplate_ranges(text)
    if not ranges:
        return drafts

    def inside(s: int, e: int) -> bool:
        return any(rs <= s and e <= re_ for rs, re_ in ranges)

    return [d for d in drafts if not all(inside(s, e) for s, e in d.content)]


def _kind(text: str, pieces: list[tuple[int, int]], quoted_mask: bytearray) -> str:
    """direct (all content inside quotation marks), indirect (none) or mixed."""
    quoted = unquoted = 0
    for s, e in pieces:
        for i in range(s, e):
            if not text[i].isalnum():
                continue
            if quoted_mask[i] == 1:
                quoted += 1
            else:
                unquoted += 1
    # A word or two outside the marks ("that", a trailing "he said") does not make a quote mixed.
    if quoted and unquoted <= 3:
        return "direct"
    if quoted >= 4:
        return "mixed"
    return "indirect"


def _to_attributions(text: str, drafts: list[Draft], mask: bytearray) -> list[Attribution]:
    drafts = sorted(drafts, key=lambda d: (d.content[0][0], -d.content[-1][1]))
    ids = {id(d): f"a{n}" for n, d in enumerate(drafts, 1)}
    out = []
    for d in drafts:
        out.append(Attribution(
            id=ids[id(d)],
            kind=_kind(text, d.content, mask),  # type: ignore[arg-type]
            content=Span.from_offsets(text, d.content),
            cue=Span.from_offsets(text, d.cue) if d.cue else None,
            source=Span.from_offsets(text, d.source) if d.source else None,
            parent=ids.get(id(d.parent)) if d.parent is not None else None,
            confidence=d.confidence,
        ))
    return out
