"""A local stand-in for Telegram's Bot API, spoken to over real HTTP.

python-telegram-bot reaches it through its own `base_url`. It keeps what the
bot sent, hands out updates by long polling, and refuses what Telegram
refuses (messages over 4096 characters, callback data over 64 bytes).
"""

import asyncio
import itertools
import json
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.utils.ports import free_port

TOKEN = "123456:TEST-token"
BOT = {
    "id": 123456,
    "is_bot": True,
    "first_name": "Lotse",
    "username": "lotse_test_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
JSON_FIELDS = {"reply_markup", "commands", "allowed_updates"}


def ok(result: Any) -> JSONResponse:
    return JSONResponse({"ok": True, "result": result})


def bad_request(description: str) -> JSONResponse:
    return JSONResponse(
        {"ok": False, "error_code": 400, "description": f"Bad Request: {description}"}, 400
    )


@dataclass
class User:
    id: int
    language_code: str | None = "de"

    def as_json(self) -> dict[str, Any]:
        user = {"id": self.id, "is_bot": False, "first_name": "Test"}
        return user | ({"language_code": self.language_code} if self.language_code else {})


@dataclass
class FakeBotApi:
    port: int = field(default_factory=free_port)
    sent: list[dict[str, Any]] = field(default_factory=list)  # sendMessage calls, in order
    actions: list[str] = field(default_factory=list)  # sendChatAction calls
    commands: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # per language
    failing: bool = False  # answer every send with 502, as in an outage
    refused: int = 0  # sends answered with 502

    def __post_init__(self) -> None:
        self.updates: list[dict[str, Any]] = []
        self.new_update = asyncio.Event()
        self.ids = itertools.count(1)
        self.webhook: dict[str, Any] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # What users do --------------------------------------------------------

    def user_says(self, user: User, text: str) -> None:
        message = self._message(user, text) | {"from": user.as_json()}
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        self._push({"message": message})

    def user_sends_photo(self, user: User) -> None:
        message = self._message(user) | {"from": user.as_json()}
        photo = {"file_id": "f1", "file_unique_id": "u1", "width": 1, "height": 1}
        self._push({"message": message | {"photo": [photo]}})

    def user_presses(self, user: User, sent: dict[str, Any], title: str) -> None:
        """Press the button with this title under a message the bot sent."""
        rows = sent["reply_markup"]["inline_keyboard"]
        button = next(b for row in rows for b in row if b["text"] == title)
        query = {
            "id": str(next(self.ids)),
            "from": user.as_json(),
            "chat_instance": "ci",
            "data": button["callback_data"],
            "message": sent["message"],
        }
        self._push({"callback_query": query})

    async def wait_for(self, count: int, timeout: float = 60) -> list[dict[str, Any]]:
        """Wait until the bot has sent `count` messages in all; returns them all."""
        await until(lambda: len(self.sent) >= count, timeout, f"{count} messages sent")
        return self.sent

    def _message(self, user: User, text: str | None = None) -> dict[str, Any]:
        chat = {"id": user.id, "type": "private", "first_name": "Test"}
        message = {"message_id": next(self.ids), "date": int(time.time()), "chat": chat}
        return message | ({"text": text} if text is not None else {})

    def _push(self, update: dict[str, Any]) -> None:
        self.updates.append({"update_id": next(self.ids)} | update)
        self.new_update.set()

    # The Bot API ----------------------------------------------------------

    async def handle(self, request: Request) -> JSONResponse:
        if request.path_params["token"] != TOKEN:
            return JSONResponse(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, 401
            )
        form = parse_qsl((await request.body()).decode(), keep_blank_values=True)
        params: dict[str, Any] = {
            key: json.loads(value) if key in JSON_FIELDS else value for key, value in form
        }
        method = request.path_params["method"]
        handler = getattr(self, f"api_{method}", None)
        if handler is None:
            return bad_request(f"method {method} is not faked")
        result: JSONResponse = await handler(params)
        return result

    async def api_getMe(self, params: dict[str, Any]) -> JSONResponse:  # noqa: N802
        return ok(BOT)

    async def api_deleteWebhook(self, params: dict[str, Any]) -> JSONResponse:  # noqa: N802
        self.webhook = None
        return ok(True)

    async def api_setWebhook(self, params: dict[str, Any]) -> JSONResponse:  # noqa: N802
        self.webhook = params
        return ok(True)

    async def api_setMyCommands(self, params: dict[str, Any]) -> JSONResponse:  # noqa: N802
        self.commands[params.get("language_code", "")] = params["commands"]
        return ok(True)

    async def api_getUpdates(self, params: dict[str, Any]) -> JSONResponse:  # noqa: N802
        offset = int(params.get("offset", 0))
        pending = [u for u in self.updates if u["update_id"] >= offset]
        if not pending:
            self.new_update.clear()
            with suppress(TimeoutError):
                await asyncio.wait_for(self.new_update.wait(), float(params.get("timeout", 0)))
            pending = [u for u in self.updates if u["update_id"] >= offset]
        return ok(pending)

    async def api_sendChatAction(self, params: dict[str, Any]) -> JSONResponse:  # noqa: N802
        self.actions.append(params["action"])
        return ok(True)

    async def api_answerCallbackQuery(self, params: dict[str, Any]) -> JSONResponse:  # noqa: N802
        return ok(True)

    async def api_sendMessage(self, params: dict[str, Any]) -> JSONResponse:  # noqa: N802
        if self.failing:
            self.refused += 1
            return JSONResponse({"ok": False, "error_code": 502, "description": "Bad Gateway"}, 502)
        text = params.get("text", "")
        if not text.strip():
            return bad_request("message text is empty")
        if len(text) > 4096:
            return bad_request("message is too long")
        markup = params.get("reply_markup") or {}
        for row in markup.get("inline_keyboard", []):
            for button in row:
                if not 1 <= len(button.get("callback_data", "").encode()) <= 64:
                    return bad_request("BUTTON_DATA_INVALID")
        chat = {"id": int(params["chat_id"]), "type": "private", "first_name": "Test"}
        message = {
            "message_id": next(self.ids),
            "date": int(time.time()),
            "chat": chat,
            "from": BOT,
            "text": text,
        } | ({"reply_markup": markup} if markup else {})
        self.sent.append({"text": text, "reply_markup": markup or None, "message": message})
        return ok(message)

    # Running --------------------------------------------------------------

    def app(self) -> Starlette:
        return Starlette(
            routes=[Route("/bot{token}/{method}", self.handle, methods=["GET", "POST"])]
        )


async def until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s for: {what}")
        await asyncio.sleep(0.05)


@asynccontextmanager
async def serving(app: Any, port: int) -> AsyncIterator[None]:
    """Serve an ASGI app on loopback inside the running event loop."""
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    try:
        yield
    finally:
        server.should_exit = True
        await task
