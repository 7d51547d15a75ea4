"""Every endpoint against every role: who may pass the door (not what happens inside)."""

import pytest

from tests.api.conftest import ADMIN, INGEST, auth

ROLES = ("ingest", "reviewer", "analyst", "admin")
# (method, path, roles admitted; None = public)
ENDPOINTS = [
    ("POST", "/api/v1/chat", None),
    ("GET", "/api/v1/languages", None),
    ("POST", "/nlg", None),
    ("GET", "/healthz", None),
    ("GET", "/", None),
    ("POST", "/api/v1/needs", {"ingest", "admin"}),
    ("POST", "/api/v1/needs/batch", {"ingest", "admin"}),
    ("POST", "/api/v1/feedback", {"ingest", "admin"}),
    ("GET", "/api/v1/needs", {"reviewer", "admin"}),
    ("GET", "/api/v1/needs/1", {"reviewer", "admin"}),
    ("POST", "/api/v1/needs/1/triage", {"reviewer", "admin"}),
    ("GET", "/api/v1/review/export", {"reviewer", "admin"}),
    ("GET", "/api/v1/review/groups", {"reviewer", "admin"}),
    ("POST", "/api/v1/tokens", {"admin"}),
    ("GET", "/api/v1/reports/barriers", {"analyst", "admin"}),
    ("GET", "/api/v1/reports/feedback", {"analyst", "admin"}),
    ("DELETE", "/api/v1/senders/someone", {"admin"}),
]


@pytest.fixture
def tokens(client):
    issued = {
        role: client.post("/api/v1/tokens", json={"role": role}, headers=auth(ADMIN)).json()[
            "token"
        ]
        for role in ("reviewer", "analyst")
    }
    return issued | {"ingest": INGEST, "admin": ADMIN}


def test_the_matrix_covers_every_route(client):
    schema = client.get("/openapi.json").json()["paths"]
    routes = {(method.upper(), path) for path, item in schema.items() for method in item}
    routes.add(("GET", "/"))  # the chat page, not part of the API schema
    covered = {
        (m, p.replace("someone", "{sender}").replace("/1", "/{need_id}")) for m, p, _ in ENDPOINTS
    }
    assert routes == covered


@pytest.mark.parametrize(("method", "path", "admitted"), ENDPOINTS)
def test_who_gets_in(client, tokens, method, path, admitted):
    params = {"group_by": "barrier"} if "reports" in path else None
    anonymous = client.request(method, path, params=params)
    if admitted is None:
        assert anonymous.status_code not in (401, 403)
        return
    assert anonymous.status_code == 401
    for role in ROLES:
        response = client.request(method, path, params=params, headers=auth(tokens[role]))
        if role in admitted:
            assert response.status_code not in (401, 403), role
        else:
            assert response.status_code == 403, role
