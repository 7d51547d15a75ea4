import pytest

from actions.outbox import outbox
from actions.settings import get_settings
from actions.unmet import ActionLogUnmetNeed, need_from
from tests.utils.trackers import said, user_tracker

FALLBACK_RANKING = [
    {"name": "nlu_fallback", "confidence": 0.6},
    {"name": "greet", "confidence": 0.41},
    {"name": "thanks", "confidence": 0.2},
]


async def test_fallback_is_stored_with_the_best_guess(tracker, dispatcher, domain, service_api):
    conversation = tracker(
        text="xyzzy plugh",
        intent="nlu_fallback",
        confidence=0.6,
        ranking=FALLBACK_RANKING,
        metadata={"lang": "de", "channel": "web"},
        message_id="abc",
    )

    events = await ActionLogUnmetNeed().run(dispatcher, conversation, domain)

    assert events == []
    [need] = service_api.received
    assert need == {
        "kind": "fallback",
        "channel": "web",
        "lang": "de",
        "text": "xyzzy plugh",
        "intent": "greet",
        "confidence": 0.41,
        "topic": None,
        "barrier": None,
        "district": None,
        "sender": conversation.sender_id,
        "idempotency_key": f"{conversation.sender_id}:abc:fallback",
        "occurred_at": "2026-11-18T11:06:40+00:00",
    }
    assert service_api.headers[0]["Authorization"] == "Bearer ingest-secret"
    [message] = dispatcher.messages
    assert message["response"] == "utter_suggestions"  # first stage: "did you mean …?"
    assert message["suggestions"] == ["greet", "thanks"]
    assert message["unmet"] is True


async def test_second_fallback_in_a_row_says_honestly_it_cannot_help(
    tracker, dispatcher, domain, service_api
):
    conversation = tracker(
        text="plugh again",
        intent="nlu_fallback",
        ranking=FALLBACK_RANKING,
        history=[said("xyzzy", "nlu_fallback")],
    )

    await ActionLogUnmetNeed().run(dispatcher, conversation, domain)

    assert [m["response"] for m in dispatcher.messages] == ["utter_fallback"]
    assert len(service_api.received) == 1  # this turn's question; the first was logged then


async def test_an_unclear_emergency_gets_the_numbers_first(
    tracker, dispatcher, domain, service_api
):
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.6},
        {"name": "emergency", "confidence": 0.4},
    ]
    await ActionLogUnmetNeed().run(
        dispatcher, tracker(text="hilfe", intent="nlu_fallback", ranking=ranking), domain
    )

    assert [m["response"] for m in dispatcher.messages][0] == "utter_emergency_first"


async def test_out_of_scope_is_stored_as_such(tracker, dispatcher, domain, service_api):
    await ActionLogUnmetNeed().run(
        dispatcher, tracker(text="best pizza?", intent="out_of_scope", confidence=0.97), domain
    )

    [need] = service_api.received
    assert need["kind"] == "out_of_scope"
    assert need["intent"] == "out_of_scope"
    assert need["channel"] == "api"  # no channel in the metadata
    assert dispatcher.messages[0]["response"] == "utter_out_of_scope"


@pytest.mark.parametrize("status", [401, 500, 503])
async def test_a_need_is_kept_while_service_api_cannot_take_it(
    tracker, dispatcher, domain, service_api, status
):
    service_api.status = status

    await ActionLogUnmetNeed().run(dispatcher, tracker(intent="out_of_scope"), domain)

    assert dispatcher.messages[0]["unmet"] is True
    assert outbox().pending() == 1
    assert service_api.received == []


async def test_an_unwritable_outbox_is_not_reported_as_logged(
    tracker, dispatcher, domain, service_api, monkeypatch, tmp_path
):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    monkeypatch.setenv("LOTSE_DATA_DIR", str(blocker / "sub"))
    get_settings.cache_clear()
    outbox.cache_clear()

    await ActionLogUnmetNeed().run(dispatcher, tracker(intent="out_of_scope"), domain)

    [message] = dispatcher.messages
    assert message["response"] == "utter_out_of_scope"
    assert message["unmet"] is False


def test_a_machine_translated_message_is_stored_in_the_users_words():
    conversation = user_tracker(
        text="Where can I fish?",
        intent="out_of_scope",
        metadata={"lang": "it", "original": "Dove posso pescare?"},
    )

    need = need_from(conversation, "out_of_scope")

    assert (need["text"], need["lang"]) == ("Dove posso pescare?", "it")
