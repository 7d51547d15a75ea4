"""POST /api/v1/feedback: 👍/👎 on an answer; 👎 also becomes an unmet need."""

from fastapi import APIRouter, HTTPException, Response, status
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from service_api.api.deps import IngestDep, RuntimeDep, SessionDep
from service_api.api.routes.needs import erased_before
from service_api.db.models import FeedbackEntry, UnmetNeed
from service_api.schemas.feedback import FeedbackIn, FeedbackOut
from service_api.schemas.needs import NeedKind

router = APIRouter(prefix="/feedback", tags=["feedback"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=FeedbackOut,
    responses={204: {"description": "Dropped: the sender has since erased their data"}},
)
def give_feedback(
    body: FeedbackIn, response: Response, runtime: RuntimeDep, session: SessionDep, _: IngestDep
) -> FeedbackOut | Response:
    if body.topic is not None and body.topic not in runtime.vocabulary.topics:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"Unknown topic {body.topic!r}")
    if erased_before(session, body.sender, body.occurred_at):
        return Response(status_code=status.HTTP_204_NO_CONTENT)
    key = body.idempotency_key
    if key is not None and (known := _by_key(session, key)) is not None:
        response.status_code = status.HTTP_200_OK
        return known
    entry = FeedbackEntry(
        helpful=body.helpful,
        topic=body.topic,
        channel=body.channel,
        lang=body.lang,
        sender=body.sender,
        idempotency_key=key,
    )
    session.add(entry)
    need = None
    if not body.helpful:
        need = UnmetNeed(
            kind=NeedKind.NEGATIVE_FEEDBACK,
            channel=body.channel,
            lang=body.lang,
            text=runtime.redactor.redact(body.question),
            topic=body.topic,
            sender=body.sender,
            idempotency_key=f"feedback:{key}" if key else None,
            occurred_at=body.occurred_at,
        )
        session.add(need)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        if key is None or (known := _by_key(session, key)) is None:
            raise
        response.status_code = status.HTTP_200_OK
        return known
    return FeedbackOut(id=entry.id, need_id=need.id if need else None)


def _by_key(session: SessionDep, key: str) -> FeedbackOut | None:
    entry = session.scalar(select(FeedbackEntry).where(FeedbackEntry.idempotency_key == key))
    if entry is None:
        return None
    need_id = session.scalar(
        select(UnmetNeed.id).where(UnmetNeed.idempotency_key == f"feedback:{key}")
    )
    return FeedbackOut(id=entry.id, need_id=need_id)
