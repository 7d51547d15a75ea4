"""Latency of the barrier report over a million synthetic needs on PostgreSQL.

Fills a fresh database with --needs records (COPY), then asks service_api for
GET /api/v1/reports/barriers with two groupings, --repeat times each, and
prints the median and p95 of the whole HTTP request, suppression included.

    .venv/bin/python -m bench.report_1m --needs 1000000
"""

import argparse
import random
import statistics
import time
from datetime import UTC, datetime, timedelta

import httpx
import psycopg
from sqlalchemy import make_url

from bench.chat_latency import percentile
from bench.postgres_service import ADMIN, database, service_api
from service_api.db.session import make_engine, migrate
from tests.utils.ports import free_port

BARRIERS = [
    "appointment",
    "language",
    "reachability",
    "digital_access",
    "information",
    "documents",
    "processing_time",
    "cost",
    "physical_access",
    "discrimination",
    None,
]
DISTRICTS = ["Mitte", "Nordstadt", "Südviertel", "Weststadt", None]
LANGS = ["de", "en", "ar", "fa", "tr", "uk", "ru", "fr", "ps"]
KINDS = ["fallback", "out_of_scope", "negative_feedback", "barrier_report", "handoff_request"]
GROUPINGS = ["barrier,district", "month,barrier,lang"]


def fill(url: str, needs: int) -> float:
    """COPY `needs` rows spread over two years; returns the seconds it took."""
    rng = random.Random(1)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    began = time.perf_counter()
    with psycopg.connect(dsn, autocommit=True) as connection:
        with connection.cursor() as cursor:
            columns = "created_at, kind, channel, lang, text, barrier, district, sender, status"
            with cursor.copy(f"COPY unmet_needs ({columns}, synthetic) FROM STDIN") as copy:
                for n in range(needs):
                    at = start + timedelta(minutes=rng.randrange(2 * 365 * 24 * 60))
                    copy.write_row((
                        at, rng.choice(KINDS), rng.choice(["web", "telegram"]), rng.choice(LANGS),
                        "synthetic need for the benchmark", rng.choice(BARRIERS),
                        rng.choice(DISTRICTS), f"s{n % 50000}", "new", False,
                    ))  # fmt: skip
        connection.execute("VACUUM ANALYZE unmet_needs")
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--needs", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with database() as url:
        engine = make_engine(url)
        migrate(engine)
        engine.dispose()
        seconds = fill(url, args.needs)
        print(f"filled {args.needs:,} needs in {seconds:.1f} s")
        with (
            service_api(url, free_port()) as base,
            httpx.Client(base_url=base, timeout=120) as client,
        ):
            headers = {"Authorization": f"Bearer {ADMIN}"}
            for group_by in GROUPINGS:
                params = {"group_by": group_by, "since": "2025-01-01", "until": "2027-01-01"}
                client.get("/api/v1/reports/barriers", params=params, headers=headers)  # warm-up
                timings = []
                for _ in range(args.repeat):
                    began = time.perf_counter()
                    response = client.get(
                        "/api/v1/reports/barriers", params=params, headers=headers
                    )
                    timings.append((time.perf_counter() - began) * 1000)
                    response.raise_for_status()
                rows = len(response.json())
                median, p95 = statistics.median(timings), percentile(timings, 0.95)
                print(
                    f"group_by={group_by:<20} {rows:>5} rows"
                    f"  median {median:7.1f} ms  p95 {p95:7.1f} ms"
                )


if __name__ == "__main__":
    main()
