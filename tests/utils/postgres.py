"""Throwaway databases on a PostgreSQL server, for the tests and the benchmarks.

Works in both Python environments (SQLAlchemy 1.4 with Rasa, 2 with service_api).
"""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


@contextmanager
def throwaway_database(server_url: str, name: str) -> Iterator[str]:
    """Database `name`, created on the server; its URL. Dropped afterwards, sessions and all."""
    server = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()
