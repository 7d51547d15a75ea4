from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from service_api.db.models import Erasure, UnmetNeed
from service_api.db.session import make_engine, migrate, session_factory
from service_api.services.retention import purge

NOW = datetime(2026, 11, 25, tzinfo=UTC)


def test_old_texts_go_and_counts_stay(database_url):
    engine = make_engine(database_url)
    migrate(engine)
    with session_factory(engine)() as session:
        for age, text in [(400, "alt"), (200, "älter als 180"), (10, "neu")]:
            session.add(
                UnmetNeed(
                    kind="fallback",
                    channel="web",
                    lang="de",
                    text=text,
                    text_de=text,
                    barrier="language",
                    sender="s",
                    created_at=NOW - timedelta(days=age),
                )
            )
        session.add(Erasure(sender="gone", erased_at=NOW - timedelta(days=300)))
        session.commit()

        assert purge(session, days=180, now=NOW) == 2
        assert purge(session, days=180, now=NOW) == 0  # nothing left to blank

        needs = session.scalars(select(UnmetNeed).order_by(UnmetNeed.created_at)).all()
        assert [(n.text, n.text_de, n.barrier) for n in needs] == [
            ("", None, "language"),
            ("", None, "language"),
            ("neu", "neu", "language"),
        ]
        assert session.scalars(select(Erasure)).all() == []
    engine.dispose()
