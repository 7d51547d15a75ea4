"""Sign-in, sign-out and the interface preferences (language, demo data)."""

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response

from service_api.api.deps import RuntimeDep, SessionDep, principal_of
from service_api.screens import pages
from service_api.screens.session import (
    COOKIE,
    SESSION_HOURS,
    UI_LANGS,
    AnyStaffForm,
    current,
    open_session,
)
from service_api.services import demo as synthetic
from service_api.services.audit import audit
from service_api.services.tokens import Role

router = APIRouter(include_in_schema=False)
STAFF_ROLES = (Role.REVIEWER, Role.ANALYST, Role.ADMIN)


def home(role: str) -> str:
    return "/inbox" if role == Role.REVIEWER else "/dashboard"


@router.get("/signin")
def signin_form(request: Request, session: SessionDep, signed_out: bool = False) -> Response:
    staff = current(request, session)
    if staff is not None:
        return pages.redirect(home(staff.role))
    return pages.render(request, "signin.html", None, signed_out=signed_out, failed=False)


@router.post("/signin")
def sign_in(
    request: Request,
    runtime: RuntimeDep,
    session: SessionDep,
    token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=500)] = "",  # noqa: A002
    lang: Annotated[str, Form(max_length=8)] = "de",
) -> Response:
    principal = principal_of(token.strip(), runtime, session) if token.strip() else None
    if principal is None or principal.role not in STAFF_ROLES:
        return pages.render(
            request, "signin.html", None, status_code=401, signed_out=False, failed=True
        )
    secret = open_session(session, principal, lang)
    audit(session, principal.label, "sign_in", "screens")
    session.commit()
    response = pages.redirect(pages.safe_back(next, home(principal.role)))
    response.set_cookie(
        COOKIE,
        secret,
        max_age=SESSION_HOURS * 3600,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/signout")
def sign_out(session: SessionDep, staff: AnyStaffForm) -> Response:
    audit(session, staff.label, "sign_out", "screens")
    session.delete(staff)
    session.commit()
    response = pages.redirect("/signin?signed_out=true")
    response.delete_cookie(COOKIE)
    return response


@router.post("/preferences")
def preferences(
    session: SessionDep,
    staff: AnyStaffForm,
    ui_lang: Annotated[str | None, Form(max_length=8)] = None,
    demo: Annotated[bool | None, Form()] = None,
    back: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Switch the interface language, or between real and demo data."""
    if ui_lang in UI_LANGS:
        staff.ui_lang = ui_lang
    if demo is not None:
        staff.demo = demo and synthetic.present(session)
    session.commit()
    return pages.redirect(pages.safe_back(back, home(staff.role)))
