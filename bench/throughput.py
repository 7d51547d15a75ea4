"""Throughput of /api/v1/chat against Rasa's own REST webhook at 1, 10, 20 and 50 senders.

Each sender sends one message after another, every message opening a new
conversation (so that per-sender rate limits and conversation length play no
part); both legs get the same messages against the same running stack. Start
it with `make run` first (or point --api and --rasa at a deployment).

    .venv/bin/python bench/throughput.py --seconds 20
"""

import argparse
import asyncio
import itertools
import time
import uuid

import httpx

from bench.chat_latency import MESSAGES

LEVELS = (1, 10, 20, 50)


async def run(url: str, leg: str, senders: int, seconds: float) -> tuple[int, int]:
    """Messages answered and errors within the time, with `senders` at once."""
    texts = itertools.cycle(MESSAGES)
    answered = errors = 0
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=senders)

    async def sender(client: httpx.AsyncClient) -> None:
        nonlocal answered, errors
        while time.monotonic() < deadline:
            name = f"tp-{uuid.uuid4()}"
            text = next(texts)
            body = (
                {"sender": name, "text": text}
                if leg == "api"
                else {"sender": name, "message": text}
            )
            try:
                response = await client.post(url, json=body)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            answered += ok
            errors += not ok

    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        await asyncio.gather(*(sender(client) for _ in range(senders)))
    return answered, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", default="http://127.0.0.1:8000")
    parser.add_argument("--rasa", default="http://127.0.0.1:5005")
    parser.add_argument("--seconds", type=float, default=20, help="per level and leg")
    args = parser.parse_args()
    legs = {
        "api": f"{args.api}/api/v1/chat",
        "rasa": f"{args.rasa}/webhooks/rest/webhook",
    }
    asyncio.run(run(legs["api"], "api", 2, 3))  # warm-up
    print(f"{'senders':>8}{'gateway msg/s':>15}{'bare Rasa msg/s':>17}{'ratio':>7}{'errors':>8}")
    for senders in LEVELS:
        rates, failed = {}, 0
        for leg, url in legs.items():
            answered, errors = asyncio.run(run(url, leg, senders, args.seconds))
            rates[leg] = answered / args.seconds
            failed += errors
        ratio = rates["api"] / rates["rasa"] if rates["rasa"] else float("nan")
        print(f"{senders:>8}{rates['api']:>15.1f}{rates['rasa']:>17.1f}{ratio:>7.2f}{failed:>8}")


if __name__ == "__main__":
    main()
