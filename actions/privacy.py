""" "What do you store about me?" and "delete my data"."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.constants import ENTITY_ERASE, RESPONSE_DATA_ERASED, RESPONSE_PRIVACY_INFO


class ActionPrivacy(Action):
    """Explains what is stored; the "delete my data" button asks for erasure.

    The erasure itself happens in service_api, which alone can reach every
    record of the sender: it acts on the `erase` argument of the reply.
    """

    def name(self) -> Text:
        return "action_privacy"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[EventType]:
        if next(tracker.get_latest_entity_values(ENTITY_ERASE), None) == "yes":
            dispatcher.utter_message(response=RESPONSE_DATA_ERASED, erase=True)
        else:
            dispatcher.utter_message(response=RESPONSE_PRIVACY_INFO)
        return []
