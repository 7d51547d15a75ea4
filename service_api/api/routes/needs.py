"""Unmet needs: ingest (action server, bridges) and the reviewers' list."""

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Response, status
from sqlalchemy import ColumnElement, func, select

from service_api.api.deps import IngestDep, ReviewerDep, RuntimeDep, SessionDep
from service_api.db.models import Erasure, UnmetNeed
from service_api.schemas.needs import (
    NeedBatchIn,
    NeedBatchOut,
    NeedIn,
    NeedKind,
    NeedOut,
    NeedPage,
)
from service_api.services.ingest import store_batch
from service_api.services.review import NEWEST_FIRST

router = APIRouter(prefix="/needs", tags=["needs"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=NeedOut,
    responses={204: {"description": "Dropped: the sender has since erased their data"}},
)
def ingest_need(
    body: NeedIn, response: Response, runtime: RuntimeDep, session: SessionDep, _: IngestDep
) -> NeedOut | Response:
    """Store one need; a repeated idempotency key returns the stored record (200)."""
    [result] = store_batch(session, runtime.redactor, runtime.vocabulary, [body])
    if result.status == status.HTTP_422_UNPROCESSABLE_CONTENT:
        raise HTTPException(result.status, result.detail)
    if result.status == status.HTTP_204_NO_CONTENT:
        return Response(status_code=status.HTTP_204_NO_CONTENT)
    response.status_code = result.status
    return NeedOut.model_validate(session.get(UnmetNeed, result.id))


@router.post("/batch")
def ingest_needs(
    body: NeedBatchIn, runtime: RuntimeDep, session: SessionDep, _: IngestDep
) -> NeedBatchOut:
    """Store up to 500 needs at once; each result has the status its own POST would have."""
    return NeedBatchOut(
        results=store_batch(session, runtime.redactor, runtime.vocabulary, body.needs)
    )


def erased_before(session: SessionDep, sender: str, occurred_at: datetime | None) -> bool:
    """True when a record predates its sender's erasure (a late outbox delivery)."""
    erasure = session.get(Erasure, sender)
    if erasure is None or occurred_at is None:
        return False
    occurred = occurred_at.replace(tzinfo=occurred_at.tzinfo or UTC)
    erased = erasure.erased_at.replace(tzinfo=erasure.erased_at.tzinfo or UTC)
    return occurred <= erased


def need_filters(
    status_: Annotated[str | None, Query(alias="status", max_length=16)] = None,
    kind: NeedKind | None = None,
    lang: Annotated[str | None, Query(max_length=16)] = None,
    topic: Annotated[str | None, Query(max_length=64)] = None,
    barrier: Annotated[str | None, Query(max_length=32)] = None,
    district: Annotated[str | None, Query(max_length=64)] = None,
    since: datetime | None = None,
    until: datetime | None = None,
    dataset: Annotated[
        str,
        Query(pattern="^(real|demo)$", description="`demo`: the synthetic demo records instead"),
    ] = "real",
) -> list[ColumnElement[bool]]:
    """The reviewers' filters, as conditions on UnmetNeed."""
    equal = {
        UnmetNeed.status: status_,
        UnmetNeed.kind: kind,
        UnmetNeed.lang: lang,
        UnmetNeed.topic: topic,
        UnmetNeed.barrier: barrier,
        UnmetNeed.district: district,
    }
    conditions = [column == value for column, value in equal.items() if value is not None]
    conditions.append(UnmetNeed.synthetic.is_(dataset == "demo"))
    if since is not None:
        conditions.append(UnmetNeed.created_at >= since)
    if until is not None:
        conditions.append(UnmetNeed.created_at < until)
    return conditions


NeedFilters = Annotated[list[ColumnElement[bool]], Depends(need_filters)]


@router.get("")
def list_needs(
    session: SessionDep,
    _: ReviewerDep,
    conditions: NeedFilters,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
) -> NeedPage:
    """Newest first."""
    total = session.scalar(select(func.count()).select_from(UnmetNeed).where(*conditions)) or 0
    rows = session.scalars(
        select(UnmetNeed).where(*conditions).order_by(*NEWEST_FIRST).limit(limit).offset(offset)
    )
    return NeedPage(
        items=[NeedOut.model_validate(row) for row in rows], total=total, limit=limit, offset=offset
    )
