"""POST /nlg: Rasa's NLG callback. Renders every bot response in the user's language."""

import logging
from typing import Any

from fastapi import APIRouter

from service_api.api.deps import RuntimeDep
from service_api.schemas.chat import Button
from service_api.schemas.nlg import TAG, NlgRequest, NlgResponse, ReplyTag
from service_api.services.catalogue import CatalogueError

router = APIRouter(tags=["nlg"])
logger = logging.getLogger(__name__)

FALLBACK_RESPONSE = "utter_default"


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


@router.post("/nlg")
def render(body: NlgRequest, runtime: RuntimeDep) -> NlgResponse:
    catalogue = runtime.catalogue
    slots = _mapping(body.tracker.get("slots"))
    lang = catalogue.resolve_lang(_text(slots.get("language")), runtime.settings.default_lang)
    topic = _text(body.arguments.get("topic"))
    try:
        rendered = catalogue.render(body.response, lang, topic)
    except CatalogueError:
        logger.error("Cannot render %s (topic %s) in %s", body.response, topic, lang, exc_info=True)
        rendered = catalogue.render(FALLBACK_RESPONSE, lang)
    understood = _mapping(_mapping(body.tracker.get("latest_message")).get("intent"))
    intent = _text(understood.get("name"))
    confidence = understood.get("confidence")
    tag = ReplyTag(
        key=rendered.key,
        lang=rendered.lang,
        topic=rendered.topic,
        intent=intent if intent in runtime.vocabulary.intents else None,
        confidence=float(confidence) if isinstance(confidence, int | float) else None,
        unmet=body.arguments.get("unmet") is True,
    )
    return NlgResponse(
        text=rendered.text,
        buttons=[Button(title=b.title, payload=b.payload) for b in rendered.buttons],
        custom={TAG: tag},
    )
