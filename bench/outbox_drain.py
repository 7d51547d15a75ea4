"""How fast an action server's outbox drains a backlog into service_api on PostgreSQL.

Fills a fresh outbox with --needs unmet needs (as after service_api was away),
starts service_api (two workers) on a fresh PostgreSQL database, then times
the outbox's own flush rounds until it is empty: the needs due together in
one batch request (what the outbox does), or one request per need
(--one-by-one, what it did before). Runs in the action server's environment:

    .venv-bot/bin/python -m bench.outbox_drain --needs 5000
    .venv-bot/bin/python -m bench.outbox_drain --needs 5000 --one-by-one
"""

import argparse
import asyncio
import os
import secrets
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import make_url

from actions.outbox import Outbox
from actions.settings import get_settings
from actions.unmet import KIND_FALLBACK, need_from
from tests.utils.ports import free_port
from tests.utils.postgres import throwaway_database
from tests.utils.trackers import user_tracker

ROOT = Path(__file__).resolve().parents[1]
SERVER = os.environ.get("LOTSE_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
INGEST = "bench-ingest-token"


@contextmanager
def service_api(data_dir: Path) -> Iterator[str]:
    """service_api with two workers on a throwaway database; its base URL."""
    name = f"lotse_bench_{secrets.token_hex(4)}"
    with throwaway_database(SERVER, name) as url:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = os.environ | {
            # service_api's own driver (psycopg 3) on the same database
            "DATABASE_URL": make_url(url)
            .set(drivername="postgresql+psycopg")
            .render_as_string(hide_password=False),
            "LOTSE_DATA_DIR": str(data_dir),
            "LOTSE_PSEUDONYM_SECRET": "bench",
            "LOTSE_INGEST_TOKEN": INGEST,
            "LOTSE_ENRICH_INTERVAL_S": "0",
            "LOTSE_LOG_FORMAT": "text",
        }
        command = [
            str(ROOT / ".venv" / "bin" / "uvicorn"), "service_api.app:create_app", "--factory",
            "--port", str(port), "--workers", "2", "--no-access-log", "--log-level", "warning",
        ]  # fmt: skip
        process = subprocess.Popen(command, cwd=ROOT, env=env)
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    urllib.request.urlopen(f"{base}/api/v1/languages", timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)


async def drain(box: Outbox, one_by_one: bool) -> float:
    started = time.perf_counter()
    while box.pending():
        delivered = await box.deliver_each(box.due()) if one_by_one else await box.flush()
        if not delivered:
            raise SystemExit(f"service_api stopped taking needs; {box.pending()} left")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--needs", type=int, default=5000)
    parser.add_argument("--one-by-one", action="store_true", help="one request per need")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        box = Outbox(Path(tmp) / "outbox.db")
        for i in range(args.needs):
            text = f"Seit Wochen kein Termin frei, Frage {i}"
            box.put("needs", need_from(user_tracker(text=text, message_id=f"m{i}"), KIND_FALLBACK))
        with service_api(Path(tmp) / "api") as base:
            os.environ |= {"LOTSE_SERVICE_API_URL": base, "LOTSE_INGEST_TOKEN": INGEST}
            get_settings.cache_clear()
            seconds = asyncio.run(drain(box, args.one_by_one))
    way = "one request per need" if args.one_by_one else "batches of up to 100"
    print(
        f"{args.needs} needs drained from the outbox, {way}: "
        f"{seconds:.1f} s, {args.needs / seconds:.0f} needs/s"
    )


if __name__ == "__main__":
    main()
