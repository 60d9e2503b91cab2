"""The JSON API under ``/api``: extraction, and read-only queries over the store, every list paginated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from .errors import ReadOnly
from .schemas import (ArticleOut, ArticleSummaryOut, DisputeKindOut, DisputeRecordOut, EntityRecordOut, EntityResponse,
                      ErrorOut, ExtractRequest, ExtractResponse, Page, StatementOut)
from .service import extract_input

# The largest page any list returns; larger ``per_page`` values are refused with 422.
MAX_PER_PAGE = 200
DEFAULT_PER_PAGE = 20

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": what}
    for status, what in ((400, "Unreadable input"), (403, "Server is read-only"), (404, "Not found"),
                         (413, "Request body too large"), (422, "Invalid parameters or an article extraction failed"),
                         (500, "Server error"),
                         (503, "Extraction took too long, or the store is unavailable"))
}

router = APIRouter(prefix="/api", responses=ERRORS)


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def paging(page: int = Query(1, ge=1, le=1_000_000, description="1-based page number"),
           per_page: int = Query(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE,
                                 description=f"items per page (at most {MAX_PER_PAGE})")) -> Paging:
    """The ``page``/``per_page`` query parameters every list takes."""
    return Paging(page, per_page)


def page_of(request: Request, paging: Paging, items: list[Any], total: int) -> dict[str, Any]:
    """A list response with ``total`` and the URL of the ``next`` page (null on the last)."""
    more = paging.offset + len(items) < total
    following = str(request.url.include_query_params(page=paging.page + 1, per_page=paging.per_page))
    return {"ok": True, "items": items, "total": total, "page": paging.page, "per_page": paging.per_page,
            "next": following if more else None}


@router.post("/extract", response_model=ExtractResponse, summary="Extract attributions from one article")
def post_extract(body: ExtractRequest, request: Request) -> dict[str, Any]:
    """Text or HTML in; the article with its attributions, entities and disputes out.

    With `"store": true` the result is also saved, on a server started with `--allow-write` (else 403).
    """
    state = request.app.state
    if body.store and not state.allow_write:
        raise ReadOnly("this server is read-only; restart it with `quoth serve --allow-write` to store articles")
    article = extract_input(body.text, body.html, body.id, state.options)
    outcome = state.corpus.add(article) if body.store else None
    return {"ok": True, "stored": outcome in ("added", "replaced"), "store_result": outcome,
            "article": article.to_dict()}


@router.get("/articles", response_model=Page[ArticleSummaryOut], summary="Stored articles")
def get_articles(request: Request, paging: Paging = Depends(paging)) -> dict[str, Any]:
    """Stored articles, without their text: id, metadata and counts."""
    items, total = request.app.state.corpus.articles(paging.offset, paging.per_page)
    return page_of(request, paging, items, total)


@router.get("/articles/{article_id:path}", response_model=ArticleOut, summary="One stored article")
def get_article(article_id: str, request: Request) -> dict[str, Any]:
    """One stored article in the output contract's shape."""
    return request.app.state.corpus.article(article_id).to_dict()


@router.get("/attributions", response_model=Page[StatementOut], summary="Search attributions")
def get_attributions(
    request: Request,
    q: str | None = Query(None, max_length=500, description="full-text search in the content"),
    speaker: str | None = Query(None, max_length=200, description="speaker name or entity id"),
    kind: Literal["direct", "indirect", "mixed"] | None = Query(None),
    types: list[Literal["statement", "belief", "knowledge", "intention", "document", "topic"]] | None = Query(
        None, alias="type", description="only these attribution types (repeat: ?type=statement&type=belief)"),
    since: date | None = Query(None, description="published on or after (YYYY-MM-DD)"),
    until: date | None = Query(None, description="published on or before (YYYY-MM-DD)"),
    paging: Paging = Depends(paging),
) -> dict[str, Any]:
    """Attributions matching every filter given: statements first, then best match first with `q`, else newest
    first. Every type unless `type` is given."""
    filters = {"q": q, "speaker": speaker, "kind": kind, "types": types, "since": since, "until": until}
    items, total = request.app.state.corpus.attributions(filters, paging.offset, paging.per_page)
    return page_of(request, paging, items, total)


@router.get("/entities", response_model=Page[EntityRecordOut], summary="Speakers and other entities")
def get_entities(request: Request, paging: Paging = Depends(paging)) -> dict[str, Any]:
    """Speakers across the corpus (entities with statements), most quoted first."""
    items, total = request.app.state.corpus.entities(paging.offset, paging.per_page)
    return page_of(request, paging, items, total)


@router.get("/entities/{entity_id:path}", response_model=EntityResponse, summary="One entity")
def get_entity(entity_id: str, request: Request) -> dict[str, Any]:
    """One entity (by id or name): its statements' count, whom it disputes and who disputes it."""
    return {"ok": True, "entity": request.app.state.corpus.entity(entity_id)}


@router.get("/disputes", response_model=Page[DisputeRecordOut], summary="Who disputes whom")
def get_disputes(
    request: Request,
    name: str | None = Query(None, max_length=200, description="only disputes by or against this speaker"),
    kind: DisputeKindOut | None = Query(None, description="only disputes of this kind"),
    unnamed: bool = Query(False, description="only disputes whose target party is unnamed"),
    paging: Paging = Depends(paging),
) -> dict[str, Any]:
    """Disputes across the corpus: the kind, the disputing speaker, the disputed speaker (null when unnamed),
    statement or claim text, and the cue."""
    items, total = request.app.state.corpus.disputes(name, paging.offset, paging.per_page, kind=kind,
                                                     unnamed=unnamed)
    return page_of(request, paging, items, total)
