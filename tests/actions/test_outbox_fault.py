"""Fault test: service_api is killed in the middle of 500 records; none is lost or doubled."""

import asyncio
import os
import secrets
import signal
import socket
import subprocess
import time
from pathlib import Path

import aiohttp
import pytest

from actions.outbox import Outbox
from actions.settings import get_settings
from actions.unmet import KIND_FALLBACK, need_from
from tests.utils.ports import free_port
from tests.utils.trackers import user_tracker

ROOT = Path(__file__).resolve().parents[2]
RECORDS = 500
ADMIN = secrets.token_urlsafe(16)
INGEST = secrets.token_urlsafe(16)


class ServiceApi:
    def __init__(self, data_dir: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = os.environ | {
            "LOTSE_DATA_DIR": str(data_dir),
            "LOTSE_PSEUDONYM_SECRET": "fault-test",
            "LOTSE_ADMIN_TOKEN": ADMIN,
            "LOTSE_INGEST_TOKEN": INGEST,
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "uvicorn"),
                "service_api.app:create_app",
                "--factory",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("service_api did not start")

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    async def stored(self) -> list[dict]:
        headers = {"Authorization": f"Bearer {ADMIN}"}
        items, offset = [], 0
        async with aiohttp.ClientSession() as session:
            while True:
                params = {"limit": 200, "offset": offset}
                async with session.get(
                    f"{self.url}/api/v1/needs", params=params, headers=headers
                ) as response:
                    page = await response.json()
                items += page["items"]
                offset += 200
                if offset >= page["total"]:
                    return items


def a_need(i: int):
    return need_from(user_tracker(text=f"frage {i}", message_id=f"m{i}"), KIND_FALLBACK)


@pytest.fixture
def service(tmp_path, monkeypatch):
    api = ServiceApi(tmp_path / "api")
    monkeypatch.setenv("LOTSE_SERVICE_API_URL", api.url)
    monkeypatch.setenv("LOTSE_INGEST_TOKEN", INGEST)
    monkeypatch.setenv("LOTSE_REQUEST_TIMEOUT_S", "2")
    get_settings.cache_clear()
    api.start()
    yield api
    if api.process and api.process.poll() is None:
        api.kill()
    get_settings.cache_clear()


async def drain(box: Outbox, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while box.pending() and time.monotonic() < deadline:
        box._db.execute("UPDATE outbox SET next_try = 0")  # no backoff in a test
        await box.flush()


async def test_nothing_is_lost_or_stored_twice(service, tmp_path):
    box = Outbox(tmp_path / "outbox.db")
    for i in range(RECORDS):
        box.put("needs", a_need(i))
        if i == 200:
            in_flight = asyncio.ensure_future(box.flush())
            await asyncio.sleep(0.05)
            service.kill()  # in the middle of a delivery round
            await in_flight
        if i == 400:
            service.start()
        if i % 10 == 0:
            await box.flush()
    await drain(box)
    for i in range(50):  # deliveries repeated after a lost acknowledgement
        box.put("needs", a_need(i))
    await drain(box)

    stored = await service.stored()
    texts = [need["text"] for need in stored]
    assert box.pending() == 0
    assert len(texts) == RECORDS, f"{RECORDS - len(set(texts))} lost"
    assert len(set(texts)) == RECORDS, f"{len(texts) - len(set(texts))} duplicated"
