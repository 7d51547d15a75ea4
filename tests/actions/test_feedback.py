import pytest

from actions.feedback import ActionLogFeedback
from tests.utils.trackers import user_tracker


def feedback_tracker(helpful):
    conversation = user_tracker(
        text=f'/feedback{{"helpful": "{helpful}"}}',
        intent="feedback",
        metadata={"lang": "de", "channel": "web"},
        slots={"topic": "integration_course"},
        message_id="m2",
    )
    conversation.latest_message["entities"] = [{"entity": "helpful", "value": helpful}]
    conversation.events.insert(0, {"event": "user", "text": "was kostet der kurs"})
    return conversation


@pytest.mark.parametrize(
    ("helpful", "response", "unmet"),
    [
        ("yes", "utter_feedback_thanks", None),
        ("no", "utter_feedback_sorry", True),
    ],
)
async def test_feedback_is_sent_with_topic_and_question(
    dispatcher, domain, service_api, helpful, response, unmet
):
    await ActionLogFeedback().run(dispatcher, feedback_tracker(helpful), domain)

    [sent] = service_api.received
    assert sent["helpful"] is (helpful == "yes")
    assert (sent["topic"], sent["question"], sent["lang"]) == (
        "integration_course",
        "was kostet der kurs",
        "de",
    )
    [message] = dispatcher.messages
    assert message["response"] == response
    assert message.get("unmet") is unmet


async def test_typed_feedback_without_a_verdict_asks_for_one(
    tracker, dispatcher, domain, service_api
):
    events = await ActionLogFeedback().run(
        dispatcher, tracker(text="hmm", intent="feedback"), domain
    )

    assert events == []
    assert service_api.received == []
    assert dispatcher.messages[0]["response"] == "utter_ask_feedback"


async def test_a_button_pressed_in_between_is_not_the_question(dispatcher, domain, service_api):
    conversation = feedback_tracker("no")
    conversation.events.insert(1, {"event": "user", "text": '/ask_fees{"topic": "housing"}'})

    await ActionLogFeedback().run(dispatcher, conversation, domain)

    assert service_api.received[0]["question"] == "was kostet der kurs"
