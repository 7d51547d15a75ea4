"""Through /api/v1/chat against the real Rasa server, action server and service_api."""

import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from service_api.services.pseudonym import pseudonymise
from tests.conversation.conftest import chat

ROOT = Path(__file__).resolve().parents[2]

# Written for these tests; test_questions_are_not_training_examples keeps them out of data/nlu.
QUESTIONS = {
    "residence_permit_extension": {
        "de": ["mein aufenthalt endet im juni, wann muss ich die verlängerung beantragen"],
        "en": ["my residence permit ends in june, when should i apply to renew it"],
        "tr": ["oturumum haziranda bitiyor uzatmak icin ne zaman basvurmam lazim"],
    },
    "address_registration": {
        "de": ["Ich bin gerade umgezogen, wie melde ich meine neue Wohnung an?"],
        "en": ["I just moved into a new flat, how do I register my address?"],
        "uk": ["ми щойно переїхали в нову квартиру, як зареєструвати нову адресу"],
    },
    "naturalisation": {
        "ar": ["انا بألمانيا من خمس سنين وبدي اقدم على الجنسية الالمانية شو الشروط"],
        "ru": ["живу в германии уже шесть лет, как получить немецкое гражданство"],
    },
    "family_reunification": {
        "fa": ["همسرم و دو تا بچه هام هنوز در ایران هستند چطور میتونم اونها رو بیارم آلمان"],
        "en": ["my wife and kids are still back home, how can they join me here in germany"],
    },
    "childcare": {
        "de": ["mein sohn ist zwei jahre alt, wie bekomme ich einen platz im kindergarten"],
        "tr": ["iki yasinda oglum var kreş yeri nasil bulurum"],
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
    "my mobile phone contract is too expensive, how do i cancel it",
]
GIBBERISH = ["asdf", "kjsdhf kjh sdkjfh"]
FOOTER = {
    lang: yaml.safe_load((ROOT / f"data/catalogue/{lang}/responses.yml").read_text())[
        "topic_footer"
    ].split(".")[0]
    for lang in ("de", "en", "ar", "fa", "tr", "uk", "ru")
}


def needs(api: httpx.Client, stack: Any, **params: Any) -> list[dict[str, Any]]:
    headers = {"Authorization": f"Bearer {stack.admin_token}"}
    found = api.get("/api/v1/needs", params={"limit": 200, **params}, headers=headers)
    return found.json()["items"]


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
    assert FOOTER[lang] in reply["text"]
    assert f'/ask_documents{{"topic": "{topic}"}}' in [b["payload"] for b in reply["buttons"]]


@pytest.mark.parametrize("text", OUT_OF_SCOPE + GIBBERISH)
def test_unanswerable_messages_are_unmet_and_stored(api, stack, text):
    body = chat(api, sender(), text)

    assert body["unmet"] is True
    assert body["topic"] is None
    assert any(b["payload"] == "/human_handoff" for b in body["replies"][-1]["buttons"])
    assert text in [need["text"] for need in needs(api, stack)]


def test_not_understood_twice_suggests_first_then_says_so_honestly(api):
    who = sender()
    first = chat(api, who, "qwertz uiop")
    second = chat(api, who, "kjsdhf kjh sdkjfh")

    assert "Meinen Sie" in first["replies"][0]["text"] or "mean" in first["replies"][0]["text"]
    assert first["replies"][0]["text"] != second["replies"][0]["text"]
    assert second["unmet"] is True


def test_the_language_sticks_for_short_follow_ups(api):
    who = sender()
    assert chat(api, who, "How do I register my address after moving?")["lang"] == "en"

    follow_up = chat(api, who, "danke")

    assert follow_up["lang"] == "en"
    assert follow_up["intent"] == "thanks"


def test_a_short_first_message_starts_in_its_language_but_never_switches_one(api):
    assert chat(api, sender(), "привіт")["lang"] == "uk"
    who = sender()
    assert chat(api, who, "How do I register my address after moving?")["lang"] == "en"
    assert chat(api, who, "merhaba")["lang"] == "en"


def test_an_explicit_language_is_kept_for_later_turns(api):
    who = sender()
    assert chat(api, who, "hallo", lang="en")["lang"] == "en"
    assert chat(api, who, "tschüss")["lang"] == "en"


def test_buttons_work_as_messages(api):
    body = chat(api, sender(), "/office_contact", lang="de")

    assert body["topic"] == "office_contact"
    payloads = [b["payload"] for b in body["replies"][0]["buttons"]]
    assert '/office_contact{"district": "Nordstadt"}' in payloads


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("welches bürgeramt ist für die Nordstadt zuständig?", "Bürgeramt Nord"),
        ("I live in 12345, which citizens office do I go to?", "Bürgeramt Mitte"),
        ('/office_contact{"district": "Weststadt"}', "Bürgeramt Nord"),
    ],
)
def test_the_office_finder_names_the_office_for_a_district_or_postcode(api, text, office):
    body = chat(api, sender(), text)

    assert body["topic"] == "office_contact"
    assert office in body["replies"][0]["text"]


@pytest.mark.parametrize(
    ("lang", "first", "follow_up", "figure"),
    [
        ("en", "how can I become a german citizen", "and how much does that cost?", "255 €"),
        ("tr", "alman vatandasligi almak istiyorum nasil olur", "peki ücreti ne kadar?", "255 €"),
        ("de", "wie lasse ich mich einbürgern", "und welche unterlagen brauche ich dafür?", ""),
    ],
)
def test_a_follow_up_is_answered_for_the_topic_just_discussed(api, lang, first, follow_up, figure):
    who = sender()
    assert chat(api, who, first)["topic"] == "naturalisation"

    body = chat(api, who, follow_up)

    assert (body["topic"], body["intent"], body["lang"]) == (
        "naturalisation",
        "naturalisation",
        lang,
    )
    assert figure in body["replies"][0]["text"]


def test_a_detail_button_answers_its_own_topic(api):
    body = chat(api, sender(), '/ask_fees{"topic": "driving_licence"}', lang="en")

    assert body["topic"] == "driving_licence"
    assert "Costs" in body["replies"][0]["text"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "my husband hits me and i am scared to go home tonight"),
        ("ar", "زوجي يضربني وانا خايفة ارجع عالبيت الليلة"),
    ],
)
def test_an_emergency_gets_the_emergency_numbers(api, lang, text):
    body = chat(api, sender(), text)

    assert body["topic"] == "emergency"
    assert "110" in body["replies"][0]["text"] and "112" in body["replies"][0]["text"]


def test_a_barrier_report_is_counted_with_its_category(api, stack):
    text = "seit drei monaten bekomme ich keinen einzigen termin bei der ausländerbehörde"
    body = chat(api, sender(), text)

    assert (body["intent"], body["unmet"]) == ("report_barrier", True)
    [need] = [n for n in needs(api, stack, kind="barrier_report") if n["text"] == text]
    assert need["barrier"] == "appointment"


def test_a_barrier_report_without_category_asks_for_it(api, stack):
    who = sender()
    text = "ich bin total frustriert, beim amt klappt einfach gar nichts, das ist eine zumutung"
    asked = chat(api, who, text)
    assert (asked["intent"], asked["unmet"]) == ("report_barrier", False)  # asks first
    button = next(b for b in asked["replies"][0]["buttons"] if "cost" in b["payload"])

    body = chat(api, who, button["payload"])

    assert body["unmet"] is True
    [need] = [n for n in needs(api, stack, kind="barrier_report") if n["text"] == text]
    assert need["barrier"] == "cost"


def test_asking_for_a_language_switches_the_answers(api):
    who = sender()
    switched = chat(api, who, "please answer in arabic")

    assert (switched["intent"], switched["lang"]) == ("change_language", "ar")
    later = chat(api, who, "How do I register my address after moving to a new flat?")
    assert later["lang"] == "ar"
    assert FOOTER["ar"] in later["replies"][0]["text"]


def test_a_language_lotse_cannot_write_gets_english_the_picker_and_a_logged_barrier(api, stack):
    who = sender()
    text = "Bonjour, je viens de déménager, comment je fais l'Anmeldung de ma nouvelle adresse ?"

    first = chat(api, who, text)
    again = chat(api, who, "Et combien ça coûte, la déclaration de domicile à la mairie ?")

    assert (first["detected_lang"], first["lang"], first["unmet"]) == ("fr", "en", True)
    note = first["replies"][0]
    assert "Deutsch" in [button["title"] for button in note["buttons"]]
    assert first["topic"] == "address_registration"
    assert FOOTER["en"] in first["replies"][1]["text"]
    assert again["lang"] == "en"
    assert "cannot write in your language" not in again["replies"][0]["text"]
    [need] = [n for n in needs(api, stack, kind="unsupported_language") if n["text"] == text]
    assert (need["lang"], need["barrier"], need["topic"]) == (
        "fr",
        "language",
        "address_registration",
    )


def test_a_language_with_translation_packages_is_served_through_them(api, stack):
    who = sender()
    text = "Il gatto piccolo vede un cane rosso."  # the tiny test packages know this Italian

    body = chat(api, who, text)
    short = chat(api, who, "ciao")

    assert (body["lang"], body["detected_lang"]) == ("it", "it")
    assert body["replies"] and all(reply["machine_translated"] for reply in body["replies"])
    assert body["unmet"] is True  # a cat and a dog are no city service
    [need] = [n for n in needs(api, stack) if n["text"] == text]
    assert (need["lang"], need["kind"]) == ("it", "out_of_scope")
    assert short["lang"] == "it"  # the conversation stays Italian
    deadline = time.monotonic() + 60  # service_api renders it in German in the background
    while need["text_de"] is None and time.monotonic() < deadline:
        time.sleep(1)
        [need] = [n for n in needs(api, stack) if n["text"] == text]
    assert need["text_de"] == "Der kleine Kater sieht einen roten Hund."


def test_a_message_in_another_language_keeps_the_conversations_language(api):
    who = sender()
    assert chat(api, who, "Merhaba, ikamet izni uzatmak için ne yapmam lazım?")["lang"] == "tr"

    body = chat(api, who, "Je voudrais prolonger mon titre de séjour, que faut-il faire ?")

    assert body["lang"] == "tr"


def test_delete_my_data_erases_the_conversation(api, stack):
    who = sender()
    question = "my phone contract is too expensive, how do i cancel it"
    chat(api, who, question)
    info = chat(api, who, "what do you store about me?")
    assert info["intent"] == "privacy_info"
    erase = next(b for b in info["replies"][0]["buttons"] if "erase" in b["payload"])

    body = chat(api, who, erase["payload"])

    assert body["intent"] == "privacy_info"
    assert question not in [need["text"] for need in needs(api, stack)]
    pseudonym = pseudonymise(stack.env["LOTSE_PSEUDONYM_SECRET"], "api", who)
    tracker = httpx.get(
        f"{stack.rasa}/conversations/{pseudonym}/tracker",
        params={"token": stack.env["LOTSE_RASA_TOKEN"]},
    ).json()
    assert [e for e in tracker["events"] if e["event"] == "user"] == []


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


def test_typed_feedback_is_understood(api):
    who = sender()
    chat(api, who, "How do I extend my residence permit?")

    body = chat(api, who, "did not help me at all")

    assert body["intent"] == "feedback"
    payloads = [b["payload"] for b in body["replies"][0]["buttons"]]
    assert payloads == ['/feedback{"helpful": "yes"}', '/feedback{"helpful": "no"}']


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
