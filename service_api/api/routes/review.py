"""Review of unmet needs: one need with its history, triage, and training-data export."""

from typing import Annotated

import numpy as np
import yaml
from fastapi import APIRouter, HTTPException, Path, Query, Response, status
from sqlalchemy import select
from sqlalchemy.orm import undefer

from service_api.api.deps import ReviewerDep, RuntimeDep, SessionDep
from service_api.api.routes.needs import NEWEST_FIRST, NeedFilters
from service_api.db.models import NeedStatusChange, UnmetNeed
from service_api.schemas.chat import LANG_PATTERN
from service_api.schemas.needs import NeedOut
from service_api.schemas.review import (
    NeedDetail,
    NeedGroup,
    NeedGroups,
    StatusChangeOut,
    Triage,
    TriageIn,
)
from service_api.services.audit import audit
from service_api.services.grouping import cluster, from_bytes

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
    rows = session.scalars(
        select(UnmetNeed)
        .options(undefer(UnmetNeed.embedding))
        .where(*conditions)
        .order_by(*NEWEST_FIRST)
        .limit(limit)
    ).all()
    embedded = [row for row in rows if row.embedding]
    vectors = np.array([from_bytes(row.embedding) for row in embedded if row.embedding])
    groups = [[embedded[i] for i in members] for members in cluster(vectors)]
    return NeedGroups(
        groups=[
            NeedGroup(
                size=len(members),
                langs=sorted({need.lang for need in members if need.lang}),
                needs=[NeedOut.model_validate(need) for need in members],
            )
            for members in groups
        ],
        considered=len(rows),
        pending=len(rows) - len(embedded),
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
    if body.topic is not None and body.topic not in runtime.vocabulary.topics:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"Unknown topic {body.topic!r}")
    if body.action is Triage.DUPLICATE:
        if body.duplicate_of == need.id:
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_CONTENT, "A need cannot repeat itself"
            )
        _need(session, body.duplicate_of or 0)
    session.add(
        NeedStatusChange(
            need_id=need.id,
            from_status=need.status,
            to_status=body.action,
            topic=body.topic,
            duplicate_of=body.duplicate_of,
            actor=reviewer.label,
        )
    )
    need.status = body.action
    if body.topic is not None:
        need.topic = body.topic
    audit(session, reviewer.label, f"triage:{body.action}", f"need {need.id}")
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
    rows = session.execute(
        select(UnmetNeed.topic, UnmetNeed.text)
        .where(UnmetNeed.status == Triage.TRAINING_EXAMPLE, UnmetNeed.lang == lang)
        .order_by(UnmetNeed.topic, UnmetNeed.id)
    ).all()
    examples: dict[str, list[str]] = {}
    for topic, text in rows:
        if topic and text and text not in examples.setdefault(topic, []):
            examples[topic].append(" ".join(text.split()))
    document = {
        "version": "3.1",
        "nlu": [
            {"intent": topic, "examples": "".join(f"- {text}\n" for text in texts)}
            for topic, texts in examples.items()
        ],
    }
    audit(session, reviewer.label, "export", f"lang {lang}: {len(rows)} examples")
    session.commit()
    return Response(
        yaml.safe_dump(document, allow_unicode=True, sort_keys=False),
        media_type="application/yaml",
        headers={"Content-Disposition": f'attachment; filename="nlu_{lang}.yml"'},
    )
