import json

import httpx

from service_api.services.pseudonym import pseudonymise
from tests.api.conftest import ADMIN, INGEST, auth


def need(sender, key, occurred_at=None):
    return {
        "kind": "out_of_scope",
        "channel": "web",
        "lang": "en",
        "text": "q",
        "sender": sender,
        "idempotency_key": key,
        "occurred_at": occurred_at,
    }


def test_erasure_removes_needs_and_conversations_on_every_channel(client, fake_rasa):
    web = pseudonymise("pseudonym-secret", "web", "person-1")
    telegram = pseudonymise("pseudonym-secret", "telegram", "person-1")
    other = pseudonymise("pseudonym-secret", "web", "person-2")
    for i, sender in enumerate([web, telegram, other]):
        client.post("/api/v1/needs", json=need(sender, f"k{i}"), headers=auth(INGEST))
    seen = fake_rasa(lambda request: httpx.Response(200, json={}))

    response = client.delete("/api/v1/senders/person-1", headers=auth(ADMIN))

    assert response.json() == {"sender": "person-1", "deleted_needs": 2}
    remaining = client.get("/api/v1/needs", headers=auth(ADMIN)).json()
    assert remaining["total"] == 1
    erased = {request.url.path for request in seen}
    assert f"/conversations/{web}/tracker/events" in erased
    assert f"/conversations/{telegram}/tracker/events" in erased
    assert all(request.method == "PUT" and json.loads(request.content) == [] for request in seen)


def test_late_deliveries_from_before_the_erasure_are_dropped(client, fake_rasa):
    fake_rasa(lambda request: httpx.Response(200, json={}))
    sender = pseudonymise("pseudonym-secret", "api", "person-3")
    client.delete("/api/v1/senders/person-3", headers=auth(ADMIN))

    late = client.post(
        "/api/v1/needs",
        json=need(sender, "late", "2020-01-01T00:00:00+00:00"),
        headers=auth(INGEST),
    )
    fresh = client.post(
        "/api/v1/needs", json=need(sender, "new", "2999-01-01T00:00:00+00:00"), headers=auth(INGEST)
    )

    assert late.status_code == 204
    assert fresh.status_code == 201
    assert client.get("/api/v1/needs", headers=auth(ADMIN)).json()["total"] == 1


def test_erasure_says_when_rasa_could_not_be_reached(client, fake_rasa):
    fake_rasa(lambda request: httpx.Response(500))

    response = client.delete("/api/v1/senders/person-4", headers=auth(ADMIN))

    assert response.status_code == 503
    assert "repeat the request" in response.json()["detail"]


def test_erasure_is_for_admins(client):
    assert client.delete("/api/v1/senders/x", headers=auth(INGEST)).status_code == 403
