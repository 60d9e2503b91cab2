"""The one paragraph index of a Doc: where paragraphs start and end, in tokens and in characters.

A paragraph is a run of text between line breaks: the tagger's unit, and what the rules mean by "the same
paragraph". Some rules were tuned with a looser paragraph, one that ends only at a blank line; the index offers
both (``kind="line"`` or ``kind="blank"``), so that choice is made here, visibly, and nowhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import numpy
from spacy.attrs import IDX, IS_SPACE
from spacy.tokens import Doc

from ..docindex import doc_text

_NEWLINE = re.compile("\n")
BreakKind = Literal["line", "blank"]
_BREAK: dict[str, str] = {"line": "\n", "blank": "\n\n"}


@dataclass
class Paragraph:
    """A run of tokens between line breaks: the tagger's unit."""

    start: int  # token index
    end: int  # token index, exclusive


def split_paragraphs(doc: Doc) -> list[Paragraph]:
    """Paragraphs as token ranges: a token holding a newline (in its text or trailing space) ends one."""
    if not len(doc):
        return []
    arrays = doc.to_array([IDX, IS_SPACE]).astype("int64")
    starts, space = arrays[:, 0], arrays[:, 1].astype(bool)
    newlines = [m.start() for m in _NEWLINE.finditer(doc_text(doc))]
    breaks = sorted(set((numpy.searchsorted(starts, newlines, side="right") - 1).tolist())) if newlines else []
    paras: list[Paragraph] = []
    start = 0
    for i in breaks:
        end = i if space[i] else i + 1
        if end > start:
            paras.append(Paragraph(start, end))
        start = i + 1
    if start < len(doc):
        paras.append(Paragraph(start, len(doc)))
    return [p for p in paras if not space[p.start:p.end].all()]


class ParagraphIndex:
    """``lines``: the paragraphs as token ranges; ``of_token[i]``: token i's paragraph number (a token between
    two paragraphs belongs to the one before); character-level questions through ``breaks_between`` and
    ``line_start``."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.text = text
        self.lines = split_paragraphs(doc)

    @cached_property
    def of_token(self) -> list[int]:
        paragraphs = self.lines
        para_of = [0] * len(self.doc)
        for n, p in enumerate(paragraphs):
            for i in range(p.start, p.end):
                para_of[i] = n
            if n + 1 < len(paragraphs):
                for i in range(p.end, paragraphs[n + 1].start):
                    para_of[i] = n
        return para_of

    def containing(self, i: int) -> Paragraph | None:
        """The paragraph holding token i (None for a token between paragraphs)."""
        return next((p for p in self.lines if p.start <= i < p.end), None)

    def breaks_between(self, start: int, end: int, kind: BreakKind = "line") -> int:
        """How many paragraph breaks of this kind lie in the text between characters ``start`` and ``end``."""
        return self.text.count(_BREAK[kind], start, end)

    def line_start(self, char: int) -> int:
        """The offset of the start of the line holding character ``char``."""
        return self.text.rfind("\n", 0, char) + 1


# A dateline opening a paragraph: "SANTA FE, N.M. (AP) — ", "WASHINGTON (Reuters) - ", "LONDON — ". Parsed with
# the sentence after it, the place becomes the verb's subject and the real subject its appositive.
_DATELINE = re.compile(r"[ \t]*[A-Z][A-Z'.-]+(?:,?[ \t]+[A-Z][\w.'-]*){0,5}[ \t]*(?:\([A-Za-z .]{2,20}\))?"
                       r"[ \t]*(?:—|―|–|--?)[ \t]+(?=\S)")
# So does a place with a colon ("New Delhi: The Delhi Metro …") opening a body paragraph (not the first line, where
# "Pence: …" is a headline's speaker) before a capitalised word.
_COLON_DATELINE = re.compile(r"[ \t]*[A-Z][a-z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}:[ \t]+(?=[A-Z][a-z])")


def break_sentences_at_lines(doc: Doc) -> Doc:
    """A spaCy component for before the parser: every paragraph (line) starts a sentence, so the parser never
    joins a headline, a standfirst, a byline or a furniture line without a full stop to the paragraph after it
    ("Acme to close plant, cutting 340 jobs" + "Acme will close …, the company said": one sentence otherwise, and
    "said" governs the headline); so does the text after a paragraph's dateline ("SANTA FE, N.M. (AP) — "). Only
    sets starts; the parser still splits inside a paragraph."""
    starts = [0] + [t.i + 1 for t in doc[:-1] if "\n" in t.whitespace_ or (t.is_space and "\n" in t.text)]
    text = doc.text
    for i in starts:
        if i >= len(doc) or doc[i].is_space:
            continue
        if i == 0 or _open_line_end(doc, i):
            doc[i].is_sent_start = True
        m = _DATELINE.match(text, doc[i].idx) or (_COLON_DATELINE.match(text, doc[i].idx) if i else None)
        after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand") if m else None
        if after is not None and len(after) and after[0].i > i:
            doc[after[0].i].is_sent_start = True
    return doc


def _open_line_end(doc: Doc, i: int) -> bool:
    """Whether the line before token ``i`` ends without punctuation (a headline, a byline, a furniture line, a
    bolded update line): the parser would run it on into the next line. A line ending in a stop, a colon or a
    quotation mark is left to the parser, which reads those as it was trained to (forcing a start there too cost
    speakers-dev pronouns 0.804 -> 0.796 and one more false dispute on disputes-dev)."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j >= 0 and (doc[j].text[-1].isalnum() or doc[j].text[-1] in ")]*|")  # "**bold**", "Home | News"

