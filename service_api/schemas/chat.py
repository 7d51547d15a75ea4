"""The chat contract (DESIGN.md, "The chat contract")."""

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

MAX_TEXT_CHARS = 2000
LANG_PATTERN = r"^[a-z]{2,3}(-[a-z0-9]{1,8})*$"


Channel = Literal["api", "web", "telegram"]
CHANNELS: tuple[str, ...] = get_args(Channel)


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sender: Annotated[str, Field(min_length=1, max_length=256)]
    text: Annotated[str, Field(max_length=MAX_TEXT_CHARS)]
    lang: Annotated[str | None, Field(pattern=LANG_PATTERN)] = None
    channel: Channel = "api"

    @field_validator("text")
    @classmethod
    def _readable(cls, text: str) -> str:
        text = text.strip()
        if not text:
            raise ValueError("text must not be empty")
        if any(ord(char) < 32 and char not in "\n\t" for char in text):
            raise ValueError("text must not contain control characters")
        return text


class Button(BaseModel):
    title: str
    payload: str


class Reply(BaseModel):
    text: str
    buttons: list[Button] = []
    machine_translated: bool = False


class ChatResponse(BaseModel):
    sender: str
    lang: str
    detected_lang: str | None
    intent: str | None
    confidence: float | None
    topic: str | None
    unmet: bool
    replies: list[Reply]
