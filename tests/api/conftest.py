from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from service_api.app import create_app
from service_api.settings import Settings

ADMIN = "admin-secret"
INGEST = "ingest-secret"

RasaHandler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path,
        pseudonym_secret="pseudonym-secret",
        admin_token=ADMIN,
        ingest_token=INGEST,
        rasa_url="http://rasa.test",
        action_server_url="http://actions.test",
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
