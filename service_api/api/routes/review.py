"""Review of unmet needs: one need with its history, triage, and training-data export."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Response, status
from sqlalchemy import select

from service_api.api.deps import ReviewerDep, RuntimeDep, SessionDep
from service_api.api.routes.needs import NeedFilters
from service_api.db.models import NeedStatusChange, UnmetNeed
from service_api.schemas.chat import LANG_PATTERN
from service_api.schemas.needs import NeedOut
from service_api.schemas.review import (
    NeedDetail,
    NeedGroup,
    NeedGroups,
    StatusChangeOut,
    TriageIn,
)
from service_api.services import review
from service_api.services.audit import audit
from service_api.services.review import TriageError

router = APIRouter(tags=["review"])
NeedId = Annotated[int, Path(ge=1, le=2**31 - 1)]


def _need(session: SessionDep, need_id: int) -> UnmetNeed:
    need = session.get(UnmetNeed, need_id)
    if need is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No need with id {need_id}")
    return need


def _detail(session: SessionDep, need: UnmetNeed) -> NeedDetail:
    history = session.scalars(
        select(NeedStatusChange)
        .where(NeedStatusChange.need_id == need.id)
        .order_by(NeedStatusChange.id)
    )
    return NeedDetail(
        **NeedOut.model_validate(need).model_dump(),
        history=[StatusChangeOut.model_validate(change) for change in history],
    )


@router.get("/review/groups")
def group_needs(
    session: SessionDep,
    _: ReviewerDep,
    conditions: NeedFilters,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> NeedGroups:
    """Similar needs of the newest `limit` that match, grouped across languages; biggest first."""
    found, considered, pending = review.groups(session, conditions, limit)
    return NeedGroups(
        groups=[
            NeedGroup(
                size=len(members),
                langs=sorted({need.lang for need in members if need.lang}),
                needs=[NeedOut.model_validate(need) for need in members],
            )
            for members in found
        ],
        considered=considered,
        pending=pending,
    )


@router.get("/needs/{need_id}")
def get_need(need_id: NeedId, session: SessionDep, _: ReviewerDep) -> NeedDetail:
    return _detail(session, _need(session, need_id))


@router.post("/needs/{need_id}/triage")
def triage_need(
    need_id: NeedId,
    body: TriageIn,
    runtime: RuntimeDep,
    session: SessionDep,
    reviewer: ReviewerDep,
) -> NeedDetail:
    need = _need(session, need_id)
    if body.duplicate_of is not None and body.duplicate_of != need.id:
        _need(session, body.duplicate_of)
    try:
        review.triage(session, [need], body, reviewer.label, runtime.vocabulary.topics)
    except TriageError as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error)) from error
    session.commit()
    return _detail(session, need)


@router.get(
    "/review/export",
    response_class=Response,
    responses={200: {"content": {"application/yaml": {}}}},
)
def export_training_data(
    session: SessionDep,
    reviewer: ReviewerDep,
    lang: Annotated[str, Query(pattern=LANG_PATTERN, max_length=16)],
) -> Response:
    """Needs triaged as training examples, as Rasa NLU training data for one language."""
    document, count = review.training_data(session, lang)
    audit(session, reviewer.label, "export", f"lang {lang}: {count} examples")
    session.commit()
    return Response(
        document,
        media_type="application/yaml",
        headers={"Content-Disposition": f'attachment; filename="nlu_{lang}.yml"'},
    )
