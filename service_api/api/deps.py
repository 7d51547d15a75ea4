"""Dependencies as Annotated aliases: RuntimeDep, SessionDep, IngestDep, …"""

import hmac
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from service_api.db.models import ApiToken
from service_api.runtime import Runtime
from service_api.services.tokens import Role, hash_token


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def get_session(runtime: RuntimeDep) -> Iterator[Session]:
    with runtime.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]

bearer = HTTPBearer(auto_error=False, description="A token issued by POST /api/v1/tokens")


@dataclass(frozen=True)
class Principal:
    """Who is calling: the role, which token (for the audit log) and a name to greet them by."""

    role: Role
    label: str
    name: str


def principal_of(token: str, runtime: Runtime, session: Session) -> Principal | None:
    """The caller a token stands for: configured tokens first, then issued ones."""
    configured = {
        Role.ADMIN: runtime.settings.admin_token,
        Role.INGEST: runtime.settings.ingest_token,
    }
    for role, secret in configured.items():
        if secret is not None and hmac.compare_digest(token, secret.get_secret_value()):
            return Principal(role, f"LOTSE_{role.upper()}_TOKEN", f"LOTSE_{role.upper()}_TOKEN")
    stored = session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(token)))
    if stored is None:
        return None
    name = stored.label or f"Token {stored.id}"
    return Principal(Role(stored.role), f"token {stored.id} {stored.label}".strip(), name)


def require(role: Role) -> Callable[..., Principal]:
    """A dependency admitting the given role and admin."""

    def check(
        runtime: RuntimeDep,
        session: SessionDep,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Principal:
        if credentials is None or not credentials.credentials:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "Missing bearer token",
                headers={"WWW-Authenticate": "Bearer"},
            )
        granted = principal_of(credentials.credentials, runtime, session)
        if granted is None:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "Unknown token",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if granted.role not in (role, Role.ADMIN):
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"This needs the {role} role")
        return granted

    return check


IngestDep = Annotated[Principal, Depends(require(Role.INGEST))]
ReviewerDep = Annotated[Principal, Depends(require(Role.REVIEWER))]
AnalystDep = Annotated[Principal, Depends(require(Role.ANALYST))]
AdminDep = Annotated[Principal, Depends(require(Role.ADMIN))]
