"""Sign-in for the screens: a role token once, then an HttpOnly session cookie.

The cookie holds a random secret; the database keeps only its hash, the role
and a CSRF token that every form posts back. Sessions end after SESSION_HOURS
or at sign-out.
"""

import hashlib
import hmac
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import Depends, Form, Request
from sqlalchemy import delete
from sqlalchemy.orm import Session

from service_api.api.deps import Principal, SessionDep
from service_api.db.models import StaffSession
from service_api.services.tokens import Role

COOKIE = "lotse_staff"
SESSION_HOURS = 8
UI_LANGS = ("de", "en")


class SignInRequired(Exception):
    """No valid session: the page sends the browser to the sign-in form."""

    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


class NotAllowed(Exception):
    """Signed in, but the role may not see this page (or a form's CSRF token is wrong)."""

    def __init__(self, staff: StaffSession, needed: tuple[Role, ...]) -> None:
        self.staff = staff
        self.needed = needed


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def open_session(session: Session, principal: Principal, ui_lang: str) -> str:
    """A new session for a signed-in token; returns the cookie value."""
    now = datetime.now(UTC)
    session.execute(delete(StaffSession).where(StaffSession.expires_at < now))
    secret = secrets.token_urlsafe(32)
    session.add(
        StaffSession(
            id_hash=_hash(secret),
            role=principal.role,
            label=principal.label,
            name=principal.name,
            csrf=secrets.token_urlsafe(32),
            ui_lang=ui_lang if ui_lang in UI_LANGS else "de",
            demo=False,
            expires_at=now + timedelta(hours=SESSION_HOURS),
        )
    )
    return secret


def current(request: Request, session: Session) -> StaffSession | None:
    secret = request.cookies.get(COOKIE)
    if not secret:
        return None
    staff = session.get(StaffSession, _hash(secret))
    if staff is None or staff.expires_at.replace(tzinfo=staff.expires_at.tzinfo or UTC) < (
        datetime.now(UTC)
    ):
        return None
    return staff


def staff_with(*roles: Role) -> Callable[..., StaffSession]:
    """A dependency admitting a signed-in session of one of the roles (admin always)."""

    def check(request: Request, session: SessionDep) -> StaffSession:
        staff = current(request, session)
        if staff is None:
            raise SignInRequired(request.url.path)
        if staff.role not in (*roles, Role.ADMIN):
            raise NotAllowed(staff, roles)
        return staff

    return check


def csrf_checked(*roles: Role) -> Callable[..., StaffSession]:
    """Like staff_with, for forms: the posted `csrf` must match the session's."""
    admitted = staff_with(*roles)

    def check(
        staff: Annotated[StaffSession, Depends(admitted)],
        csrf: Annotated[str, Form(max_length=100)] = "",
    ) -> StaffSession:
        if not hmac.compare_digest(csrf, staff.csrf):
            raise NotAllowed(staff, roles)
        return staff

    return check


AnyStaffForm = Annotated[StaffSession, Depends(csrf_checked(Role.REVIEWER, Role.ANALYST))]
Reviewer = Annotated[StaffSession, Depends(staff_with(Role.REVIEWER))]
ReviewerForm = Annotated[StaffSession, Depends(csrf_checked(Role.REVIEWER))]
Analyst = Annotated[StaffSession, Depends(staff_with(Role.ANALYST))]
