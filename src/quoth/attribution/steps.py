"""The attribution core as one ordered tuple of named steps.

The step contract: a step is a function ``step(ctx: Context, drafts: list[Draft]) -> list[Draft]``.

- It reads the Doc only through ``ctx`` (``attribution.context.Context``: the text, the token arrays and
  sentences, the one paragraph index, the quotation structure, the tagger's spans) and never changes ``ctx``.
- It returns the drafts that go on: the ones it was given (possibly edited through ``Draft``'s methods), without
  the ones it drops, plus any it adds. A step that adds drafts appends them after the ones it keeps.
- Its name is its function's name: that is what ``STEPS`` lists, what ``docs/architecture.md`` shows and what
  ``quoth eval polnear --without NAME`` turns off.

Adding a step: write the function in the module of its family (``link`` or ``rules/<family>.py``) and add one
line to ``STEPS`` where it runs. ``docs/architecture.md`` lists the steps in this order (a test keeps it true).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..errors import QuothError
from . import link
from .context import Context
from .draft import Draft
from .rules import boilerplate, clauses, cues, governing, layout, nesting, reporting, transcripts

Step = Callable[[Context, list[Draft]], list[Draft]]

STEPS: tuple[Step, ...] = (
    link.tagged_contents,
    link.snap_to_quotes,
    link.cut_after_closed_quotes,
    link.missed_quotes,
    link.link_cues,
    link.inverted_sources,
    link.syntactic_sources,
    link.merge_split_quotes,
    link.carry_floating_sources,
    clauses.according_to,
    clauses.split_participles,
    clauses.clause_drafts,
    clauses.coordinated_complements,
    clauses.parenthetical_cues,
    clauses.as_clauses,
    layout.dash_sources,
    layout.transcript_labels,
    layout.colon_sources,
    transcripts.transcript_turns,
    governing.governing_cues,
    governing.passive_complements,
    governing.passive_addressees,
    reporting.trailing_reporters,
    cues.split_coordinated_cues,
    cues.speaker_openings,
    reporting.reporting_verbs,
    cues.sentence_speech_verbs,
    cues.quote_openers,
    cues.floating_cues,
    reporting.continued_quotes,
    reporting.reported_quotes,
    link.source_trims,
    boilerplate.drop_boilerplate,
    nesting.nested_attributions,
)


class UnknownStep(QuothError):
    """A step name that ``STEPS`` does not hold."""


def step_names() -> list[str]:
    """The names of the steps, in the order they run."""
    return [step.__name__ for step in STEPS]


def select_steps(without: Iterable[str] = ()) -> tuple[Step, ...]:
    """``STEPS`` less the named ones. Raises ``UnknownStep`` naming the valid steps for a name it does not hold."""
    skip = set(without)
    unknown = sorted(skip - set(step_names()))
    if unknown:
        raise UnknownStep(f"unknown step(s): {', '.join(unknown)}. Valid steps, in the order they run: "
                          f"{', '.join(step_names())}")
    return tuple(step for step in STEPS if step.__name__ not in skip)


def run_steps(ctx: Context, steps: Iterable[Step] = STEPS) -> list[Draft]:
    """The drafts the steps leave, each step given the drafts of the one before (the first, none)."""
    drafts: list[Draft] = []
    for step in steps:
        drafts = step(ctx, drafts)
    return drafts
