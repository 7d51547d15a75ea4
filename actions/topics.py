"""Answer a service topic from the catalogue."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.constants import RESPONSE_TOPIC, SLOT_TOPIC


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
        dispatcher.utter_message(response=RESPONSE_TOPIC, topic=topic)
        return [SlotSet(SLOT_TOPIC, topic)]
