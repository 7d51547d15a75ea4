"""A local durable outbox: every unmet need is on disk before delivery is tried.

Records wait in SQLite under LOTSE_DATA_DIR until service_api accepts them;
the idempotency key makes a delivery that is repeated after a crash or a
timeout harmless. A background task retries with backoff.
"""

import asyncio
import json
import logging
import sqlite3
import time
from pathlib import Path
from typing import List, Optional, Tuple

from actions.needs_client import NeedsRejected, NeedsUnavailable, UnmetNeed, submit_need

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
            "CREATE TABLE IF NOT EXISTS outbox (key TEXT PRIMARY KEY, payload TEXT NOT NULL,"
            " attempts INTEGER NOT NULL DEFAULT 0, next_try REAL NOT NULL DEFAULT 0,"
            " rejected INTEGER NOT NULL DEFAULT 0)"
        )
        self._flusher: Optional["asyncio.Task[None]"] = None

    def put(self, need: UnmetNeed) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO outbox (key, payload) VALUES (?, ?)",
            (need["idempotency_key"], json.dumps(need)),
        )

    def due(self, limit: int = BATCH) -> List[Tuple[str, UnmetNeed, int]]:
        rows = self._db.execute(
            "SELECT key, payload, attempts FROM outbox WHERE rejected = 0 AND next_try <= ?"
            " ORDER BY rowid LIMIT ?",
            (time.time(), limit),
        ).fetchall()
        return [(key, json.loads(payload), attempts) for key, payload, attempts in rows]

    def pending(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM outbox WHERE rejected = 0").fetchone()[0])

    async def deliver(self, key: str, need: UnmetNeed, attempts: int) -> bool:
        """Try once; True when service_api has the record."""
        try:
            await submit_need(need)
        except NeedsRejected:
            logger.error("service_api rejected need %s; kept aside", key, exc_info=True)
            self._db.execute("UPDATE outbox SET rejected = 1 WHERE key = ?", (key,))
            return False
        except NeedsUnavailable:
            backoff = min(MAX_BACKOFF_S, 2.0**attempts)
            self._db.execute(
                "UPDATE outbox SET attempts = ?, next_try = ? WHERE key = ?",
                (attempts + 1, time.time() + backoff, key),
            )
            return False
        self._db.execute("DELETE FROM outbox WHERE key = ?", (key,))
        return True

    async def flush(self) -> int:
        """Deliver everything that is due; returns how many were delivered."""
        delivered = 0
        for key, need, attempts in self.due():
            if not await self.deliver(key, need, attempts):
                break  # service_api is down or refusing: wait for the next round
            delivered += 1
        return delivered

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
