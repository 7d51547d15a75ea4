"""Answer a service topic, or one detail of it, from the catalogue."""

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.constants import (
    ENTITY_TOPIC,
    FOLLOW_UP_DEFAULT_TOPICS,
    FOLLOW_UPS,
    INTENT_EMERGENCY,
    INTENT_OFFICE_CONTACT,
    RESPONSE_DETAIL,
    RESPONSE_EMERGENCY_FIRST,
    RESPONSE_OFFICE_FINDER,
    RESPONSE_TOPIC,
    SLOT_TOPIC,
)
from actions.understood import emergency_suspected

PLACE_ENTITIES = ("district", "postcode")


def names_a_place(tracker: Tracker) -> bool:
    """The latest message gave a district or postcode (the slot holds it)."""
    entities = tracker.latest_message.get("entities") or []
    return any(e.get("entity") in PLACE_ENTITIES for e in entities)


def intents_of(domain: Dict[Text, Any]) -> List[str]:
    return [i if isinstance(i, str) else next(iter(i)) for i in domain.get("intents", [])]


def utter_topic(dispatcher: CollectingDispatcher, tracker: Tracker, topic: str) -> List[EventType]:
    if topic != INTENT_EMERGENCY and emergency_suspected(tracker):
        dispatcher.utter_message(response=RESPONSE_EMERGENCY_FIRST)
    if topic == INTENT_OFFICE_CONTACT and names_a_place(tracker):
        dispatcher.utter_message(response=RESPONSE_OFFICE_FINDER, topic=topic)
    else:
        dispatcher.utter_message(response=RESPONSE_TOPIC, topic=topic)
    return [SlotSet(SLOT_TOPIC, topic)]


class ActionAnswerTopic(Action):
    """Topic intents are named after topic ids; the NLG endpoint renders the answer."""

    def name(self) -> Text:
        return "action_answer_topic"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[EventType]:
        topic = tracker.get_intent_of_latest_message(skip_fallback_intent=False)
        return utter_topic(dispatcher, tracker, topic)


class ActionAnswerDetail(Action):
    """ "And what does it cost?": a detail of the topic on the button, or of the last topic."""

    def name(self) -> Text:
        return "action_answer_detail"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[EventType]:
        intent = tracker.get_intent_of_latest_message(skip_fallback_intent=False)
        topic: Optional[str] = next(tracker.get_latest_entity_values(ENTITY_TOPIC), None)
        topic = topic or tracker.get_slot(SLOT_TOPIC)
        if topic is None or topic not in intents_of(domain):
            return utter_topic(dispatcher, tracker, FOLLOW_UP_DEFAULT_TOPICS[intent])
        dispatcher.utter_message(response=RESPONSE_DETAIL, topic=topic, detail=FOLLOW_UPS[intent])
        return [SlotSet(SLOT_TOPIC, topic)]
