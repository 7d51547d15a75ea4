"""Scale-out: 50 senders × 20 messages through 2 + 2 + 2 replicas behind load balancers."""

import asyncio
import os
import time
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import create_engine, func, select

from service_api.db.models import UnmetNeed
from tests.api.conftest import POSTGRES_URL
from tests.conversation.conftest import ROOT
from tests.deploy.topology import Topology

SENDERS = 50
MESSAGES = 20
REDIS_URL = os.environ.get("LOTSE_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")
# A conversation of known turns: (text, the topic the reply must carry; None = an unmet need).
SCRIPT = [
    ("Ich bin gerade umgezogen, wie melde ich meine neue Wohnung an?", "address_registration"),
    (
        "my residence permit ends in june, when should i apply to renew it",
        "residence_permit_extension",
    ),
    ("kjsdhf kjh sdkjfh", None),
    ("mein sohn ist zwei jahre alt, wie bekomme ich einen platz im kindergarten", "childcare"),
    (
        "my wife and kids are still back home, how can they join me here in germany",
        "family_reunification",
    ),
]
UNMET_PER_SENDER = sum(1 for i in range(MESSAGES) if SCRIPT[i % len(SCRIPT)][1] is None)


@pytest.fixture(scope="module")
def topology(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Topology]:
    if not any((ROOT / "models").glob("*.tar.gz")):
        pytest.fail("no trained model in models/: run `make train` (make test does)")
    running = Topology(tmp_path_factory.mktemp("topology"), POSTGRES_URL, REDIS_URL)
    try:
        running.start_all()
        running.wait_ready()
        yield running
    finally:
        running.stop()
        running.drop_databases()


async def converse(client: httpx.AsyncClient, sender: str) -> list[tuple[int, str | None]]:
    """One sender's 20 messages, each sent when the previous one was answered."""
    seen = []
    for i in range(MESSAGES):
        text, _ = SCRIPT[i % len(SCRIPT)]
        response = await client.post(
            "/api/v1/chat", json={"sender": sender, "text": text, "channel": "web"}
        )
        body = response.json() if response.status_code == 200 else {}
        seen.append((response.status_code, body.get("topic") if not body.get("unmet") else None))
    return seen


async def drive(base: str) -> dict[str, list[tuple[int, str | None]]]:
    limits = httpx.Limits(max_connections=SENDERS)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        senders = [f"scale-{n:02d}" for n in range(SENDERS)]
        replies = await asyncio.gather(*(converse(client, sender) for sender in senders))
    return dict(zip(senders, replies, strict=True))


def test_fifty_senders_get_every_reply_in_order_and_every_need_is_stored_once(topology):
    started = time.monotonic()
    replies = asyncio.run(drive(topology.base))
    elapsed = time.monotonic() - started

    expected = [(200, SCRIPT[i % len(SCRIPT)][1]) for i in range(MESSAGES)]
    wrong = {sender: seen for sender, seen in replies.items() if seen != expected}
    assert not wrong, f"{len(wrong)} senders got errors or replies out of order: {wrong}"

    engine = create_engine(topology.env["DATABASE_URL"])
    deadline = time.monotonic() + 120
    while topology.outbox_waiting() and time.monotonic() < deadline:
        time.sleep(0.5)  # the action servers' outboxes deliver in the background
    with engine.connect() as connection:
        per_sender = connection.execute(
            select(UnmetNeed.sender, func.count()).group_by(UnmetNeed.sender)
        ).all()
    engine.dispose()
    assert topology.outbox_waiting() == 0
    assert len(per_sender) == SENDERS
    assert {count for _, count in per_sender} == {UNMET_PER_SENDER}
    print(f"\n{SENDERS * MESSAGES} messages through 2+2+2 replicas in {elapsed:.1f} s")


def test_the_front_door_keeps_nlg_and_metrics_inside(topology):
    assert httpx.get(f"{topology.base}/metrics").status_code == 404
    assert httpx.post(f"{topology.base}/nlg", json={}).status_code == 404
    assert httpx.get(f"{topology.base}/api/v1/languages").status_code == 200
    internal = f"http://127.0.0.1:{topology.lb['api']}"
    assert "lotse_chat_turns_total" in httpx.get(f"{internal}/metrics").text
