"""👍/👎 from the channels, through the action server."""

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from service_api.schemas.needs import Short


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    helpful: bool
    topic: Short | None = None
    question: Annotated[str, Field(max_length=4000)] = ""
    channel: Annotated[str, Field(min_length=1, max_length=32)]
    lang: Annotated[str | None, Field(max_length=16)] = None
    sender: Short
    idempotency_key: Annotated[str | None, Field(min_length=1, max_length=200)] = None
    occurred_at: datetime | None = None


class FeedbackOut(BaseModel):
    id: int
    need_id: int | None = None
