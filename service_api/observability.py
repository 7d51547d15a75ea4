"""Prometheus metrics and structured logs for service_api.

Metrics are labelled by route template, method, status, kind and language,
never by a path with an id in it or anything a person wrote. Logs are one
JSON object per line; no code logs message text or sender ids.
"""

import logging
import logging.config
import sys
import time
from typing import Any, TextIO

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUESTS = Counter("lotse_http_requests", "HTTP requests answered", ["method", "route", "status"])
LATENCY = Histogram(
    "lotse_http_request_seconds",
    "Time to answer an HTTP request",
    ["route"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
CHAT_TURNS = Counter(
    "lotse_chat_turns", "Chat messages answered, by language route", ["route", "lang"]
)
NEEDS_STORED = Counter("lotse_needs_stored", "Unmet needs stored", ["kind"])


class Metrics:
    """ASGI middleware counting each HTTP request under its route template."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def remember(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, remember)
        finally:
            route = _template(scope)
            REQUESTS.labels(scope["method"], route, str(status)).inc()
            LATENCY.labels(route).observe(time.perf_counter() - started)


def _template(scope: Scope) -> str:
    """The request path with its path parameters named, e.g. /api/v1/needs/{need_id}."""
    if scope.get("route") is None:
        return "unmatched"  # never an arbitrary path: labels stay few
    path: str = scope["path"]
    for name, value in scope.get("path_params", {}).items():
        path = path.replace(f"/{value}", f"/{{{name}}}", 1)
    return path


async def metrics_endpoint(request: Request) -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


def configure_logging(fmt: str = "json", stream: TextIO | None = None) -> None:
    """Root logging as JSON lines (or plain text), uvicorn's loggers included."""
    formatter: dict[str, Any] = (
        {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
        if fmt == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    )
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {"default": formatter},
            "handlers": {
                "default": {
                    "class": "logging.StreamHandler",
                    "formatter": "default",
                    "stream": stream or sys.stderr,
                }
            },
            "root": {"handlers": ["default"], "level": "INFO"},
            "loggers": {
                "uvicorn": {"handlers": [], "propagate": True},
                "uvicorn.error": {"handlers": [], "propagate": True},
                # access lines carry client addresses, which are personal data
                "uvicorn.access": {"handlers": [], "propagate": False},
                "httpx": {"level": "WARNING"},
            },
        }
    )
