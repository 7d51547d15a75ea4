"""A per-sender limit on chat messages (fixed one-minute windows, in memory).

A person cannot type 30 messages a minute; a script can. Replicas each keep
their own counts, so behind a load balancer the effective limit is higher.
"""

import time
from dataclasses import dataclass, field

WINDOW_S = 60.0
MAX_TRACKED = 100_000


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
