"""Where in the page a piece of text sits: the headline, a section heading, page furniture, a dateline.

Pure string functions over the article text (no spaCy). Lines are paragraphs as the text gives them; offsets
are ``str`` indices, end exclusive, like everywhere in quoth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import boilerplate_ranges

Offsets = tuple[int, int]

# A heading is a short line without sentence-final punctuation. Calibrated on PolNeAR train titles and body
# paragraphs (titles run to ~20 words; no body paragraph ends without punctuation there); re-run
# `quoth eval polnear` on dev after changing it.
HEADING_MAX_WORDS = 22
# Some corpora (PolNeAR) end every title with a period: a first line that short and Title Cased is still one.
TITLE_MAX_WORDS = 16
TITLE_CASE_SHARE = 0.8
_TERMINAL = ".!?:;,\"”’')…»"
# Page furniture text.py's boilerplate lines do not cover: teasers, notices, credits, sign-offs, and captions: a
# line that ends with a picture's credit in brackets ("… at city hall on Monday. (Jane Doe/CBC)", "(Submitted by
# …)", "(Getty Images)"; GGT's annotators leave captions out, and so does the issue 16 definition).
_FURNITURE_LINE = re.compile(
    r"""^\s*+(?:
        (?:READ|Read)\s+(?:MORE|More|more|ALSO|Also|also)\b.*
      | (?:Story|STORY|Article|ARTICLE)\s+(?:continues|CONTINUES)\s+(?:below|BELOW).*
      | (?:Click|CLICK|Tap|TAP)\s+(?:here|HERE)\b.*
      | (?:Follow|FOLLOW)\s+.{1,60}\s+on\s+(?:Twitter|Facebook|Instagram).*
      | (?:Reporting|Editing|Additional\s+reporting|Writing)\s+by\s+.*
      | (?:—|―|–|-{1,2})?\s*(?:With|with)\s+files\s+from\s+.*
      | (?:Video|VIDEO|Photo|PHOTO|Image|IMAGE|Gallery|GALLERY)\s*[:|].*
      | [A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3},\s+(?:The\s+)?
        (?:Associated\s+Press|Canadian\s+Press|Reuters|AFP|Bloomberg)\.?
      | \S+@\S+\.\w+
      | @?\w+
      | .{0,200}\((?:AP|CP|Reuters|Getty|AFP)\s*Photo.*\)\.?
      | .{0,200}(?:/\s*(?:The\s+Canadian\s+Press|Getty\s+Images|The\s+Associated\s+Press|Reuters))\s*\.?
      | .{0,300}\((?:[A-Z][^()/\n]{0,60}/[^()/\n]{1,60}|Submitted(?:\s+by\s+[^()\n]{1,60})?
          |Courtesy(?:\s+of)?\s+[^()\n]{1,60}|Getty\s+Images|CBC(?:\s+News)?|CTV(?:\s+News)?|Global\s+News
          |Reuters|AFP|AP|The\s+Canadian\s+Press|Shutterstock|File(?:\s+photo)?|Handout)\)\s*\.?
    )\s*$""",
    re.VERBOSE,
)
# "OTTAWA —", "WASHINGTON (AP) —", "HALIFAX, N.S. —", "OTTAWA, Jan 3 (Reuters) -": a place in capitals opening a
# paragraph, then a dash. It is never part of a source or a content.
_DATELINE = re.compile(
    r"""(?m)^[ \t]*[A-Z][A-Z'.-]+(?:[ \t]+[A-Z][A-Z'.-]+){0,3}
        (?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z0-9][\w.]*){0,3})?
        [ \t]*(?:\([A-Za-z .]{2,20}\))?[ \t]*(?:—|―|–|-{1,2})[ \t]*""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Layout:
    """The article's headline (or None), its body headings, its furniture lines and its datelines."""

    headline: Offsets | None
    headings: tuple[Offsets, ...]
    furniture: tuple[Offsets, ...]
    datelines: tuple[Offsets, ...]

    def outside_body(self) -> tuple[Offsets, ...]:
        """Every range that is not body text (headline included)."""
        head = (self.headline,) if self.headline else ()
        return head + self.headings + self.furniture + self.datelines


def lines(text: str) -> list[Offsets]:
    """The (start, end) of every non-blank line, trailing whitespace excluded."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip()
        lead = len(stripped) - len(stripped.lstrip())
        if stripped.strip():
            out.append((pos + lead, pos + len(stripped)))
        pos += len(line)
    return out


def is_heading(line: str) -> bool:
    """A short line with no sentence-final punctuation, starting with a capital or a digit."""
    stripped = line.strip()
    if not stripped or stripped[-1] in _TERMINAL or not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    return len(stripped.split()) <= HEADING_MAX_WORDS


def is_furniture(line: str) -> bool:
    """Page furniture: "Read more …", "Story continues below advertisement", credits, bylines, handles."""
    return bool(_FURNITURE_LINE.match(line))


def is_title(line: str) -> bool:
    """A first line that ends with a period yet reads as a title: short, and Title Cased or "Name: words"."""
    stripped = line.strip()
    words = stripped.rstrip(".").split()
    if not words or len(words) > TITLE_MAX_WORDS or not stripped.endswith("."):
        return False
    if re.match(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}: ", stripped):
        return True
    long_words = [w for w in words if len(w) > 3]
    return len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) >= TITLE_CASE_SHARE * len(long_words)


def find_layout(text: str) -> Layout:
    """The headline (the first line, when it reads as one), headings, furniture and datelines of ``text``."""
    found = lines(text)
    furniture = {r for r in boilerplate_ranges(text)}
    headline = None
    headings = []
    for n, (s, e) in enumerate(found):
        line = text[s:e]
        if is_furniture(line):
            furniture.add((s, e))
        elif n == 0 and len(found) > 1 and is_title(line):
            headline = (s, e)
        elif is_heading(line) and len(found) > 1:
            if n == 0:
                headline = (s, e)
            else:
                headings.append((s, e))
    datelines = tuple((m.start(), m.end()) for m in _DATELINE.finditer(text))
    return Layout(headline, tuple(headings), tuple(sorted(furniture)), datelines)


def subtract(pieces: tuple[Offsets, ...], ranges: tuple[Offsets, ...], text: str) -> list[Offsets]:
    """``pieces`` with every character inside ``ranges`` removed, each remaining piece stripped of whitespace."""
    out: list[Offsets] = []
    for s, e in pieces:
        cuts = sorted((max(s, rs), min(e, re_)) for rs, re_ in ranges if rs < e and re_ > s)
        pos = s
        for cs, ce in cuts + [(e, e)]:
            if cs > pos:
                out.append(_strip(text, pos, cs))
            pos = max(pos, ce)
    return [(a, b) for a, b in out if b > a]


def _strip(text: str, s: int, e: int) -> Offsets:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def inside(pieces: tuple[Offsets, ...], rng: Offsets | None) -> bool:
    """Whether every piece lies within ``rng``."""
    return bool(rng) and bool(pieces) and all(rng[0] <= s and e <= rng[1] for s, e in pieces)  # type: ignore[index]
