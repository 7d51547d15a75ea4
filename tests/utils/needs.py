"""Stored needs and ratings for tests of the reports and screens, straight into the database."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from service_api.db.models import FeedbackEntry, UnmetNeed


def add_needs(session: Session, rows: Iterable[dict[str, Any]]) -> list[int]:
    """Each row: UnmetNeed fields (kind, barrier, district, created_at, …); sensible defaults."""
    needs = [
        UnmetNeed(
            **{"kind": "barrier_report", "channel": "web", "lang": "de", "text": "t", "sender": "s"}
            | row
        )
        for row in rows
    ]
    session.add_all(needs)
    session.commit()
    return [need.id for need in needs]


def add_ratings(
    session: Session, topic: str, up: int, down: int, at: datetime, **extra: Any
) -> None:
    session.add_all(
        FeedbackEntry(
            helpful=i < up, topic=topic, channel="web", sender="s", created_at=at, **extra
        )
        for i in range(up + down)
    )
    session.commit()
