import pytest
import yaml
from sqlalchemy import select

from service_api.db.models import AuditEvent
from tests.api.conftest import ADMIN, INGEST, auth


@pytest.fixture
def reviewer(client):
    return auth(
        client.post(
            "/api/v1/tokens", json={"role": "reviewer", "label": "ABH Team 2"}, headers=auth(ADMIN)
        ).json()["token"]
    )


def ingest(client, text, lang="de", key=None):
    need = {
        "kind": "fallback",
        "channel": "web",
        "lang": lang,
        "text": text,
        "sender": "s1",
        "idempotency_key": key or text,
    }
    return client.post("/api/v1/needs", json=need, headers=auth(INGEST)).json()["id"]


def triage(client, headers, need_id, **body):
    return client.post(f"/api/v1/needs/{need_id}/triage", json=body, headers=headers)


def test_triage_records_the_history_and_who(client, reviewer):
    need = ingest(client, "wie lange gilt meine fiktionsbescheinigung")

    triage(client, reviewer, need, action="needs_answer")
    detail = triage(
        client, reviewer, need, action="training_example", topic="residence_permit_extension"
    ).json()

    assert detail["status"] == "training_example"
    assert detail["topic"] == "residence_permit_extension"
    assert [(h["from_status"], h["to_status"]) for h in detail["history"]] == [
        ("new", "needs_answer"),
        ("needs_answer", "training_example"),
    ]
    assert detail["history"][0]["actor"].endswith("ABH Team 2")
    assert client.get(f"/api/v1/needs/{need}", headers=reviewer).json() == detail


def test_duplicates_point_at_an_existing_need(client, reviewer):
    first, second = ingest(client, "frage eins"), ingest(client, "frage eins nochmal")

    assert (
        triage(client, reviewer, second, action="duplicate", duplicate_of=first).json()["status"]
        == "duplicate"
    )
    assert triage(client, reviewer, second, action="duplicate", duplicate_of=999).status_code == 404
    assert (
        triage(client, reviewer, second, action="duplicate", duplicate_of=second).status_code == 422
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"action": "training_example"}, "needs the topic"),
        ({"action": "training_example", "topic": "astrology"}, "Unknown topic"),
        ({"action": "duplicate"}, "needs duplicate_of"),
        ({"action": "delete"}, "Input should be"),
    ],
)
def test_bad_triage_is_refused(client, reviewer, body, message):
    need = ingest(client, "irgendwas")

    response = client.post(f"/api/v1/needs/{need}/triage", json=body, headers=reviewer)

    assert response.status_code == 422
    assert message in response.text


def test_unknown_needs_are_404(client, reviewer):
    assert client.get("/api/v1/needs/424242", headers=reviewer).status_code == 404


def test_export_is_rasa_training_data_of_one_language(client, reviewer):
    for text, lang, topic in [
        ("wann muss ich verlängern", "de", "residence_permit_extension"),
        ("wo melde ich mich an", "de", "address_registration"),
        ("how do i renew", "en", "residence_permit_extension"),
    ]:
        triage(client, reviewer, ingest(client, text, lang), action="training_example", topic=topic)
    ingest(client, "nicht triagiert")

    response = client.get("/api/v1/review/export", params={"lang": "de"}, headers=reviewer)

    assert response.headers["content-type"].startswith("application/yaml")
    assert yaml.safe_load(response.text) == {
        "version": "3.1",
        "nlu": [
            {"intent": "address_registration", "examples": "- wo melde ich mich an\n"},
            {"intent": "residence_permit_extension", "examples": "- wann muss ich verlängern\n"},
        ],
    }


def test_reviewer_and_admin_actions_are_audited(client, reviewer):
    need = ingest(client, "audit me")
    triage(client, reviewer, need, action="out_of_scope")
    client.get("/api/v1/review/export", params={"lang": "de"}, headers=reviewer)

    with client.app.state.runtime.sessions() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]

    assert actions == ["issue_token", "triage:out_of_scope", "export"]
