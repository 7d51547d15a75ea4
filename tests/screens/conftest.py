import re
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from service_api.screens import period
from tests.api.conftest import (  # noqa: F401 (fixtures)
    ADMIN,
    auth,
    client,
    database_url,
    postgres_url,
    settings,
)

LAST_MONTH = period.shift(period.this_month(), -1)
IN_LAST_MONTH = datetime(LAST_MONTH.year, LAST_MONTH.month, 10, 12, tzinfo=UTC)


def issue(http: TestClient, role: str) -> str:
    response = http.post(
        "/api/v1/tokens", json={"role": role, "label": f"Test {role}"}, headers=auth(ADMIN)
    )
    return str(response.json()["token"])


def sign_in(http: TestClient, role: str) -> str:
    """Sign the test client in with a new token of the role; returns the session's CSRF token."""
    response = http.post("/signin", data={"token": issue(http, role)})
    assert response.status_code == 200, response.text
    return csrf_of(response.text)


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no form with a CSRF token on the page"
    return match[1]


@pytest.fixture
def db(client):  # noqa: F811 (the fixture imported above)
    with client.app.state.runtime.sessions() as session:
        yield session
