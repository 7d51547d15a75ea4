"""Prometheus metrics of the bridge, served on their own port (LOTSE_TELEGRAM_METRICS_PORT)."""

from prometheus_client import Counter, Histogram

TURNS = Counter("lotse_telegram_turns", "Messages passed to Lotse, by outcome", ["outcome"])
LOTSE_SECONDS = Histogram(
    "lotse_telegram_lotse_seconds",
    "Time Lotse took to answer one message",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
ERRORS = Counter("lotse_telegram_errors", "Updates that failed, by error type", ["error"])
