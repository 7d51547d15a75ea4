"""The Telegram bridge over python-telegram-bot's real HTTP path, with a stand-in Lotse."""

import asyncio
import logging

from prometheus_client import REGISTRY, generate_latest
from starlette.responses import JSONResponse

from telegram_bridge.formatting import MAX_CALLBACK_BYTES, split_text
from tests.telegram.conftest import bridge_with, running_bridge, turn
from tests.utils.fake_bot_api import User, until
from tests.utils.ports import free_port

LONG_PAYLOAD = '/ask_documents{"topic": "residence_permit_extension", "extra": "x' + "y" * 40


def test_split_text_cuts_at_paragraphs_then_words():
    paragraph = "word " * 700  # 3500 characters
    pieces = split_text(f"{paragraph}\n\n{paragraph}\n\n{paragraph}")

    assert len(pieces) == 3
    assert all(len(piece) <= 4096 and piece == piece.strip() for piece in pieces)
    assert split_text("x" * 5000) == ["x" * 4096, "x" * 904]  # no space: a hard cut
    assert split_text("  ") == []


async def test_a_conversation_turn_shows_typing_and_sends_buttons():
    buttons = [{"title": "Unterlagen", "payload": '/ask_documents{"topic": "housing"}'}]
    async with bridge_with(turn("Antwort", buttons=buttons)) as (telegram, lotse):
        user = User(4711, "de")
        telegram.user_says(user, "Wie finde ich eine Wohnung?")
        [sent] = await telegram.wait_for(1)

    assert sent["text"] == "Antwort"
    [[button]] = sent["reply_markup"]["inline_keyboard"]
    assert button == {"text": "Unterlagen", "callback_data": '/ask_documents{"topic": "housing"}'}
    assert "typing" in telegram.actions
    assert lotse.received == [
        {"sender": "4711", "text": "Wie finde ich eine Wohnung?", "channel": "telegram"}
    ]


async def test_pressing_a_button_sends_its_payload():
    buttons = [{"title": "Kosten", "payload": '/ask_fees{"topic": "housing"}'}]
    async with bridge_with(turn("Antwort", buttons=buttons)) as (telegram, lotse):
        user = User(1, "de")
        telegram.user_says(user, "Wohnung?")
        [first] = await telegram.wait_for(1)
        telegram.user_presses(user, first, "Kosten")
        await telegram.wait_for(2)

    assert lotse.received[-1]["text"] == '/ask_fees{"topic": "housing"}'


async def test_a_payload_over_telegrams_64_bytes_sends_the_button_title():
    buttons = [{"title": "Unterlagen", "payload": LONG_PAYLOAD}]
    assert len(LONG_PAYLOAD.encode()) > MAX_CALLBACK_BYTES
    async with bridge_with(turn("Antwort", buttons=buttons)) as (telegram, lotse):
        user = User(2, "de")
        telegram.user_says(user, "Frage")
        [first] = await telegram.wait_for(1)
        telegram.user_presses(user, first, "Unterlagen")
        await telegram.wait_for(2)

    assert lotse.received[-1]["text"] == "Unterlagen"


async def test_long_replies_are_split_and_the_buttons_come_last():
    text = "\n\n".join(f"Absatz {n}: " + "Wort " * 300 for n in range(6))  # ~9,000 characters
    buttons = [{"title": "Mensch", "payload": "/human_handoff"}]
    async with bridge_with(turn(text, buttons=buttons)) as (telegram, _):
        telegram.user_says(User(3, "de"), "Erzähl mir alles")
        sent = await telegram.wait_for(3)

    assert all(len(message["text"]) <= 4096 for message in sent)
    assert " ".join(" ".join(m["text"].split()) for m in sent) == " ".join(text.split())
    assert [m["reply_markup"] is not None for m in sent] == [False, False, True]


async def test_start_greets_in_telegrams_language_and_offers_the_picker():
    async with bridge_with(turn("مرحبا", lang="ar")) as (telegram, lotse):
        telegram.user_says(User(5, "ar"), "/start")
        await telegram.wait_for(2)

    assert [(r["text"], r.get("lang")) for r in lotse.received] == [
        ("/greet", "ar"),
        ("/change_language", None),
    ]


async def test_a_telegram_language_lotse_does_not_write_is_left_to_detection():
    async with bridge_with(turn("Hallo")) as (telegram, lotse):
        telegram.user_says(User(6, "pt-br"), "/start")
        await telegram.wait_for(2)

    assert "lang" not in lotse.received[0]


async def test_commands_map_onto_lotse_behaviours():
    async with bridge_with(turn("ok")) as (telegram, lotse):
        user = User(7, "en")
        for command in ("/language", "/help", "/privacy", "/delete", "/unknown"):
            telegram.user_says(user, command)
        await telegram.wait_for(5)

    assert [r["text"] for r in lotse.received] == [
        "/change_language",
        "/greet",
        "/privacy_info",
        '/privacy_info{"erase": "yes"}',
        "/greet",
    ]


async def test_the_command_menu_is_set_in_every_language():
    async with bridge_with(turn("ok")) as (telegram, _):
        pass

    assert {"", "de", "en", "ar", "fa", "tr", "uk", "ru"} <= set(telegram.commands)
    assert [c["command"] for c in telegram.commands["uk"]] == [
        "start",
        "language",
        "help",
        "privacy",
        "delete",
    ]
    assert telegram.commands["tr"][-1]["description"] == "Verilerimi sil"


async def test_a_photo_gets_a_polite_text_only_answer_without_asking_lotse():
    async with bridge_with(turn("nie")) as (telegram, lotse):
        telegram.user_sends_photo(User(8, "en"))
        [sent] = await telegram.wait_for(1)

    assert sent["text"] == "I can only read text. Please write your question."
    assert lotse.received == []


async def test_a_failing_lotse_is_explained_in_the_users_language_and_the_bridge_goes_on():
    answers = iter([JSONResponse({"detail": "down"}, 503)])

    def flaky(body):
        return next(answers, None) or turn("Tamam", lang="tr")(body)

    async with bridge_with(flaky) as (telegram, _):
        user = User(9, "tr")
        telegram.user_says(user, "oturma izni nasıl uzatılır")
        [down] = await telegram.wait_for(1)
        telegram.user_says(user, "oturma izni nasıl uzatılır")
        sent = await telegram.wait_for(2)

    assert down["text"].startswith("Lotse şu anda cevap veremiyor")
    assert "112" in down["text"]
    assert sent[1]["text"] == "Tamam"


async def test_an_unreachable_lotse_is_explained_too():
    async with running_bridge(f"http://127.0.0.1:{free_port()}") as telegram:
        telegram.user_says(User(10, "en"), "hello there, how do I register?")
        [sent] = await telegram.wait_for(1)

    assert sent["text"].startswith("Lotse cannot answer right now")


async def test_a_slow_lotse_times_out_politely_and_holds_up_no_one_else():
    async def slow_for_anna(body):
        if body["sender"] == "31":
            await asyncio.sleep(3)
        return turn(f"Antwort für {body['sender']}")(body)

    async with bridge_with(slow_for_anna, LOTSE_TELEGRAM_LOTSE_TIMEOUT_S=1.5) as (telegram, _):
        telegram.user_says(User(31, "de"), "Frage von Anna")
        telegram.user_says(User(32, "de"), "Frage von Ben")
        first, second = await telegram.wait_for(2)

    assert first["text"] == "Antwort für 32"  # Ben is not kept waiting behind Anna
    assert second["text"].startswith("Lotse kann gerade nicht antworten")


async def test_one_users_turns_keep_their_order():
    async def slower_first(body):
        await asyncio.sleep(0.5 if body["text"] == "eins" else 0)
        return turn(body["text"])(body)

    async with bridge_with(slower_first) as (telegram, _):
        user = User(33, "de")
        telegram.user_says(user, "eins")
        telegram.user_says(user, "zwei")
        sent = await telegram.wait_for(2)

    assert [message["text"] for message in sent] == ["eins", "zwei"]


async def test_too_fast_and_too_long_get_their_own_answers():
    answers = iter([JSONResponse({"detail": "slow"}, 429), JSONResponse({"detail": "long"}, 422)])
    async with bridge_with(lambda body: next(answers)) as (telegram, _):
        user = User(11, "en")
        telegram.user_says(user, "hello?")
        await telegram.wait_for(1)
        telegram.user_says(user, "a" * 3000)
        sent = await telegram.wait_for(2)

    assert sent[0]["text"] == "You are writing very fast. Please wait a moment."
    assert sent[1]["text"].startswith("Your message is too long.")


async def test_a_telegram_outage_does_not_stop_the_bridge():
    async with bridge_with(turn("Antwort")) as (telegram, _):
        telegram.failing = True
        telegram.user_says(User(12, "de"), "Frage eins")
        await until(lambda: telegram.refused >= 1, 30, "a refused send")
        telegram.failing = False
        telegram.user_says(User(12, "de"), "Frage zwei")
        [sent] = await telegram.wait_for(1)

    assert sent["text"] == "Antwort"


async def test_no_telegram_id_or_message_reaches_the_logs(caplog):
    caplog.set_level(logging.INFO)  # the bridge's level in production
    async with bridge_with(lambda body: JSONResponse({}, 503)) as (telegram, _):
        telegram.user_says(User(987654321, "de"), "Ich heiße Amira und brauche Hilfe")
        await telegram.wait_for(1)

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "987654321" not in logged
    assert "Amira" not in logged


async def test_turns_are_counted_for_prometheus_without_anyone_in_the_labels():
    before = REGISTRY.get_sample_value("lotse_telegram_turns_total", {"outcome": "answered"}) or 0
    async with bridge_with(turn("Antwort")) as (telegram, _):
        telegram.user_says(User(4712, "de"), "Wie finde ich eine Wohnung?")
        await telegram.wait_for(1)

    after = REGISTRY.get_sample_value("lotse_telegram_turns_total", {"outcome": "answered"})
    assert after == before + 1
    labels = {
        value
        for family in REGISTRY.collect()
        for sample in family.samples
        for value in sample.labels.values()
    }
    assert labels and not any("4712" in value or "Wohnung" in value for value in labels)
    assert "Wohnung" not in generate_latest().decode()
