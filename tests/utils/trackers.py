"""Build rasa-sdk trackers as Rasa would send them to the action server."""

from typing import Any

from rasa_sdk import Tracker


def user_tracker(
    text: str = "",
    intent: str = "greet",
    confidence: float = 1.0,
    ranking: list[dict[str, Any]] | None = None,
    metadata: dict[str, Any] | None = None,
    slots: dict[str, Any] | None = None,
    sender: str = "3f2a9c0d1e5b4a7c8d9e0f1a2b3c4d5e",
    message_id: str = "m-1",
    entities: list[dict[str, Any]] | None = None,
    history: list[dict[str, Any]] | None = None,
) -> Tracker:
    """A tracker whose latest user message is `text`; `history` are earlier events."""
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "intent_ranking": ranking or [{"name": intent, "confidence": confidence}],
        "entities": entities or [],
        "message_id": message_id,
    }
    events = [
        *(history or []),
        {"event": "action", "name": "action_listen"},
        {
            "event": "user",
            "text": text,
            "parse_data": latest,
            "metadata": metadata or {},
            "timestamp": 1795000000.0,
        },
    ]
    return Tracker(
        sender_id=sender,
        slots={"language": None, "topic": None, **(slots or {})},
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def said(text: str, intent: str) -> dict[str, Any]:
    """An earlier user event, for `history`."""
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def entity(name: str, value: str) -> dict[str, Any]:
    return {"entity": name, "value": value}
