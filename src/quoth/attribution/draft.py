"""``Draft``: an attribution being assembled, in character offsets, with the token positions the steps read.

Character offsets (``content``, ``cue``, ``source``) and token positions (``first_token``, ``last_token``,
``cue_token``) are set together by ``Draft``'s methods; the helpers below turn token ranges into offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

Offsets = tuple[int, int]


def text_length(doc: Doc) -> int:
    """len(doc.text) without rebuilding the text (``Doc.text`` joins every token on each access)."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def token_chars(doc: Doc, lo: int, hi: int) -> Offsets:
    """Character offsets of tokens [lo, hi) (hi > lo)."""
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


def chars(doc: Doc, start: int, end: int) -> Offsets:
    """Character offsets of tokens [start, end), trimmed of surrounding whitespace tokens."""
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if start >= end:
        end_char = text_length(doc)
        return (doc[start].idx, doc[start].idx) if start < len(doc) else (end_char, end_char)
    return token_chars(doc, start, end)


def token_at(doc: Doc, char: int, right: bool = False) -> int:
    """Index of the token holding character ``char`` (or the last token ending before it when ``right``)."""
    length = text_length(doc)
    span = doc.char_span(char, char + 1, alignment_mode="expand") if char < length else None
    if span is not None and len(span):
        return span.start
    return len(doc) - 1 if right or char >= length else 0


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

    @classmethod
    def over_tokens(cls, doc: Doc, lo: int, hi: int, cue: list[Offsets], source: list[Offsets],
                    confidence: float, cue_token: int | None, parent: "Draft | None" = None) -> "Draft":
        """A draft whose content is tokens [lo, hi) exactly (``token_chars``)."""
        return cls([token_chars(doc, lo, hi)], cue=cue, source=source, confidence=confidence, parent=parent,
                   first_token=lo, last_token=hi - 1, cue_token=cue_token)

    def set_content(self, doc: Doc, lo: int, hi: int) -> None:
        """Content = tokens lo..hi (inclusive), trimmed of whitespace tokens at either end."""
        self.content = [chars(doc, lo, hi + 1)]
        self.first_token, self.last_token = lo, hi

    def set_content_chars(self, doc: Doc, pieces: list[Offsets]) -> None:
        """Content = these character pieces; token positions found from them."""
        self.content = pieces
        self.first_token = token_at(doc, pieces[0][0])
        self.last_token = token_at(doc, pieces[-1][1] - 1, right=True)

    def set_content_start(self, doc: Doc, char: int) -> None:
        """The content's first piece starts at ``char``; the first token follows."""
        self.content[0] = (char, self.content[0][1])
        self.first_token = token_at(doc, char)

    def end_at_token(self, doc: Doc, i: int) -> None:
        """A one-piece content ends with token i (its last character)."""
        self.content = [(self.content[0][0], token_chars(doc, i, i + 1)[1])]
        self.last_token = i

    def absorb(self, other: "Draft") -> None:
        """Take ``other``'s content as further pieces (a quote split by its cue); confidence is the mean."""
        self.content.extend(other.content)
        self.last_token = other.last_token
        self.confidence = (self.confidence + other.confidence) / 2

    def set_cue(self, doc: Doc, verb: int, lo: int | None = None) -> None:
        """Cue = tokens lo..verb (default the verb alone), read off the verb."""
        self.cue = [chars(doc, verb if lo is None else lo, verb + 1)]
        self.cue_token = verb

    def set_source(self, doc: Doc, lo: int, hi: int) -> None:
        """Source = tokens [lo, hi), trimmed of whitespace tokens."""
        self.source = [chars(doc, lo, hi)]

    def token_range(self, doc: Doc) -> tuple[int, int]:
        """First and last token of the content, found from its character offsets."""
        return token_at(doc, self.content[0][0]), token_at(doc, self.content[-1][1] - 1, right=True)
