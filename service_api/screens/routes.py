"""The screens' routers and what a page does when nobody, or the wrong role, is signed in."""

from urllib.parse import quote

from fastapi import APIRouter, Request, Response, status

from service_api.screens import dashboard, inbox, monthly, pages, signin
from service_api.screens.session import NotAllowed, SignInRequired

SCREENS_STATIC = pages.HERE / "static"

screens_router = APIRouter()
for module in (signin, inbox, dashboard, monthly):
    screens_router.include_router(module.router)


async def to_sign_in(request: Request, error: SignInRequired) -> Response:
    return pages.redirect(f"/signin?next={quote(error.next_path, safe='/')}")


async def not_allowed(request: Request, error: NotAllowed) -> Response:
    t = pages.translator(error.staff.ui_lang)
    needed = " / ".join(t(f"role_{role}") for role in error.needed)
    return pages.render(
        request,
        "not_allowed.html",
        error.staff,
        status_code=status.HTTP_403_FORBIDDEN,
        needed=needed,
        form=request.method == "POST",
    )
