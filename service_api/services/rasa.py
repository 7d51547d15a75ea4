"""Thin client for Rasa's REST channel and status endpoints."""

from typing import Any, TypedDict

import httpx

REST_WEBHOOK = "/webhooks/rest/webhook"


class RasaUnavailable(Exception):
    """Rasa did not answer, or answered with an error."""


class RasaMessage(TypedDict, total=False):
    recipient_id: str
    text: str
    buttons: list[dict[str, Any]]
    custom: dict[str, Any]


async def send_message(
    client: httpx.AsyncClient, sender: str, text: str, metadata: dict[str, Any]
) -> list[RasaMessage]:
    payload = {"sender": sender, "message": text, "metadata": metadata}
    try:
        response = await client.post(REST_WEBHOOK, json=payload)
        response.raise_for_status()
        messages = response.json()
    except (httpx.HTTPError, ValueError) as error:
        raise RasaUnavailable(f"{type(error).__name__}: {error}") from error
    if not isinstance(messages, list):
        raise RasaUnavailable("unexpected answer from Rasa's REST channel")
    return messages


async def model_loaded(client: httpx.AsyncClient, token: str | None) -> bool:
    params = {"token": token} if token else None
    try:
        response = await client.get("/status", params=params, timeout=3.0)
        return response.status_code == 200 and bool(response.json().get("model_file"))
    except (httpx.HTTPError, ValueError):
        return False
