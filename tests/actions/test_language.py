import pytest
from rasa_sdk.events import SlotSet

from actions.language import ActionSetLanguage


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
