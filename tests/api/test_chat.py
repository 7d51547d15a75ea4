import json

import httpx
import pytest

from service_api.services.pseudonym import pseudonymise
from service_api.services.rate_limit import RateLimiter
from tests.api.conftest import auth

QUESTION_DE = "Wie verlängere ich meinen Aufenthaltstitel bei der Ausländerbehörde?"


def tagged(text, **tag):
    base = {
        "key": "utter_topic",
        "lang": "de",
        "topic": None,
        "intent": None,
        "confidence": None,
        "unmet": False,
    }
    return [
        {
            "recipient_id": "x",
            "text": text,
            "buttons": [{"title": "Mensch", "payload": "/human_handoff"}],
        },
        {"recipient_id": "x", "custom": {"lotse": base | tag}},
    ]


def test_a_turn_is_assembled_from_texts_and_tags(client, fake_rasa):
    seen = fake_rasa(
        lambda request: httpx.Response(
            200,
            json=tagged(
                "Antwort",
                topic="residence_permit_extension",
                intent="residence_permit_extension",
                confidence=0.97,
            ),
        )
    )

    response = client.post("/api/v1/chat", json={"sender": "user-1", "text": QUESTION_DE})

    assert response.status_code == 200
    assert response.json() == {
        "sender": "user-1",
        "lang": "de",
        "detected_lang": "de",
        "intent": "residence_permit_extension",
        "confidence": 0.97,
        "topic": "residence_permit_extension",
        "unmet": False,
        "replies": [
            {
                "text": "Antwort",
                "machine_translated": False,
                "buttons": [{"title": "Mensch", "payload": "/human_handoff"}],
            }
        ],
    }
    sent = json.loads(seen[0].content)
    assert sent["message"] == QUESTION_DE
    assert sent["metadata"] == {"channel": "api", "lang": "de", "lang_source": "detected"}


def test_rasa_sees_a_pseudonym_never_the_sender(client, fake_rasa, settings):
    seen = fake_rasa(lambda request: httpx.Response(200, json=tagged("ok")))

    client.post(
        "/api/v1/chat", json={"sender": "telegram-4711", "text": "hallo", "channel": "telegram"}
    )

    sent = json.loads(seen[0].content)
    assert "4711" not in sent["sender"]
    assert sent["sender"] == pseudonymise("pseudonym-secret", "telegram", "telegram-4711")


def test_short_messages_leave_the_language_to_the_conversation(client, fake_rasa):
    seen = fake_rasa(lambda request: httpx.Response(200, json=tagged("ok", lang="en")))

    body = client.post("/api/v1/chat", json={"sender": "u", "text": "Termin?"}).json()

    assert "lang" not in json.loads(seen[0].content)["metadata"]
    assert body["detected_lang"] is None
    assert body["lang"] == "en"  # what the NLG endpoint rendered, i.e. the slot


def test_a_short_message_offers_its_likely_language_as_a_guess(client, fake_rasa):
    seen = fake_rasa(lambda request: httpx.Response(200, json=tagged("ok", lang="tr")))

    body = client.post("/api/v1/chat", json={"sender": "u", "text": "merhaba"}).json()

    sent = json.loads(seen[0].content)["metadata"]
    assert (sent["lang"], sent["lang_source"]) == ("tr", "guess")  # Rasa: only for a new chat
    assert body["detected_lang"] is None  # not sure enough to count as detected


def test_an_explicit_language_wins_over_detection(client, fake_rasa):
    seen = fake_rasa(lambda request: httpx.Response(200, json=tagged("ok", lang="en")))

    client.post("/api/v1/chat", json={"sender": "u", "text": QUESTION_DE, "lang": "en"})

    assert json.loads(seen[0].content)["metadata"]["lang"] == "en"


def test_unmet_is_reported_when_a_tag_says_so(client, fake_rasa):
    fake_rasa(lambda request: httpx.Response(200, json=tagged("sorry", unmet=True)))

    body = client.post("/api/v1/chat", json={"sender": "u", "text": "qwrtz"}).json()

    assert body["unmet"] is True
    assert body["topic"] is None


QUESTION_FR = "Bonjour, comment est-ce que je peux m'inscrire à un cours d'intégration ici ?"


def test_a_language_lotse_cannot_write_is_answered_in_a_stand_in_and_logged_once(
    client, fake_rasa, settings
):
    seen = fake_rasa(
        lambda request: httpx.Response(
            200, json=tagged("Answer", lang="en", topic="integration_course", confidence=0.8)
        )
    )
    headers = auth(settings.admin_token.get_secret_value())

    first = client.post("/api/v1/chat", json={"sender": "u", "text": QUESTION_FR}).json()
    again = client.post("/api/v1/chat", json={"sender": "u", "text": QUESTION_FR}).json()

    sent = json.loads(seen[0].content)["metadata"]
    assert (sent["lang"], sent["lang_source"]) == ("en", "fallback")
    assert (first["lang"], first["detected_lang"], first["unmet"]) == ("en", "fr", True)
    note, answer = first["replies"]
    assert note["text"].startswith("Sorry, I cannot write in your language yet")
    assert "Deutsch" in [button["title"] for button in note["buttons"]]
    assert answer["text"] == "Answer"
    assert (again["unmet"], [r["text"] for r in again["replies"]]) == (False, ["Answer"])
    needs = client.get("/api/v1/needs?kind=unsupported_language", headers=headers).json()
    [need] = needs["items"]
    assert (need["lang"], need["barrier"], need["topic"]) == (
        "fr",
        "language",
        "integration_course",
    )
    assert need["text"] == QUESTION_FR


@pytest.mark.parametrize(
    "failure",
    [
        lambda request: httpx.Response(500, text="boom"),
        lambda request: httpx.Response(200, text="not json"),
        lambda request: httpx.Response(200, json={"not": "a list"}),
    ],
)
def test_a_broken_rasa_is_a_503(client, fake_rasa, failure):
    fake_rasa(failure)

    response = client.post("/api/v1/chat", json={"sender": "u", "text": "hallo"})

    assert response.status_code == 503
    assert "try again" in response.json()["detail"]


def test_an_unreachable_rasa_is_a_503(client, fake_rasa):
    def refuse(request):
        raise httpx.ConnectError("connection refused")

    fake_rasa(refuse)

    assert client.post("/api/v1/chat", json={"sender": "u", "text": "hallo"}).status_code == 503


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"sender": "u", "text": ""}, "text must not be empty"),
        ({"sender": "u", "text": "   \n "}, "text must not be empty"),
        ({"sender": "u", "text": "a" * 2001}, "at most 2000 characters"),
        ({"sender": "u", "text": "hi\x07there"}, "control characters"),
        ({"sender": "", "text": "hallo"}, "at least 1 character"),
        ({"sender": "u", "text": 42}, "valid string"),
        ({"sender": ["u"], "text": "hallo"}, "valid string"),
        ({"text": "hallo"}, "Field required"),
        ({"sender": "u", "text": "hallo", "lang": "<script>"}, "pattern"),
        ({"sender": "u", "text": "hallo", "admin": True}, "Extra inputs are not permitted"),
        ({"sender": "u", "text": "hallo", "channel": "sms"}, "'api', 'web' or 'telegram'"),
    ],
)
def test_bad_input_gets_a_clear_422_and_never_reaches_rasa(client, fake_rasa, body, message):
    seen = fake_rasa(lambda request: httpx.Response(200, json=[]))

    response = client.post("/api/v1/chat", json=body)

    assert response.status_code == 422
    assert message in json.dumps(response.json())
    assert seen == []


def test_an_unavailable_language_is_refused(client, fake_rasa):
    seen = fake_rasa(lambda request: httpx.Response(200, json=[]))

    response = client.post("/api/v1/chat", json={"sender": "u", "text": "hallo", "lang": "xx"})

    assert response.status_code == 422
    assert "ar, de, de-x-ls, en, fa, ru, tr, uk" in response.json()["detail"]
    assert seen == []


@pytest.mark.parametrize(
    ("content", "status"),
    [
        (b'{"sender": "u", "text": "\xff\xfe"}', 400),
        (b'{"sender": "u", "text": ', 422),
        (b"[1, 2, 3]", 422),
        (b"", 422),
    ],
)
def test_malformed_bodies_are_refused(client, fake_rasa, content, status):
    seen = fake_rasa(lambda request: httpx.Response(200, json=[]))

    response = client.post(
        "/api/v1/chat", content=content, headers={"content-type": "application/json"}
    )

    assert response.status_code == status
    assert response.json()["detail"]
    assert seen == []


def test_huge_bodies_are_refused_before_parsing(client, fake_rasa):
    seen = fake_rasa(lambda request: httpx.Response(200, json=[]))

    response = client.post("/api/v1/chat", json={"sender": "u", "text": "x" * 100_000})

    assert response.status_code == 413
    assert "too large" in response.json()["detail"]
    assert seen == []


def test_huge_chunked_bodies_are_refused_too(client, fake_rasa):
    seen = fake_rasa(lambda request: httpx.Response(200, json=[]))

    def chunks():
        yield b'{"sender": "u", "text": "'
        for _ in range(100):
            yield b"x" * 1000
        yield b'"}'

    response = client.post(
        "/api/v1/chat", content=chunks(), headers={"content-type": "application/json"}
    )

    assert response.status_code == 413
    assert seen == []


def test_personal_data_never_reaches_rasa(client, fake_rasa):
    seen = fake_rasa(lambda request: httpx.Response(200, json=tagged("ok")))

    client.post(
        "/api/v1/chat",
        json={"sender": "u", "text": "mein Name ist Amira Haddad, Tel. 0151 2345678, Gebühr 93 €"},
    )

    sent = json.loads(seen[0].content)["message"]
    assert sent == "mein Name ist [NAME], Tel. [PHONE], Gebühr 93 €"


def test_a_sender_sending_too_fast_is_slowed_down(client, fake_rasa):
    fake_rasa(lambda request: httpx.Response(200, json=tagged("ok")))
    client.app.state.runtime.limiter.per_minute = 3

    statuses = [
        client.post("/api/v1/chat", json={"sender": "fast", "text": "hallo"}).status_code
        for _ in range(4)
    ]
    other = client.post("/api/v1/chat", json={"sender": "calm", "text": "hallo"})

    assert statuses == [200, 200, 200, 429]
    assert other.status_code == 200


def test_the_limit_opens_again_after_a_minute():
    limiter = RateLimiter(per_minute=1)

    assert limiter.retry_after("s", now=0.0) == 0
    assert limiter.retry_after("s", now=10.0) == 50.0
    assert limiter.retry_after("s", now=60.0) == 0


@pytest.mark.parametrize(
    ("path", "content"),
    [
        ("/api/v1/chat", b'{"sender": "u", "text": "hi\\u0000there"}'),
        ("/api/v1/chat?x=%00", b'{"sender": "u", "text": "hi"}'),
    ],
)
def test_nul_characters_are_refused_everywhere(client, fake_rasa, path, content):
    seen = fake_rasa(lambda request: httpx.Response(200, json=[]))

    response = client.post(path, content=content, headers={"content-type": "application/json"})

    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]
    assert seen == []


def test_the_languages_for_the_pickers_come_with_names_direction_and_texts(client):
    body = client.get("/api/v1/languages").json()

    assert body["default"] == "de"
    codes = [language["code"] for language in body["languages"]]
    assert codes == ["de", "de-x-ls", "en", "ar", "fa", "tr", "uk", "ru"]
    by_code = {language["code"]: language for language in body["languages"]}
    assert (by_code["ar"]["name"], by_code["ar"]["dir"]) == ("العربية", "rtl")
    assert by_code["de-x-ls"]["texts"] == by_code["de"]["texts"]
    assert set(by_code["uk"]["texts"]) == set(by_code["de"]["texts"])
    assert not any(language["machine_translated"] for language in body["languages"])


def test_a_city_site_may_call_the_chat_from_its_own_origin(client):
    preflight = client.options(
        "/api/v1/chat",
        headers={
            "Origin": "https://www.musterstadt.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )

    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in preflight.headers
