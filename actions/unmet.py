"""Log what Lotse could not answer, then say so honestly."""

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.constants import (
    INTENT_NLU_FALLBACK,
    KIND_FALLBACK,
    KIND_OUT_OF_SCOPE,
    RESPONSE_FALLBACK,
    RESPONSE_OUT_OF_SCOPE,
)
from actions.ingest_client import NEEDS, UnmetNeed
from actions.metadata import message_channel, message_lang, message_time, record_key
from actions.outbox import send


def best_guess(tracker: Tracker) -> Tuple[Optional[str], Optional[float]]:
    """The most likely real intent, skipping the fallback pseudo-intent."""
    for ranked in tracker.latest_message.get("intent_ranking") or []:
        if ranked.get("name") != INTENT_NLU_FALLBACK:
            return ranked.get("name"), ranked.get("confidence")
    return None, None


def need_from(tracker: Tracker, kind: str) -> UnmetNeed:
    intent, confidence = best_guess(tracker)
    return UnmetNeed(
        kind=kind,
        channel=message_channel(tracker),
        lang=message_lang(tracker),
        text=tracker.latest_message.get("text") or "",
        intent=intent,
        confidence=confidence,
        topic=None,
        sender=tracker.sender_id,
        idempotency_key=record_key(tracker, kind),
        occurred_at=message_time(tracker),
    )


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
        response = RESPONSE_FALLBACK if kind == KIND_FALLBACK else RESPONSE_OUT_OF_SCOPE
        dispatcher.utter_message(response=response, unmet=stored)
        return []
