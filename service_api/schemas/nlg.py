"""Rasa's NLG callback format (rasa/core/nlg/callback.py)."""

from typing import Any

from pydantic import BaseModel
from typing_extensions import TypedDict

from service_api.schemas.chat import Button

TAG = "lotse"


class NlgRequest(BaseModel):
    response: str
    arguments: dict[str, Any] = {}
    tracker: dict[str, Any] = {}
    channel: dict[str, Any] = {}


class ReplyTag(TypedDict):
    """What the gateway learns about a reply; travels in Rasa's `custom` field."""

    key: str
    lang: str
    topic: str | None
    intent: str | None
    confidence: float | None
    unmet: bool
    erase: bool  # the user asked to delete their data; the gateway does it
    machine_translated: bool


class NlgResponse(BaseModel):
    text: str
    buttons: list[Button]
    custom: dict[str, ReplyTag]
