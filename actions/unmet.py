"""Log what Lotse could not answer, then say so honestly.

Not understood is handled in two stages: first the likeliest topics as
buttons, then, if the next message is not understood either, an honest
"I cannot answer that" with the way to a person. Both questions are logged:
the reviewers turn them into training data.
"""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.constants import (
    INTENT_NLU_FALLBACK,
    KIND_FALLBACK,
    KIND_OUT_OF_SCOPE,
    RESPONSE_EMERGENCY_FIRST,
    RESPONSE_FALLBACK,
    RESPONSE_OUT_OF_SCOPE,
    RESPONSE_SUGGESTIONS,
)
from actions.ingest_client import NEEDS, UnmetNeed
from actions.metadata import (
    intent_of,
    message_channel,
    message_lang,
    message_time,
    original_text,
    previous_user_message,
    record_key,
)
from actions.outbox import send
from actions.understood import best_guess, emergency_suspected


def need_from(tracker: Tracker, kind: str) -> UnmetNeed:
    intent, confidence = best_guess(tracker)
    return UnmetNeed(
        barrier=None,
        district=None,
        kind=kind,
        channel=message_channel(tracker),
        lang=message_lang(tracker),
        text=original_text(tracker.get_last_event_for("user") or {}),
        intent=intent,
        confidence=confidence,
        topic=None,
        sender=tracker.sender_id,
        idempotency_key=record_key(tracker, kind),
        occurred_at=message_time(tracker),
    )


SUGGESTIONS = 5  # intents offered to the NLG, which keeps the topics among them


def suggestions(tracker: Tracker) -> List[str]:
    ranking = tracker.latest_message.get("intent_ranking") or []
    names = [r.get("name") for r in ranking if r.get("name") != INTENT_NLU_FALLBACK]
    return [name for name in names if isinstance(name, str)][:SUGGESTIONS]


def previous_turn_not_understood(tracker: Tracker) -> bool:
    return intent_of(previous_user_message(tracker)) == INTENT_NLU_FALLBACK


class ActionLogUnmetNeed(Action):
    """Runs for nlu_fallback and out_of_scope."""

    def name(self) -> Text:
        return "action_log_unmet_need"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[EventType]:
        fallback = tracker.get_intent_of_latest_message(skip_fallback_intent=False)
        kind = KIND_FALLBACK if fallback == INTENT_NLU_FALLBACK else KIND_OUT_OF_SCOPE
        stored = await send(NEEDS, dict(need_from(tracker, kind)))
        if emergency_suspected(tracker):
            dispatcher.utter_message(response=RESPONSE_EMERGENCY_FIRST)
        if kind == KIND_OUT_OF_SCOPE:
            dispatcher.utter_message(response=RESPONSE_OUT_OF_SCOPE, unmet=stored)
        elif previous_turn_not_understood(tracker):
            dispatcher.utter_message(response=RESPONSE_FALLBACK, unmet=stored)
        else:
            dispatcher.utter_message(
                response=RESPONSE_SUGGESTIONS, suggestions=suggestions(tracker), unmet=stored
            )
        return []
