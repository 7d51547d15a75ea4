"""Ingest rate of unmet needs on PostgreSQL: POST /api/v1/needs as the action servers do.

Starts service_api (uvicorn, --workers processes) on a fresh PostgreSQL
database, posts --needs records from --clients concurrent clients, each with
an idempotency key and redacted on the way in, then counts what was stored.

    .venv/bin/python -m bench.ingest --needs 20000 --clients 32 --workers 2
    .venv/bin/python -m bench.ingest --needs 100000 --clients 8 --workers 2 --batch 100
"""

import argparse
import asyncio
import time

import httpx
from sqlalchemy import create_engine, func, select

from bench.postgres_service import INGEST, database, service_api
from service_api.db.models import UnmetNeed
from tests.utils.ports import free_port

TEXTS = [
    "Seit Wochen kein Termin bei der Ausländerbehörde frei.",
    "The forms are only in German and nobody could explain them.",
    "لا يوجد مترجم في المكتب",
    "Чекаю на рішення вже пів року.",
]
BARRIERS = ["appointment", "language", "processing_time", "information"]
DISTRICTS = ["Mitte", "Nordstadt", "Südviertel", "Weststadt", None]


def need(n: int, run: str) -> dict[str, str | None]:
    return {
        "kind": "barrier_report",
        "channel": "telegram",
        "lang": "de",
        "text": TEXTS[n % len(TEXTS)],
        "barrier": BARRIERS[n % len(BARRIERS)],
        "district": DISTRICTS[n % len(DISTRICTS)],
        "sender": f"bench-{n % 997}",
        "idempotency_key": f"{run}-{n}",
    }


async def post_all(base: str, needs: int, clients: int, run: str, batch: int) -> tuple[float, int]:
    """Seconds to post every need, and how many were not stored as new."""
    numbers = iter(range(0, needs, batch or 1))
    errors = 0
    headers = {"Authorization": f"Bearer {INGEST}"}

    async def client_loop(client: httpx.AsyncClient) -> None:
        nonlocal errors
        for first in numbers:
            if not batch:
                response = await client.post(
                    "/api/v1/needs", json=need(first, run), headers=headers
                )
                errors += response.status_code != 201
                continue
            records = [need(n, run) for n in range(first, min(first + batch, needs))]
            response = await client.post(
                "/api/v1/needs/batch", json={"needs": records}, headers=headers
            )
            statuses = [r["status"] for r in response.json()["results"]]
            errors += sum(status != 201 for status in statuses)

    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(client_loop(client) for _ in range(clients)))
        return time.perf_counter() - started, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--needs", type=int, default=20000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2, help="service_api processes")
    parser.add_argument("--batch", type=int, default=0, help="needs per request (0: one each)")
    args = parser.parse_args()
    with database() as url, service_api(url, free_port(), args.workers) as base:
        asyncio.run(post_all(base, 500, 8, "warm-up", args.batch))  # stored, not timed
        elapsed, errors = asyncio.run(post_all(base, args.needs, args.clients, "bench", args.batch))
        engine = create_engine(url)
        with engine.connect() as connection:
            stored = connection.scalar(select(func.count()).select_from(UnmetNeed)) or 0
        engine.dispose()
    rate = args.needs / elapsed
    print(
        f"{args.needs} needs, {args.batch or 1} a request, from {args.clients} clients "
        f"to {args.workers} service_api "
        f"process(es) on PostgreSQL: {elapsed:.1f} s, {rate:.0f} needs/s, "
        f"{errors} errors, {stored - 500} stored"
    )


if __name__ == "__main__":
    main()
