"""A throwaway PostgreSQL database and service_api processes on it, for the benchmarks."""

import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from service_api.db.session import make_engine, migrate
from tests.utils.postgres import throwaway_database

ROOT = Path(__file__).resolve().parents[1]
SERVER = os.environ.get(
    "LOTSE_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
INGEST = "bench-ingest-token"
ADMIN = "bench-admin-token"


@contextmanager
def database() -> Iterator[str]:
    """A fresh database on the server; its URL. Dropped afterwards."""
    with throwaway_database(SERVER, f"lotse_bench_{secrets.token_hex(4)}") as url:
        yield url


@contextmanager
def service_api(database_url: str, port: int, workers: int = 1) -> Iterator[str]:
    """service_api on the database (uvicorn with `workers` processes); its base URL."""
    env = os.environ | {
        "DATABASE_URL": database_url,
        "LOTSE_DATA_DIR": str(ROOT / "var" / "bench"),
        "LOTSE_PSEUDONYM_SECRET": "bench",
        "LOTSE_INGEST_TOKEN": INGEST,
        "LOTSE_ADMIN_TOKEN": ADMIN,
        "LOTSE_ENRICH_INTERVAL_S": "0",
        "LOTSE_RETENTION_DAYS": "3650",  # the synthetic needs span two years; keep their text
        "LOTSE_LOG_FORMAT": "text",
    }
    command = [
        sys.executable, "-m", "uvicorn", "service_api.app:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    engine = make_engine(database_url)
    migrate(engine)  # once, before the workers start
    engine.dispose()
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/api/v1/languages", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
