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


# A line break with the whitespace after it (greedy, so one match per run: linear on a run of blank lines).
_LINE_BREAK = re.compile(r"\n\s*")


def break_sentences_at_lines(doc: Doc) -> Doc:
    """A spaCy component for before the parser: a line that follows a line without punctuation (a headline, a
    standfirst, a byline, a furniture line) starts a sentence, so the parser never joins them ("Acme to close
    plant, cutting 340 jobs" + "Acme will close …, the company said": one sentence otherwise, and "said" governs
    the headline); so does the text after a paragraph's dateline ("SANTA FE, N.M. (AP) — "). Only sets starts;
    the parser still splits inside a paragraph. Reads the text and the token offsets, not every Token."""
    if len(doc) < 2:
        return doc
    text = doc_text(doc)  # cached on the Doc for the later steps (retokenizing keeps a Doc's text)
    idx = doc.to_array(IDX)
    lines = [(len(text) - len(text.lstrip()), -1)] + [(m.end(), m.start()) for m in _LINE_BREAK.finditer(text)]
    for char, newline in lines:
        k = int(numpy.searchsorted(idx, char))
        if k >= len(doc) or idx[k] != char:
            continue
        if newline < 0 or _open_line_end(text, newline):
            doc[k].is_sent_start = True
        m = _DATELINE.match(text, char) or (_COLON_DATELINE.match(text, char) if newline >= 0 else None)
        after = int(numpy.searchsorted(idx, m.end())) if m else len(doc)
        if after < len(doc) and after > k and idx[after] == m.end():  # type: ignore[union-attr]
            doc[after].is_sent_start = True
    return doc


def _open_line_end(text: str, newline: int) -> bool:
    """Whether the line ending at ``newline`` ends without punctuation (a headline, a byline, a furniture line, a
    bolded update line): the parser would run it on into the next line. A line ending in a stop, a colon or a
    quotation mark is left to the parser, which reads those as it was trained to (forcing a start there too cost
    speakers-dev pronouns 0.804 -> 0.796 and one more false dispute on disputes-dev)."""
    j = newline - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j >= 0 and (text[j].isalnum() or text[j] in ")]*|")  # "**bold**", "Home | News"
