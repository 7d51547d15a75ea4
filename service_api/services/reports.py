"""Suppressed counts for the administration: the API, the dashboard and the monthly report.

A table is counted over its dimensions plus every dimension it is sliced by
(`where`), suppressed as a whole, and only then sliced. A slice (one channel,
one language) is therefore a part of a table that is safe as a whole, and a
filtered view cannot be subtracted from the unfiltered one to uncover a
hidden cell. Synthetic demo records and real ones never meet in one table.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from service_api.db.models import FeedbackEntry, UnmetNeed
from service_api.services.suppression import Cell, suppress

DIMENSIONS = ("barrier", "topic", "district", "lang", "channel", "kind", "month")
FEEDBACK_DIMENSIONS = ("topic", "lang", "channel", "month")
# Kinds that mean "Lotse had no (good) answer".
UNANSWERED = ("fallback", "out_of_scope", "negative_feedback")

Row = dict[str, Any]


class ReportError(ValueError):
    """A request for a table that cannot be answered as asked."""


@dataclass(frozen=True)
class Scope:
    """Which records a table counts: a period of whole months, real or synthetic."""

    since: datetime | None = None
    until: datetime | None = None
    synthetic: bool = False
    where: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and (value.day, value.hour, value.minute, value.second) != (
                1,
                0,
                0,
                0,
            ):
                raise ReportError(
                    f"{name} must be the first day of a month (e.g. 2026-01-01), so that "
                    "overlapping periods cannot reveal small counts"
                )


def need_counts(
    session: Session,
    keys: Sequence[str],
    scope: Scope,
    threshold: int,
    *,
    barriers_only: bool = False,
    kinds: Sequence[str] = (),
) -> list[Row]:
    """Needs counted by `keys`; a count below the threshold (or its complement) is None."""
    _check(keys, scope, DIMENSIONS)
    dialect = session.get_bind().dialect.name
    conditions = [UnmetNeed.synthetic.is_(scope.synthetic), *_period(UnmetNeed, scope)]
    if barriers_only:
        conditions.append(UnmetNeed.barrier.is_not(None))
    if kinds:
        conditions.append(UnmetNeed.kind.in_(kinds))
    every = [*keys, *(name for name in scope.where if name not in keys)]
    columns = [_column(UnmetNeed, name, dialect).label(name) for name in every]
    query = select(*columns, func.count()).where(*conditions).group_by(*columns)
    counts = {tuple(map(_month_name, row[:-1])): int(row[-1]) for row in session.execute(query)}
    return _rows(counts, every, keys, scope, threshold)


def need_total(
    session: Session, scope: Scope, threshold: int, *, barriers_only: bool = False
) -> int | None:
    """The number of needs in scope, or None when it is below the threshold."""
    conditions = [UnmetNeed.synthetic.is_(scope.synthetic), *_period(UnmetNeed, scope)]
    if barriers_only:
        conditions.append(UnmetNeed.barrier.is_not(None))
    for name, value in scope.where.items():
        if name == "month":  # a period is given by since and until
            raise ReportError("need_total takes no month slice")
        conditions.append(_column(UnmetNeed, name, session.get_bind().dialect.name) == value)
    count = session.scalar(select(func.count()).select_from(UnmetNeed).where(*conditions)) or 0
    return count if count >= threshold else None


def feedback_share(session: Session, scope: Scope, threshold: int) -> float | None:
    """The share of 👍 among all ratings; None unless 👍 and 👎 both reach the threshold."""
    query = (
        select(FeedbackEntry.helpful, func.count())
        .where(FeedbackEntry.synthetic.is_(scope.synthetic), *_period(FeedbackEntry, scope))
        .group_by(FeedbackEntry.helpful)
    )
    counts = {bool(helpful): int(n) for helpful, n in session.execute(query)}
    up, down = counts.get(True, 0), counts.get(False, 0)
    return up / (up + down) if min(up, down) >= threshold else None


def feedback_counts(session: Session, scope: Scope, threshold: int) -> list[Row]:
    """👍 and 👎 per topic with the share of 👍; small counts suppressed like needs."""
    _check(["topic"], scope, FEEDBACK_DIMENSIONS)
    dialect = session.get_bind().dialect.name
    every = ["topic", *(name for name in scope.where if name != "topic")]
    columns = [_column(FeedbackEntry, name, dialect).label(name) for name in every]
    query = (
        select(*columns, FeedbackEntry.helpful, func.count())
        .where(FeedbackEntry.synthetic.is_(scope.synthetic), *_period(FeedbackEntry, scope))
        .group_by(*columns, FeedbackEntry.helpful)
    )
    counts: dict[Cell, int] = {
        tuple(map(_month_name, row[:-1])): int(row[-1]) for row in session.execute(query)
    }
    for cell in list(counts):  # an absent verdict is a cell of 0
        for verdict in (True, False):
            counts.setdefault((*cell[:-1], verdict), 0)
    rows = _rows(counts, [*every, "helpful"], ["topic", "helpful"], scope, threshold)
    table: dict[Any, Row] = {}
    for row in rows:
        line = table.setdefault(row["topic"], {"topic": row["topic"]})
        line["helpful" if row["helpful"] else "not_helpful"] = row["count"]
    for line in table.values():
        up, down = line.get("helpful"), line.get("not_helpful")
        line["helpful_rate"] = (
            round(up / (up + down), 3) if up is not None and down is not None else None
        )
        line["suppressed"] = up is None or down is None
    return sorted(table.values(), key=lambda line: repr(line["topic"]))


def _check(keys: Sequence[str], scope: Scope, allowed: Sequence[str]) -> None:
    unknown = [key for key in [*keys, *scope.where] if key not in allowed]
    if not keys or unknown or len(set(keys)) != len(keys):
        raise ReportError(f"group_by takes distinct names from: {', '.join(allowed)}")


def _period(model: type[UnmetNeed] | type[FeedbackEntry], scope: Scope) -> list[Any]:
    conditions = []
    if scope.since is not None:
        conditions.append(model.created_at >= scope.since)
    if scope.until is not None:
        conditions.append(model.created_at < scope.until)
    return conditions


def _column(
    model: type[UnmetNeed] | type[FeedbackEntry], name: str, dialect: str
) -> ColumnElement[Any]:
    if name == "month":
        if dialect == "postgresql":  # a timestamp per group, named YYYY-MM in _month_name
            return func.date_trunc("month", func.timezone("UTC", model.created_at))
        return func.strftime("%Y-%m", model.created_at)
    column: ColumnElement[Any] = getattr(model, name)
    return column


def _month_name(value: Any) -> Any:
    """A month from PostgreSQL (a timestamp) as SQLite gives it: YYYY-MM."""
    return f"{value:%Y-%m}" if isinstance(value, datetime) else value


def _rows(
    counts: dict[Cell, int],
    every: Sequence[str],
    keys: Sequence[str],
    scope: Scope,
    threshold: int,
) -> list[Row]:
    """Suppress the whole table, then keep the slice `scope.where` asks for."""
    hidden = suppress(counts, len(every), threshold)
    rows = []
    for cell, count in sorted(counts.items(), key=lambda item: repr(item[0])):
        values = dict(zip(every, cell, strict=True))
        if any(str(values[name]) != wanted for name, wanted in scope.where.items()):
            continue
        rows.append(
            {key: values[key] for key in keys}
            | {"count": None if cell in hidden else count, "suppressed": cell in hidden}
        )
    return rows
