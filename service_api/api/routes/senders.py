"""DELETE /api/v1/senders/{sender}: erase every stored trace of one person."""

import logging
from typing import Annotated

import httpx
from fastapi import APIRouter, HTTPException, Path, status
from pydantic import BaseModel

from service_api.api.deps import AdminDep, RuntimeDep, SessionDep
from service_api.services import erasure

router = APIRouter(prefix="/senders", tags=["privacy"])
logger = logging.getLogger(__name__)


class Erased(BaseModel):
    sender: str
    deleted_needs: int


@router.delete("/{sender}")
async def erase_sender(
    sender: Annotated[str, Path(min_length=1, max_length=256)],
    runtime: RuntimeDep,
    session: SessionDep,
    admin: AdminDep,
) -> Erased:
    """The same sender string the channel used in /api/v1/chat, on every channel."""
    try:
        deleted = await erasure.erase_sender(runtime, session, sender, admin.label)
    except httpx.HTTPError:
        logger.warning("Could not erase conversations in Rasa", exc_info=True)
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            "Stored needs were deleted, but the conversation history could not be "
            "reached; repeat the request.",
        ) from None
    return Erased(sender=sender, deleted_needs=deleted)
