"""Moved to ``quoth.lexicon``; these names stay importable."""

from __future__ import annotations

from .lexicon.forms import BASE_OF_FORM as LEMMA_OF_FORM, base_form as lemma
from .lexicon.speech import CUE_NOUNS, CUE_PHRASES, REPORTING_VERBS as SPEECH_VERBS

__all__ = ["CUE_NOUNS", "CUE_PHRASES", "LEMMA_OF_FORM", "SPEECH_VERBS", "lemma"]
