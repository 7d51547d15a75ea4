"""Refuse oversized or undecodable request bodies before anything parses them."""

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class RequestGuard:
    """Buffers bodies up to a limit (413 beyond); refuses NUL and non-UTF-8 JSON (400).

    The limit is `max_bytes`, or the one `larger` names for a path: Rasa posts
    the whole conversation to /nlg, which grows with every turn.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, larger: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.larger = larger or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.larger.get(scope["path"], self.max_bytes)
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await _refuse(send, 413, f"Request body too large (limit {limit} bytes)")
            return
        body = b""
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > limit:
                await _refuse(send, 413, f"Request body too large (limit {limit} bytes)")
                return
        if _has_nul(scope, body):
            await _refuse(send, 400, "Requests must not contain NUL characters")
            return
        if b"json" in headers.get(b"content-type", b""):
            try:
                body.decode("utf-8")
            except UnicodeDecodeError:
                await _refuse(send, 400, "Request body must be UTF-8 encoded JSON")
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


def _has_nul(scope: Scope, body: bytes) -> bool:
    """NUL cannot be stored in PostgreSQL text and is never part of a real message."""
    target = scope.get("raw_path", b"") + b"?" + scope.get("query_string", b"")
    return b"%00" in target or b"\x00" in body or b"\\u0000" in body


async def _refuse(send: Send, status: int, detail: str) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": json.dumps({"detail": detail}).encode()})
