from pathlib import Path

import pytest
import yaml
from rasa_sdk.events import SlotSet

from actions.topics import ActionAnswerTopic

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("topic", ["residence_permit_extension", "office_contact"])
async def test_answer_names_the_topic_and_remembers_it(tracker, dispatcher, domain, topic):
    events = await ActionAnswerTopic().run(dispatcher, tracker(intent=topic), domain)

    assert events == [SlotSet("topic", topic)]
    [message] = dispatcher.messages
    assert message["response"] == "utter_topic"
    assert message["topic"] == topic
    assert message["text"] is None  # texts come from the catalogue, never from actions


def test_every_topic_intent_is_answered_by_the_action(domain):
    rules = yaml.safe_load((ROOT / "data" / "rules" / "topics.yml").read_text())["rules"]
    answered = {
        rule["steps"][0]["intent"]
        for rule in rules
        if rule["steps"][1]["action"] == "action_answer_topic"
    }
    topic_intents = set(
        yaml.safe_load((ROOT / "bot" / "domain" / "topics.yml").read_text())["intents"]
    )
    assert answered == topic_intents
