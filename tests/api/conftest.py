import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from service_api.app import create_app
from service_api.db.models import Base
from service_api.settings import Settings
from tests.utils.postgres import throwaway_database

ADMIN = "admin-secret"
INGEST = "ingest-secret"

RasaHandler = Callable[[httpx.Request], httpx.Response]


POSTGRES_URL = os.environ.get(
    "LOTSE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A database of its own on the PostgreSQL server, dropped at the end."""
    with ExitStack() as stack:
        name = f"lotse_test_{uuid.uuid4().hex[:12]}"
        try:
            url = stack.enter_context(throwaway_database(POSTGRES_URL, name))
        except OperationalError as error:
            pytest.fail(
                f"PostgreSQL is not reachable at {POSTGRES_URL} ({error.orig}); "
                "start it or set LOTSE_TEST_POSTGRES_URL"
            )
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'lotse.db'}"
        return
    url = request.getfixturevalue("postgres_url")
    yield url
    engine = create_engine(url)
    with engine.begin() as connection:
        tables = ", ".join(Base.metadata.tables)
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY"))
    engine.dispose()


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        data_dir=tmp_path,
        database_url=database_url,
        pseudonym_secret="pseudonym-secret",
        admin_token=ADMIN,
        ingest_token=INGEST,
        rasa_url="http://rasa.test",
        action_server_url="http://actions.test",
        enrich_interval_s=0,  # tests embed explicitly (tests/api/test_grouping.py)
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture
def fake_rasa(client: TestClient) -> Callable[[RasaHandler], list[httpx.Request]]:
    """Answer Rasa's REST channel with a handler; returns the requests Rasa received."""

    def install(handler: RasaHandler) -> list[httpx.Request]:
        seen: list[httpx.Request] = []

        def record(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return handler(request)

        runtime = client.app.state.runtime  # type: ignore[attr-defined]
        runtime.rasa = httpx.AsyncClient(
            base_url="http://rasa.test", transport=httpx.MockTransport(record)
        )
        return seen

    return install


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def nlg_body(
    response: str,
    lang: str | None = None,
    intent: str = "greet",
    confidence: float = 0.9,
    **arguments: Any,
) -> dict[str, Any]:
    return {
        "response": response,
        "arguments": arguments,
        "tracker": {
            "sender_id": "abc",
            "slots": {"language": lang},
            "latest_message": {"intent": {"name": intent, "confidence": confidence}},
        },
        "channel": {"name": "rest"},
    }
