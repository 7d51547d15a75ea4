"""Sender pseudonyms: nothing behind the gateway sees a raw user id."""

import hashlib
import hmac


def pseudonymise(secret: str, channel: str, sender: str) -> str:
    digest = hmac.new(secret.encode(), f"{channel}:{sender}".encode(), hashlib.sha256)
    return digest.hexdigest()[:32]
