"""``extract`` and ``extract_many``, and the spaCy factory ``quoth`` that does the work on a ``Doc``.

The component writes:

| attribute | type | what |
|---|---|---|
| ``doc._.attributions`` | ``list[quoth.model.Attribution]`` | every attribution, offsets into ``doc.text`` |
| ``doc._.quoth_entities`` | ``list[quoth.model.Entity]`` | entities (empty when ``speakers=False``) |
| ``doc._.disputes`` | ``list[quoth.model.Dispute]`` | disputes (empty when ``disputes=False``) |
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Literal

from spacy.language import Language
from spacy.tokens import Doc

from .docindex import forget
from .model import Article, Attribution, Dispute, Entity
from .options import Options
from .text import check_size, decode

for _name in ("attributions", "quoth_entities", "disputes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass
class Found:
    """What the component found in one Doc, before it is written on the Doc."""

    attributions: list[Attribution]
    entities: list[Entity]
    disputes: list[Dispute]


class QuothComponent:
    """Finds attributions (then speakers and disputes) and writes them on the Doc."""

    def __init__(self, nlp: Language, name: str, speakers: bool, disputes: bool) -> None:
        self.name = name
        self.speakers = speakers
        self.disputes = disputes

    def __call__(self, doc: Doc, speakers: bool | None = None, disputes: bool | None = None) -> Doc:
        """Annotate ``doc``; ``speakers``/``disputes`` override the config for this call (``component_cfg``)."""
        try:
            found = self.find(
                doc,
                self.speakers if speakers is None else speakers,
                self.disputes if disputes is None else disputes,
            )
        finally:
            forget(doc)
        self.set_annotations(doc, found)
        return doc

    def find(self, doc: Doc, speakers: bool = True, disputes: bool = True) -> Found:
        """Find attributions, entities and disputes in ``doc``."""
        from .attribution import find_attributions

        attributions = find_attributions(doc)
        entities: list[Entity] = []
        found_disputes: list[Dispute] = []
        if speakers:
            from .speakers import resolve_speakers

            entities = resolve_speakers(doc, attributions)
            if disputes:
                from .disputes import find_disputes

                found_disputes = find_disputes(doc, attributions, entities)
        return Found(attributions, entities, found_disputes)

    def set_annotations(self, doc: Doc, found: Found) -> None:
        doc._.attributions = found.attributions
        doc._.quoth_entities = found.entities
        doc._.disputes = found.disputes


@Language.factory(
    "quoth",
    assigns=["doc._.attributions", "doc._.quoth_entities", "doc._.disputes"],
    requires=["token.dep", "token.pos", "token.head", "doc.sents"],
    default_config={"speakers": True, "disputes": True},
)
def make_quoth(nlp: Language, name: str, speakers: bool, disputes: bool) -> QuothComponent:
    """The spaCy factory: ``nlp.add_pipe("quoth")``."""
    return QuothComponent(nlp, name, speakers=speakers, disputes=disputes)


ArticleInput = Article | str | bytes | dict[str, Any] | tuple[str, str]

# At most this many characters go through spaCy's parser and NER at once. Their memory grows with the tokens in
# a batch (~3 KiB per character of text while a batch is predicted), not with the number of articles: 32
# PolNeAR-sized articles peaked at ~650 MiB RSS, batches capped at 40,000 characters at ~380 MiB, at the same
# speed. Calibrated with `python scripts/bench_speed.py --stream 2000 --stream-chars 1000000`; re-run it after
# changing this (the budget is ≤ 600 MiB for one process).
MAX_BATCH_CHARS = 40_000


def extract(text: str | bytes, options: Options | None = None, id: str = "article", meta: dict | None = None) -> Article:
    """Extract attributions, entities and disputes from one article's text.

    Takes the text (``str``, or UTF-8 ``bytes``) and returns an ``Article`` whose offsets index that text.
    Raises ``InputError`` (binary, undecodable, too large) and ``ModelNotFound``.
    """
    return next(extract_many([Article(id=id, text=_as_text(text, id, options or Options()), meta=meta or {})],
                             options, errors="raise"))


def extract_many(
    items: Iterable[ArticleInput],
    options: Options | None = None,
    errors: Literal["raise", "collect"] = "collect",
) -> Iterator[Article]:
    """Extract from many articles, streaming through ``nlp.pipe`` in batches; yields in input order.

    ``items`` are ``Article``s, strings, bytes, ``(id, text)`` pairs or dicts with ``id``/``text`` (other keys
    become ``meta``). With ``errors="collect"`` an article that cannot be read is yielded with ``error`` set and no
    results, and the stream goes on; with ``"raise"`` the ``InputError`` propagates.
    """
    from .nlp import pipeline_for

    opts = options or Options()
    nlp = pipeline_for(opts)
    cfg = {"quoth": {"speakers": opts.speakers, "disputes": opts.disputes and opts.speakers}}
    batch: list[Article] = []
    for n, item in enumerate(items):
        article = _to_article(item, n, opts, errors)
        batch.append(article)
        if len(batch) >= opts.batch_size:
            yield from _run_batch(nlp, batch, cfg, opts.batch_size)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch, cfg, opts.batch_size)


def _run_batch(nlp: Language, batch: list[Article], cfg: dict, batch_size: int) -> Iterator[Article]:
    todo = [a for a in batch if a.error is None and a.text.strip()]
    docs = (doc for chunk in _chunk_by_chars([a.text for a in todo], MAX_BATCH_CHARS)
            for doc in nlp.pipe(chunk, batch_size=len(chunk), component_cfg=cfg))
    for article in batch:
        if article.error is None and article.text.strip():
            doc = next(docs)
            article.attributions = list(doc._.attributions or [])
            article.entities = list(doc._.quoth_entities or [])
            article.disputes = list(doc._.disputes or [])
        yield article


def _chunk_by_chars(texts: list[str], max_chars: int) -> Iterator[list[str]]:
    """Consecutive runs of ``texts`` of at most ``max_chars`` characters (a longer text makes a run alone)."""
    chunk: list[str] = []
    size = 0
    for text in texts:
        if chunk and size + len(text) > max_chars:
            yield chunk
            chunk, size = [], 0
        chunk.append(text)
        size += len(text)
    if chunk:
        yield chunk


def _as_text(text: str | bytes, name: str, options: Options) -> str:
    if isinstance(text, bytes):
        return decode(text, name, options.max_chars)
    return check_size(text, name, options.max_chars)


def _to_article(item: ArticleInput, n: int, options: Options, errors: str) -> Article:
    from .errors import InputError

    if isinstance(item, Article):
        article = Article(id=item.id, text=item.text, meta=dict(item.meta), error=item.error)
        raw: str | bytes = item.text
    elif isinstance(item, dict):
        meta = {k: v for k, v in item.items() if k not in ("id", "text")}
        raw = item.get("text", "")
        article = Article(id=str(item.get("id", n)), text="", meta=meta)
    elif isinstance(item, tuple):
        article, raw = Article(id=str(item[0]), text=""), item[1]
    else:
        article, raw = Article(id=str(n), text=""), item
    if article.error:
        return article
    try:
        if not isinstance(raw, (str, bytes)):
            raise InputError(f"text must be a string, not {type(raw).__name__}", article.id)
        article.text = _as_text(raw, article.id, options)
    except InputError as exc:
        if errors == "raise":
            raise
        article.text = ""
        article.error = str(exc)
    return article
