"""Periods of whole months, as the reports require."""

import re
from datetime import UTC, date, datetime

MONTH = re.compile(r"^(20[0-9]{2})-(0[1-9]|1[0-2])$")


class MonthError(ValueError):
    """Not a month as YYYY-MM."""


def parse(value: str) -> date:
    match = MONTH.match(value.strip())
    if not match:
        raise MonthError(value)
    return date(int(match[1]), int(match[2]), 1)


def shift(month: date, months: int) -> date:
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def start(month: date) -> datetime:
    return datetime(month.year, month.month, 1, tzinfo=UTC)


def between(first: date, last: date) -> list[str]:
    """Every month from first to last inclusive, as YYYY-MM."""
    months = []
    month = first
    while month <= last:
        months.append(f"{month:%Y-%m}")
        month = shift(month, 1)
    return months


def this_month() -> date:
    return datetime.now(UTC).date().replace(day=1)
