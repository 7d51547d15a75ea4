"""Names shared with the domain (bot/domain/) and the catalogue (data/catalogue/)."""

from typing import Dict, Final

SLOT_LANGUAGE: Final = "language"
SLOT_LANGUAGE_CHOSEN: Final = "language_chosen"
SLOT_TOPIC: Final = "topic"
SLOT_DISTRICT: Final = "district"
SLOT_BARRIER: Final = "barrier"

ENTITY_HELPFUL: Final = "helpful"  # "yes" or "no", from the 👍/👎 buttons
ENTITY_TOPIC: Final = "topic"  # set by the detail buttons under an answer
ENTITY_REQUESTED_LANGUAGE: Final = "requested_language"
ENTITY_BARRIER: Final = "barrier"
ENTITY_ERASE: Final = "erase"  # the "delete my data" button

INTENT_NLU_FALLBACK: Final = "nlu_fallback"
INTENT_OUT_OF_SCOPE: Final = "out_of_scope"
INTENT_EMERGENCY: Final = "emergency"
INTENT_OFFICE_CONTACT: Final = "office_contact"

# Follow-up intents: the detail they ask for, and the topic that answers them
# when no topic was discussed yet.
FOLLOW_UPS: Final[Dict[str, str]] = {
    "ask_documents": "documents",
    "ask_fees": "fees",
    "ask_deadlines": "deadlines",
    "ask_office": "office",
    "ask_appointment": "office",
}
FOLLOW_UP_DEFAULT_TOPICS: Final[Dict[str, str]] = {
    "ask_documents": "required_documents",
    "ask_fees": "permit_fees",
    "ask_deadlines": "application_status",
    "ask_office": "office_contact",
    "ask_appointment": "immigration_appointment",
}

RESPONSE_TOPIC: Final = "utter_topic"
RESPONSE_DETAIL: Final = "utter_topic_detail"
RESPONSE_OFFICE_FINDER: Final = "utter_office_finder"
RESPONSE_SUGGESTIONS: Final = "utter_suggestions"
RESPONSE_EMERGENCY_FIRST: Final = "utter_emergency_first"
RESPONSE_FALLBACK: Final = "utter_fallback"
RESPONSE_OUT_OF_SCOPE: Final = "utter_out_of_scope"
RESPONSE_HUMAN_HANDOFF: Final = "utter_human_handoff"
RESPONSE_HUMAN_HANDOFF_TOPIC: Final = "utter_human_handoff_topic"
RESPONSE_FEEDBACK_THANKS: Final = "utter_feedback_thanks"
RESPONSE_FEEDBACK_SORRY: Final = "utter_feedback_sorry"
RESPONSE_ASK_FEEDBACK: Final = "utter_ask_feedback"
RESPONSE_CHOOSE_LANGUAGE: Final = "utter_choose_language"
RESPONSE_LANGUAGE_CHANGED: Final = "utter_language_changed"
RESPONSE_PRIVACY_INFO: Final = "utter_privacy_info"
RESPONSE_DATA_ERASED: Final = "utter_data_erased"
RESPONSE_ASK_BARRIER: Final = "utter_ask_barrier"
RESPONSE_BARRIER_LOGGED: Final = "utter_barrier_logged"

KIND_FALLBACK: Final = "fallback"
KIND_OUT_OF_SCOPE: Final = "out_of_scope"
KIND_HANDOFF: Final = "handoff_request"
KIND_BARRIER: Final = "barrier_report"

# Keys service_api puts into the metadata of each user message.
META_LANG: Final = "lang"
# The user's words before machine translation (the NLU saw the translation).
META_ORIGINAL: Final = "original"
META_LANG_SOURCE: Final = "lang_source"  # "request", "detected", "guess", "fallback"
META_CHANNEL: Final = "channel"
