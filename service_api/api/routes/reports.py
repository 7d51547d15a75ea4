"""Barrier reports for the administration: counts, never a number small enough to identify."""

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Response, status

from service_api.api.deps import AnalystDep, RuntimeDep, SessionDep
from service_api.services.exports import Table, csv_response
from service_api.services.reports import (
    DIMENSIONS,
    ReportError,
    Scope,
    feedback_counts,
    need_counts,
)

router = APIRouter(prefix="/reports", tags=["reports"])
Format = Annotated[str, Query(pattern="^(json|csv)$")]
Dataset = Annotated[
    str,
    Query(
        pattern="^(real|demo)$",
        description="`demo` counts the synthetic demo records instead of the real ones",
    ),
]


def _scope(
    since: datetime | None, until: datetime | None, dataset: str, **where: str | None
) -> Scope:
    try:
        return Scope(
            since=since,
            until=until,
            synthetic=dataset == "demo",
            where={name: value for name, value in where.items() if value is not None},
        )
    except ReportError as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error)) from error


@router.get("/barriers", response_model=None)
def barrier_report(
    runtime: RuntimeDep,
    session: SessionDep,
    _: AnalystDep,
    group_by: Annotated[str, Query(description=f"comma-separated: {', '.join(DIMENSIONS)}")],
    since: datetime | None = None,
    until: datetime | None = None,
    kind: Annotated[str | None, Query(max_length=32)] = None,
    dataset: Dataset = "real",
    format: Format = "json",
) -> list[dict[str, Any]] | Response:
    """Counts of unmet needs; cells below the threshold come back as null, suppressed."""
    keys = [key.strip() for key in group_by.split(",") if key.strip()]
    try:
        rows = need_counts(
            session,
            keys,
            _scope(since, until, dataset, kind=kind),
            runtime.settings.report_threshold,
        )
    except ReportError as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error)) from error
    if format == "csv":
        return csv_response(Table("report", [*keys, "count", "suppressed"], rows))
    return rows


@router.get("/feedback", response_model=None)
def feedback_report(
    runtime: RuntimeDep,
    session: SessionDep,
    _: AnalystDep,
    since: datetime | None = None,
    until: datetime | None = None,
    dataset: Dataset = "real",
    format: Format = "json",
) -> list[dict[str, Any]] | Response:
    """👍 and 👎 per topic and the share of 👍; small counts suppressed as in /barriers."""
    rows = feedback_counts(
        session, _scope(since, until, dataset), runtime.settings.report_threshold
    )
    if format == "csv":
        columns = ["topic", "helpful", "not_helpful", "helpful_rate", "suppressed"]
        return csv_response(Table("report", columns, rows))
    return rows
