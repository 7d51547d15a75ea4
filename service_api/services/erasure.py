"""Erase every stored trace of one person: needs, feedback, conversation history.

A tombstone per pseudonym makes service_api drop records about the sender that
arrive later (the action server's outbox may still hold some).
"""

from typing import Any, cast

from sqlalchemy import CursorResult, delete
from sqlalchemy.orm import Session

from service_api.db.models import Erasure, FeedbackEntry, UnmetNeed, utcnow
from service_api.runtime import Runtime
from service_api.schemas.chat import CHANNELS
from service_api.services.audit import audit
from service_api.services.pseudonym import pseudonymise


async def erase_sender(runtime: Runtime, session: Session, sender: str, actor: str) -> int:
    """The sender string a channel used in /api/v1/chat, on every channel; needs deleted.

    Stored records go first; an httpx.HTTPError afterwards means Rasa's
    conversation history could not be reached and the erasure must be repeated.
    """
    secret = runtime.settings.pseudonym_secret.get_secret_value()
    pseudonyms = [pseudonymise(secret, channel, sender) for channel in CHANNELS]
    deleted = erase_records(session, pseudonyms, actor)
    await erase_conversations(runtime, pseudonyms)
    return deleted


def erase_records(session: Session, pseudonyms: list[str], actor: str) -> int:
    """Delete needs and feedback and leave tombstones; the number of needs deleted."""
    session.execute(delete(FeedbackEntry).where(FeedbackEntry.sender.in_(pseudonyms)))
    deleted = cast(
        CursorResult[Any],
        session.execute(delete(UnmetNeed).where(UnmetNeed.sender.in_(pseudonyms))),
    )
    for pseudonym in pseudonyms:
        session.merge(Erasure(sender=pseudonym, erased_at=utcnow()))
    audit(session, actor, "erase_sender", f"{len(pseudonyms)} pseudonyms")
    session.commit()
    return deleted.rowcount or 0


async def erase_conversations(runtime: Runtime, pseudonyms: list[str]) -> None:
    """Replace each conversation's events in Rasa's tracker store with nothing."""
    token = runtime.settings.rasa_token
    params = {"token": token.get_secret_value()} if token else None
    for pseudonym in pseudonyms:
        response = await runtime.rasa.put(
            f"/conversations/{pseudonym}/tracker/events", json=[], params=params
        )
        response.raise_for_status()
