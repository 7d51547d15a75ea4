import pytest

from actions.handoff import ActionHumanHandoff


@pytest.mark.parametrize(
    ("topic", "response"),
    [
        ("address_registration", "utter_human_handoff_topic"),
        (None, "utter_human_handoff"),
    ],
)
async def test_handoff_is_logged_and_names_the_right_office(
    tracker, dispatcher, domain, service_api, topic, response
):
    conversation = tracker(
        text="ich will mit einem menschen reden", intent="human_handoff", slots={"topic": topic}
    )

    await ActionHumanHandoff().run(dispatcher, conversation, domain)

    [need] = service_api.received
    assert (need["kind"], need["topic"]) == ("handoff_request", topic)
    [message] = dispatcher.messages
    assert message["response"] == response
    assert message["unmet"] is True
    assert message.get("topic") == topic
