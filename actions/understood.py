"""What the NLU made of the latest message, beyond its top intent."""

from typing import Optional, Tuple

from rasa_sdk import Tracker

from actions.constants import INTENT_EMERGENCY, INTENT_NLU_FALLBACK

# An emergency that is even this likely gets 110/112 first, whatever else was asked.
EMERGENCY_ALERT = 0.2


def best_guess(tracker: Tracker) -> Tuple[Optional[str], Optional[float]]:
    """The most likely real intent, skipping the fallback pseudo-intent."""
    for ranked in tracker.latest_message.get("intent_ranking") or []:
        if ranked.get("name") != INTENT_NLU_FALLBACK:
            return ranked.get("name"), ranked.get("confidence")
    return None, None


def emergency_suspected(tracker: Tracker) -> bool:
    """Emergency is the best real guess, or likely enough to be worth the numbers."""
    if best_guess(tracker)[0] == INTENT_EMERGENCY:
        return True
    ranking = tracker.latest_message.get("intent_ranking") or []
    return any(
        r.get("name") == INTENT_EMERGENCY and (r.get("confidence") or 0) >= EMERGENCY_ALERT
        for r in ranking
    )
