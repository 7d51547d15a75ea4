import pytest

from tests.api.conftest import nlg_body


@pytest.mark.parametrize(
    ("lang", "expected"), [("de", "Meldebescheinigung"), ("en", "registration certificate")]
)
def test_topic_answer_is_rendered_in_the_slot_language(client, lang, expected):
    body = nlg_body(
        "utter_topic", lang, intent="address_registration", topic="address_registration"
    )

    answer = client.post("/nlg", json=body).json()

    assert expected in answer["text"]
    assert "https://www.gesetze-im-internet.de/bmg/__17.html" in answer["text"]
    assert "2026-11-26" in answer["text"]
    payloads = [button["payload"] for button in answer["buttons"]]
    assert payloads[0] == '/ask_documents{"topic": "address_registration"}'
    assert payloads[-3:] == [
        '/feedback{"helpful": "yes"}',
        '/feedback{"helpful": "no"}',
        "/human_handoff",
    ]
    assert answer["custom"]["lotse"] == {
        "key": "utter_topic",
        "lang": lang,
        "topic": "address_registration",
        "intent": "address_registration",
        "confidence": 0.9,
        "unmet": False,
        "erase": False,
        "machine_translated": False,
    }


def test_facts_fill_every_placeholder(client):
    body = nlg_body("utter_topic_detail", "en", topic="residence_permit_extension", detail="fees")

    text = client.post("/nlg", json=body).json()["text"]

    assert "93 €" in text and "96 €" in text
    assert "{" not in text and "}" not in text


def test_a_follow_up_reports_the_topic_it_answered(client):
    body = nlg_body(
        "utter_topic_detail", "tr", intent="ask_fees", topic="naturalisation", detail="fees"
    )

    tag = client.post("/nlg", json=body).json()["custom"]["lotse"]

    assert (tag["key"], tag["topic"], tag["intent"]) == (
        "utter_topic_detail",
        "naturalisation",
        "naturalisation",
    )


def test_the_office_finder_uses_the_district_slot(client):
    body = nlg_body("utter_office_finder", "ru", intent="office_contact")
    body["tracker"]["slots"]["district"] = "12347"

    answer = client.post("/nlg", json=body).json()

    assert "Bürgeramt Nord" in answer["text"]
    assert answer["custom"]["lotse"]["topic"] == "office_contact"


def test_a_language_switch_renders_in_the_new_language(client):
    body = nlg_body("utter_language_changed", "de", intent="change_language", language="uk")

    assert client.post("/nlg", json=body).json()["custom"]["lotse"]["lang"] == "uk"


def test_suggestions_become_buttons_with_topic_titles(client):
    body = nlg_body(
        "utter_suggestions", "en", suggestions=["greet", "naturalisation", "housing", "x"]
    )

    buttons = client.post("/nlg", json=body).json()["buttons"]

    assert [b["payload"] for b in buttons][:2] == ["/naturalisation", "/housing"]
    assert buttons[0]["title"] == "Naturalisation"


@pytest.mark.parametrize(
    ("slot", "expected"),
    [(None, "de"), ("de-x-ls", "de-x-ls"), ("fa", "fa"), ("en", "en"), ("xx", "de")],
)
def test_missing_languages_fall_back(client, slot, expected):
    answer = client.post("/nlg", json=nlg_body("utter_greet", slot)).json()

    assert answer["custom"]["lotse"]["lang"] == expected


def test_unknown_keys_render_the_default_answer(client):
    answer = client.post("/nlg", json=nlg_body("utter_no_such_thing", "en")).json()

    assert answer["custom"]["lotse"]["key"] == "utter_default"
    assert answer["text"]


def test_unknown_topic_renders_the_default_answer(client):
    answer = client.post("/nlg", json=nlg_body("utter_topic", "en", topic="astrology")).json()

    assert answer["custom"]["lotse"]["key"] == "utter_default"
    assert answer["custom"]["lotse"]["topic"] is None


def test_fallback_is_not_reported_as_an_intent_and_unmet_is_passed_on(client):
    body = nlg_body("utter_fallback", "en", intent="nlu_fallback", confidence=0.6, unmet=True)

    tag = client.post("/nlg", json=body).json()["custom"]["lotse"]

    assert tag["intent"] is None
    assert tag["unmet"] is True


def test_office_hours_use_the_languages_day_names(client):
    def office(lang: str) -> str:
        body = nlg_body(
            "utter_topic_detail", lang, topic="immigration_appointment", detail="office"
        )
        return client.post("/nlg", json=body).json()["text"]

    assert "Mo, Di, Do 08:00–12:00" in office("de")
    assert "Mon, Tue, Thu 08:00–12:00" in office("en")


@pytest.mark.parametrize(
    "tracker",
    [
        {"slots": ["de"], "latest_message": "greet"},
        {"slots": {"language": 7}, "latest_message": {"intent": {"name": 3, "confidence": "x"}}},
        {},
    ],
)
def test_a_malformed_tracker_still_gets_an_answer(client, tracker):
    body = {
        "response": "utter_greet",
        "arguments": {"topic": ["x"], "unmet": "yes"},
        "tracker": tracker,
    }

    answer = client.post("/nlg", json=body)

    assert answer.status_code == 200
    tag = answer.json()["custom"]["lotse"]
    assert tag["lang"] == "de" and tag["intent"] is None and tag["unmet"] is False


def test_handoff_names_the_office_of_the_topic(client):
    body = nlg_body("utter_human_handoff_topic", "en", topic="address_registration")

    text = client.post("/nlg", json=body).json()["text"]

    assert "Bürgeramt Mitte" in text and "+49 1234 5678-200" in text


def test_a_long_conversation_still_gets_its_answers(client):
    """Rasa posts the whole tracker; after a few dozen turns it is far over the chat's limit."""
    body = nlg_body("utter_greet", lang="de")
    body["tracker"]["events"] = [{"event": "user", "text": "x" * 500, "metadata": {}}] * 400

    response = client.post("/nlg", json=body)

    assert len(response.request.content) > 200_000
    assert response.status_code == 200
    assert response.json()["text"]
