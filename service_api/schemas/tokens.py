"""Token issuing (DESIGN.md, "Tokens and roles")."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from service_api.services.tokens import Role


class TokenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Role
    label: Annotated[str, Field(max_length=200)] = ""


class TokenOut(BaseModel):
    token: str
    role: Role
