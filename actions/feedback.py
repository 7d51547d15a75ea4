"""👍/👎 under an answer: counted per topic; 👎 is also an unmet need."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.constants import (
    ENTITY_HELPFUL,
    RESPONSE_ASK_FEEDBACK,
    RESPONSE_FEEDBACK_SORRY,
    RESPONSE_FEEDBACK_THANKS,
    SLOT_TOPIC,
)
from actions.ingest_client import FEEDBACK, Feedback
from actions.metadata import (
    message_channel,
    message_lang,
    message_time,
    original_text,
    record_key,
    user_messages,
)
from actions.outbox import send


def answered_question(tracker: Tracker) -> str:
    """The last message the user typed before this feedback: the question the answer was for.

    Button presses in between (a detail such as "documents") are payloads, not questions.
    """
    for event in reversed(user_messages(tracker)[:-1]):
        if not (event.get("text") or "").startswith("/"):
            return original_text(event)
    return ""


def feedback_from(tracker: Tracker, helpful: bool) -> Feedback:
    return Feedback(
        helpful=helpful,
        topic=tracker.get_slot(SLOT_TOPIC),
        question=answered_question(tracker),
        channel=message_channel(tracker),
        lang=message_lang(tracker),
        sender=tracker.sender_id,
        idempotency_key=record_key(tracker, FEEDBACK),
        occurred_at=message_time(tracker),
    )


class ActionLogFeedback(Action):
    def name(self) -> Text:
        return "action_log_feedback"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[EventType]:
        values = list(tracker.get_latest_entity_values(ENTITY_HELPFUL))
        if not values or values[-1] not in ("yes", "no"):
            # Typed feedback ("that did not help") says no more than that it is
            # feedback: ask which, with the buttons, rather than guess.
            dispatcher.utter_message(response=RESPONSE_ASK_FEEDBACK)
            return []
        helpful = values[-1] == "yes"
        stored = await send(FEEDBACK, dict(feedback_from(tracker, helpful)))
        if helpful:
            dispatcher.utter_message(response=RESPONSE_FEEDBACK_THANKS)
        else:
            dispatcher.utter_message(response=RESPONSE_FEEDBACK_SORRY, unmet=stored)
        return []
