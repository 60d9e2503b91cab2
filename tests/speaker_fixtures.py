"""Hand-marked texts for speaker and dispute tests: attributions built directly, independent of the extractor.

Markup: ``[n|source|]``, ``{n|cue|}`` and ``<n|content|>`` mark the parts of attribution ``an``; marks nest.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quoth.model import Attribution, Span

_MARK = re.compile(r"([\[{<])(\d+)\||\|([\]}>])")
_ROLE = {"[": "source", "{": "cue", "<": "content", "]": "source", "}": "cue", ">": "content"}


def parse_marked(marked: str) -> tuple[str, list[Attribution]]:
    """Strip the marks; return the clean text and one Attribution per number (kind inferred from quotes)."""
    out: list[str] = []
    pos = 0
    length = 0
    stack: list[tuple[str, str, int]] = []
    parts: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for m in _MARK.finditer(marked):
        out.append(marked[pos:m.start()])
        length += m.start() - pos
        pos = m.end()
        if m.group(1):
            stack.append((_ROLE[m.group(1)], m.group(2), length))
            continue
        role = _ROLE[m.group(3)]
        index = max(i for i, item in enumerate(stack) if item[0] == role)
        _, number, start = stack.pop(index)
        parts.setdefault(number, {}).setdefault(role, []).append((start, length))
    out.append(marked[pos:])
    text = "".join(out)
    attributions = []
    for number in sorted(parts, key=int):
        p = parts[number]
        content = Span.from_offsets(text, p["content"])
        quoted = content.text.startswith(("\"", "“")) or text[max(0, content.start - 1):content.start] in "\"“"
        attributions.append(Attribution(
            id=f"a{number}", kind="direct" if quoted and content.start > 0 else "indirect", content=content,
            cue=Span.from_offsets(text, p["cue"]) if "cue" in p else None,
            source=Span.from_offsets(text, p["source"]) if "source" in p else None,
        ))
    return text, attributions


@lru_cache(maxsize=1)
def nlp():
    """The spaCy pipeline quoth runs on, without the quoth component."""
    from quoth.nlp import load_pipeline
    from quoth.options import DEFAULT_MODEL

    return load_pipeline(DEFAULT_MODEL, with_quoth=False)


def resolve(marked: str):
    """Parse, resolve speakers; returns (doc, attributions by id, entities by id)."""
    from quoth.speakers import resolve_speakers

    text, attributions = parse_marked(marked)
    doc = nlp()(text)
    entities = resolve_speakers(doc, attributions)
    return doc, {a.id: a for a in attributions}, {e.id: e for e in entities}


def speaker_name(marked: str, attribution_id: str) -> str | None:
    """The resolved speaker's canonical name for one attribution of a marked text."""
    _, atts, ents = resolve(marked)
    entity = ents.get(atts[attribution_id].speaker or "")
    return entity.name if entity else None
