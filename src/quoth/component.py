"""The spaCy component ``quoth``: finds attributions (then speakers and disputes) in a ``Doc`` and writes them on it.

Registered as the factory ``quoth`` (entry point ``spacy_factories``), so ``nlp.add_pipe("quoth")`` works after
install. It writes:

| attribute | type | what |
|---|---|---|
| ``doc._.attributions`` | ``list[quoth.model.Attribution]`` | every attribution, offsets into ``doc.text`` |
| ``doc._.quoth_entities`` | ``list[quoth.model.Entity]`` | entities (empty when ``speakers=False``) |
| ``doc._.disputes`` | ``list[quoth.model.Dispute]`` | disputes (empty when ``disputes=False``) |

Config: ``speakers`` and ``disputes`` (default ``True``), ``without`` (default ``[]``: attribution steps to skip,
by name, to measure them; see ``quoth.attribution.steps``). Each may be overridden per call (``component_cfg``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .attribution.steps import select_steps
from .docindex import forget
from .model import Attribution, Dispute, Entity

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

    def __init__(self, nlp: Language, name: str, speakers: bool, disputes: bool,
                 without: Sequence[str] = ()) -> None:
        self.name = name
        self.speakers = speakers
        self.disputes = disputes
        self.without = tuple(without)
        select_steps(self.without)  # an unknown step name fails here, when the pipeline is built

    def __call__(self, doc: Doc, speakers: bool | None = None, disputes: bool | None = None,
                 without: Sequence[str] | None = None) -> Doc:
        """Annotate ``doc``; ``speakers``/``disputes``/``without`` override the config for this call
        (``component_cfg``)."""
        try:
            found = self.find(
                doc,
                self.speakers if speakers is None else speakers,
                self.disputes if disputes is None else disputes,
                self.without if without is None else without,
            )
        finally:
            forget(doc)
        self.set_annotations(doc, found)
        return doc

    def find(self, doc: Doc, speakers: bool = True, disputes: bool = True, without: Sequence[str] = ()) -> Found:
        """Find attributions, entities and disputes in ``doc``."""
        from .attribution import find_attributions

        attributions = find_attributions(doc, without)
        entities: list[Entity] = []
        found_disputes: list[Dispute] = []
        if speakers:
            from .speakers import resolve_speakers

            entities = resolve_speakers(doc, attributions)
            if disputes:
                from .disputes import find_disputes

                found_disputes = find_disputes(doc, attributions, entities)
        from .attribution.sentences import split_at_sentences

        attributions, found_disputes = split_at_sentences(doc, attributions, found_disputes)
        return Found(attributions, entities, found_disputes)

    def set_annotations(self, doc: Doc, found: Found) -> None:
        doc._.attributions = found.attributions
        doc._.quoth_entities = found.entities
        doc._.disputes = found.disputes


@Language.factory(
    "quoth",
    assigns=["doc._.attributions", "doc._.quoth_entities", "doc._.disputes"],
    requires=["token.dep", "token.pos", "token.head", "doc.sents"],
    default_config={"speakers": True, "disputes": True, "without": []},
)
def make_quoth(nlp: Language, name: str, speakers: bool, disputes: bool, without: list[str]) -> QuothComponent:
    """The spaCy factory: ``nlp.add_pipe("quoth")``."""
    return QuothComponent(nlp, name, speakers=speakers, disputes=disputes, without=without)
