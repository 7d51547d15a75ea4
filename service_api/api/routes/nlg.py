"""POST /nlg: Rasa's NLG callback. Renders every bot response in the user's language."""

import logging

from fastapi import APIRouter

from service_api.api.deps import RuntimeDep
from service_api.schemas.chat import Button
from service_api.schemas.nlg import TAG, NlgRequest, NlgResponse, ReplyTag
from service_api.services.catalogue import CatalogueError

router = APIRouter(tags=["nlg"])
logger = logging.getLogger(__name__)

FALLBACK_RESPONSE = "utter_default"


@router.post("/nlg")
def render(body: NlgRequest, runtime: RuntimeDep) -> NlgResponse:
    catalogue = runtime.catalogue
    slots = body.tracker.get("slots") or {}
    lang = catalogue.resolve_lang(slots.get("language"), runtime.settings.default_lang)
    topic = body.arguments.get("topic")
    try:
        rendered = catalogue.render(body.response, lang, topic)
    except CatalogueError:
        logger.error("Cannot render %s (topic %s) in %s", body.response, topic, lang, exc_info=True)
        rendered = catalogue.render(FALLBACK_RESPONSE, lang)
    understood = (body.tracker.get("latest_message") or {}).get("intent") or {}
    intent = understood.get("name")
    tag = ReplyTag(
        key=rendered.key,
        lang=rendered.lang,
        topic=rendered.topic,
        intent=intent if intent in runtime.vocabulary.intents else None,
        confidence=understood.get("confidence"),
        unmet=bool(body.arguments.get("unmet")),
    )
    return NlgResponse(
        text=rendered.text,
        buttons=[Button(title=b.title, payload=b.payload) for b in rendered.buttons],
        custom={TAG: tag},
    )
