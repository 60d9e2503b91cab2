"""Transcripts and interviews: in a text whose lines open with speaker labels ("DOLAN: …", "CHIEF MARGARET DOLAN:
…", "A: …", "Frank: …"), each answering turn is an attribution of its whole line to its label.

The tagger was trained on narrated news, where a turn's sentences carry no cue, so it finds a few fragments of a
turn or none. ``transcript_turns`` reads the layout instead: a labelled line is a content from after the label to
the line's end, the label its source and the colon its cue (the speaker step resolves the label: a name, a title,
or "A" as the interviewee). Questions ("Q:", "REPORTER:", "INTERVIEWER:") are not turned into attributions.
Only a text with at least ``MIN_TURNS`` labelled lines is read as a transcript, so a lone "Note: …" or
"Watch: …" line in an article is never a turn.
"""

from __future__ import annotations

import re

from ..context import Context
from ..draft import Draft, token_at
from .layout import NOT_SPEAKER_LABELS

# A label: one to five words opening a line, each capitalised (or "Q"/"A"), then a colon and the turn's text.
_TURN = re.compile(r"^[ \t]*+((?:[A-Z][\w.'’-]*[ \t]+){0,4}[A-Z][\w.'’-]*)[ \t]*:[ \t]+(?=\S)", re.MULTILINE)
QUESTION_LABELS = frozenset({"Q", "QUESTION", "INTERVIEWER", "REPORTER", "REPORTERS", "QUESTIONER",
                             "AUDIENCE MEMBER", "UNIDENTIFIED REPORTER", "UNIDENTIFIED MALE", "UNIDENTIFIED FEMALE"})
ANSWER_LABELS = frozenset({"A", "ANSWER"})
# Lines that open with a capitalised word and a colon without naming a speaker (furniture, notes, datelines).
NOT_LABELS = NOT_SPEAKER_LABELS | frozenset({
    "UPDATE", "PHOTOGRAPH", "PICTURE", "CAPTION", "CREDIT", "REFERENCE", "SOURCES", "LISTEN", "WARNING",
    "DISCLAIMER", "ALSO", "EDITOR", "EDITORS", "CONTACT", "TAGS", "TOPICS", "FILED UNDER", "MORE", "SEE ALSO",
    "BREAKING", "EXCLUSIVE", "ANALYSIS", "OPINION", "COMMENT", "KEY EVENTS", "TIMELINE", "BACKGROUND", "WHY",
    "WHAT", "WHEN", "WHERE", "WHO", "HOW", "THE", "NEXT", "PREVIOUSLY", "LIVE", "POSTED", "SHARE", "FACT CHECK",
    "TRANSCRIPT", "PM", "AM", "GMT", "BST", "EST", "ET", "UTC"})
# A text is a transcript when it has at least this many labelled lines, questions included.
MIN_TURNS = 3


def _role(label: str, upper_labels: set[str]) -> str:
    """"question", "answer", "name" or "" (no speaker label) for a line's label."""
    key = " ".join(label.upper().split())
    if key in QUESTION_LABELS:
        return "question"
    if key in ANSWER_LABELS:
        return "answer"
    if key in NOT_LABELS or key.split()[0] in NOT_LABELS or len(key) < 2:
        return ""
    if label.isupper():
        return "name"
    # A mixed-case label names a speaker when its last word is also an upper-case label ("Frank:" after
    # "FRANK:") or the text gives it as a label on another line too.
    return "name" if key.split()[-1] in upper_labels else "?"


def turn_lines(text: str) -> list[tuple[re.Match[str], str]]:
    """The labelled lines of a transcript with their roles (none for a text that is not one)."""
    found = [m for m in _TURN.finditer(text)]
    upper = {w for m in found if m.group(1).isupper() for w in m.group(1).split()}
    counts: dict[str, int] = {}
    for m in found:
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    roles = []
    for m in found:
        role = _role(m.group(1), upper)
        if role == "?":
            role = "name" if counts[m.group(1)] >= 2 else ""
        if role:
            roles.append((m, role))
    return roles if _turn_taking(roles) else []


def _turn_taking(roles: list[tuple[re.Match[str], str]]) -> bool:
    """Whether labelled lines take turns, as a transcript's do: at least ``MIN_TURNS`` of them, with questions and
    answers, or with one speaker's label coming back after another's. A list of labelled items ("Toronto: …",
    "Ottawa: …", "Halifax: …") names each once and is no transcript."""
    if len(roles) < MIN_TURNS:
        return False
    kinds = {r for _, r in roles}
    if "question" in kinds and kinds - {"question"}:
        return True
    names = [" ".join(m.group(1).upper().split()[-1:]) for m, r in roles if r != "question"]
    return len(set(names)) >= 2 and len(set(names)) < len(names)


def turn_spans(text: str) -> list[tuple[tuple[int, int], tuple[int, int], tuple[int, int]]]:
    """(label, colon, content) offsets of each answering turn of a transcript (none for other texts)."""
    out = []
    for m, role in turn_lines(text):
        if role == "question":
            continue
        start = m.end()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        while end > start and text[end - 1].isspace():
            end -= 1
        colon = text.index(":", m.end(1))
        out.append((m.span(1), (colon, colon + 1), (start, end)))
    return out


def transcript_turns(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Each answering turn of a transcript is one content (after its label, to the line's end) with the label as
    source and the colon as cue; a draft the label already heads is widened to the whole turn. Other drafts
    wholly inside a turn are left to ``nesting`` (which reads them off the parse as the turn's nested ones)."""
    doc = ctx.doc
    turns = turn_spans(ctx.text)
    if not turns:
        return drafts
    kept: list[Draft] = []
    for d in drafts:
        inside = any(s <= d.content[0][0] and d.content[-1][1] <= e for _, _, (s, e) in turns)
        if not inside or (d.source and any(ls <= d.source[0][0] < le for (ls, le), _, _ in turns)):
            kept.append(d)
    added: list[Draft] = []
    for label, cue, (start, end) in turns:
        headed = [d for d in kept if d.source and label[0] <= d.source[0][0] < label[1]]
        d = headed[0] if headed else Draft([(start, end)], confidence=0.5)
        d.set_content_chars(doc, [(start, end)])
        d.cue, d.source, d.cue_token = [cue], [label], token_at(doc, cue[0])
        if not headed:
            added.append(d)
    return kept + added

