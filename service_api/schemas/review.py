"""Triage of unmet needs by the immigration office."""

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from service_api.schemas.needs import NeedOut


class Triage(StrEnum):
    """What a reviewer decides about a need; each is also the need's new status."""

    TRAINING_EXAMPLE = "training_example"  # belongs to a topic: becomes training data
    NEEDS_ANSWER = "needs_answer"  # a real question Lotse has no answer for yet
    OUT_OF_SCOPE = "out_of_scope"
    DUPLICATE = "duplicate"
    NEW = "new"  # reopen


class TriageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Triage
    topic: str | None = None
    duplicate_of: Annotated[int | None, Field(ge=1, le=2**31 - 1)] = None

    @model_validator(mode="after")
    def _complete(self) -> "TriageIn":
        if self.action is Triage.TRAINING_EXAMPLE and not self.topic:
            raise ValueError("training_example needs the topic the question belongs to")
        if self.action is Triage.DUPLICATE and self.duplicate_of is None:
            raise ValueError("duplicate needs duplicate_of, the id of the need it repeats")
        return self


class StatusChangeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    at: datetime
    from_status: str
    to_status: str
    topic: str | None
    duplicate_of: int | None
    actor: str


class NeedDetail(NeedOut):
    history: list[StatusChangeOut]


class NeedGroup(BaseModel):
    size: int
    langs: list[str]
    needs: list[NeedOut]


class NeedGroups(BaseModel):
    groups: list[NeedGroup]
    considered: int  # needs matching the filters, newest first, up to the limit
    pending: int  # of those, needs not embedded yet (seconds after arrival): in no group
