"""Names shared with the domain (bot/domain/) and the catalogue (data/catalogue/)."""

from typing import Final

SLOT_LANGUAGE: Final = "language"
SLOT_TOPIC: Final = "topic"

ENTITY_HELPFUL: Final = "helpful"  # "yes" or "no", from the 👍/👎 buttons

INTENT_NLU_FALLBACK: Final = "nlu_fallback"
INTENT_OUT_OF_SCOPE: Final = "out_of_scope"

RESPONSE_TOPIC: Final = "utter_topic"
RESPONSE_FALLBACK: Final = "utter_fallback"
RESPONSE_OUT_OF_SCOPE: Final = "utter_out_of_scope"
RESPONSE_HUMAN_HANDOFF: Final = "utter_human_handoff"
RESPONSE_HUMAN_HANDOFF_TOPIC: Final = "utter_human_handoff_topic"
RESPONSE_FEEDBACK_THANKS: Final = "utter_feedback_thanks"
RESPONSE_FEEDBACK_SORRY: Final = "utter_feedback_sorry"

KIND_FALLBACK: Final = "fallback"
KIND_OUT_OF_SCOPE: Final = "out_of_scope"
KIND_HANDOFF: Final = "handoff_request"

# Keys service_api puts into the metadata of each user message.
META_LANG: Final = "lang"
META_CHANNEL: Final = "channel"
