"""A local durable outbox: every record for service_api is on disk before delivery is tried.

Records wait in SQLite under LOTSE_DATA_DIR until service_api accepts them;
the idempotency key makes a delivery that is repeated after a crash or a
timeout harmless. A background task retries with backoff.
"""

import asyncio
import json
import logging
import sqlite3
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from actions.ingest_client import IngestRejected, IngestUnavailable, submit
from actions.settings import get_settings

Record = Dict[str, Any]

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

    def due(self, limit: int = BATCH) -> List[Tuple[str, str, Record, int]]:
        rows = self._db.execute(
            "SELECT key, path, payload, attempts FROM outbox WHERE rejected = 0"
            " AND next_try <= ? ORDER BY rowid LIMIT ?",
            (time.time(), limit),
        ).fetchall()
        return [(key, path, json.loads(payload), attempts) for key, path, payload, attempts in rows]

    def pending(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM outbox WHERE rejected = 0").fetchone()[0])

    async def deliver(self, key: str, path: str, record: Record, attempts: int) -> bool:
        """Try once; True when service_api has the record."""
        try:
            await submit(path, record)
        except IngestRejected:
            logger.error("service_api rejected %s; kept aside", key, exc_info=True)
            self._db.execute("UPDATE outbox SET rejected = 1 WHERE key = ?", (key,))
            return False
        except IngestUnavailable:
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
        for key, path, record, attempts in self.due():
            if not await self.deliver(key, path, record, attempts):
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
