"""Lotse's replies as Telegram messages: length limits and inline keyboards."""

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from telegram_bridge.lotse import Button, Reply

MAX_MESSAGE_CHARS = 4096  # Telegram's limit for one message
MAX_CALLBACK_BYTES = 64  # Telegram's limit for a button's callback data
TEXT_PREFIX = "t:"  # callback data that is the button's title, sent as a message


def split_text(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Pieces of at most `limit` characters, cut at a paragraph, line or word where possible."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        for separator in ("\n\n", "\n", " "):
            cut = window.rfind(separator)
            if cut >= limit // 2:
                break
        else:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [*pieces, rest] if rest else pieces


def callback_data(button: Button) -> str:
    """The payload itself; a payload too long for Telegram is replaced by the button's title."""
    if len(button.payload.encode()) <= MAX_CALLBACK_BYTES:
        return button.payload
    title = TEXT_PREFIX + button.title
    while len(title.encode()) > MAX_CALLBACK_BYTES:
        title = title[:-1]
    return title


def keyboard(buttons: list[Button]) -> InlineKeyboardMarkup | None:
    """One button a row: titles in Lotse's languages are often long."""
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.title, callback_data=callback_data(b))] for b in buttons]
    )


def message_text(callback: str) -> str:
    """What a pressed button sends to Lotse."""
    return callback.removeprefix(TEXT_PREFIX)


def labelled(reply: Reply, label: str) -> str:
    return f"{reply.text}\n\n({label})" if reply.machine_translated else reply.text
