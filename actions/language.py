"""Keep the `language` slot in step with the language service_api detected."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.constants import SLOT_LANGUAGE
from actions.metadata import message_lang


class ActionSetLanguage(Action):
    """Custom slot mapping: runs inside action_extract_slots on every user turn."""

    def name(self) -> Text:
        return "action_set_language"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[EventType]:
        lang = message_lang(tracker)
        if lang is None or lang == tracker.get_slot(SLOT_LANGUAGE):
            return []
        return [SlotSet(SLOT_LANGUAGE, lang)]
