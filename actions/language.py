"""The conversation's language: what service_api detected, unless the user chose one."""

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Text, Tuple

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.constants import (
    ENTITY_REQUESTED_LANGUAGE,
    META_LANG_SOURCE,
    RESPONSE_CHOOSE_LANGUAGE,
    RESPONSE_LANGUAGE_CHANGED,
    SLOT_LANGUAGE,
    SLOT_LANGUAGE_CHOSEN,
)
from actions.metadata import message_lang, message_metadata

VOCABULARY = Path(__file__).resolve().parents[1] / "data" / "topics.yml"


@lru_cache
def reply_languages() -> Tuple[str, ...]:
    """The languages answered with reviewed text: the core ones and Leichte Sprache."""
    languages = yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))["languages"]
    return (*languages["core"], languages["easy_german"])


class ActionSetLanguage(Action):
    """Custom slot mapping: runs inside action_extract_slots on every user turn.

    A language the channel sends explicitly always wins; a detected one only
    when the user has not picked a language in the conversation; a guess
    (a short message) or a fallback (Lotse cannot write the user's language)
    only when the conversation has no language yet.
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
        source = message_metadata(tracker).get(META_LANG_SOURCE)
        if source == "detected" and tracker.get_slot(SLOT_LANGUAGE_CHOSEN):
            return []
        if source in ("guess", "fallback") and tracker.get_slot(SLOT_LANGUAGE):
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
            if value in reply_languages()
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
