"""Moved to ``quoth.lexicon.learned``; kept importable for ``scripts/train.py``."""

from __future__ import annotations

from .lexicon.learned import (MIN_CUE_SHARE, MIN_FORM_COUNT, RESOURCE, count_forms, learned_cue_forms, parse_tsv,
                              to_tsv, using_cue_forms)

__all__ = ["MIN_CUE_SHARE", "MIN_FORM_COUNT", "RESOURCE", "count_forms", "learned_cue_forms", "parse_tsv", "to_tsv",
           "using_cue_forms"]
