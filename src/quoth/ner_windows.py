"""Named-entity recognition only where entities can be: spaCy's own NER model, run on a fraction of the text.

In ``en_core_web_sm`` the NER has its own token-to-vector layer and costs more than the tagger and parser
together (about 40% of the whole pipeline on news). quoth reads entities for two things: the people,
organisations and places that speak (the speaker table) and a feature of the tagger, which reads every label
(dates and amounts too). Those entities hold a proper noun (tagged ``NNP``/``NNPS`` by the tagger that already
ran), a capitalised word inside a sentence, a number, or a date or number word ("today", "week", "first",
"percent": ``NUMERIC_WORDS``), so ``WindowedNER`` runs the same trained NER over windows of ``CONTEXT_TOKENS``
tokens either side of such words, joined into one short Doc per article with each window a sentence of its own
(the NER lets no entity cross a sentence start), and maps the entities back. The NER's moves are decoded for all
windows of a batch in step (``quoth.ner_decode``), with the same result as the NER's own loop.

On PolNeAR dev it runs on 43% of the tokens and finds 97.3% of the full NER's entities (precision 98.5%): PERSON
98.8%, ORG 96.3%, GPE 99.0%, NORP 98.4%, DATE 94.5%, CARDINAL 96.2% (``tests/test_ner_windows.py`` checks
agreement on our own texts). With it the shipped tagger scores as with the full NER (exact F1 0.5506 both; with
windows around capitalised words only, 35% of the tokens, it lost the lower-case dates and amounts the tagger
reads and scored 0.5485).

``scripts/train.py`` parses the training texts with this component (``fast=True``), so a retrained CRF sees the
same entities at training and prediction time. The shipped weights were trained on full-NER parses.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import numpy
from spacy.attrs import LIKE_NUM, NORM, ORTH, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from .ner_decode import BiluoDecoder, Window

FACTORY = "quoth_windowed_ner"
# Tokens of context kept on each side of a proper noun; en_core_web_sm's NER sees ±4 tokens through its CNN.
CONTEXT_TOKENS = 2
PROPER_TAGS = frozenset({"NNP", "NNPS"})
# Capitalised words that start no entity quoth reads (PERSON, ORG, GPE, NORP) when not tagged as proper nouns:
# function words capitalised after a missed sentence break or in a title. They trigger no window (6% fewer
# windowed tokens on PolNeAR dev, same scores). Day and month names were tried too and cost exact F1, so they
# still trigger.
FUNCTION_WORDS = frozenset("""
I The A An It He She We They You This That These Those There Here If But And Or So As At In On Of For To By
With From When While What Who How Why Where After Before Then Now Yet Not No Yes His Her Its Our Their My
""".split())


# Lower-case words that start or hold the dates, times, numbers, amounts and ordinals spaCy's NER labels (DATE,
# TIME, CARDINAL, MONEY, PERCENT, QUANTITY, ORDINAL): the tagger reads every entity label as a feature, so these
# open windows too, as do words with a digit and number words (spaCy's LIKE_NUM).
NUMERIC_WORDS = frozenset("""
today yesterday tomorrow tonight week weeks month months year years ago decade decades century morning afternoon
evening night day days weekend first second third fourth fifth sixth seventh eighth ninth tenth percent % $
hundreds thousands millions billions trillions dozens half quarter
""".split())


def trigger_mask(doc: Doc) -> numpy.ndarray:
    """Tokens that may start or hold an entity the tagger or the speakers read: proper-noun tags, capitalised words
    mid-sentence, numbers and the date and number words of ``NUMERIC_WORDS``.

    Read from the Doc's arrays (one test per distinct word), not a Token object per token."""
    if not len(doc):
        return numpy.zeros(0, dtype=bool)
    strings = doc.vocab.strings
    arrays = doc.to_array([ORTH, TAG, SENT_START, LIKE_NUM])
    orths = arrays[:, 0]
    capital, numeric = {}, {}
    for key in numpy.unique(orths).tolist():
        word = strings[key]
        capital[key] = word[:1].isupper() and word not in FUNCTION_WORDS
        numeric[key] = word.lower() in NUMERIC_WORDS or any(ch.isdigit() for ch in word)
    proper = numpy.isin(arrays[:, 1], numpy.array([strings[t] for t in PROPER_TAGS], dtype=arrays.dtype))
    mid_sentence = arrays[:, 2].astype("int64") != 1
    keys = orths.tolist()
    return (proper | (numpy.array([capital[k] for k in keys], dtype=bool) & mid_sentence)
            | numpy.array([numeric[k] for k in keys], dtype=bool) | (arrays[:, 3] == 1))


def windows(doc: Doc, context: int = CONTEXT_TOKENS) -> list[tuple[int, int]]:
    """Maximal token ranges ``[start, end)`` within ``context`` tokens of a trigger token."""
    mask = trigger_mask(doc)
    if not mask.any():
        return []
    # "full", then the mask's own length: "same" returns the kernel's length when the Doc is shorter than it (a
    # 2-token "Ann Lee" gave windows past its end: IndexError).
    full = numpy.convolve(mask.astype(numpy.int8), numpy.ones(2 * context + 1, dtype=numpy.int8), "full")
    grown = full[context:context + len(mask)] > 0
    edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], grown.astype(numpy.int8), [0]))))
    return list(zip(edges[0::2].tolist(), edges[1::2].tolist()))


class WindowedNER:
    """Runs a trained ``EntityRecognizer`` on proper-noun windows only; writes ``doc.ents`` like it would."""

    def __init__(self, nlp: Language, name: str, context: int = CONTEXT_TOKENS) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.context = context
        self.inner = None  # the EntityRecognizer, set by ``wrap``
        self.decoder: BiluoDecoder | None = None  # its moves decoded in step over windows, when it fits

    @classmethod
    def wrap(cls, nlp: Language, name: str = "ner") -> bool:
        """Put a ``WindowedNER`` around ``nlp``'s component ``name`` in its place. False if there is none."""
        if name not in nlp.pipe_names:
            return False
        inner = nlp.get_pipe(name)
        nlp.replace_pipe(name, FACTORY)
        nlp.get_pipe(name).set_inner(inner)
        return True

    def set_inner(self, inner) -> None:
        """Use the trained ``EntityRecognizer`` ``inner``, decoded by ``BiluoDecoder`` when it supports it."""
        self.inner = inner
        self.decoder = BiluoDecoder(inner) if BiluoDecoder.supports(inner) else None

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.inner.labels) if self.inner is not None else ()

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            yield from self._run(batch)

    def _run(self, docs: list[Doc]) -> list[Doc]:
        packed = [self._pack(doc) for doc in docs]
        for doc, ents, (_, index, _) in zip(docs, self._entities(packed), packed):
            spans = []
            for start, end, label in ents:
                first, last = index[start], index[end - 1]
                if last - first == end - start - 1:  # within one window (the NER never crosses a start)
                    spans.append(Span(doc, first, last + 1, label=label))
            doc.set_ents(spans, default="outside")
        return docs

    def _entities(self, packed: list[tuple[Doc, list[int], list[int]]]) -> list[list[tuple[int, int, int]]]:
        """``(start, end, label)`` of the entities in each packed Doc: decoded in step over all windows, or
        by the NER's own ``pipe`` when the decoder does not fit the model."""
        short = [p[0] for p in packed]
        if self.decoder is not None:
            return self.decoder(short, packed_windows(packed))
        return [[(e.start, e.end, e.label) for e in tagged.ents]
                for tagged in self.inner.pipe(short, batch_size=len(short))]

    def _pack(self, doc: Doc) -> tuple[Doc, list[int], list[int]]:
        """The windows of ``doc`` as one Doc, each window a sentence of its own (spaCy's NER never lets an
        entity cross a sentence start), for each of its tokens the token of ``doc`` it copies, and where each
        window ends in it.

        Words, spaces and norms come from the Doc's arrays, not a Token object per windowed token."""
        spans = windows(doc, self.context)
        if not spans:
            return Doc(self.vocab, words=[]), [], []
        index = numpy.concatenate([numpy.arange(start, end) for start, end in spans])
        ends = numpy.cumsum([end - start for start, end in spans])
        orth, space, norm = doc.to_array([ORTH, SPACY, NORM])[index].T
        space[ends - 1] = 1  # a space closes every window
        strings = doc.vocab.strings
        short = Doc(self.vocab, words=[strings[k] for k in orth.tolist()], spaces=space.astype(bool).tolist())
        sent_starts = numpy.full(len(index), -1, dtype=numpy.int64)
        sent_starts[numpy.concatenate(([0], ends[:-1]))] = 1  # each window's first token
        short.from_array([NORM, SENT_START], numpy.stack([norm, sent_starts.astype(numpy.uint64)], axis=1))
        return short, index.tolist(), ends.tolist()


def packed_windows(packed: list[tuple[Doc, list[int], list[int]]]) -> list[Window]:
    """The windows of ``WindowedNER._pack`` results, in packed-Doc token offsets, for ``BiluoDecoder``."""
    return [Window(n, start, end) for n, (_, _, ends) in enumerate(packed) for start, end in zip([0, *ends[:-1]], ends)]


@Language.factory(FACTORY, assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
                  requires=["token.tag", "doc.sents"], default_config={"context": CONTEXT_TOKENS})
def make_windowed_ner(nlp: Language, name: str, context: int) -> WindowedNER:
    """The spaCy factory; ``WindowedNER.wrap`` puts the trained NER inside it."""
    return WindowedNER(nlp, name, context)
