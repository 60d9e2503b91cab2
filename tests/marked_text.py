"""Hand-marked sentences for tests: ``"[S:She] [C:said] [Q:it rained]."`` → the plain text and each part's offsets."""

from __future__ import annotations

import re

_MARK = re.compile(r"\[(S|C|Q):([^\]]*)\]")


def marked(sentence: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """The sentence without its marks, and {"S"/"C"/"Q": (start, end)} of the marked source, cue and quote."""
    text, parts, pos = "", {}, 0
    for m in _MARK.finditer(sentence):
        text += sentence[pos:m.start()]
        parts[m.group(1)] = (len(text), len(text) + len(m.group(2)))
        text += m.group(2)
        pos = m.end()
    return text + sentence[pos:], parts
