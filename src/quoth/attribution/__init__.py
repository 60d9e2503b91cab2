"""Finding attributions in a parsed Doc: content, cue and source spans; direct/indirect/mixed; nesting.

One pipeline of named steps (``steps.STEPS``, listed in docs/architecture.md) over one per-Doc ``Context``: the
CRF tags Source/Cue/Content tokens per paragraph (``tagger``), ``link`` joins each content to its cue and
source, the rules (``rules/``) repair and reshape the drafts by quotation marks, layout and the parse and read
nested attributions off it, and ``finish`` turns the drafts into ``Attribution``s,
which ``quoth.kinds`` types (statement, belief, …), places (body or headline) and thins (what is no
attribution is dropped); then ``quoth.sieve`` drops those its learned classifier scores as no attribution, and
``quoth.kinds.learned`` re-types statement against the rest (trained on our labels of quoth's predictions).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc

from ..docindex import doc_text
from ..kinds import type_attributions
from ..kinds.learned import drop_non_attributions
from ..model import Attribution
from ..sieve import sieve_attributions
from .context import Context
from .finish import to_attributions
from .rules.transcripts import turn_spans
from .steps import STEPS, UnknownStep, run_steps, select_steps, step_names


def find_attributions(doc: Doc, without: Iterable[str] = ()) -> list[Attribution]:
    """Every attribution in ``doc``, ordered by content start, ids ``a1``… in that order.

    ``without`` names steps to skip (to measure one). Raises ``UnknownStep`` for a name ``STEPS`` does not hold.
    """
    steps = select_steps(without)
    if not doc_text(doc).strip():
        return []
    ctx = Context(doc)
    typed = type_attributions(doc, to_attributions(ctx, run_steps(ctx, steps)))
    return _keep_turn_types(typed, drop_non_attributions(doc, sieve_attributions(doc, typed)), ctx.text)


def _keep_turn_types(typed: list[Attribution], out: list[Attribution], text: str) -> list[Attribution]:
    """A transcript turn is verbatim speech, like a quotation: it keeps the type the rules gave it, whatever the
    learned re-typing (trained on narrated news, where a colon cue is rare) makes of it."""
    turns = {tuple(t) for _, _, t in turn_spans(text)}
    if not turns:
        return out
    ruled = {a.content.spans: a.type for a in typed
             if len(a.content.spans) == 1 and a.content.spans[0] in turns and a.cue and a.cue.text == ":"}
    return [replace(a, type=ruled[a.content.spans]) if a.content.spans in ruled
            else a for a in out]


__all__ = ["STEPS", "Context", "UnknownStep", "find_attributions", "step_names"]
