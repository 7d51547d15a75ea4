"""API tokens: random secrets, stored as SHA-256 hashes."""

import hashlib
import secrets
from enum import StrEnum


class Role(StrEnum):
    INGEST = "ingest"
    REVIEWER = "reviewer"
    ANALYST = "analyst"
    ADMIN = "admin"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
