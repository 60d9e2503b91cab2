"""What the store's queries return: plain dataclasses with ``to_dict`` for JSON (CLI and HTTP API alike)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass
class Page(Generic[T]):
    """One page of results: ``items``, the ``total`` matching, and the ``limit``/``offset`` asked for."""

    items: list[T]
    total: int
    limit: int
    offset: int

    @property
    def has_more(self) -> bool:
        """Whether another page follows this one."""
        return self.offset + len(self.items) < self.total

    def to_dict(self) -> dict[str, Any]:
        return {"items": [_plain(i) for i in self.items], "total": self.total, "limit": self.limit,
                "offset": self.offset, "has_more": self.has_more}


@dataclass
class Statement:
    """One attribution as stored, with its article's title/url/date and its speaker's corpus entity."""

    id: int
    article_id: str
    attribution_id: str
    kind: str
    content: str
    content_spans: list[list[int]]
    cue: str | None
    source: str | None
    speaker: str | None
    speaker_id: int | None
    parent: str | None
    confidence: float
    published: str | None
    title: str | None
    url: str | None
    type: str = "statement"
    region: str = "body"
    speaker_confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class EntityRecord:
    """A corpus entity (merged across articles by key) with its counts."""

    id: int
    key: str
    name: str
    kind: str
    named: bool
    articles: int = 0
    statements: int = 0
    first: str | None = None
    last: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SpeakerProfile:
    """A speaker and their statements in date order (oldest first), one page of them."""

    entity: EntityRecord
    statements: Page[Statement]
    names: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity.to_dict(), "names": list(self.names), "statements": self.statements.to_dict()}


@dataclass
class DisputeRecord:
    """A dispute: the statement ``by`` denies, rejects, contradicts or corrects ``target`` (a statement) and/or
    ``target_entity`` (None when the party is unnamed); ``target_text`` is the claim where the disputing sentence
    states it."""

    id: int
    article_id: str
    cue: str
    by: Statement
    target: Statement | None
    target_entity: str | None
    target_entity_id: int | None
    kind: str = "rejection"
    target_text: str | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "article_id": self.article_id, "kind": self.kind, "cue": self.cue,
                "by": self.by.to_dict(), "target": self.target.to_dict() if self.target else None,
                "target_entity": self.target_entity, "target_entity_id": self.target_entity_id,
                "target_text": self.target_text, "confidence": self.confidence}


@dataclass
class ArticleSummary:
    """An article's metadata and counts, without its text."""

    id: str
    title: str | None
    url: str | None
    published: str | None
    source: str | None
    ingested_at: str
    attributions: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Failure:
    """An input that could not be ingested, and why."""

    source: str
    id: str
    reason: str
    time: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _plain(item: Any) -> Any:
    return item.to_dict() if hasattr(item, "to_dict") else item
