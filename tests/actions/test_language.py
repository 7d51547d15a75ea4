import pytest
from rasa_sdk.events import SlotSet

from actions.language import ActionChangeLanguage, ActionSetLanguage
from tests.utils.trackers import entity


@pytest.mark.parametrize(
    ("metadata", "slot", "expected"),
    [
        ({"lang": "en"}, None, [SlotSet("language", "en")]),
        ({"lang": "ar"}, "de", [SlotSet("language", "ar")]),
        ({"lang": "de"}, "de", []),
        ({}, "de", []),
        ({"lang": 42}, "de", []),
        ({"lang": "x" * 40}, None, []),
    ],
)
async def test_language_follows_metadata(tracker, dispatcher, domain, metadata, slot, expected):
    events = await ActionSetLanguage().run(
        dispatcher, tracker(metadata=metadata, slots={"language": slot}), domain
    )
    assert events == expected
    assert dispatcher.messages == []


async def test_a_chosen_language_beats_detection(tracker, dispatcher, domain):
    slots = {"language": "ar", "language_chosen": True}
    detected = tracker(metadata={"lang": "de", "lang_source": "detected"}, slots=slots)
    requested = tracker(metadata={"lang": "de", "lang_source": "request"}, slots=slots)

    assert await ActionSetLanguage().run(dispatcher, detected, domain) == []
    assert await ActionSetLanguage().run(dispatcher, requested, domain) == [
        SlotSet("language", "de")
    ]


@pytest.mark.parametrize("source", ["guess", "fallback"])
@pytest.mark.parametrize(("slot", "expected"), [(None, [SlotSet("language", "en")]), ("tr", [])])
async def test_a_guess_or_fallback_only_fills_an_empty_slot(
    tracker, dispatcher, domain, source, slot, expected
):
    weak = tracker(metadata={"lang": "en", "lang_source": source}, slots={"language": slot})

    assert await ActionSetLanguage().run(dispatcher, weak, domain) == expected


async def test_asking_for_a_language_switches_to_it(tracker, dispatcher, domain):
    asked = tracker(intent="change_language", entities=[entity("requested_language", "uk")])

    events = await ActionChangeLanguage().run(dispatcher, asked, domain)

    assert events == [SlotSet("language", "uk"), SlotSet("language_chosen", True)]
    [message] = dispatcher.messages
    assert (message["response"], message["language"]) == ("utter_language_changed", "uk")


@pytest.mark.parametrize("entities", [[], [{"entity": "requested_language", "value": "klingon"}]])
async def test_without_a_known_language_the_picker_is_offered(
    tracker, dispatcher, domain, entities
):
    events = await ActionChangeLanguage().run(
        dispatcher, tracker(intent="change_language", entities=entities), domain
    )

    assert events == []
    assert dispatcher.messages[0]["response"] == "utter_choose_language"
