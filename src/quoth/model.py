"""The quoth data model: articles, spans, entities, attributions and disputes.

Pure Python (no spaCy): everything here can be built, serialised and read back without a model loaded.
All offsets are Python ``str`` indices (code points) into ``Article.text``, end exclusive.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Literal

SCHEMA_VERSION = "1.1"

Kind = Literal["direct", "indirect", "mixed"]
# What an attribution reports (docs/output.md): speech or writing, a belief, knowledge, an intention, the
# finding of a document (report, study, poll, video) as its source, or a topic (speech reported only by its
# subject or as a question: "discussed the budget", "asked whether …").
AttributionType = Literal["statement", "belief", "knowledge", "intention", "document", "topic"]
ATTRIBUTION_TYPES: tuple[str, ...] = ("statement", "belief", "knowledge", "intention", "document", "topic")
# Where in the article an attribution sits: the body, or a headline / standfirst / section heading.
Region = Literal["body", "headline"]
DisputeKind = Literal["denial", "rejection", "contradiction", "correction"]
DISPUTE_KINDS: tuple[str, ...] = ("denial", "rejection", "contradiction", "correction")
EntityKind = Literal["person", "organization", "place", "group", "other"]
Offsets = tuple[int, int]


@dataclass(frozen=True)
class Span:
    """A possibly discontinuous piece of the article: ``text`` is the pieces joined by a space."""

    text: str
    spans: tuple[Offsets, ...]

    @classmethod
    def from_offsets(cls, source: str, spans: Iterable[Offsets]) -> "Span":
        """Build a span from offsets into ``source``; pieces are sorted and empty ones dropped."""
        pieces = tuple(sorted((int(s), int(e)) for s, e in spans if e > s))
        return cls(text=" ".join(source[s:e] for s, e in pieces), spans=pieces)

    @property
    def start(self) -> int:
        return self.spans[0][0] if self.spans else 0

    @property
    def end(self) -> int:
        return self.spans[-1][1] if self.spans else 0

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "spans": [list(p) for p in self.spans]}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Span | None":
        if data is None:
            return None
        return cls(text=data["text"], spans=tuple((int(s), int(e)) for s, e in data["spans"]))


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Entity:
    """A person, organisation, place or group the article mentions, with its most complete ``name``."""

    id: str
    name: str
    kind: EntityKind = "other"
    mentions: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    key: str = ""
    named: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "key": self.key,
            "named": self.named,
            "roles": list(self.roles),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Entity":
        return cls(
            id=data["id"],
            name=data["name"],
            kind=data.get("kind", "other"),
            mentions=[Mention(**m) for m in data.get("mentions", [])],
            roles=list(data.get("roles", [])),
            key=data.get("key", ""),
            named=data.get("named", True),
        )


@dataclass
class Attribution:
    """One reported statement, belief or intention: who (source), how (cue), what (content)."""

    id: str
    kind: Kind
    content: Span
    cue: Span | None = None
    source: Span | None = None
    speaker: str | None = None
    parent: str | None = None
    confidence: float = 1.0
    type: AttributionType = "statement"
    # How sure the speaker resolution is (0-1); None when no resolution was attempted (``speakers=False``).
    speaker_confidence: float | None = None
    region: Region = "body"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "type": self.type,
            "region": self.region,
            "content": self.content.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "source": self.source.to_dict() if self.source else None,
            "speaker": self.speaker,
            "speaker_confidence": (None if self.speaker_confidence is None
                                   else round(float(self.speaker_confidence), 4)),
            "parent": self.parent,
            "confidence": round(float(self.confidence), 4),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Attribution":
        content = Span.from_dict(data["content"])
        assert content is not None
        return cls(
            id=data["id"],
            kind=data["kind"],
            content=content,
            cue=Span.from_dict(data.get("cue")),
            source=Span.from_dict(data.get("source")),
            speaker=data.get("speaker"),
            parent=data.get("parent"),
            confidence=float(data.get("confidence", 1.0)),
            type=data.get("type", "statement"),
            speaker_confidence=(None if data.get("speaker_confidence") is None
                                else float(data["speaker_confidence"])),
            region=data.get("region", "body"),
        )


@dataclass
class Dispute:
    """``by`` (an attribution) denies, rejects, contradicts or corrects a claim (``target_attribution`` where the
    article reports it, ``target_text`` where the claim sits in the disputing sentence) and its party."""

    by: str
    cue: Span
    target_attribution: str | None = None
    target_entity: str | None = None
    kind: DisputeKind = "rejection"
    target_text: Span | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "by": self.by,
            "target_attribution": self.target_attribution,
            "target_entity": self.target_entity,
            "target_text": self.target_text.to_dict() if self.target_text else None,
            "cue": self.cue.to_dict(),
            "confidence": round(float(self.confidence), 4),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Dispute":
        cue = Span.from_dict(data["cue"])
        assert cue is not None
        return cls(
            by=data["by"],
            cue=cue,
            target_attribution=data.get("target_attribution"),
            target_entity=data.get("target_entity"),
            kind=data.get("kind", "rejection"),
            target_text=Span.from_dict(data.get("target_text")),
            confidence=float(data.get("confidence", 1.0)),
        )


@dataclass
class Article:
    """One article and everything quoth found in it; ``text`` is what every offset indexes."""

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
    # Why this article produced nothing, when it could not be processed (see ``extract_many(errors="collect")``).
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "text": self.text,
            "meta": dict(self.meta),
            "entities": [e.to_dict() for e in self.entities],
            "attributions": [a.to_dict() for a in self.attributions],
            "disputes": [d.to_dict() for d in self.disputes],
            **({"error": self.error} if self.error else {}),
        }

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        return cls(
            id=str(data["id"]),
            text=data["text"],
            meta=dict(data.get("meta") or {}),
            entities=[Entity.from_dict(e) for e in data.get("entities", [])],
            attributions=[Attribution.from_dict(a) for a in data.get("attributions", [])],
            disputes=[Dispute.from_dict(d) for d in data.get("disputes", [])],
            error=data.get("error"),
        )

    @classmethod
    def from_json(cls, raw: str) -> "Article":
        return cls.from_dict(json.loads(raw))

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        if entity_id is None:
            return None
        return next((e for e in self.entities if e.id == entity_id), None)

    def attribution(self, attribution_id: str | None) -> Attribution | None:
        """The attribution with this id, or None."""
        if attribution_id is None:
            return None
        return next((a for a in self.attributions if a.id == attribution_id), None)

    def speaker_name(self, attribution: Attribution) -> str | None:
        """The canonical name of an attribution's resolved speaker, or None."""
        entity = self.entity(attribution.speaker)
        return entity.name if entity else None


def as_plain(obj: Any) -> Any:
    """Dataclass → plain dict (for callers that want ``asdict`` semantics)."""
    return asdict(obj)
