"""Telegram end to end: fake Bot API ⇄ the bridge ⇄ the real stack (service_api, Rasa, actions)."""

import httpx

from service_api.services.pseudonym import pseudonymise
from tests.conversation.test_chat import FOOTER, needs
from tests.telegram.conftest import running_bridge
from tests.utils.fake_bot_api import User

QUESTION_DE = "was kostet die verlängerung meiner aufenthaltserlaubnis bei der ausländerbehörde"


def tracker_events(stack, channel_sender: str) -> list[dict]:
    pseudonym = pseudonymise(stack.env["LOTSE_PSEUDONYM_SECRET"], "telegram", channel_sender)
    tracker = httpx.get(
        f"{stack.rasa}/conversations/{pseudonym}/tracker",
        params={"token": stack.env["LOTSE_RASA_TOKEN"]},
    ).json()
    return [event for event in tracker["events"] if event["event"] == "user"]


def payloads(message: dict) -> dict[str, str]:
    rows = (message["reply_markup"] or {}).get("inline_keyboard", [])
    return {button["text"]: button["callback_data"] for row in rows for button in row}


async def test_a_whole_conversation_with_buttons_language_change_and_delete(api, stack):
    user = User(55501, "ar")
    async with running_bridge(stack.base) as telegram:
        telegram.user_says(user, "/start")
        greeting, picker = await telegram.wait_for(2)
        assert "لوتسه" in greeting["text"] or "Lotse" in greeting["text"]
        assert "Deutsch" in payloads(picker)

        telegram.user_presses(user, picker, "Deutsch")
        [*_, switched] = await telegram.wait_for(3)
        assert "Deutsch" in switched["text"]

        telegram.user_says(user, QUESTION_DE)
        [*_, answer] = await telegram.wait_for(4)
        assert FOOTER["de"] in answer["text"]
        assert "👎" in payloads(answer)

        documents = next(t for t, p in payloads(answer).items() if p.startswith("/ask_documents"))
        telegram.user_presses(user, answer, documents)
        [*_, detail] = await telegram.wait_for(5)
        assert detail["text"] != answer["text"]

        telegram.user_presses(user, answer, "👎")
        await telegram.wait_for(6)
        assert QUESTION_DE in [n["text"] for n in needs(api, stack, kind="negative_feedback")]

        telegram.user_says(user, "/delete")
        await telegram.wait_for(7)

    assert QUESTION_DE not in [n["text"] for n in needs(api, stack, kind="negative_feedback")]
    assert tracker_events(stack, str(user.id)) == []
    assert all(str(user.id) not in message["text"] for message in telegram.sent)
