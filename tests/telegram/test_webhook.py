"""Webhook mode: Telegram posts updates; only those carrying the secret token are read."""

import httpx

from tests.telegram.conftest import FakeLotse, running_bridge, turn
from tests.utils.fake_bot_api import User, serving
from tests.utils.ports import free_port

SECRET = "webhook-secret-0123456789"
PUBLIC_URL = "https://lotse.musterstadt.example/telegram"


async def test_only_updates_with_the_secret_token_reach_lotse():
    lotse, port = FakeLotse(turn("Antwort")), free_port()
    environment = {
        "LOTSE_TELEGRAM_WEBHOOK_URL": PUBLIC_URL,
        "LOTSE_TELEGRAM_WEBHOOK_SECRET": SECRET,
        "LOTSE_TELEGRAM_PORT": port,
    }
    async with (
        serving(lotse.app(), lotse.port),
        running_bridge(f"http://127.0.0.1:{lotse.port}", **environment) as telegram,
        httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client,
    ):
        telegram.user_says(User(21, "de"), "Wo melde ich mich an?")
        update = telegram.updates[-1]
        header = "X-Telegram-Bot-Api-Secret-Token"
        forged = await client.post("/telegram", json=update)
        wrong = await client.post("/telegram", json=update, headers={header: "guess"})
        real = await client.post("/telegram", json=update, headers={header: SECRET})
        [sent] = await telegram.wait_for(1)

    assert (forged.status_code, wrong.status_code, real.status_code) == (403, 403, 200)
    assert sent["text"] == "Antwort"
    assert len(lotse.received) == 1
    assert telegram.webhook is not None
    assert (telegram.webhook["url"], telegram.webhook["secret_token"]) == (PUBLIC_URL, SECRET)
