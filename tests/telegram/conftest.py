"""The bridge, running for real against the fake Bot API, with a Lotse behind it."""

import inspect
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from telegram_bridge.__main__ import webhook_options
from telegram_bridge.bot import build_application
from telegram_bridge.settings import BridgeSettings
from tests.utils.fake_bot_api import TOKEN, FakeBotApi, serving
from tests.utils.ports import free_port

Handler = Callable[[dict[str, Any]], Response | Awaitable[Response]]


def turn(*texts: str, lang: str = "de", buttons: list[dict[str, str]] | None = None) -> Handler:
    """A Lotse that answers every message with these replies."""
    replies = [
        {"text": text, "buttons": buttons or [], "machine_translated": False} for text in texts
    ]
    body = {
        "sender": "x",
        "lang": lang,
        "detected_lang": None,
        "intent": None,
        "confidence": None,
        "topic": None,
        "unmet": False,
        "replies": replies,
    }
    return lambda request: JSONResponse(body)


class FakeLotse:
    """/api/v1/chat answered by a handler the test sets; keeps what it was sent."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.received: list[dict[str, Any]] = []
        self.port = free_port()

    async def chat(self, request: Request) -> Response:
        body = await request.json()
        self.received.append(body)
        response = self.handler(body)
        return await response if inspect.isawaitable(response) else response

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/api/v1/chat", self.chat, methods=["POST"])])


@asynccontextmanager
async def running_bridge(lotse_url: str, **environment: Any) -> AsyncIterator[FakeBotApi]:
    """The fake Bot API and the bridge on it, as `python -m telegram_bridge` runs it:
    polling, or webhook mode when the environment names a webhook URL."""
    telegram = FakeBotApi()
    settings = BridgeSettings(
        **{
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": telegram.base_url,
            "LOTSE_SERVICE_API_URL": lotse_url,
            "LOTSE_TELEGRAM_LOTSE_TIMEOUT_S": 60,
        }
        | environment
    )
    async with serving(telegram.app(), telegram.port):
        application = build_application(settings)
        async with application:
            assert application.post_init is not None and application.updater is not None
            await application.post_init(application)
            if settings.webhook_url:
                await application.updater.start_webhook(**webhook_options(settings))
            else:
                await application.updater.start_polling(poll_interval=0, timeout=1)
            await application.start()
            try:
                yield telegram
            finally:
                await application.updater.stop()
                await application.stop()
                if application.post_shutdown is not None:
                    await application.post_shutdown(application)


@asynccontextmanager
async def bridge_with(
    handler: Handler, **environment: Any
) -> AsyncIterator[tuple[FakeBotApi, FakeLotse]]:
    lotse = FakeLotse(handler)
    async with (
        serving(lotse.app(), lotse.port),
        running_bridge(f"http://127.0.0.1:{lotse.port}", **environment) as telegram,
    ):
        yield telegram, lotse
