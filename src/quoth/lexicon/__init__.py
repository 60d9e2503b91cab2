"""The attribution core's lexicon: verb and noun lists in base forms, one predicate per question.

- ``speech``: the lists (statement, belief, clause, participle, nesting, "about" verbs; cue nouns and phrases) and
  their predicates (``is_reporting_verb``, ``is_belief_verb``, …).
- ``forms``: ``base_form(word)``, the inflection table over the lexicon's words.
- ``learned``: cue word forms learned from PolNeAR train (``resources/cue_forms.tsv``).
- ``types``: the attribution-type lists (belief, knowledge, intention, commitment, finding, topic, question and
  withholding verbs; document and speech nouns) and ``verb_lemma``, used by ``quoth.kinds`` and ``quoth.sieve``.
- ``people``: the speaker lists (honorifics, titles, pronouns, person, organisation and group nouns, first names),
  used by ``quoth.speakers``.
"""

from __future__ import annotations

from .forms import base_form
from .learned import is_learned_cue_form, learned_cue_forms
from .speech import (
    is_about_verb, is_belief_verb, is_clause_verb, is_cue_noun, is_nesting_verb, is_participle_verb, is_reporting_verb,
    is_statement_verb,
)

__all__ = [
    "base_form", "is_about_verb", "is_belief_verb", "is_clause_verb", "is_cue_noun", "is_learned_cue_form",
    "is_nesting_verb", "is_participle_verb", "is_reporting_verb", "is_statement_verb", "learned_cue_forms",
]
