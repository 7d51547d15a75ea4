from actions.privacy import ActionPrivacy
from tests.utils.trackers import entity


async def test_privacy_question_is_explained(tracker, dispatcher, domain):
    assert await ActionPrivacy().run(dispatcher, tracker(intent="privacy_info"), domain) == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_privacy_info"]


async def test_the_delete_button_asks_service_api_to_erase(tracker, dispatcher, domain):
    pressed = tracker(intent="privacy_info", entities=[entity("erase", "yes")])

    await ActionPrivacy().run(dispatcher, pressed, domain)

    [message] = dispatcher.messages
    assert (message["response"], message["erase"]) == ("utter_data_erased", True)
