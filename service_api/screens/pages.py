"""Rendering the screens: Jinja2 templates with the interface texts of one language."""

from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml
from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from service_api.db.models import StaffSession
from service_api.runtime import Runtime
from service_api.screens.figures import Labels
from service_api.services import demo
from service_api.services.tokens import Role

HERE = Path(__file__).resolve().parent
TEMPLATES = Jinja2Templates(directory=HERE / "templates")


@cache
def texts() -> dict[str, dict[str, str]]:
    loaded: dict[str, dict[str, str]] = yaml.safe_load(
        (HERE / "texts.yml").read_text(encoding="utf-8")
    )
    return loaded


def translator(lang: str) -> Callable[..., str]:
    """t(key, **values): the text in `lang`; `default` when the key is unknown."""

    def t(key: str, default: str | None = None, **values: Any) -> str:
        entry = texts().get(key)
        if entry is None:
            return default if default is not None else key
        return entry.get(lang, entry["de"]).format(**values)

    return t


def labels(runtime: Runtime, lang: str) -> Labels:
    """Display names in `lang`: interface texts and topic titles from the catalogue."""

    def topic_title(topic: str) -> str:
        if topic in runtime.vocabulary.topics:
            return runtime.catalogue.title(topic, lang)
        return topic

    return Labels(translator(lang), topic_title)


def ui_lang(request: Request, staff: StaffSession | None) -> str:
    if staff is not None:
        return staff.ui_lang
    return "en" if request.query_params.get("lang") == "en" else "de"


def render(
    request: Request,
    template: str,
    staff: StaffSession | None,
    session: Session | None = None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    lang = ui_lang(request, staff)
    role = staff.role if staff else None
    demo_available = session is not None and demo.present(session)
    return TEMPLATES.TemplateResponse(
        request,
        template,
        {
            "t": translator(lang),
            "lang": lang,
            "staff": staff,
            "reviewer": role in (Role.REVIEWER, Role.ADMIN),
            "analyst": role in (Role.ANALYST, Role.ADMIN),
            "demo_available": demo_available,
            "here": request.url.path,
            "back": _here(request),
            "today": date.today().isoformat(),
            **context,
        },
        status_code=status_code,
        headers={"Cache-Control": "no-store"},
    )


def _here(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def safe_back(back: str, default: str) -> str:
    """A local path to return to after a form; never another site."""
    if back.startswith("/") and not back.startswith("//") and "\\" not in back:
        return back
    return default


MESSAGE_KEYS = ("done", "count", "error")


def redirect(path: str, **message: str) -> RedirectResponse:
    """Post/redirect/get: back to a page, with what happened for its status line."""
    parts = urlsplit(path)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in MESSAGE_KEYS]
    query += [(key, value) for key, value in message.items()]
    return RedirectResponse(urlunsplit(("", "", parts.path, urlencode(query), "")), 303)
