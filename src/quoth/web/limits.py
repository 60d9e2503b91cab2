"""A cap on request bodies: refused with 413 by Content-Length, or once the streamed body passes the cap.

The body is read (up to the cap) before the app sees it, so the refusal never depends on how a handler or
FastAPI's body parsing reacts to an interrupted stream; the memory held is bounded by the cap.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import json_error_response


class BodySizeLimit:
    """ASGI middleware: answers 413 in quoth's error shape for bodies over ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(scope, receive, send, f"request body of {declared:,} bytes")
            return
        messages = await self._read_capped(receive)
        if messages is None:
            await self._refuse(scope, receive, send, "streamed request body")
            return
        await self.app(scope, _replay(messages, receive), send)

    async def _read_capped(self, receive: Receive) -> list[Message] | None:
        """Every body message, or None as soon as their total passes the cap."""
        messages: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                return messages
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                return None
            if not message.get("more_body", False):
                return messages

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, what: str) -> None:
        message = f"{what} is over the limit of {self.max_bytes:,} bytes; send a smaller article"
        await json_error_response(413, message)(scope, receive, send)


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A ``receive`` that hands out the buffered messages, then defers to the real one (for disconnects)."""
    pending = list(messages)

    async def replayed() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replayed


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
