"""Read what service_api passed along with the latest user message."""

from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker

from actions.constants import META_CHANNEL, META_LANG, META_ORIGINAL


def message_metadata(tracker: Tracker) -> Dict[str, Any]:
    """Metadata of the latest user message, or an empty dict."""
    event = tracker.get_last_event_for("user") or {}
    metadata = event.get("metadata") or {}
    return metadata if isinstance(metadata, dict) else {}


def original_text(event: Dict[str, Any]) -> str:
    """What the user wrote in a user event, before any translation for the NLU."""
    metadata = event.get("metadata")
    original = metadata.get(META_ORIGINAL) if isinstance(metadata, dict) else None
    return original if isinstance(original, str) else event.get("text") or ""


def message_lang(tracker: Tracker) -> Optional[str]:
    lang = message_metadata(tracker).get(META_LANG)
    return lang if isinstance(lang, str) and 0 < len(lang) <= 16 else None


def message_time(tracker: Tracker) -> Optional[str]:
    """When the latest user message arrived, as ISO 8601 (erasure compares with it)."""
    timestamp = (tracker.get_last_event_for("user") or {}).get("timestamp")
    return datetime.fromtimestamp(timestamp, timezone.utc).isoformat() if timestamp else None


def record_key(tracker: Tracker, kind: str) -> str:
    """One key per message and kind of record: repeated deliveries are stored once."""
    return f"{tracker.sender_id}:{tracker.latest_message.get('message_id') or ''}:{kind}"


def message_channel(tracker: Tracker) -> str:
    channel = message_metadata(tracker).get(META_CHANNEL)
    return channel if isinstance(channel, str) and 0 < len(channel) <= 32 else "api"


def user_messages(tracker: Tracker) -> List[Dict[str, Any]]:
    """Every user event of the conversation, oldest first."""
    return [e for e in tracker.events if e.get("event") == "user"]


def previous_user_message(tracker: Tracker) -> Dict[str, Any]:
    """The user event before the latest one, or an empty dict."""
    said = user_messages(tracker)
    return said[-2] if len(said) >= 2 else {}


def intent_of(event: Dict[str, Any]) -> Optional[str]:
    name = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
    return name if isinstance(name, str) else None
