from pathlib import Path

import pytest
import yaml
from rasa_sdk.events import SlotSet

from actions.constants import FOLLOW_UP_DEFAULT_TOPICS, FOLLOW_UPS
from actions.topics import ActionAnswerDetail, ActionAnswerTopic
from tests.utils.trackers import entity

ROOT = Path(__file__).resolve().parents[2]


async def test_answer_names_the_topic_and_remembers_it(tracker, dispatcher, domain):
    topic = "residence_permit_extension"
    events = await ActionAnswerTopic().run(dispatcher, tracker(intent=topic), domain)

    assert events == [SlotSet("topic", topic)]
    [message] = dispatcher.messages
    assert message["response"] == "utter_topic"
    assert message["topic"] == topic
    assert message["text"] is None  # texts come from the catalogue, never from actions


@pytest.mark.parametrize(
    ("entities", "response"),
    [
        ([], "utter_topic"),
        ([entity("district", "Nordstadt")], "utter_office_finder"),
        ([entity("postcode", "12347")], "utter_office_finder"),
    ],
)
async def test_office_questions_naming_a_place_get_the_office_finder(
    tracker, dispatcher, domain, entities, response
):
    asked = tracker(intent="office_contact", entities=entities)
    events = await ActionAnswerTopic().run(dispatcher, asked, domain)

    assert events == [SlotSet("topic", "office_contact")]
    assert [m["response"] for m in dispatcher.messages] == [response]


async def test_a_possible_emergency_comes_first(tracker, dispatcher, domain):
    ranking = [
        {"name": "housing", "confidence": 0.6},
        {"name": "emergency", "confidence": 0.3},
    ]
    await ActionAnswerTopic().run(dispatcher, tracker(intent="housing", ranking=ranking), domain)

    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_first", "utter_topic"]


async def test_an_unlikely_emergency_does_not_interrupt(tracker, dispatcher, domain):
    ranking = [{"name": "housing", "confidence": 0.9}, {"name": "emergency", "confidence": 0.05}]
    await ActionAnswerTopic().run(dispatcher, tracker(intent="housing", ranking=ranking), domain)

    assert [m["response"] for m in dispatcher.messages] == ["utter_topic"]


@pytest.mark.parametrize("intent", sorted(FOLLOW_UPS))
async def test_a_follow_up_answers_the_topic_just_discussed(tracker, dispatcher, domain, intent):
    current = tracker(intent=intent, slots={"topic": "naturalisation"})
    events = await ActionAnswerDetail().run(dispatcher, current, domain)

    assert events == [SlotSet("topic", "naturalisation")]
    [message] = dispatcher.messages
    assert message["response"] == "utter_topic_detail"
    assert (message["topic"], message["detail"]) == ("naturalisation", FOLLOW_UPS[intent])


async def test_a_detail_button_names_its_own_topic(tracker, dispatcher, domain):
    button = tracker(
        intent="ask_fees",
        entities=[entity("topic", "driving_licence")],
        slots={"topic": "naturalisation"},
    )
    await ActionAnswerDetail().run(dispatcher, button, domain)

    assert dispatcher.messages[0]["topic"] == "driving_licence"


@pytest.mark.parametrize("intent", sorted(FOLLOW_UPS))
async def test_a_follow_up_without_context_gets_the_general_topic(
    tracker, dispatcher, domain, intent
):
    events = await ActionAnswerDetail().run(dispatcher, tracker(intent=intent), domain)

    assert events == [SlotSet("topic", FOLLOW_UP_DEFAULT_TOPICS[intent])]
    assert dispatcher.messages[-1]["topic"] == FOLLOW_UP_DEFAULT_TOPICS[intent]


async def test_an_unknown_topic_on_a_button_is_ignored(tracker, dispatcher, domain):
    forged = tracker(intent="ask_fees", entities=[entity("topic", "<script>")])
    await ActionAnswerDetail().run(dispatcher, forged, domain)

    assert dispatcher.messages[-1]["topic"] == "permit_fees"


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
    spec = yaml.safe_load((ROOT / "data" / "topics.yml").read_text())
    assert answered == topic_intents == {topic["id"] for topic in spec["topics"]}
