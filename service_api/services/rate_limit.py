"""A per-sender limit on chat messages, in one-minute windows.

A person cannot type 30 messages a minute; a script can. `RateLimiter` keeps
its counts in memory, per process; with several service_api replicas,
`SharedRateLimiter` keeps them in Redis so that the limit holds across all of
them (LOTSE_REDIS_URL).
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import redis

WINDOW_S = 60.0
MAX_TRACKED = 100_000
logger = logging.getLogger(__name__)


class Limiter(Protocol):
    def retry_after(self, key: str) -> float:
        """0 when the message may pass (and is counted), else seconds to wait."""
        ...


@dataclass
class RateLimiter:
    per_minute: int
    _windows: dict[str, tuple[float, int]] = field(default_factory=dict)

    def retry_after(self, key: str, now: float | None = None) -> float:
        """0 when the message may pass (and is counted), else seconds to wait."""
        if self.per_minute <= 0:
            return 0.0
        now = time.monotonic() if now is None else now
        start, count = self._windows.get(key, (now, 0))
        if now - start >= WINDOW_S:
            start, count = now, 0
        if count >= self.per_minute:
            return start + WINDOW_S - now
        self._windows[key] = (start, count + 1)
        if len(self._windows) > MAX_TRACKED:
            self._forget_expired(now)
        return 0.0

    def _forget_expired(self, now: float) -> None:
        self._windows = {
            key: window for key, window in self._windows.items() if now - window[0] < WINDOW_S
        }


@dataclass
class SharedRateLimiter:
    """Counts in Redis, one key per sender and clock minute; open when Redis is down."""

    client: redis.Redis
    per_minute: int
    prefix: str = "lotse:chat-rate:"
    clock: Callable[[], float] = time.time

    def retry_after(self, key: str, now: float | None = None) -> float:
        if self.per_minute <= 0:
            return 0.0
        now = self.clock() if now is None else now
        minute = int(now // WINDOW_S)
        name = f"{self.prefix}{key}:{minute}"
        try:
            pipe = self.client.pipeline()
            pipe.incr(name)
            pipe.expire(name, int(2 * WINDOW_S))
            count = int(pipe.execute()[0])
        except redis.RedisError as error:
            # A limit is a guard, not a gate: without Redis, answer rather than refuse.
            logger.warning("rate limit not applied, Redis unavailable: %s", type(error).__name__)
            return 0.0
        if count > self.per_minute:
            return (minute + 1) * WINDOW_S - now
        return 0.0


def make_limiter(per_minute: int, redis_url: str | None) -> Limiter:
    if redis_url:
        client = redis.Redis.from_url(redis_url, socket_timeout=0.5, socket_connect_timeout=0.5)
        return SharedRateLimiter(client, per_minute)
    return RateLimiter(per_minute)
