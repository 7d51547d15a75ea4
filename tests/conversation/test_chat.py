"""Through /api/v1/chat against the real Rasa server, action server and service_api."""

import uuid
from pathlib import Path

import httpx
import pytest

from service_api.services.pseudonym import pseudonymise
from tests.conversation.conftest import chat

ROOT = Path(__file__).resolve().parents[2]

# Written for these tests; test_questions_are_not_training_examples keeps them out of data/nlu.
QUESTIONS = {
    "residence_permit_extension": {
        "de": [
            "Wie verlängere ich meinen Aufenthaltstitel?",
            "mein aufenthalt endet im juni, wann muss ich die verlängerung beantragen",
        ],
        "en": [
            "How do I extend my residence permit?",
            "my residence permit ends in june, when should i apply to renew it",
        ],
    },
    "address_registration": {
        "de": [
            "Ich bin gerade umgezogen, wie melde ich meine neue Wohnung an?",
            "was brauche ich für die anmeldung beim bürgeramt",
        ],
        "en": [
            "I just moved into a new flat, how do I register my address?",
            "what do i need for the anmeldung at the buergeramt",
        ],
    },
    "integration_course": {
        "de": [
            "Muss ich einen Integrationskurs machen und was kostet der?",
            "wie finde ich einen integrationskurs in meiner nähe",
        ],
        "en": [
            "Do I have to take an integration course and how much does it cost?",
            "how can i find an integration course near me",
        ],
    },
    "immigration_appointment": {
        "de": [
            "Wie bekomme ich einen Termin bei der Ausländerbehörde?",
            "ich muss meinen termin bei der ausländerbehörde absagen",
        ],
        "en": [
            "How can I get an appointment at the immigration office?",
            "i need to cancel my appointment at the auslanderbehorde",
        ],
    },
    "office_contact": {
        "de": ["Wann hat die Ausländerbehörde geöffnet?", "welche telefonnummer hat das bürgeramt"],
        "en": [
            "What are the opening hours of the immigration office?",
            "what is the phone number of the buergeramt",
        ],
    },
}
CASES = [
    (topic, lang, text)
    for topic, langs in QUESTIONS.items()
    for lang, texts in langs.items()
    for text in texts
]
OUT_OF_SCOPE = [
    "Wer gewinnt heute das Fußballspiel?",
    "can you recommend a good pizza place",
    "wie wird das wetter morgen",
]
GIBBERISH = ["xqzv plorkt wubbel", "kjsdhf kjh sdkjfh", "ääää ööö üü"]


def sender() -> str:
    return f"test-{uuid.uuid4()}"


def test_questions_are_not_training_examples():
    training = "\n".join(p.read_text().lower() for p in (ROOT / "data" / "nlu").rglob("*.yml"))
    for _, _, text in CASES:
        assert f"- {text.lower()}\n" not in training


@pytest.mark.parametrize(("topic", "lang", "text"), CASES)
def test_topic_questions_get_the_topic_answer_in_their_language(api, topic, lang, text):
    body = chat(api, sender(), text)

    assert (body["topic"], body["intent"]) == (topic, topic)
    assert body["lang"] == lang
    assert body["unmet"] is False
    [reply] = body["replies"]
    marker = {"de": "Allgemeine Information, keine Rechtsberatung", "en": "General information"}
    assert marker[lang] in reply["text"]
    assert reply["buttons"]


@pytest.mark.parametrize("text", OUT_OF_SCOPE + GIBBERISH)
def test_unanswerable_messages_are_unmet_and_stored(api, stack, text):
    body = chat(api, sender(), text)

    assert body["unmet"] is True
    assert body["topic"] is None
    assert any(b["payload"] == "/human_handoff" for b in body["replies"][0]["buttons"])
    needs = api.get(
        "/api/v1/needs",
        params={"limit": 200},
        headers={"Authorization": f"Bearer {stack.admin_token}"},
    ).json()
    assert text in [need["text"] for need in needs["items"]]


def test_the_language_sticks_for_short_follow_ups(api):
    who = sender()
    assert chat(api, who, "How do I register my address after moving?")["lang"] == "en"

    follow_up = chat(api, who, "danke")

    assert follow_up["lang"] == "en"
    assert follow_up["intent"] == "thanks"


def test_an_explicit_language_is_kept_for_later_turns(api):
    who = sender()
    assert chat(api, who, "hallo", lang="en")["lang"] == "en"
    assert chat(api, who, "tschüss")["lang"] == "en"


def test_buttons_work_as_messages(api):
    body = chat(api, sender(), "/office_contact", lang="de")

    assert body["topic"] == "office_contact"
    assert "Ausländerbehörde Musterstadt" in body["replies"][0]["text"]


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"sender": "x", "text": ""}, 422),
        ({"sender": "x", "text": "y" * 5000}, 422),
        ({"sender": "x", "text": None}, 422),
        ({"sender": "x"}, 422),
    ],
)
def test_bad_input_is_refused_by_the_running_service(api, payload, status):
    response = api.post("/api/v1/chat", json=payload)

    assert response.status_code == status
    assert response.json()["detail"]


def test_health_reports_ready(api):
    assert api.get("/healthz").json() == {"status": "ok"}


def test_personal_data_stops_at_the_gateway(api, stack):
    who = sender()
    text = "my name is Amira Haddad, call me on 0151 2345678: where can I buy a cheap sim card"

    body = chat(api, who, text)

    pseudonym = pseudonymise(stack.env["LOTSE_PSEUDONYM_SECRET"], "api", who)
    tracker = httpx.get(
        f"{stack.rasa}/conversations/{pseudonym}/tracker",
        params={"token": stack.env["LOTSE_RASA_TOKEN"]},
    ).text
    assert "[NAME]" in tracker and "[PHONE]" in tracker
    for secret in ("Amira", "Haddad", "2345678", who):
        assert secret not in tracker
    assert body["unmet"] is True
    needs = api.get(
        "/api/v1/needs",
        params={"limit": 200},
        headers={"Authorization": f"Bearer {stack.admin_token}"},
    ).text
    assert "[PHONE]" in needs and "2345678" not in needs


def test_erasure_reaches_rasas_tracker(api, stack):
    who = sender()
    chat(api, who, "wo kann ich eine günstige sim karte kaufen", channel="web")
    admin = {"Authorization": f"Bearer {stack.admin_token}"}

    erased = api.delete(f"/api/v1/senders/{who}", headers=admin)

    assert erased.status_code == 200
    assert erased.json()["deleted_needs"] == 1
    pseudonym = pseudonymise(stack.env["LOTSE_PSEUDONYM_SECRET"], "web", who)
    tracker = httpx.get(
        f"{stack.rasa}/conversations/{pseudonym}/tracker",
        params={"token": stack.env["LOTSE_RASA_TOKEN"]},
    ).json()
    assert [e for e in tracker["events"] if e["event"] == "user"] == []


def test_thumbs_down_logs_the_question_with_its_topic(api, stack):
    who = sender()
    question = "was muss ich für die anmeldung beim bürgeramt mitbringen"
    answer = chat(api, who, question)
    thumbs_down = next(b for b in answer["replies"][0]["buttons"] if b["title"] == "👎")

    body = chat(api, who, thumbs_down["payload"])

    assert (body["intent"], body["unmet"]) == ("feedback", True)
    needs = api.get(
        "/api/v1/needs",
        params={"kind": "negative_feedback", "topic": "address_registration"},
        headers={"Authorization": f"Bearer {stack.admin_token}"},
    ).json()["items"]
    assert question in [need["text"] for need in needs]


def test_thumbs_up_is_thanked_and_not_unmet(api):
    who = sender()
    answer = chat(api, who, "How do I extend my residence permit?")
    thumbs_up = next(b for b in answer["replies"][0]["buttons"] if b["title"] == "👍")

    body = chat(api, who, thumbs_up["payload"])

    assert (body["intent"], body["unmet"], body["lang"]) == ("feedback", False, "en")
    assert "feedback" in body["replies"][0]["text"]


def test_asking_for_a_person_gives_the_topics_office_and_is_logged(api, stack):
    who = sender()
    chat(api, who, "Ich bin umgezogen, wie melde ich meine neue Adresse an?")

    body = chat(api, who, "ich möchte bitte mit einem menschen sprechen")

    assert (body["intent"], body["unmet"]) == ("human_handoff", True)
    assert "Bürgeramt" in body["replies"][0]["text"]
    needs = api.get(
        "/api/v1/needs",
        params={"kind": "handoff_request", "topic": "address_registration"},
        headers={"Authorization": f"Bearer {stack.admin_token}"},
    ).json()
    assert needs["total"] >= 1
