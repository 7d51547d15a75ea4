from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from aiohttp import web
from rasa_sdk.executor import CollectingDispatcher

from actions.outbox import outbox
from actions.settings import get_settings
from tests.utils.trackers import user_tracker

DOMAIN_DIR = Path(__file__).resolve().parents[2] / "bot" / "domain"


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture
def domain() -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for path in sorted(DOMAIN_DIR.glob("*.yml")):
        for key, value in yaml.safe_load(path.read_text()).items():
            if isinstance(value, list):
                merged.setdefault(key, []).extend(value)
            elif isinstance(value, dict):
                merged.setdefault(key, {}).update(value)
    return merged


@pytest.fixture
def tracker() -> Callable[..., Any]:
    return user_tracker


class FakeServiceApi:
    """A real local HTTP server standing in for service_api's ingest endpoints.

    `status` answers every request (>= 400: refused as a whole); a need whose
    text is in `unprocessable` gets 422 of its own in a batch, as an unknown
    topic does in service_api.
    """

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.requests: list[str] = []
        self.status = 201
        self.unprocessable: set[str] = set()

    def refusal(self, request: web.Request) -> web.Response | None:
        self.headers.append(dict(request.headers))
        self.requests.append(request.path)
        if self.status >= 400:
            return web.json_response({"detail": "boom"}, status=self.status)
        return None

    async def ingest(self, request: web.Request) -> web.Response:
        if (refused := self.refusal(request)) is not None:
            return refused
        self.received.append(await request.json())
        return web.json_response({"id": len(self.received)}, status=self.status)

    async def ingest_batch(self, request: web.Request) -> web.Response:
        if (refused := self.refusal(request)) is not None:
            return refused
        results = []
        for need in (await request.json())["needs"]:
            if need["text"] in self.unprocessable:
                results.append({"status": 422, "detail": "Unknown topic"})
                continue
            self.received.append(need)
            results.append({"status": self.status, "id": len(self.received)})
        return web.json_response({"results": results})


@pytest.fixture
async def service_api(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> AsyncIterator[FakeServiceApi]:
    fake = FakeServiceApi()
    app = web.Application()
    app.router.add_post("/api/v1/needs", fake.ingest)
    app.router.add_post("/api/v1/needs/batch", fake.ingest_batch)
    app.router.add_post("/api/v1/feedback", fake.ingest)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    monkeypatch.setenv("LOTSE_SERVICE_API_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("LOTSE_INGEST_TOKEN", "ingest-secret")
    monkeypatch.setenv("LOTSE_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    outbox.cache_clear()
    yield fake
    if outbox.cache_info().currsize:
        outbox().stop()
    outbox.cache_clear()
    await runner.cleanup()
    get_settings.cache_clear()
