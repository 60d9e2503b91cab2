"""One context per Doc: what every step reads, computed once.

``Context(doc)`` holds the text, the quotation structure (``quotes``, ``quoted_mask``), the per-token arrays
(``tokens``, with the sentences), the one paragraph index (``paragraphs``) and, on first use, the tagger's
feature strings (``features``) and role spans (``tagged``). Steps read it and never change it.
"""

from __future__ import annotations

from functools import cached_property

from spacy.tokens import Doc

from ..docindex import doc_text
from ..quotes import Quote, pair_quotes, quoted_mask
from .paragraphs import ParagraphIndex
from .tagger import DocFeatures, TaggedSpan, tag_paragraphs
from .tokens import TokenArrays


class Context:
    """The per-Doc facts the attribution steps read."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str = doc_text(doc)
        self.quotes: list[Quote] = pair_quotes(self.text)
        # Per character: 1 inside a quote, 2 on a quotation mark.
        self.quoted_mask: bytearray = quoted_mask(self.text, self.quotes)
        self.tokens = TokenArrays(doc, self.quoted_mask)
        self.paragraphs = ParagraphIndex(doc, self.text)

    @cached_property
    def features(self) -> DocFeatures:
        """The tagger's feature strings over this Doc's token arrays."""
        return DocFeatures(self.doc, tokens=self.tokens)

    @cached_property
    def tagged(self) -> list[TaggedSpan]:
        """The tagger's Source, Cue and Content spans, paragraph by paragraph."""
        return tag_paragraphs(self.features, self.paragraphs.lines)

    def tagged_as(self, role: str) -> list[TaggedSpan]:
        """The tagged spans of one role ("source", "cue" or "content")."""
        return [s for s in self.tagged if s.role == role]

    def in_closed_quote(self, char: int) -> bool:
        """Whether ``char`` lies inside a quotation that closes (not a block quotation's unclosed paragraph)."""
        return any(q.closed and q.start < char < q.end for q in self.quotes)
