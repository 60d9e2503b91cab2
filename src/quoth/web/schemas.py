"""Request and response models of the JSON API: they are what ``/openapi.json`` documents."""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field, model_validator

T = TypeVar("T")
DisputeKindOut = Literal["denial", "rejection", "contradiction", "correction"]


class ExtractRequest(BaseModel):
    """One article to extract from: exactly one of ``text`` or ``html``."""

    text: str | None = Field(None, description="Plain article text; offsets in the answer index it exactly.")
    html: str | None = Field(None, description="An HTML page; its main text is extracted first (trafilatura).")
    id: str = Field("article", max_length=200, description="Id of the article in the answer (and the store).")
    store: bool = Field(False, description="Also save the result; needs a server started with --allow-write.")

    @model_validator(mode="after")
    def _one_input(self) -> "ExtractRequest":
        if (self.text is None) == (self.html is None):
            raise ValueError('send exactly one of "text" or "html"')
        return self


class SpanOut(BaseModel):
    text: str
    spans: list[tuple[int, int]] = Field(description="[start, end) code-point offsets into the article text")


class MentionOut(BaseModel):
    start: int
    end: int
    text: str


class EntityOut(BaseModel):
    id: str
    name: str
    kind: str
    key: str = ""
    named: bool = True
    roles: list[str] = []
    mentions: list[MentionOut] = []


class AttributionOut(BaseModel):
    id: str
    kind: Literal["direct", "indirect", "mixed"]
    content: SpanOut
    cue: SpanOut | None = None
    source: SpanOut | None = None
    speaker: str | None = Field(None, description="Id of the resolved speaker entity; null when unresolved "
                                "(speaker_confidence below the threshold: `source` holds the mention as written)")
    parent: str | None = Field(None, description="Id of the attribution whose content contains this one")
    confidence: float = 1.0
    type: Literal["statement", "belief", "knowledge", "intention", "document", "topic"] = "statement"
    region: Literal["body", "headline"] = "body"
    speaker_confidence: float | None = Field(None, description="How sure the speaker resolution is (0-1)")


class DisputeOut(BaseModel):
    kind: DisputeKindOut = "rejection"
    by: str = Field(description="Id of the disputing attribution")
    target_attribution: str | None = None
    target_entity: str | None = None
    target_text: SpanOut | None = Field(None, description="The disputed claim, where it sits in the disputing "
                                                         "sentence itself")
    cue: SpanOut
    confidence: float = 1.0


class ArticleOut(BaseModel):
    """The output contract: one article with everything quoth found in it."""

    schema_: str = Field("1.1", alias="schema")
    id: str
    text: str
    meta: dict[str, Any] = {}
    entities: list[EntityOut] = []
    attributions: list[AttributionOut] = []
    disputes: list[DisputeOut] = []
    error: str | None = None


class ExtractResponse(BaseModel):
    ok: Literal[True] = True
    stored: bool = Field(description="Whether the article was saved to the store")
    store_result: str | None = Field(None, description='The store\'s answer: "added", "replaced", "skipped" '
                                     "(an article with this id is already stored) or null when not asked")
    article: ArticleOut


class Page(BaseModel, Generic[T]):
    """One page of a list; ``next`` is the URL of the following page, or null on the last one."""

    ok: Literal[True] = True
    items: list[T]
    total: int
    page: int
    per_page: int
    next: str | None = None


class ErrorOut(BaseModel):
    """The shape of every error the API returns, whatever the status."""

    ok: Literal[False] = False
    error: str
    status: int
    errors: list[dict[str, Any]] | None = None


class StatementOut(BaseModel):
    """One stored attribution with its article's title, url and date, and its speaker's corpus entity."""

    id: int
    article_id: str
    attribution_id: str
    kind: str
    content: str
    content_spans: list[list[int]]
    cue: str | None = None
    source: str | None = None
    speaker: str | None = None
    speaker_id: int | None = None
    parent: str | None = None
    confidence: float
    published: str | None = None
    title: str | None = None
    url: str | None = None
    type: str = "statement"
    region: str = "body"
    speaker_confidence: float | None = None


class EntityRecordOut(BaseModel):
    """A corpus entity (merged across articles) with its counts and first/last statement dates."""

    id: int
    key: str
    name: str
    kind: str
    named: bool
    articles: int = 0
    statements: int = 0
    first: str | None = None
    last: str | None = None


class DisputeRecordOut(BaseModel):
    """A stored dispute: the statement ``by`` rejects ``target`` (a statement) and/or ``target_entity``."""

    id: int
    article_id: str
    kind: DisputeKindOut = "rejection"
    cue: str
    by: StatementOut
    target: StatementOut | None = None
    target_entity: str | None = None
    target_entity_id: int | None = None
    target_text: str | None = None
    confidence: float = 1.0
    by_speaker: str | None = None
    by_speaker_id: int | None = None
    target_speaker: str | None = None
    target_speaker_id: int | None = None
    target_unnamed: bool = False


class EntityProfileOut(EntityRecordOut):
    names: list[str] = []
    disputes: list[DisputeRecordOut] = []
    disputed_by: list[DisputeRecordOut] = []


class EntityResponse(BaseModel):
    ok: Literal[True] = True
    entity: EntityProfileOut


class ArticleSummaryOut(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    ingested_at: str
    attributions: int
