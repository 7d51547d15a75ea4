""" "I want to talk to a person": the right contact for the topic, and the request is logged."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.constants import (
    KIND_HANDOFF,
    RESPONSE_HUMAN_HANDOFF,
    RESPONSE_HUMAN_HANDOFF_TOPIC,
    SLOT_TOPIC,
)
from actions.ingest_client import NEEDS
from actions.outbox import send
from actions.unmet import need_from


class ActionHumanHandoff(Action):
    def name(self) -> Text:
        return "action_human_handoff"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[EventType]:
        topic = tracker.get_slot(SLOT_TOPIC)
        need = need_from(tracker, KIND_HANDOFF)
        need["topic"] = topic
        stored = await send(NEEDS, dict(need))
        if topic:
            dispatcher.utter_message(
                response=RESPONSE_HUMAN_HANDOFF_TOPIC, topic=topic, unmet=stored
            )
        else:
            dispatcher.utter_message(response=RESPONSE_HUMAN_HANDOFF, unmet=stored)
        return []
