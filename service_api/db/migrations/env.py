"""Alembic environment: runs on the connection handed over by db.session.migrate,
or on LOTSE's database URL when called from the alembic command line."""

from alembic import context
from sqlalchemy import Connection

from service_api.db.models import Base
from service_api.db.session import make_engine
from service_api.settings import get_settings


def run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    with make_engine(get_settings().database_url).begin() as own_connection:
        run(own_connection)
