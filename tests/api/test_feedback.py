import pytest

from tests.api.conftest import ADMIN, INGEST, auth


def feedback(**change):
    return {
        "helpful": True,
        "topic": "address_registration",
        "question": "wie melde ich mich an",
        "channel": "web",
        "lang": "de",
        "sender": "s1",
        "idempotency_key": "f1",
    } | change


def test_thumbs_up_is_counted_and_is_no_need(client):
    response = client.post("/api/v1/feedback", json=feedback(), headers=auth(INGEST))

    assert response.status_code == 201
    assert response.json()["need_id"] is None
    assert client.get("/api/v1/needs", headers=auth(ADMIN)).json()["total"] == 0


def test_thumbs_down_becomes_a_need_with_the_topic_and_the_redacted_question(client):
    body = feedback(helpful=False, question="ich heiße Lina Haddad, wie melde ich mich an")

    created = client.post("/api/v1/feedback", json=body, headers=auth(INGEST)).json()
    again = client.post("/api/v1/feedback", json=body, headers=auth(INGEST))

    assert again.status_code == 200 and again.json() == created
    [need] = client.get("/api/v1/needs", headers=auth(ADMIN)).json()["items"]
    assert need["id"] == created["need_id"]
    assert (need["kind"], need["topic"]) == ("negative_feedback", "address_registration")
    assert need["text"] == "ich heiße [NAME], wie melde ich mich an"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"helpful": "maybe"}, "valid boolean"),
        ({"topic": "astrology"}, "Unknown topic"),
        ({"sender": ""}, "at least 1 character"),
    ],
)
def test_bad_feedback_is_refused(client, change, message):
    response = client.post("/api/v1/feedback", json=feedback(**change), headers=auth(INGEST))

    assert response.status_code == 422
    assert message in response.text
