"""Transcript and interview labels: "SMITH:", "PRIME MINISTER:", "Sen. Ruth Okafor:", "Q:", "A:" open a line and
name who speaks it, so "I" in that line is the labelled speaker, not the writer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon.people import HONORIFICS, TITLES

if TYPE_CHECKING:
    from .entities import Cluster
    from .resolve import Resolver

# A label: one to five name or title words (any case), or Q/A/QUESTION/ANSWER, then a colon, at a line's start.
LABEL = re.compile(r"[ \t]*((?:[A-Za-z][\w.'’-]*[ \t]+){0,4}[A-Za-z][\w.'’-]*)[ \t]*:[ \t]")
QUESTION_LABELS = frozenset({"q", "question", "interviewer"})
ANSWER_LABELS = frozenset({"a", "answer"})
# Words that open a line with a colon without naming a speaker ("Note:", "Update:").
NOT_LABELS = frozenset({"note", "update", "editor's note", "correction", "photo", "video", "watch", "read more",
                        "related", "source", "sources", "warning", "disclaimer", "also", "listen",
                        # a headline's kicker ("Analysis: Why the plant closed") names no speaker
                        "analysis", "opinion", "editorial", "breaking", "breaking news", "exclusive", "explainer",
                        "commentary", "live", "live updates", "fact check", "factbox", "timeline", "the latest",
                        "op-ed", "letters", "review", "profile"})


def line_label(text: str, offset: int) -> tuple[int, int, str] | None:
    """The label (start, end, text) opening the line that holds ``offset``, if that line has one."""
    line_start = text.rfind("\n", 0, offset) + 1
    m = LABEL.match(text, line_start)
    if m is None or m.start(1) > offset:
        return None
    label = m.group(1)
    if label.lower() in NOT_LABELS or not _looks_like_label(label):
        return None
    return m.start(1), m.end(1), label


# How many unlabelled lines after an "A:" line still continue the answer ("A: … / Are there problems? … I …").
ANSWER_CONTINUATION_LINES = 3
INTERVIEW_LABEL = re.compile(r"^[ \t]*(?:q|a|question|answer)[ \t]*:[ \t]", re.IGNORECASE | re.MULTILINE)


def speaking_label(text: str, offset: int) -> tuple[int, int, str] | None:
    """The label of the line that holds ``offset`` or, for an unlabelled line that continues an interview answer
    (at most ANSWER_CONTINUATION_LINES non-empty lines after an "A:" line, none of them labelled), that "A:"."""
    found = line_label(text, offset)
    if found is not None:
        return found
    line_start = text.rfind("\n", 0, offset) + 1
    for _ in range(ANSWER_CONTINUATION_LINES):
        while line_start > 0 and not text[text.rfind("\n", 0, line_start - 1) + 1:line_start - 1].strip():
            line_start = text.rfind("\n", 0, line_start - 1) + 1  # skip blank lines
        if line_start == 0:
            return None
        line_start = text.rfind("\n", 0, line_start - 1) + 1
        found = line_label(text, line_start)
        if found is not None:
            return found if label_role(found[2]) == "answer" else None
    return None


def interview_start(text: str) -> int | None:
    """Where an interview's first "Q:" or "A:" line starts (its interviewee is the person salient there)."""
    m = INTERVIEW_LABEL.search(text)
    return m.start() if m else None


# A byline or credit line: "By Jane Doe", "Jane Doe / The Courier", "Photo: Jane Doe", "(Jane Doe/Reuters)".
CREDIT_LINE = re.compile(r"[ \t(]*(?:by[ \t]+[A-Z]|photo|photograph|credit|image)|[^\n]{0,60}[ \t]?[/|][ \t]?[A-Z]",
                         re.IGNORECASE)
CREDIT_LINE_MAX_WORDS = 10


def is_credit_line(text: str, offset: int) -> bool:
    """Whether ``offset`` lies on a short byline or credit line, whose names are the writer's, not speakers."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start:end if end >= 0 else len(text)]
    return len(line.split()) <= CREDIT_LINE_MAX_WORDS and CREDIT_LINE.match(line) is not None


def _looks_like_label(label: str) -> bool:
    """Q/A, a word in capitals ("OKAFOR", "PRIME MINISTER") or a capitalised name of at most four words."""
    low = label.lower()
    if low in QUESTION_LABELS or low in ANSWER_LABELS:
        return True
    words = label.split()
    return all(w[:1].isupper() for w in words) and (label.isupper() or 2 <= len(words) <= 4)


def label_role(label: str) -> str:
    """"question", "answer" or "name"."""
    low = label.lower()
    return "question" if low in QUESTION_LABELS else "answer" if low in ANSWER_LABELS else "name"


def label_name_parts(label: str) -> tuple[list[str], list[str]]:
    """(name words in title case, title words): "PRIME MINISTER ANNE VOSS" → (["Anne", "Voss"], ["prime",
    "minister"]); a label of titles only ("PRIME MINISTER") has no name words."""
    words = label.replace("’", "'").split()
    titles: list[str] = []
    while words and (words[0].lower() in TITLES or words[0].lower() in HONORIFICS
                     or words[0].lower() in ("prime", "vice")):
        titles.append(words.pop(0).lower())
    if not label.isupper():  # "NY Daily News" keeps its capitals; "OKAFOR" becomes "Okafor"
        return words, titles
    return [w.capitalize() for w in words], titles


def resolve_label(resolver: Resolver, start: int, end: int, label: str) -> Cluster | None:
    """The entity a label names; sets ``resolver.confidence``. A name joins the person with that surname (else
    becomes one), titles alone join the person holding them, Q is the interviewer, A the salient interviewee."""
    from .resolve import DESCRIBED_CONFIDENCE, NAMED_CONFIDENCE

    table = resolver.table
    role = label_role(label)
    if role == "question":
        resolver.confidence = DESCRIBED_CONFIDENCE
        return table.unnamed("the interviewer", "person", start, end)
    if role == "answer":
        first = interview_start(table.text)
        return resolver.resolve_interviewee(resolver.doc_token_at(start if first is None else first))
    parts, titles = label_name_parts(label)
    resolver.confidence = NAMED_CONFIDENCE
    org = _organisation_label(resolver, start, end, label)
    if org is not None:  # "NY Daily News: …", a headline that gives a paper's view
        return org
    found = _person_named(table.clusters, parts) if parts else _person_titled(table.clusters, titles)
    if found is not None:
        table.add_mention(found, start, end)
        return found
    if not parts:
        resolver.confidence = DESCRIBED_CONFIDENCE
        return table.unnamed("the " + " ".join(titles), "person", start, end)
    cluster = table.unnamed(" ".join(parts), "person", start, end, named=True)
    cluster.plural = False
    return cluster


# Last words of a label that name a publication or broadcaster, not a person ("NY Daily News:", "CBC Radio:").
PUBLICATION_WORDS = frozenset("""news times post journal tribune herald gazette magazine radio television tv daily
newspaper star sun globe mail telegraph guardian chronicle examiner observer press wire""".split())


def _organisation_label(resolver: Resolver, start: int, end: int, label: str) -> Cluster | None:
    """An organisation a label names: the named organisation spaCy found there, or a mixed-case label ending in a
    publication word or carrying an organisation word ("NY Daily News", "Acme Group"), named as written."""
    from .evidence import org_words

    table = resolver.table
    span = resolver.doc.char_span(start, end, alignment_mode="expand")
    found = {id(c): c for t in span or [] if (c := table.token_cluster.get(t.i)) is not None}
    orgs = [c for c in found.values() if c.entity.kind == "organization" and c.entity.named]
    if len(found) == 1 and orgs:
        table.add_mention(orgs[0], start, end)
        return orgs[0]
    words = label.split()
    if label.isupper() or len(words) < 2 or not (words[-1].lower() in PUBLICATION_WORDS or org_words(words)):
        return None
    return table.unnamed(label, "organization", start, end, named=True)


def _person_named(clusters: list[Cluster], parts: list[str]) -> Cluster | None:
    from .entities import surname

    last = surname(parts)
    for c in clusters:
        if c.entity.kind == "person" and c.entity.named and surname(c.parts) == last \
                and (len(parts) == 1 or c.parts[0].lower()[:1] == parts[0].lower()[:1]):
            return c
    return None


def _person_titled(clusters: list[Cluster], titles: list[str]) -> Cluster | None:
    """The one named person whose roles hold every title word ("PRIME MINISTER" → the prime minister)."""
    wanted = set(titles) - {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."}
    if not wanted:
        return None
    fits = [c for c in clusters if c.entity.kind == "person" and c.entity.named
            and wanted <= {w.lower() for role in c.entity.roles for w in role.split()}]
    return fits[0] if len(fits) == 1 else None
