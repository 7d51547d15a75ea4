"""Thin client for service_api's ingest endpoints (needs, feedback)."""

from typing import Any, Dict, List, Optional, Tuple, TypedDict

import aiohttp

from actions.settings import get_settings

RETRYABLE = {401, 403, 408, 429}
NEEDS = "needs"
NEEDS_BATCH = "needs/batch"
FEEDBACK = "feedback"


class UnmetNeed(TypedDict):
    kind: str
    channel: str
    lang: Optional[str]
    text: str
    intent: Optional[str]
    confidence: Optional[float]
    topic: Optional[str]
    barrier: Optional[str]
    district: Optional[str]
    sender: str
    idempotency_key: str
    occurred_at: Optional[str]


class Feedback(TypedDict):
    helpful: bool
    topic: Optional[str]
    question: str
    channel: str
    lang: Optional[str]
    sender: str
    idempotency_key: str
    occurred_at: Optional[str]


class IngestUnavailable(Exception):
    """service_api could not take the record now; try again later."""


class IngestRejected(Exception):
    """service_api refused the record itself; retrying will not help."""


async def _post(path: str, body: Dict[str, Any]) -> Tuple[int, Any]:
    """POST to /api/v1/<path>: the status and the JSON body of an accepted request."""
    settings = get_settings()
    url = f"{settings.service_api_url.rstrip('/')}/api/v1/{path}"
    headers = {"Authorization": f"Bearer {settings.ingest_token}"}
    timeout = aiohttp.ClientTimeout(total=settings.request_timeout_s)
    try:
        async with (
            aiohttp.ClientSession(timeout=timeout) as session,
            session.post(url, json=body, headers=headers) as response,
        ):
            if response.status in (200, 201):
                return response.status, await response.json()
            if response.status == 204:
                return response.status, None
            detail = f"HTTP {response.status}: {(await response.text())[:200]}"
            if 400 <= response.status < 500 and response.status not in RETRYABLE:
                raise IngestRejected(detail)
            raise IngestUnavailable(detail)
    except (aiohttp.ClientError, TimeoutError, ValueError) as error:
        raise IngestUnavailable(str(error)) from error


async def submit(path: str, record: Dict[str, Any]) -> int:
    """POST a record to /api/v1/<path>; its id, or 0 when service_api dropped it."""
    status, body = await _post(path, record)
    if status == 204:  # dropped: the sender erased their data meanwhile
        return 0
    try:
        return int(body["id"])
    except (KeyError, TypeError, ValueError) as error:
        raise IngestUnavailable(f"unexpected answer: {body!r:.200}") from error


async def submit_needs(records: List[Dict[str, Any]]) -> List[int]:
    """POST needs to /api/v1/needs/batch; the status each need's own POST would have had."""
    _, body = await _post(NEEDS_BATCH, {"needs": records})
    try:
        statuses = [int(result["status"]) for result in body["results"]]
    except (KeyError, TypeError, ValueError) as error:
        raise IngestUnavailable(f"unexpected answer: {body!r:.200}") from error
    if len(statuses) != len(records):
        raise IngestUnavailable(f"{len(statuses)} results for {len(records)} needs")
    return statuses
