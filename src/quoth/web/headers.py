"""Security headers on every response, and a last catch for errors so a bad request never drops the connection.

Starlette answers an unhandled exception with a 500 and then re-raises it, which makes the server close the
keep-alive connection; ``CatchErrors`` answers in quoth's error shape and does not re-raise.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote_to_bytes

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import json_error_response

log = logging.getLogger("quoth.web")

# The pages load their script and styles from /static only; style attributes carry the highlight colours. The
# API docs (/docs, /redoc) load Swagger UI from its CDN and so get no CSP.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                           "form-action 'self'")
SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"same-origin")]
DOCS_PATHS = ("/docs", "/redoc")


class SecurityHeaders:
    """ASGI middleware: nosniff, frame denial, referrer policy and (outside the API docs) a CSP on every answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = list(SECURITY_HEADERS)
        if not str(scope.get("path", "")).startswith(DOCS_PATHS):
            extra.append((b"content-security-policy", CONTENT_SECURITY_POLICY.encode()))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in extra if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def bad_parameter(scope: Scope) -> str | None:
    """Why the request's path or query string cannot be a parameter (a control character, not UTF-8), or None."""
    raw_path = scope.get("raw_path") or str(scope.get("path", "")).encode("utf-8", "surrogateescape")
    for where, raw in (("path", raw_path), ("query string", scope.get("query_string", b""))):
        decoded = unquote_to_bytes(raw.replace(b"+", b" ") if where == "query string" else raw)
        if _CONTROL.search(decoded):
            return f"the {where} holds a control character (such as NUL); remove it"
        try:
            decoded.decode("utf-8")
        except UnicodeDecodeError:
            return f"the {where} is not valid UTF-8 once percent-decoded; encode parameters as UTF-8"
    return None


class CheckParameters:
    """ASGI middleware: a path or query string no parameter can hold is a 422 before any route sees it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        problem = bad_parameter(scope) if scope["type"] == "http" else None
        if problem is None:
            await self.app(scope, receive, send)
            return
        await json_error_response(422, f"invalid request: {problem}")(scope, receive, send)


class CatchErrors:
    """ASGI middleware: an exception no handler took becomes a 500 in the error shape, and the connection stays."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:  # noqa: BLE001  the boundary: log it, answer, keep serving
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            await json_error_response(500, "internal server error; the server log has the details")(
                scope, receive, send)
