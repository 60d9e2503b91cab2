"""The one error shape of the API, ``{"ok": false, "error": "...", "status": N}``, for every error.

Every handler FastAPI and Starlette install (404, 405, 422, 500) is overridden here, and quoth's domain errors
are translated to a status once. Page routes asked for by a browser (``Accept: text/html``) get the same
message as an HTML page with the same status.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ArticleTimeout, ExtractionFailed, InputError, InputTooLarge, ModelNotFound, QuothError

log = logging.getLogger("quoth.web")


class NotFound(QuothError):
    """A stored article, entity or speaker that does not exist."""


class ReadOnly(QuothError):
    """A write was asked of a server started without ``--allow-write``."""


def error_body(status: int, message: str, errors: list[Any] | None = None) -> dict[str, Any]:
    """The error shape every API error uses."""
    from ..safety import clean_text

    body: dict[str, Any] = {"ok": False, "error": clean_text(message)[0], "status": status}
    if errors:
        body["errors"] = errors
    return body


def json_error_response(status: int, message: str, errors: list[Any] | None = None) -> JSONResponse:
    """A JSON response in the error shape."""
    return JSONResponse(error_body(status, message, errors), status_code=status)


def domain_status(exc: QuothError) -> int:
    """The HTTP status for one of quoth's own errors."""
    from ..store.errors import NotFound as StoredNotFound, StoreError

    if isinstance(exc, (NotFound, StoredNotFound)):
        return 404
    if isinstance(exc, StoreError):
        return 503
    if isinstance(exc, ReadOnly):
        return 403
    if isinstance(exc, InputTooLarge):
        return 413
    if isinstance(exc, ArticleTimeout):
        return 503
    if isinstance(exc, ExtractionFailed):
        return 422
    if isinstance(exc, InputError):
        return 400
    if isinstance(exc, ModelNotFound):
        return 503
    return 400


def install_error_handlers(app: FastAPI) -> None:
    """Route every error FastAPI can raise through ``respond``."""

    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        return respond(request, exc.status_code, _explain(exc.status_code, detail, request), headers=exc.headers)

    async def on_validation(request: Request, exc: RequestValidationError) -> Response:
        problems = [_describe(e) for e in exc.errors()]
        summary = "; ".join(f"{p['loc']}: {p['message']}" for p in problems)
        return respond(request, 422, f"invalid request: {summary}", problems)

    async def on_domain(request: Request, exc: QuothError) -> Response:
        return respond(request, domain_status(exc), str(exc))

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return respond(request, 500, "internal server error; the server log has the details")

    app.add_exception_handler(StarletteHTTPException, on_http)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, on_validation)  # type: ignore[arg-type]
    app.add_exception_handler(QuothError, on_domain)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, on_crash)


def respond(request: Request, status: int, message: str, errors: list[Any] | None = None,
            headers: dict[str, str] | None = None) -> Response:
    """JSON in the error shape, or the HTML error page for a browser on a page route."""
    if _wants_page(request):
        templates = request.app.state.templates
        context = {"status": status, "message": message, "title": f"{status} {HTTPStatus(status).phrase}"}
        return templates.TemplateResponse(request, "error.html", context, status_code=status, headers=headers)
    response = json_error_response(status, message, errors)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _wants_page(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/static/")) or path in ("/api", "/openapi.json", "/docs"):
        return False
    return "text/html" in request.headers.get("accept", "")


def _explain(status: int, detail: str, request: Request) -> str:
    if status == 404 and detail == "Not Found":
        return f"no such page or endpoint: {request.url.path}; the API is listed at /docs"
    if status == 405:
        return f"{request.method} is not allowed on {request.url.path}"
    return detail


def _describe(error: dict[str, Any]) -> dict[str, Any]:
    where = ".".join(str(p) for p in error.get("loc", ()))
    return {"loc": where, "message": error.get("msg", "invalid")}
