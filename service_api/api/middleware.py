"""Refuse oversized or undecodable request bodies before anything parses them."""

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class RequestGuard:
    """Buffers bodies up to `max_bytes` (413 beyond); refuses NUL and non-UTF-8 JSON (400)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await _refuse(send, 413, f"Request body too large (limit {self.max_bytes} bytes)")
            return
        body = b""
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_bytes:
                await _refuse(send, 413, f"Request body too large (limit {self.max_bytes} bytes)")
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
