"""The bridge's only way into Lotse: POST /api/v1/chat."""

from dataclasses import dataclass, field
from typing import Any

import httpx

CHANNEL = "telegram"


class LotseUnavailable(Exception):
    """Lotse did not answer in time, or answered with a server error."""


class LotseBusy(Exception):
    """Lotse asked this sender to slow down (429)."""


class LotseRefused(Exception):
    """Lotse refused the message itself (4xx): too long, or unreadable."""


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: list[Button] = field(default_factory=list)
    machine_translated: bool = False


@dataclass(frozen=True)
class Turn:
    lang: str
    replies: list[Reply]


class LotseClient:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def chat(self, sender: str, text: str, lang: str | None = None) -> Turn:
        body: dict[str, Any] = {"sender": sender, "text": text, "channel": CHANNEL}
        if lang is not None:
            body["lang"] = lang
        try:
            response = await self.client.post("/api/v1/chat", json=body)
        except httpx.HTTPError as error:
            raise LotseUnavailable(type(error).__name__) from error
        if response.status_code == 429:
            raise LotseBusy()
        if response.status_code >= 500:
            raise LotseUnavailable(f"HTTP {response.status_code}")
        if response.status_code == 422 and lang is not None:
            return await self.chat(sender, text)  # a language Lotse does not offer: detect
        if response.status_code >= 400:
            raise LotseRefused(f"HTTP {response.status_code}")
        data = response.json()
        return Turn(
            lang=data["lang"],
            replies=[
                Reply(
                    text=reply["text"],
                    buttons=[Button(b["title"], b["payload"]) for b in reply.get("buttons", [])],
                    machine_translated=reply.get("machine_translated", False),
                )
                for reply in data["replies"]
            ],
        )
