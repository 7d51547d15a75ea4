"""The chat rate limit shared by service_api replicas through Redis (the real server)."""

import os
import uuid

import httpx
import pytest
import redis
from fastapi.testclient import TestClient

from service_api.app import create_app
from service_api.services.rate_limit import SharedRateLimiter
from tests.api.test_chat import tagged

REDIS_URL = os.environ.get("LOTSE_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


@pytest.fixture
def shared():
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.fail(f"Redis is not reachable at {REDIS_URL}; start it or set LOTSE_TEST_REDIS_URL")
    prefix = f"test:{uuid.uuid4().hex}:"
    yield client, prefix
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)


def test_two_replicas_count_one_senders_messages_together(shared):
    client, prefix = shared
    first, second = (SharedRateLimiter(client, per_minute=3, prefix=prefix) for _ in range(2))

    waits = [limiter.retry_after("s", now=120.0) for limiter in (first, second, first, second)]

    assert waits == [0.0, 0.0, 0.0, 60.0]
    assert first.retry_after("other", now=130.0) == 0.0
    assert first.retry_after("s", now=180.0) == 0.0  # a new minute


def test_without_redis_the_chat_stays_open():
    unreachable = redis.Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2)

    assert SharedRateLimiter(unreachable, per_minute=1).retry_after("s") == 0.0


def test_replicas_on_one_redis_slow_a_fast_sender_down_together(settings, shared):
    def replica() -> TestClient:
        return TestClient(create_app(settings.model_copy(update={"redis_url": REDIS_URL})))

    with replica() as one, replica() as two:
        for app in (one, two):
            runtime = app.app.state.runtime  # type: ignore[attr-defined]
            runtime.limiter.per_minute = 3
            runtime.limiter.prefix = shared[1]
            runtime.limiter.clock = lambda: 120.0  # one minute for all four, whenever run
            runtime.rasa = httpx.AsyncClient(
                base_url="http://rasa.test",
                transport=httpx.MockTransport(lambda r: httpx.Response(200, json=tagged("ok"))),
            )
        statuses = [
            app.post("/api/v1/chat", json={"sender": "fast", "text": "hallo"}).status_code
            for app in (one, two, one, two)
        ]

    assert statuses == [200, 200, 200, 429]
