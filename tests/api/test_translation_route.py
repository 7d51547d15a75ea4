"""The machine-translation route at the gateway and the NLG, with the tiny it<->en packages."""

import json
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from service_api.app import create_app
from tests.api.conftest import nlg_body
from tests.api.test_chat import tagged

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = sorted((ROOT / "var" / "tiny-argos").glob("*.argosmodel"))
ITALIAN = "Il gatto piccolo vede un cane rosso."


@pytest.fixture
def client(settings):
    """service_api with the tiny packages installed in its data dir (make tiny-packages)."""
    if not PACKAGES:
        pytest.fail("no tiny translation packages: run `make tiny-packages`")
    command = [sys.executable, "-m", "service_api.translation_packages", "install"]
    env = {"LOTSE_DATA_DIR": str(settings.data_dir), "PATH": "/usr/bin:/bin"}
    subprocess.run([*command, *map(str, PACKAGES)], cwd=ROOT, env=env, check=True)
    with TestClient(create_app(settings)) as client:
        yield client


def test_a_translated_language_is_understood_in_english(client, fake_rasa):
    seen = fake_rasa(lambda request: httpx.Response(200, json=tagged("ok", lang="it")))

    body = client.post("/api/v1/chat", json={"sender": "u", "text": ITALIAN}).json()

    sent = json.loads(seen[0].content)
    assert sent["message"] == "The small cat sees a red dog."
    assert sent["metadata"] == {
        "channel": "api", "lang": "it", "lang_source": "detected", "original": ITALIAN,
    }  # fmt: skip
    assert (body["lang"], body["detected_lang"], body["unmet"]) == ("it", "it", False)


def test_replies_are_translated_out_and_labelled(client):
    runtime = client.app.state.runtime
    english = client.post("/nlg", json=nlg_body("utter_greet", "en")).json()

    answer = client.post("/nlg", json=nlg_body("utter_greet", "it")).json()

    assert answer["text"] == runtime.translator.translate(english["text"], "en", "it")
    assert answer["text"] != english["text"]
    assert [b["payload"] for b in answer["buttons"]] == [b["payload"] for b in english["buttons"]]
    assert (answer["custom"]["lotse"]["lang"], answer["custom"]["lotse"]["machine_translated"]) == (
        "it",
        True,
    )


def test_the_gateway_passes_the_label_on(client, fake_rasa):
    reply = tagged("Ciao", lang="it")
    reply[1]["custom"]["lotse"]["machine_translated"] = True
    fake_rasa(lambda request: httpx.Response(200, json=reply))

    body = client.post("/api/v1/chat", json={"sender": "u", "text": ITALIAN}).json()

    assert [r["machine_translated"] for r in body["replies"]] == [True]


def test_a_translated_language_can_be_asked_for_and_is_offered(client, fake_rasa):
    fake_rasa(lambda request: httpx.Response(200, json=tagged("ok", lang="it")))

    chosen = client.post("/api/v1/chat", json={"sender": "u", "text": "ciao", "lang": "it"})
    offered = client.get("/api/v1/languages").json()["languages"]

    assert chosen.status_code == 200
    italian = next(language for language in offered if language["code"] == "it")
    assert italian["machine_translated"] is True
    assert italian["texts"]["send"] == "Send"  # the widget's own texts stay English


def test_a_failing_package_falls_back_to_a_stand_in(client, fake_rasa, monkeypatch):
    seen = fake_rasa(lambda request: httpx.Response(200, json=tagged("ok", lang="en")))
    translator = client.app.state.runtime.translator

    def broken(*args):
        raise RuntimeError("model file damaged")

    monkeypatch.setattr(translator, "translate", broken)
    body = client.post("/api/v1/chat", json={"sender": "u", "text": ITALIAN}).json()

    sent = json.loads(seen[0].content)
    assert (sent["message"], sent["metadata"]["lang_source"]) == (ITALIAN, "fallback")
    assert body["unmet"] is True  # logged as a language barrier


def test_reviewers_get_a_german_rendering_wherever_a_path_leads_there(client):
    from service_api.services.enrichment import translate_pending
    from tests.api.conftest import ADMIN, INGEST, auth

    for number, (lang, text) in enumerate(
        [("it", ITALIAN), ("fr", "Où est la mairie ?"), ("de", "Wo ist das Rathaus?")]
    ):
        need = {"kind": "fallback", "channel": "web", "lang": lang, "text": text}
        client.post("/api/v1/needs", json=need | {"sender": f"s{number}"}, headers=auth(INGEST))
    runtime = client.app.state.runtime
    with runtime.sessions() as session:
        assert translate_pending(session, runtime.translator) == 2
        assert translate_pending(session, runtime.translator) == 0

    needs = client.get("/api/v1/needs", headers=auth(ADMIN)).json()["items"]
    text_de = {need["lang"]: need["text_de"] for need in needs}
    assert text_de == {
        "it": "Der kleine Kater sieht einen roten Hund.",  # it -> en -> de, through English
        "fr": None,  # no package leads from French to German
        "de": "Wo ist das Rathaus?",
    }


def test_a_package_installed_while_running_serves_its_language_at_once(settings):
    with TestClient(create_app(settings)) as running:
        seen: list[httpx.Request] = []
        running.app.state.runtime.rasa = httpx.AsyncClient(
            base_url="http://rasa.test",
            transport=httpx.MockTransport(
                lambda request: seen.append(request) or httpx.Response(200, json=tagged("ok"))
            ),
        )
        before = running.post("/api/v1/chat", json={"sender": "a", "text": ITALIAN}).json()
        command = [sys.executable, "-m", "service_api.translation_packages", "install"]
        env = {"LOTSE_DATA_DIR": str(settings.data_dir), "PATH": "/usr/bin:/bin"}
        subprocess.run([*command, *map(str, PACKAGES)], cwd=ROOT, env=env, check=True)
        after = running.post("/api/v1/chat", json={"sender": "b", "text": ITALIAN}).json()

    sources = [json.loads(request.content)["metadata"]["lang_source"] for request in seen]
    assert sources == ["fallback", "detected"]  # no package, then the translation route
    assert json.loads(seen[1].content)["message"] == "The small cat sees a red dog."
    assert (before["unmet"], after["unmet"]) == (True, False)


def test_a_slow_or_broken_package_leaves_the_reply_in_english(client, monkeypatch):
    runtime = client.app.state.runtime
    english = client.post("/nlg", json=nlg_body("utter_greet", "en")).json()

    def slow(*args):
        time.sleep(2)
        return "troppo tardi"

    monkeypatch.setattr(runtime.settings, "translation_timeout_s", 0.2)
    monkeypatch.setattr(runtime.translator, "translate", slow)
    answer = client.post("/nlg", json=nlg_body("utter_greet", "it")).json()

    assert answer["text"] == english["text"]
    assert (answer["custom"]["lotse"]["lang"], answer["custom"]["lotse"]["machine_translated"]) == (
        "en",
        False,
    )
