"""Thin client for service_api's unmet-need ingest."""

import logging
from typing import Optional, TypedDict

import aiohttp

from actions.settings import get_settings

logger = logging.getLogger(__name__)

RETRYABLE = {401, 403, 408, 429}


class UnmetNeed(TypedDict):
    kind: str
    channel: str
    lang: Optional[str]
    text: str
    intent: Optional[str]
    confidence: Optional[float]
    topic: Optional[str]
    sender: str
    idempotency_key: str
    occurred_at: Optional[str]


class NeedsUnavailable(Exception):
    """service_api could not take the record now; try again later."""


class NeedsRejected(Exception):
    """service_api refused the record itself; retrying will not help."""


async def submit_need(need: UnmetNeed) -> int:
    """Store a need through service_api and return its id (0 when it was dropped)."""
    settings = get_settings()
    url = f"{settings.service_api_url.rstrip('/')}/api/v1/needs"
    headers = {"Authorization": f"Bearer {settings.ingest_token}"}
    timeout = aiohttp.ClientTimeout(total=settings.request_timeout_s)
    try:
        async with (
            aiohttp.ClientSession(timeout=timeout) as session,
            session.post(url, json=need, headers=headers) as response,
        ):
            if response.status in (200, 201):
                return int((await response.json())["id"])
            if response.status == 204:  # dropped: the sender erased their data meanwhile
                return 0
            detail = f"HTTP {response.status}: {(await response.text())[:200]}"
            if 400 <= response.status < 500 and response.status not in RETRYABLE:
                raise NeedsRejected(detail)
            raise NeedsUnavailable(detail)
    except (aiohttp.ClientError, TimeoutError, KeyError, ValueError) as error:
        raise NeedsUnavailable(str(error)) from error
