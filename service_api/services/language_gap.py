"""Messages in a language Lotse can neither write nor translate.

The user is answered in the language its speakers most likely read (or the
conversation's language), is told which languages work, and the gap is logged
once per sender and language as an unmet need of kind `unsupported_language`
with barrier `language` (DESIGN.md, "Core languages are understood natively").
"""

from dataclasses import dataclass

from fastapi.concurrency import run_in_threadpool
from sqlalchemy.exc import IntegrityError

from service_api.db.models import UnmetNeed
from service_api.runtime import Runtime
from service_api.schemas.chat import Button, ChatResponse, Reply
from service_api.schemas.needs import NeedKind

NOTE_RESPONSE = "utter_unsupported_language"
BARRIER = "language"


@dataclass(frozen=True)
class LanguageGap:
    """What the gateway knows about one message in a language it cannot serve."""

    lang: str
    sender: str  # the pseudonym
    channel: str
    text: str  # already redacted


async def answer_language_gap(
    runtime: Runtime, gap: LanguageGap, response: ChatResponse
) -> ChatResponse:
    """Log the gap; the first time it is logged, lead the replies with the note."""
    if not await run_in_threadpool(_log_once, runtime, gap, response):
        return response
    note = runtime.catalogue.render(NOTE_RESPONSE, response.lang)
    lead = Reply(
        text=note.text, buttons=[Button(title=b.title, payload=b.payload) for b in note.buttons]
    )
    return response.model_copy(update={"unmet": True, "replies": [lead, *response.replies]})


def _log_once(runtime: Runtime, gap: LanguageGap, response: ChatResponse) -> bool:
    """Store the need unless this sender's language was logged before; True when stored."""
    need = UnmetNeed(
        kind=NeedKind.UNSUPPORTED_LANGUAGE,
        channel=gap.channel,
        lang=gap.lang,
        text=gap.text,
        intent=response.intent,
        confidence=response.confidence,
        topic=response.topic,
        barrier=BARRIER,
        sender=gap.sender,
        idempotency_key=f"{gap.sender}:{NeedKind.UNSUPPORTED_LANGUAGE}:{gap.lang}",
    )
    with runtime.sessions() as session:
        session.add(need)
        try:
            session.commit()
        except IntegrityError:
            return False
    return True
