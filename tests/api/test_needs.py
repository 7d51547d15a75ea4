import pytest
from sqlalchemy import select

from service_api.db.models import ApiToken
from service_api.services.pseudonym import pseudonymise
from service_api.services.tokens import hash_token
from tests.api.conftest import ADMIN, INGEST, auth

NEED = {
    "kind": "fallback",
    "channel": "web",
    "lang": "de",
    "text": "wo krieg ich einen angelschein",
    "intent": "greet",
    "confidence": 0.41,
    "sender": "3f2a9c0d1e5b4a7c",
    "idempotency_key": "k-1",
}


def reviewer(client):
    response = client.post(
        "/api/v1/tokens", json={"role": "reviewer", "label": "ABH team"}, headers=auth(ADMIN)
    )
    return response.json()["token"]


def test_an_ingested_need_is_listed_for_reviewers(client):
    created = client.post("/api/v1/needs", json=NEED, headers=auth(INGEST))

    assert created.status_code == 201
    page = client.get("/api/v1/needs", headers=auth(reviewer(client))).json()
    assert page["total"] == 1
    [item] = page["items"]
    assert item["id"] == created.json()["id"]
    assert {k: item[k] for k in ("kind", "channel", "lang", "text", "intent", "confidence")} == {
        k: NEED[k] for k in ("kind", "channel", "lang", "text", "intent", "confidence")
    }
    assert item["status"] == "new"
    assert item["text_de"] is None and item["topic"] is None
    assert "sender" not in item


def test_a_repeated_idempotency_key_stores_nothing_twice(client):
    first = client.post("/api/v1/needs", json=NEED, headers=auth(INGEST))
    again = client.post("/api/v1/needs", json=NEED, headers=auth(INGEST))

    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert client.get("/api/v1/needs", headers=auth(ADMIN)).json()["total"] == 1


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        (auth("made-up"), 401),
        ({"Authorization": "Basic abc"}, 401),
    ],
)
def test_ingest_needs_a_valid_token(client, headers, status):
    assert client.post("/api/v1/needs", json=NEED, headers=headers).status_code == status


def test_roles_are_kept_apart(client):
    token = reviewer(client)

    assert client.post("/api/v1/needs", json=NEED, headers=auth(token)).status_code == 403
    assert client.get("/api/v1/needs", headers=auth(INGEST)).status_code == 403


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "complaint"}, "Input should be"),
        ({"topic": "astrology"}, "Unknown topic"),
        ({"barrier": "weather"}, "Unknown barrier category"),
        ({"confidence": 1.5}, "less than or equal to 1"),
        ({"text": "x" * 4001}, "at most 4000 characters"),
        ({"sender": ""}, "at least 1 character"),
    ],
)
def test_bad_needs_are_refused_clearly(client, change, message):
    response = client.post("/api/v1/needs", json=NEED | change, headers=auth(INGEST))

    assert response.status_code == 422
    assert message in response.text


def test_filters_and_pagination(client):
    for i, (kind, lang) in enumerate(
        [("fallback", "de"), ("out_of_scope", "en"), ("fallback", "en"), ("fallback", "en")]
    ):
        need = NEED | {"kind": kind, "lang": lang, "idempotency_key": f"k-{i}", "text": f"q{i}"}
        client.post("/api/v1/needs", json=need, headers=auth(INGEST))

    def listed(**params):
        return client.get("/api/v1/needs", params=params, headers=auth(ADMIN)).json()

    assert listed(kind="fallback", lang="en")["total"] == 2
    assert [item["text"] for item in listed()["items"]] == ["q3", "q2", "q1", "q0"]
    page = listed(limit=2, offset=2)
    assert [item["text"] for item in page["items"]] == ["q1", "q0"]
    assert page["total"] == 4
    assert listed(since="2999-01-01T00:00:00Z")["total"] == 0
    assert client.get("/api/v1/needs", params={"limit": 0}, headers=auth(ADMIN)).status_code == 422


def test_tokens_are_issued_by_admins_only_and_stored_hashed(client, settings):
    issued = client.post("/api/v1/tokens", json={"role": "analyst"}, headers=auth(ADMIN))

    assert issued.status_code == 201
    assert issued.json()["role"] == "analyst"
    token = issued.json()["token"]
    assert (
        client.post("/api/v1/tokens", json={"role": "admin"}, headers=auth(token)).status_code
        == 403
    )
    assert (
        client.post("/api/v1/tokens", json={"role": "boss"}, headers=auth(ADMIN)).status_code == 422
    )
    with client.app.state.runtime.engine.connect() as connection:
        stored = connection.execute(select(ApiToken.token_hash, ApiToken.label)).all()
    assert stored == [(hash_token(token), "")]


def test_ingest_redacts_what_a_client_forgot_to(client):
    need = NEED | {"text": "schreib mir an amira@example.org, Marktstraße 5 ist zu"}

    created = client.post("/api/v1/needs", json=need, headers=auth(INGEST)).json()

    assert created["text"] == "schreib mir an [EMAIL], Marktstraße 5 ist zu"


def test_a_batch_gives_each_need_the_status_its_own_post_would_have(client):
    client.post("/api/v1/needs", json=NEED, headers=auth(INGEST))
    client.delete("/api/v1/senders/gone", headers=auth(ADMIN))
    gone = pseudonymise("pseudonym-secret", "api", "gone")
    batch = [
        NEED,  # stored before: 200
        NEED | {"idempotency_key": "k-2", "text": "Ich heiße Amira Haddad"},  # 201, redacted
        NEED | {"idempotency_key": "k-2"},  # the same key twice in one batch: stored once
        NEED | {"idempotency_key": "k-3", "topic": "no_such_topic"},  # 422
        NEED | {"idempotency_key": "k-4", "sender": gone, "occurred_at": "2020-01-01T00:00:00Z"},
    ]

    response = client.post("/api/v1/needs/batch", json={"needs": batch}, headers=auth(INGEST))

    results = response.json()["results"]
    assert [r["status"] for r in results] == [200, 201, 200, 422, 204]
    assert results[1]["id"] == results[2]["id"] is not None
    assert "Unknown topic" in results[3]["detail"]
    stored = client.get("/api/v1/needs", headers=auth(reviewer(client))).json()
    assert stored["total"] == 2
    assert "Amira" not in str(stored)


def test_a_batch_sent_again_stores_nothing_twice(client):
    batch = {"needs": [NEED | {"idempotency_key": f"b-{i}"} for i in range(300)]}

    first = client.post("/api/v1/needs/batch", json=batch, headers=auth(INGEST)).json()
    again = client.post("/api/v1/needs/batch", json=batch, headers=auth(INGEST)).json()

    assert {r["status"] for r in first["results"]} == {201}
    assert {r["status"] for r in again["results"]} == {200}
    assert [r["id"] for r in again["results"]] == [r["id"] for r in first["results"]]


@pytest.mark.parametrize("size", [0, 501])
def test_a_batch_holds_one_to_five_hundred_needs(client, size):
    batch = {"needs": [NEED | {"idempotency_key": f"s-{i}"} for i in range(size)]}

    response = client.post("/api/v1/needs/batch", json=batch, headers=auth(INGEST))

    assert response.status_code == 422
