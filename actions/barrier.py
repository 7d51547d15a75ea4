"""The barrier-report form: "no appointments for months" becomes a counted barrier.

The report keeps the user's own words (redacted at the gateway), the barrier
category, the topic it concerns and, when known, the district. Only the
category is asked for, and only when the words do not reveal it.
"""

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Pattern, Text, Tuple

import yaml
from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.constants import (
    ENTITY_BARRIER,
    KIND_BARRIER,
    RESPONSE_ASK_BARRIER,
    RESPONSE_BARRIER_LOGGED,
    SLOT_BARRIER,
    SLOT_DISTRICT,
    SLOT_TOPIC,
)
from actions.ingest_client import NEEDS
from actions.metadata import intent_of, original_text, user_messages
from actions.outbox import send
from actions.unmet import need_from

INTENT_REPORT_BARRIER = "report_barrier"
OTHER = "other"
KEYWORDS = Path(__file__).resolve().parents[1] / "data" / "barriers.yml"


@lru_cache
def patterns() -> Tuple[Tuple[str, Pattern[str]], ...]:
    raw = yaml.safe_load(KEYWORDS.read_text(encoding="utf-8"))["barriers"]
    return tuple(
        (category, re.compile("|".join(f"(?:{p})" for p in regexes), re.IGNORECASE))
        for category, regexes in raw.items()
    )


def categories() -> List[str]:
    return [category for category, _ in patterns()] + [OTHER]


def category_in(text: str) -> Optional[str]:
    """The barrier category the words reveal, or None."""
    return next((category for category, pattern in patterns() if pattern.search(text)), None)


def report_message(tracker: Tracker) -> Dict[str, Any]:
    """The user's own words that started the report (not a button press)."""
    for event in reversed(user_messages(tracker)):
        text = event.get("text") or ""
        if intent_of(event) == INTENT_REPORT_BARRIER and text[:1] not in "/":
            return event
    return tracker.latest_message


class ValidateBarrierForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_barrier_form"

    async def extract_barrier(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """A category from the button, else from the words; a typed answer that names
        none is filed under "other" rather than asked again."""
        chosen = next(tracker.get_latest_entity_values(ENTITY_BARRIER), None)
        if chosen in categories():
            return {SLOT_BARRIER: chosen}
        found = category_in(tracker.latest_message.get("text") or "")
        if found:
            return {SLOT_BARRIER: found}
        asked = tracker.get_slot("requested_slot") == SLOT_BARRIER
        return {SLOT_BARRIER: OTHER} if asked else {}

    def validate_barrier(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return {SLOT_BARRIER: value if value in categories() else OTHER}


class ActionAskBarrier(Action):
    """The form's question for the category, with one button per category."""

    def name(self) -> Text:
        return "action_ask_barrier"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[EventType]:
        dispatcher.utter_message(response=RESPONSE_ASK_BARRIER)
        return []


class ActionLogBarrier(Action):
    """Submits the filled form as an unmet need of kind barrier_report."""

    def name(self) -> Text:
        return "action_log_barrier"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[EventType]:
        need = need_from(tracker, KIND_BARRIER)
        report = report_message(tracker)
        understood = (report.get("parse_data") or {}).get("intent") or {}
        need["text"] = original_text(report) or need["text"]
        need["intent"] = INTENT_REPORT_BARRIER
        need["confidence"] = understood.get("confidence")
        need["barrier"] = tracker.get_slot(SLOT_BARRIER) or OTHER
        need["topic"] = tracker.get_slot(SLOT_TOPIC)
        need["district"] = tracker.get_slot(SLOT_DISTRICT)
        stored = await send(NEEDS, dict(need))
        dispatcher.utter_message(
            response=RESPONSE_BARRIER_LOGGED, barrier=need["barrier"], unmet=stored
        )
        return [SlotSet(SLOT_BARRIER, None)]
