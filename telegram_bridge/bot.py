"""Telegram updates in, Lotse turns out.

Every message, command and button press becomes one POST /api/v1/chat with
the Telegram user id as the opaque sender (service_api turns it into a
pseudonym before anything is stored). The bridge keeps only the language of
each user's last reply, in memory, to speak when Lotse cannot.
"""

import asyncio
import logging
import weakref
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager, suppress
from typing import Any

import httpx
from telegram import BotCommand, Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from telegram_bridge.formatting import keyboard, labelled, message_text, split_text
from telegram_bridge.lotse import LotseBusy, LotseClient, LotseRefused, LotseUnavailable
from telegram_bridge.metrics import ERRORS, LOTSE_SECONDS, TURNS
from telegram_bridge.settings import BridgeSettings
from telegram_bridge.texts import COMMANDS, ChannelTexts, load_texts, texts_for

logger = logging.getLogger("telegram_bridge")
MAX_QUESTION_CHARS = 2000  # what /api/v1/chat accepts
TYPING_EVERY_S = 4.0  # Telegram shows "typing…" for about five seconds
# What each command sends to Lotse: payloads of the shared vocabulary's behaviours.
COMMAND_PAYLOADS = {
    "language": "/change_language",
    "help": "/greet",
    "privacy": "/privacy_info",
    "delete": '/privacy_info{"erase": "yes"}',
}
LANG_KEY = "lang"
App = Application[Any, Any, Any, Any, Any, Any]
Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


class Bridge:
    def __init__(self, lotse: LotseClient, texts: dict[str, ChannelTexts], default: str) -> None:
        self.lotse = lotse
        self.texts = texts
        self.default = default
        # Updates run concurrently; one lock per chat keeps each user's turns in order.
        self.chat_locks: weakref.WeakValueDictionary[int, asyncio.Lock] = (
            weakref.WeakValueDictionary()
        )

    def register(self, application: App) -> None:
        application.add_handler(CommandHandler("start", self.start))
        for command, payload in COMMAND_PAYLOADS.items():
            application.add_handler(CommandHandler(command, self.send_payload(payload)))
        application.add_handler(MessageHandler(filters.COMMAND, self.send_payload("/greet")))
        application.add_handler(MessageHandler(filters.TEXT, self.message))
        application.add_handler(CallbackQueryHandler(self.button))
        application.add_handler(MessageHandler(filters.ALL, self.not_text))
        application.add_error_handler(self.error)

    def guess(self, update: Update) -> str | None:
        """Telegram's language_code as a first guess, when Lotse writes that language."""
        code = (update.effective_user and update.effective_user.language_code) or ""
        base = code.split("-")[0].lower()
        return base if base in self.texts else None

    def channel_texts(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> ChannelTexts:
        lang = (context.user_data or {}).get(LANG_KEY) or self.guess(update)
        return texts_for(self.texts, lang, self.default)

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Greeting in the guessed language, then the language picker."""
        if await self.converse(update, context, "/greet", lang=self.guess(update)):
            await self.converse(update, context, "/change_language")

    def send_payload(self, payload: str) -> Handler:
        async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            await self.converse(update, context, payload)
            if payload == COMMAND_PAYLOADS["delete"] and context.user_data is not None:
                context.user_data.clear()

        return handle

    async def message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_message and update.effective_message.text:
            await self.converse(update, context, update.effective_message.text)

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None or not query.data:
            return
        with suppress(TelegramError):  # only stops the button's spinner
            await query.answer()
        text = message_text(query.data)
        await self.converse(update, context, text)
        if text == COMMAND_PAYLOADS["delete"] and context.user_data is not None:
            context.user_data.clear()

    async def not_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Photos, voice messages, stickers: say what works."""
        await self.say(update, context, self.channel_texts(update, context).text_only)

    async def converse(
        self,
        update: Update,
        context: ContextTypes.DEFAULT_TYPE,
        text: str,
        lang: str | None = None,
    ) -> bool:
        """One turn with Lotse; False when Lotse could not answer (the user was told why)."""
        user, chat = update.effective_user, update.effective_chat
        if user is None or chat is None:
            return False
        texts = self.channel_texts(update, context)
        lock = self.chat_locks.setdefault(chat.id, asyncio.Lock())
        async with lock:
            return await self._turn(update, context, text, lang, texts)

    async def _turn(
        self,
        update: Update,
        context: ContextTypes.DEFAULT_TYPE,
        text: str,
        lang: str | None,
        texts: ChannelTexts,
    ) -> bool:
        user, chat = update.effective_user, update.effective_chat
        assert user is not None and chat is not None
        try:
            async with typing(context, chat.id):
                with LOTSE_SECONDS.time():
                    turn = await self.lotse.chat(str(user.id), text, lang)
        except LotseBusy:
            TURNS.labels("busy").inc()
            await self.say(update, context, texts.too_fast)
            return False
        except LotseRefused:
            TURNS.labels("refused").inc()
            too_long = len(text) > MAX_QUESTION_CHARS
            await self.say(update, context, texts.too_long if too_long else texts.text_only)
            return False
        except LotseUnavailable as error:
            TURNS.labels("unavailable").inc()
            logger.warning("Lotse unavailable: %s", error)
            await self.say(update, context, texts.unavailable)
            return False
        TURNS.labels("answered").inc()
        if context.user_data is not None:
            context.user_data[LANG_KEY] = turn.lang
        label = texts_for(self.texts, turn.lang, self.default).machine_translated
        for reply in turn.replies:
            pieces = split_text(labelled(reply, label))
            for number, piece in enumerate(pieces, start=1):
                markup = keyboard(reply.buttons) if number == len(pieces) else None
                await context.bot.send_message(chat.id, piece, reply_markup=markup)
        return True

    async def say(self, update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
        if update.effective_chat is not None:
            await context.bot.send_message(update.effective_chat.id, text)

    async def error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """One place for everything that went wrong; never logs who or what was written."""
        logger.error("update failed: %s", type(context.error).__name__)
        ERRORS.labels(type(context.error).__name__).inc()
        if isinstance(update, Update) and not isinstance(context.error, TelegramError):
            with suppress(TelegramError):
                await self.say(update, context, self.channel_texts(update, context).unavailable)


@asynccontextmanager
async def typing(context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> AsyncIterator[None]:
    """Show "typing…" for as long as Lotse thinks."""

    async def keep_typing() -> None:
        while True:
            with suppress(TelegramError):
                await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
            await asyncio.sleep(TYPING_EVERY_S)

    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        task.cancel()


def build_application(settings: BridgeSettings) -> App:
    texts = load_texts(settings.catalogue_dir)
    client = httpx.AsyncClient(base_url=str(settings.lotse_url), timeout=settings.lotse_timeout_s)

    async def announce_commands(application: App) -> None:
        """The command menu in every language Telegram knows by a two-letter code."""
        try:
            for lang, channel in texts.items():
                commands = [BotCommand(name, channel.commands[name]) for name in COMMANDS]
                if len(lang) == 2:
                    await application.bot.set_my_commands(commands, language_code=lang)
                if lang == settings.default_lang:
                    await application.bot.set_my_commands(commands)
        except TelegramError as error:
            logger.warning("could not set the command menu: %s", type(error).__name__)

    async def close(application: App) -> None:
        await client.aclose()

    application = (
        ApplicationBuilder()
        .token(settings.token.get_secret_value())
        .base_url(settings.api_base_url)
        .post_init(announce_commands)
        .post_shutdown(close)
        .concurrent_updates(True)  # a slow answer for one user must not hold up the others
        .build()
    )
    Bridge(LotseClient(client), texts, settings.default_lang).register(application)
    return application
