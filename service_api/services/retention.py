"""Retention: after LOTSE_RETENTION_DAYS the words of a need go, its counts stay.

Run by service_api every hour, or once from cron: `python -m service_api.services.retention`.
"""

from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, delete, update
from sqlalchemy.orm import Session

from service_api.db.models import Erasure, UnmetNeed

PURGED = ""


def purge(session: Session, days: int, now: datetime | None = None) -> int:
    """Blank the texts of needs older than `days`; returns how many were blanked."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=days)
    result = cast(
        CursorResult[Any],
        session.execute(
            update(UnmetNeed)
            .where(UnmetNeed.created_at < cutoff)
            .where((UnmetNeed.text != PURGED) | UnmetNeed.text_de.is_not(None))
            .values(text=PURGED, text_de=None, embedding=None)
        ),
    )
    session.execute(delete(Erasure).where(Erasure.erased_at < cutoff))
    session.commit()
    return result.rowcount or 0


def main() -> None:
    from service_api.db.session import make_engine, migrate, session_factory
    from service_api.settings import get_settings

    settings = get_settings()
    engine = make_engine(settings.database_url)
    migrate(engine)
    with session_factory(engine)() as session:
        count = purge(session, settings.retention_days)
    print(f"blanked the text of {count} needs older than {settings.retention_days} days")


if __name__ == "__main__":
    main()
