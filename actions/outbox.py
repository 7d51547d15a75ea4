"""A local durable outbox: every record for service_api is on disk before delivery is tried.

Records wait in SQLite under LOTSE_DATA_DIR until service_api accepts them;
the idempotency key makes a delivery that is repeated after a crash or a
timeout harmless. A background task retries with backoff. Needs that are due
together go in one request (/api/v1/needs/batch), so that an outbox catching
up after an outage is not held back by one round trip per record.
"""

import asyncio
import json
import logging
import sqlite3
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from actions.ingest_client import (
    NEEDS,
    IngestRejected,
    IngestUnavailable,
    submit,
    submit_needs,
)
from actions.settings import get_settings

Record = Dict[str, Any]
Row = Tuple[str, str, Record, int]

logger = logging.getLogger(__name__)

MAX_BACKOFF_S = 300.0
FLUSH_INTERVAL_S = 2.0
BATCH = 100


class Outbox:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS outbox (key TEXT PRIMARY KEY, path TEXT NOT NULL,"
            " payload TEXT NOT NULL,"
            " attempts INTEGER NOT NULL DEFAULT 0, next_try REAL NOT NULL DEFAULT 0,"
            " rejected INTEGER NOT NULL DEFAULT 0)"
        )
        self._flusher: Optional["asyncio.Task[None]"] = None

    def put(self, path: str, record: Record) -> None:
        """Keep a record for POST /api/v1/<path>; its idempotency key makes it unique."""
        self._db.execute(
            "INSERT OR IGNORE INTO outbox (key, path, payload) VALUES (?, ?, ?)",
            (f"{path}:{record['idempotency_key']}", path, json.dumps(record)),
        )

    def due(self, limit: int = BATCH) -> List[Row]:
        rows = self._db.execute(
            "SELECT key, path, payload, attempts FROM outbox WHERE rejected = 0"
            " AND next_try <= ? ORDER BY rowid LIMIT ?",
            (time.time(), limit),
        ).fetchall()
        return [(key, path, json.loads(payload), attempts) for key, path, payload, attempts in rows]

    def pending(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM outbox WHERE rejected = 0").fetchone()[0])

    def _delivered(self, key: str) -> None:
        self._db.execute("DELETE FROM outbox WHERE key = ?", (key,))

    def _set_aside(self, key: str, why: str) -> None:
        logger.error("service_api rejected %s (%s); kept aside", key, why)
        self._db.execute("UPDATE outbox SET rejected = 1 WHERE key = ?", (key,))

    def _retry_later(self, key: str, attempts: int) -> None:
        backoff = min(MAX_BACKOFF_S, 2.0**attempts)
        self._db.execute(
            "UPDATE outbox SET attempts = ?, next_try = ? WHERE key = ?",
            (attempts + 1, time.time() + backoff, key),
        )

    async def deliver(self, key: str, path: str, record: Record, attempts: int) -> bool:
        """Try once; True when service_api has the record."""
        try:
            await submit(path, record)
        except IngestRejected as error:
            self._set_aside(key, str(error))
            return False
        except IngestUnavailable:
            self._retry_later(key, attempts)
            return False
        self._delivered(key)
        return True

    async def deliver_needs(self, rows: List[Row]) -> Optional[int]:
        """Try the needs in one request; how many service_api has, None when it is unreachable."""
        try:
            statuses = await submit_needs([record for _, _, record, _ in rows])
        except IngestRejected:
            # A record the batch as a whole refuses: one by one, so that only it is set aside.
            return await self.deliver_each(rows)
        except IngestUnavailable:
            for key, _, _, attempts in rows:
                self._retry_later(key, attempts)
            return None
        delivered = 0
        for (key, *_), status in zip(rows, statuses, strict=True):
            if status == 422:
                self._set_aside(key, "HTTP 422 in a batch")
                continue
            self._delivered(key)  # 201 stored, 200 already there, 204 sender erased meanwhile
            delivered += 1
        return delivered

    async def deliver_each(self, rows: List[Row]) -> int:
        """One request per record, in order, until one fails; how many were delivered."""
        delivered = 0
        for row in rows:
            if not await self.deliver(*row):
                break  # service_api is down or refusing: wait for the next round
            delivered += 1
        return delivered

    async def flush(self) -> int:
        """Deliver everything that is due, the needs as one batch; how many were delivered."""
        due = self.due()
        needs = [row for row in due if row[1] == NEEDS]
        delivered = 0
        if needs:
            outcome = await self.deliver_needs(needs)
            if outcome is None:
                return 0  # service_api is down: wait for the next round
            delivered += outcome
        return delivered + await self.deliver_each([row for row in due if row[1] != NEEDS])

    def keep_flushing(self) -> None:
        """Start the retry loop on the running event loop, once."""
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.get_running_loop().create_task(self._flush_forever())

    def stop(self) -> None:
        if self._flusher is not None:
            self._flusher.cancel()

    async def _flush_forever(self) -> None:
        while True:
            await asyncio.sleep(FLUSH_INTERVAL_S)
            try:
                await self.flush()
            except Exception:  # the loop must survive anything a round throws
                logger.exception("outbox flush failed")


@lru_cache
def outbox() -> Outbox:
    return Outbox(get_settings().outbox_path)


async def send(path: str, record: Record) -> bool:
    """Keep the record durably, then try to deliver it now; False if it could not be kept."""
    try:
        box = outbox()
        box.put(path, record)
    except (OSError, sqlite3.Error):
        logger.error("Could not keep a record for %s", path, exc_info=True)
        return False
    box.keep_flushing()
    await box.flush()
    return True
