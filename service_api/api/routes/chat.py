"""POST /api/v1/chat: the gateway every channel and evaluation talks to."""

import asyncio
import logging
from dataclasses import dataclass
from math import ceil

import httpx
from fastapi import APIRouter, HTTPException, status
from fastapi.concurrency import run_in_threadpool

from service_api.api.deps import RuntimeDep
from service_api.observability import CHAT_TURNS
from service_api.runtime import Runtime
from service_api.schemas.chat import Button, ChatRequest, ChatResponse, Reply
from service_api.schemas.nlg import TAG, ReplyTag
from service_api.services.erasure import erase_sender
from service_api.services.language import Detection, detect_language
from service_api.services.language_gap import LanguageGap, answer_language_gap
from service_api.services.pseudonym import pseudonymise
from service_api.services.rasa import RasaMessage, RasaUnavailable, send_message
from service_api.services.translation import PIVOT

router = APIRouter(tags=["chat"])
logger = logging.getLogger(__name__)


@router.post(
    "/chat",
    responses={
        429: {"description": "Too many messages from this sender"},
        503: {"description": "Rasa is not reachable"},
    },
)
async def chat(body: ChatRequest, runtime: RuntimeDep) -> ChatResponse:
    """Send one user message through Lotse and return its replies."""
    languages = runtime.reply_languages | runtime.translated_languages()
    if body.lang is not None and body.lang not in languages:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"lang {body.lang!r} is not available; use one of {', '.join(sorted(languages))}",
        )
    settings = runtime.settings
    sender = pseudonymise(settings.pseudonym_secret.get_secret_value(), body.channel, body.sender)
    if wait := runtime.limiter.retry_after(sender):
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            "Too many messages in a short time. Please wait a moment.",
            headers={"Retry-After": str(ceil(wait))},
        )
    text = runtime.redactor.redact(body.text)
    detection = detect_language(text)
    route = choose_language(runtime, body, detection)
    understood_text = text
    if route.translate_from is not None:
        english = await translate_in(runtime, text, route.translate_from)
        if english is None:  # the package failed: as if there were none
            route = Route.stand_in(runtime, route.translate_from)
        else:
            understood_text = english
    metadata: dict[str, str] = {"channel": body.channel}
    if route.lang:
        metadata |= {"lang": route.lang, "lang_source": route.source}
    if understood_text != text:
        metadata["original"] = text  # the user's own words, for the records
    try:
        messages = await send_message(runtime.rasa, sender, understood_text, metadata)
    except RasaUnavailable:
        logger.warning("Rasa unavailable", exc_info=True)
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            "Lotse cannot answer right now. Please try again in a minute.",
        ) from None
    response = assemble(
        messages,
        sender=body.sender,
        lang=route.lang or settings.default_lang,
        detected_lang=detection.lang if detection and detection.decisive else None,
    )
    if route.unserved is not None:
        gap = LanguageGap(route.unserved, sender, body.channel, text)
        response = await answer_language_gap(runtime, gap, response)
    kind = "unsupported" if route.unserved else "translated" if route.translate_from else "native"
    CHAT_TURNS.labels(kind, response.lang).inc()
    if any((message.get("custom") or {}).get(TAG, {}).get("erase") for message in messages):
        await erase_on_request(runtime, body.sender)
    return response


@dataclass(frozen=True)
class Route:
    """What the gateway tells Rasa about the language of one message."""

    lang: str | None
    source: str  # how sure: request > detected > guess, fallback (action_set_language)
    translate_from: str | None = None  # understood through machine translation
    unserved: str | None = None  # a language Lotse can neither write nor translate

    @classmethod
    def stand_in(cls, runtime: Runtime, lang: str) -> "Route":
        return cls(runtime.catalogue.stand_in_for(lang), "fallback", unserved=lang)


def choose_language(runtime: Runtime, body: ChatRequest, detection: Detection | None) -> Route:
    """Rasa's action_set_language weighs the source against the conversation:
    a request always wins, a decisive detection switches unless the user chose,
    a guess or a stand-in only starts a conversation that has no language yet.
    """
    translated = runtime.translated_languages()
    if body.lang is not None:
        return Route(body.lang, "request", body.lang if body.lang in translated else None)
    if detection is None:
        return Route(None, "detected")
    if detection.lang in runtime.reply_languages:
        if detection.decisive:
            return Route(detection.lang, "detected")
        return Route(detection.lang if detection.plausible else None, "guess")
    if not detection.decisive:
        return Route(None, "detected")
    if detection.lang in translated:
        return Route(detection.lang, "detected", translate_from=detection.lang)
    return Route.stand_in(runtime, detection.lang)


async def translate_in(runtime: Runtime, text: str, lang: str) -> str | None:
    """The message in English for the NLU, or None when translation failed or took too long."""
    try:
        return await asyncio.wait_for(
            run_in_threadpool(runtime.translator.translate, text, lang, PIVOT),
            runtime.settings.translation_timeout_s,
        )
    except Exception:  # a slow or broken package must not cost the user an answer
        logger.error("Could not translate a message from %s", lang, exc_info=True)
        return None


async def erase_on_request(runtime: Runtime, sender: str) -> None:
    """The user pressed "delete my data": the same erasure an administrator can run."""
    try:
        with runtime.sessions() as session:
            await erase_sender(runtime, session, sender, "user request")
    except httpx.HTTPError:
        logger.error("Could not erase a conversation in Rasa", exc_info=True)
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            "Your stored questions were deleted, but the conversation history could not "
            "be reached right now. Please ask again to delete it.",
        ) from None


def assemble(
    messages: list[RasaMessage], sender: str, lang: str, detected_lang: str | None
) -> ChatResponse:
    """Fold Rasa's output (texts plus the NLG endpoint's tags) into one response."""
    replies: list[Reply] = []
    tags: list[ReplyTag] = []
    untagged = 0  # replies before their tag (Rasa sends a response's text, then its custom)
    for message in messages:
        tag = (message.get("custom") or {}).get(TAG)
        if tag:
            tags.append(tag)
            for reply in replies[len(replies) - untagged :]:
                reply.machine_translated = bool(tag.get("machine_translated"))
            untagged = 0
        elif message.get("text"):
            untagged += 1
            buttons = [
                Button(title=b["title"], payload=b["payload"])
                for b in message.get("buttons") or []
                if isinstance(b, dict) and "title" in b and "payload" in b
            ]
            replies.append(Reply(text=message["text"], buttons=buttons))
    first = tags[0] if tags else None
    topics = [tag["topic"] for tag in tags if tag["topic"]]
    return ChatResponse(
        sender=sender,
        lang=tags[-1]["lang"] if tags else lang,
        detected_lang=detected_lang,
        intent=first["intent"] if first else None,
        confidence=first["confidence"] if first else None,
        topic=topics[-1] if topics else None,
        unmet=any(tag["unmet"] for tag in tags),
        replies=replies,
    )
