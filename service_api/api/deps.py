"""Dependencies as Annotated aliases: RuntimeDep, SessionDep, IngestDep, …"""

import hmac
from collections.abc import Callable, Iterator
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


def role_of(token: str, runtime: Runtime, session: Session) -> Role | None:
    """The role a token grants: configured tokens first, then issued ones."""
    configured = {
        Role.ADMIN: runtime.settings.admin_token,
        Role.INGEST: runtime.settings.ingest_token,
    }
    for role, secret in configured.items():
        if secret is not None and hmac.compare_digest(token, secret.get_secret_value()):
            return role
    stored = session.scalar(select(ApiToken.role).where(ApiToken.token_hash == hash_token(token)))
    return Role(stored) if stored else None


def require(role: Role) -> Callable[..., Role]:
    """A dependency admitting the given role and admin."""

    def check(
        runtime: RuntimeDep,
        session: SessionDep,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Role:
        if credentials is None or not credentials.credentials:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "Missing bearer token",
                headers={"WWW-Authenticate": "Bearer"},
            )
        granted = role_of(credentials.credentials, runtime, session)
        if granted is None:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "Unknown token",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if granted not in (role, Role.ADMIN):
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"This needs the {role} role")
        return granted

    return check


IngestDep = Annotated[Role, Depends(require(Role.INGEST))]
ReviewerDep = Annotated[Role, Depends(require(Role.REVIEWER))]
AnalystDep = Annotated[Role, Depends(require(Role.ANALYST))]
AdminDep = Annotated[Role, Depends(require(Role.ADMIN))]
