"""Server-rendered pages: extract, search, article, speaker and disputes. Every value is escaped by Jinja."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from ..errors import InputError
from .api import DEFAULT_PER_PAGE
from .graph import layout_circle
from .service import extract_input, looks_like_html
from .view import build_view

router = APIRouter(include_in_schema=False)
DISPUTE_KINDS = ("denial", "rejection", "contradiction", "correction")
DISPUTE_KIND_PATTERN = "^(" + "|".join(DISPUTE_KINDS) + ")$"
# Disputes drawn on the graph page (the table lists the same ones).
GRAPH_DISPUTES = 500


def render(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    """Render a page template with the shared context."""
    context.setdefault("has_corpus", request.app.state.corpus.db_path is not None)
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


@router.get("/", response_class=HTMLResponse)
def extract_page(request: Request) -> Response:
    """The extract form, empty."""
    return render(request, "extract.html", text="", fmt="auto")


@router.post("/extract", response_class=HTMLResponse)
def extract_submit(request: Request, text: str = Form(""), fmt: Literal["auto", "text", "html"] = Form("auto"),
                   file: UploadFile | None = File(None)) -> Response:
    """Extract from pasted text or an uploaded file and show the article with its attributions."""
    filename = file.filename if file is not None and file.filename else None
    if filename:
        text = _read_upload(file)
    else:  # browsers submit a textarea's line breaks as CRLF whatever was pasted
        text = text.replace("\r\n", "\n")
    if not text.strip():
        return render(request, "extract.html", status=400, text=text, fmt=fmt,
                      error="Paste an article or choose a file first.")
    as_html = fmt == "html" or (fmt == "auto" and looks_like_html(text, filename))
    article = extract_input(None if as_html else text, text if as_html else None,
                            filename or "pasted", request.app.state.options)
    return render(request, "extract.html", text=text, fmt=fmt, view=build_view(article))


def _read_upload(file: UploadFile) -> str:
    data = file.file.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{file.filename}: not UTF-8 text; save it as UTF-8 and upload it again") from exc


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = Query("", max_length=500), speaker: str = Query("", max_length=200),
                kind: Literal["", "direct", "indirect", "mixed"] = Query(""),
                type_: Literal["", "statement", "belief", "knowledge", "intention", "document", "topic"]
                = Query("", alias="type"),
                since: str = Query("", max_length=10), until: str = Query("", max_length=10),
                page: int = Query(1, ge=1, le=1_000_000)) -> Response:
    """The search form and one page of matching attributions, statements first (empty fields mean "any")."""
    filters = {"q": q or None, "speaker": speaker or None, "kind": kind or None,
               "types": [type_] if type_ else None, "type": type_ or None,
               "since": _parse_date(since, "From"), "until": _parse_date(until, "To")}
    corpus = request.app.state.corpus
    items, total = corpus.attributions(filters, (page - 1) * DEFAULT_PER_PAGE, DEFAULT_PER_PAGE)
    return render(request, "search.html", filters=filters, items=items, total=total,
                  pager=_pager(request, page, total))


def _parse_date(value: str, label: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{label}: {value!r} is not a date; use YYYY-MM-DD") from None


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, page: int = Query(1, ge=1, le=1_000_000)) -> Response:
    """Stored articles, newest first."""
    items, total = request.app.state.corpus.articles((page - 1) * DEFAULT_PER_PAGE, DEFAULT_PER_PAGE)
    return render(request, "articles.html", items=items, total=total, pager=_pager(request, page, total))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> Response:
    """One stored article, highlighted."""
    article = request.app.state.corpus.article(article_id)
    return render(request, "article.html", view=build_view(article))


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request, page: int = Query(1, ge=1, le=1_000_000)) -> Response:
    """Speakers, most quoted first."""
    items, total = request.app.state.corpus.entities((page - 1) * DEFAULT_PER_PAGE, DEFAULT_PER_PAGE)
    return render(request, "speakers.html", items=items, total=total, pager=_pager(request, page, total))


@router.get("/speakers/{name:path}", response_class=HTMLResponse)
def speaker_page(request: Request, name: str, page: int = Query(1, ge=1, le=1_000_000)) -> Response:
    """One speaker: statements by date, whom they dispute and who disputes them."""
    profile, (items, total) = request.app.state.corpus.speaker(name, (page - 1) * DEFAULT_PER_PAGE, DEFAULT_PER_PAGE)
    return render(request, "speaker.html", profile=profile, items=items, total=total,
                  pager=_pager(request, page, total))


@router.get("/disputes", response_class=HTMLResponse)
def disputes_page(request: Request, kind: str | None = Query(None, pattern=DISPUTE_KIND_PATTERN),
                  unnamed: bool = Query(False)) -> Response:
    """Who disputes whom, as a graph and a table; ``kind`` and ``unnamed`` filter both."""
    items, total = request.app.state.corpus.disputes(None, 0, GRAPH_DISPUTES, kind=kind, unnamed=unnamed)
    pairs, labels = [], {}
    for d in items:
        if d["by_speaker_id"] is not None and d["target_speaker_id"] is not None:
            pairs.append((str(d["by_speaker_id"]), str(d["target_speaker_id"])))
            labels[str(d["by_speaker_id"])] = d["by_speaker"]
            labels[str(d["target_speaker_id"])] = d["target_speaker"]
    return render(request, "disputes.html", items=items, total=total, graph=layout_circle(pairs, labels),
                  kind=kind, unnamed=unnamed, kinds=DISPUTE_KINDS)


def _pager(request: Request, page: int, total: int) -> dict[str, Any]:
    last = max(1, -(-total // DEFAULT_PER_PAGE))
    def link(number: int) -> str:
        url = request.url.include_query_params(page=number)
        return f"{url.path}?{url.query}"

    return {"page": page, "last": last, "total": total,
            "prev": link(page - 1) if page > 1 else None, "next": link(page + 1) if page < last else None}
