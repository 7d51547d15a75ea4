"""The conversation's language: what service_api detected, unless the user chose one."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.constants import (
    ENTITY_REQUESTED_LANGUAGE,
    META_LANG_SOURCE,
    REPLY_LANGUAGES,
    RESPONSE_CHOOSE_LANGUAGE,
    RESPONSE_LANGUAGE_CHANGED,
    SLOT_LANGUAGE,
    SLOT_LANGUAGE_CHOSEN,
)
from actions.metadata import message_lang, message_metadata


class ActionSetLanguage(Action):
    """Custom slot mapping: runs inside action_extract_slots on every user turn.

    A language the channel sends explicitly always wins; a detected one only
    when the user has not picked a language in the conversation.
    """

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
        detected = message_metadata(tracker).get(META_LANG_SOURCE) == "detected"
        if detected and tracker.get_slot(SLOT_LANGUAGE_CHOSEN):
            return []
        return [SlotSet(SLOT_LANGUAGE, lang)]


class ActionChangeLanguage(Action):
    """ "Answer in Arabic please": switch; without a known language, offer the picker."""

    def name(self) -> Text:
        return "action_change_language"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[EventType]:
        wanted = [
            value
            for value in tracker.get_latest_entity_values(ENTITY_REQUESTED_LANGUAGE)
            if value in REPLY_LANGUAGES
        ]
        if not wanted:
            dispatcher.utter_message(response=RESPONSE_CHOOSE_LANGUAGE)
            return []
        events: List[EventType] = [
            SlotSet(SLOT_LANGUAGE, wanted[-1]),
            SlotSet(SLOT_LANGUAGE_CHOSEN, True),
        ]
        # The reply must already come in the new language: the NLG endpoint
        # reads the slot from the tracker Rasa sends it, so set it first.
        dispatcher.utter_message(response=RESPONSE_LANGUAGE_CHANGED, language=wanted[-1])
        return events
