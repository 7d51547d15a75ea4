"""DELETE /api/v1/senders/{sender}: erase every stored trace of one person."""

import logging
from typing import Annotated, Any, cast

import httpx
from fastapi import APIRouter, HTTPException, Path, status
from pydantic import BaseModel
from sqlalchemy import CursorResult, delete

from service_api.api.deps import AdminDep, RuntimeDep, SessionDep
from service_api.db.models import Erasure, FeedbackEntry, UnmetNeed, utcnow
from service_api.runtime import Runtime
from service_api.schemas.chat import CHANNELS
from service_api.services.audit import audit
from service_api.services.pseudonym import pseudonymise

router = APIRouter(prefix="/senders", tags=["privacy"])
logger = logging.getLogger(__name__)


class Erased(BaseModel):
    sender: str
    deleted_needs: int


async def erase_conversations(runtime: Runtime, pseudonyms: list[str]) -> None:
    """Replace each conversation's events in Rasa's tracker store with nothing."""
    token = runtime.settings.rasa_token
    params = {"token": token.get_secret_value()} if token else None
    for pseudonym in pseudonyms:
        response = await runtime.rasa.put(
            f"/conversations/{pseudonym}/tracker/events", json=[], params=params
        )
        response.raise_for_status()


@router.delete("/{sender}")
async def erase_sender(
    sender: Annotated[str, Path(min_length=1, max_length=256)],
    runtime: RuntimeDep,
    session: SessionDep,
    admin: AdminDep,
) -> Erased:
    """The same sender string the channel used in /api/v1/chat, on every channel."""
    secret = runtime.settings.pseudonym_secret.get_secret_value()
    pseudonyms = [pseudonymise(secret, channel, sender) for channel in CHANNELS]
    session.execute(delete(FeedbackEntry).where(FeedbackEntry.sender.in_(pseudonyms)))
    deleted = cast(
        CursorResult[Any],
        session.execute(delete(UnmetNeed).where(UnmetNeed.sender.in_(pseudonyms))),
    )
    for pseudonym in pseudonyms:
        session.merge(Erasure(sender=pseudonym, erased_at=utcnow()))
    audit(session, admin.label, "erase_sender", f"{len(pseudonyms)} pseudonyms")
    session.commit()
    try:
        await erase_conversations(runtime, pseudonyms)
    except httpx.HTTPError:
        logger.warning("Could not erase conversations in Rasa", exc_info=True)
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            "Stored needs were deleted, but the conversation history could not be "
            "reached; repeat the request.",
        ) from None
    return Erased(sender=sender, deleted_needs=deleted.rowcount or 0)
