"""Unmet needs as ingested from the action server and listed to reviewers."""

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Short = Annotated[str, Field(min_length=1, max_length=64)]


class NeedKind(StrEnum):
    FALLBACK = "fallback"
    OUT_OF_SCOPE = "out_of_scope"
    NEGATIVE_FEEDBACK = "negative_feedback"
    BARRIER_REPORT = "barrier_report"
    HANDOFF_REQUEST = "handoff_request"
    UNSUPPORTED_LANGUAGE = "unsupported_language"


class NeedIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: NeedKind
    channel: Annotated[str, Field(min_length=1, max_length=32)]
    lang: Annotated[str | None, Field(max_length=16)] = None
    text: Annotated[str, Field(max_length=4000)]
    text_de: Annotated[str | None, Field(max_length=8000)] = None
    intent: Short | None = None
    confidence: Annotated[float | None, Field(ge=0, le=1)] = None
    topic: Short | None = None
    barrier: Short | None = None
    district: Short | None = None
    sender: Short
    idempotency_key: Annotated[str | None, Field(min_length=1, max_length=200)] = None
    occurred_at: datetime | None = None


class NeedOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: datetime
    kind: str
    channel: str
    lang: str | None
    text: str
    text_de: str | None
    intent: str | None
    confidence: float | None
    topic: str | None
    barrier: str | None
    district: str | None
    status: str
    synthetic: bool


class NeedPage(BaseModel):
    items: list[NeedOut]
    total: int
    limit: int
    offset: int


class NeedBatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    needs: Annotated[list[NeedIn], Field(min_length=1, max_length=500)]


class NeedResult(BaseModel):
    """What became of one need of a batch: the status its own POST would have had."""

    status: int
    id: int | None = None
    detail: str | None = None


class NeedBatchOut(BaseModel):
    results: list[NeedResult]
