from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from service_api.db.models import Base
from service_api.db.session import make_engine, migrate


def test_migrations_build_exactly_the_models(database_url):
    engine = make_engine(database_url)
    migrate(engine)
    migrate(engine)  # idempotent

    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)

    assert diff == []
