"""Similar needs grouped across languages, with the real multilingual model."""

import time

import pytest

from service_api.app import create_app
from service_api.services.enrichment import embed_pending
from service_api.services.grouping import cluster, embed
from service_api.services.retention import purge
from tests.api.conftest import INGEST, auth
from tests.api.test_needs import reviewer

CHRISTMAS_TREES = {
    "de": "Wann holt die Stadt die alten Weihnachtsbäume ab?",
    "en": "When does the city collect old Christmas trees?",
    "ru": "Когда город забирает старые новогодние ёлки?",
    "tr": "Belediye eski yılbaşı ağaçlarını ne zaman topluyor?",
}
SNOW = {
    "de": "Muss ich im Winter den Gehweg vor dem Haus vom Schnee räumen?",
    "en": "Do I have to clear the snow from the pavement in front of my house?",
    "ru": "Должен ли я зимой убирать снег с тротуара перед домом?",
}
QUESTIONS = [*CHRISTMAS_TREES.items(), *SNOW.items()]


def test_the_same_question_in_other_languages_lands_in_one_group():
    groups = cluster(embed([text for _, text in QUESTIONS]))

    assert sorted(groups) == [[0, 1, 2, 3], [4, 5, 6]]


def test_nothing_to_group_is_no_group():
    assert cluster(embed([])) == []
    assert cluster(embed(["Wo ist das Rathaus?"])) == [[0]]


def ingest(client, questions=QUESTIONS):
    for number, (lang, text) in enumerate(questions):
        need = {"kind": "fallback", "channel": "web", "lang": lang, "text": text}
        response = client.post(
            "/api/v1/needs", json=need | {"sender": f"s{number}"}, headers=auth(INGEST)
        )
        assert response.status_code == 201


def groups(client, token, **filters):
    response = client.get("/api/v1/review/groups", params=filters, headers=auth(token))
    assert response.status_code == 200
    return response.json()


def test_reviewers_see_groups_once_the_needs_are_embedded(client):
    token = reviewer(client)
    ingest(client)

    before = groups(client, token)
    with client.app.state.runtime.sessions() as session:
        assert embed_pending(session) == len(QUESTIONS)
        assert embed_pending(session) == 0
    after = groups(client, token)

    assert (before["groups"], before["pending"], before["considered"]) == ([], 7, 7)
    assert [(g["size"], g["langs"]) for g in after["groups"]] == [
        (4, ["de", "en", "ru", "tr"]),
        (3, ["de", "en", "ru"]),
    ]
    assert {need["text"] for need in after["groups"][1]["needs"]} == set(SNOW.values())
    assert after["pending"] == 0


def test_groups_take_the_same_filters_as_the_list(client):
    token = reviewer(client)
    ingest(client)
    with client.app.state.runtime.sessions() as session:
        embed_pending(session)

    german = groups(client, token, lang="de")
    newest = groups(client, token, limit=3)

    assert [g["size"] for g in german["groups"]] == [1, 1]
    assert newest["considered"] == 3
    assert [g["size"] for g in newest["groups"]] == [3]  # the three snow questions came last


@pytest.mark.parametrize("limit", [0, 2001, "many"])
def test_a_bad_limit_is_refused(client, limit):
    response = client.get(
        "/api/v1/review/groups", params={"limit": limit}, headers=auth(reviewer(client))
    )
    assert response.status_code == 422


def test_retention_drops_the_embedding_with_the_text(client):
    ingest(client, QUESTIONS[:1])
    with client.app.state.runtime.sessions() as session:
        embed_pending(session)
        assert purge(session, days=0) == 1
        assert embed_pending(session) == 0  # a blanked need is never embedded again

    assert groups(client, reviewer(client))["pending"] == 1


def test_service_api_embeds_new_needs_in_the_background(settings):
    from fastapi.testclient import TestClient

    with TestClient(create_app(settings.model_copy(update={"enrich_interval_s": 0.05}))) as client:
        token = reviewer(client)
        ingest(client)
        deadline = time.monotonic() + 30
        while groups(client, token)["pending"] and time.monotonic() < deadline:
            time.sleep(0.1)

        assert groups(client, token)["pending"] == 0
