"""Barrier reports for the administration: counts, never a number small enough to identify."""

import csv
import io
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Response, status
from sqlalchemy import ColumnElement, func, select

from service_api.api.deps import AnalystDep, RuntimeDep, SessionDep
from service_api.db.models import FeedbackEntry, UnmetNeed
from service_api.services.suppression import Cell, suppress

router = APIRouter(prefix="/reports", tags=["reports"])

DIMENSIONS = ("barrier", "topic", "district", "lang", "channel", "kind", "month")


def _column(name: str, dialect: str) -> ColumnElement[Any]:
    if name == "month":
        if dialect == "postgresql":
            return func.to_char(func.timezone("UTC", UnmetNeed.created_at), "YYYY-MM")
        return func.strftime("%Y-%m", UnmetNeed.created_at)
    column: ColumnElement[Any] = getattr(UnmetNeed, name)
    return column


def _month_start(value: datetime | None, name: str) -> datetime | None:
    if value is not None and (value.day, value.hour, value.minute, value.second) != (1, 0, 0, 0):
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"{name} must be the first day of a month (e.g. 2026-01-01), so that "
            "overlapping periods cannot reveal small counts",
        )
    return value


@router.get("/barriers", response_model=None)
def barrier_report(
    runtime: RuntimeDep,
    session: SessionDep,
    _: AnalystDep,
    group_by: Annotated[str, Query(description=f"comma-separated: {', '.join(DIMENSIONS)}")],
    since: datetime | None = None,
    until: datetime | None = None,
    kind: Annotated[str | None, Query(max_length=32)] = None,
    format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",
) -> list[dict[str, Any]] | Response:
    """Counts of unmet needs; cells below the threshold come back as null, suppressed."""
    keys = [key.strip() for key in group_by.split(",") if key.strip()]
    unknown = [key for key in keys if key not in DIMENSIONS]
    if not keys or unknown or len(set(keys)) != len(keys):
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"group_by takes distinct names from: {', '.join(DIMENSIONS)}",
        )
    dialect = runtime.engine.dialect.name
    columns = [_column(key, dialect).label(key) for key in keys]
    query = select(*columns, func.count().label("count")).group_by(*columns)
    if (start := _month_start(since, "since")) is not None:
        query = query.where(UnmetNeed.created_at >= start)
    if (end := _month_start(until, "until")) is not None:
        query = query.where(UnmetNeed.created_at < end)
    if kind is not None:
        query = query.where(UnmetNeed.kind == kind)
    counts = {tuple(row[:-1]): int(row[-1]) for row in session.execute(query)}
    hidden = suppress(counts, len(keys), runtime.settings.report_threshold)
    rows = [
        dict(zip(keys, cell, strict=True))
        | {"count": None if cell in hidden else count, "suppressed": cell in hidden}
        for cell, count in sorted(counts.items(), key=lambda item: repr(item[0]))
    ]
    if format == "csv":
        return _csv(rows, [*keys, "count", "suppressed"])
    return rows


@router.get("/feedback", response_model=None)
def feedback_report(
    runtime: RuntimeDep,
    session: SessionDep,
    _: AnalystDep,
    since: datetime | None = None,
    until: datetime | None = None,
    format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",
) -> list[dict[str, Any]] | Response:
    """👍 and 👎 per topic and the share of 👍; small counts suppressed as in /barriers."""
    query = select(FeedbackEntry.topic, FeedbackEntry.helpful, func.count()).group_by(
        FeedbackEntry.topic, FeedbackEntry.helpful
    )
    if (start := _month_start(since, "since")) is not None:
        query = query.where(FeedbackEntry.created_at >= start)
    if (end := _month_start(until, "until")) is not None:
        query = query.where(FeedbackEntry.created_at < end)
    counts: dict[Cell, int] = {
        (topic, helpful): int(n) for topic, helpful, n in session.execute(query)
    }
    for topic in {topic for topic, _ in counts}:  # an absent verdict is a cell of 0
        for verdict in (True, False):
            counts.setdefault((topic, verdict), 0)
    hidden = suppress(counts, 2, runtime.settings.report_threshold)
    rows = []
    for topic in sorted({topic for topic, _ in counts}, key=repr):
        up, down = (
            None if (topic, verdict) in hidden else counts[(topic, verdict)]
            for verdict in (True, False)
        )
        rate = round(up / (up + down), 3) if up is not None and down is not None else None
        rows.append(
            {
                "topic": topic,
                "helpful": up,
                "not_helpful": down,
                "helpful_rate": rate,
                "suppressed": up is None or down is None,
            }
        )
    if format == "csv":
        return _csv(rows, ["topic", "helpful", "not_helpful", "helpful_rate", "suppressed"])
    return rows


def _csv(rows: list[dict[str, Any]], fields: list[str]) -> Response:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields)
    writer.writeheader()
    writer.writerows(rows)
    return Response(
        buffer.getvalue(),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="report.csv"'},
    )
