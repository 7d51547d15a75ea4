"""POST /nlg: Rasa's NLG callback. Renders every bot response in the user's language."""

import logging
from typing import Any

from fastapi import APIRouter

from service_api.api.deps import RuntimeDep
from service_api.schemas.chat import Button
from service_api.schemas.nlg import TAG, NlgRequest, NlgResponse, ReplyTag
from service_api.services.catalogue import CatalogueError
from service_api.services.translation import PIVOT

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
    arguments = body.arguments
    # An action that switches the language passes the new one along.
    wanted = _text(arguments.get("language")) or _text(slots.get("language"))
    # No reviewed texts in the language, but a translation path: English, translated.
    translate_to = (
        wanted
        if wanted and wanted not in catalogue.packs and wanted in runtime.translated_languages()
        else None
    )
    lang = PIVOT if translate_to else catalogue.resolve_lang(wanted, runtime.settings.default_lang)
    topic = _text(arguments.get("topic"))
    suggestions = arguments.get("suggestions")
    try:
        rendered = catalogue.render(
            body.response,
            lang,
            topic,
            detail=_text(arguments.get("detail")),
            district=_text(slots.get("district")),
            suggestions=tuple(s for s in suggestions if isinstance(s, str))
            if isinstance(suggestions, list)
            else (),
        )
    except CatalogueError:
        logger.error("Cannot render %s (topic %s) in %s", body.response, topic, lang, exc_info=True)
        rendered = catalogue.render(FALLBACK_RESPONSE, lang)
    text, buttons = (
        rendered.text,
        [Button(title=b.title, payload=b.payload) for b in rendered.buttons],
    )
    if translate_to:
        try:
            text, buttons = translated(runtime, text, buttons, translate_to)
        except Exception:  # slow, broken or removed package: the English is still an answer
            logger.error("Cannot translate %s into %s", body.response, translate_to, exc_info=True)
            translate_to = None
    understood = _mapping(_mapping(body.tracker.get("latest_message")).get("intent"))
    intent = _text(understood.get("name"))
    confidence = understood.get("confidence")
    tag = ReplyTag(
        key=rendered.key,
        lang=translate_to or rendered.lang,
        topic=rendered.topic,
        # Finer internal intents (follow-ups such as ask_fees) report their topic.
        intent=intent if intent in runtime.vocabulary.intents else rendered.topic,
        confidence=float(confidence) if isinstance(confidence, int | float) else None,
        unmet=arguments.get("unmet") is True,
        erase=arguments.get("erase") is True,
        machine_translated=translate_to is not None,
    )
    return NlgResponse(text=text, buttons=buttons, custom={TAG: tag})


def translated(
    runtime: RuntimeDep, text: str, buttons: list[Button], lang: str
) -> tuple[str, list[Button]]:
    """The English text and button titles in `lang`; payloads stay as they are.

    Raises TimeoutError when the package takes longer than LOTSE_TRANSLATION_TIMEOUT_S.
    """
    texts = [text, *(b.title for b in buttons)]
    job = runtime.translation_pool.submit(
        lambda: [runtime.translator.translate(t, PIVOT, lang) for t in texts]
    )
    translated_text, *titles = job.result(timeout=runtime.settings.translation_timeout_s)
    return translated_text, [
        Button(title=title, payload=b.payload) for title, b in zip(titles, buttons, strict=True)
    ]
