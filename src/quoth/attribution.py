"""Finding attributions in a parsed Doc: content, cue and source spans; direct/indirect/mixed; nesting."""

from __future__ import annotations

from spacy.tokens import Doc

from .model import Attribution, Span
from .quotes import pair_quotes


def find_attributions(doc: Doc) -> list[Attribution]:
    """Every attribution in ``doc`` (baseline: one per quotation; replaced by the trained tagger)."""
    text = doc.text
    out: list[Attribution] = []
    for n, q in enumerate(pair_quotes(text), 1):
        content = Span.from_offsets(text, q.pieces)
        out.append(Attribution(id=f"a{n}", kind="direct", content=content, confidence=0.5))
    return out
