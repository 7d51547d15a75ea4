"""The review inbox: unmet needs with their German rendering, groups, triage and export."""

from collections import Counter
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request, Response
from pydantic import ValidationError
from sqlalchemy import ColumnElement, func, select

from service_api.api.deps import RuntimeDep, SessionDep
from service_api.db.models import UnmetNeed
from service_api.schemas.chat import LANG_PATTERN
from service_api.schemas.needs import NeedKind
from service_api.schemas.review import Triage, TriageIn
from service_api.screens import pages
from service_api.screens.session import Reviewer, ReviewerForm
from service_api.services import review
from service_api.services.audit import audit
from service_api.services.review import NEWEST_FIRST, TriageError

router = APIRouter(include_in_schema=False)
PAGE = 25
GROUPS_SHOWN = 30
ROWS_PER_GROUP = 8  # the form still covers every member
Filter = Annotated[str, Query(max_length=64)]
FILTERS = ("status", "kind", "lang", "topic", "barrier", "district")


def _conditions(values: dict[str, str], demo: bool) -> list[ColumnElement[bool]]:
    conditions = [getattr(UnmetNeed, name) == value for name, value in values.items() if value]
    return [*conditions, UnmetNeed.synthetic.is_(demo)]


def _choices(runtime: RuntimeDep, session: SessionDep, demo: bool) -> dict[str, list[str]]:
    """The values each filter offers: the vocabulary, and the languages seen."""
    langs = session.scalars(
        select(UnmetNeed.lang).where(UnmetNeed.synthetic.is_(demo)).distinct()
    ).all()
    return {
        "status": [str(action) for action in Triage],
        "kind": [str(kind) for kind in NeedKind],
        "lang": sorted(lang for lang in langs if lang),
        "topic": sorted(runtime.vocabulary.topics),
        "barrier": sorted(runtime.vocabulary.barriers),
        "district": list(runtime.catalogue.districts),
    }


@router.get("/inbox")
def inbox(
    request: Request,
    runtime: RuntimeDep,
    session: SessionDep,
    staff: Reviewer,
    status: Filter = "new",
    kind: Filter = "",
    lang: Filter = "",
    topic: Filter = "",
    barrier: Filter = "",
    district: Filter = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    chosen = dict(zip(FILTERS, (status, kind, lang, topic, barrier, district), strict=True))
    conditions = _conditions(chosen, staff.demo)
    total = session.scalar(select(func.count()).select_from(UnmetNeed).where(*conditions)) or 0
    needs = session.scalars(
        select(UnmetNeed)
        .where(*conditions)
        .order_by(*NEWEST_FIRST)
        .limit(PAGE)
        .offset((page - 1) * PAGE)
    ).all()
    return pages.render(
        request,
        "inbox.html",
        staff,
        session,
        needs=needs,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE)),
        first=(page - 1) * PAGE + 1,
        chosen=chosen,
        choices=_choices(runtime, session, staff.demo),
        topic_title=pages.labels(runtime, staff.ui_lang).topic_title,
        query=lambda **changes: _query(chosen | {"page": str(page)} | changes),
    )


@router.get("/inbox/groups")
def groups(
    request: Request,
    runtime: RuntimeDep,
    session: SessionDep,
    staff: Reviewer,
    status: Filter = "new",
    lang: Filter = "",
    kind: Filter = "",
) -> Response:
    chosen = {"status": status, "lang": lang, "kind": kind}
    found, considered, pending = review.groups(session, _conditions(chosen, staff.demo), 500)
    shown = []
    for members in found[:GROUPS_SHOWN]:
        guesses = Counter(need.topic or need.intent for need in members)
        guess = next((g for g, _ in guesses.most_common() if g in runtime.vocabulary.topics), "")
        shown.append((members, sorted({need.lang for need in members if need.lang}), guess))
    return pages.render(
        request,
        "groups.html",
        staff,
        session,
        groups=shown,
        shown_per_group=ROWS_PER_GROUP,
        considered=considered,
        pending=pending,
        chosen=chosen,
        choices=_choices(runtime, session, staff.demo),
        topic_title=pages.labels(runtime, staff.ui_lang).topic_title,
    )


@router.post("/inbox/triage")
def triage(
    runtime: RuntimeDep,
    session: SessionDep,
    staff: ReviewerForm,
    ids: Annotated[list[int], Form()] = [],  # noqa: B006 (FastAPI copies defaults)
    action: Annotated[str, Form(max_length=32)] = "",
    topic: Annotated[str, Form(max_length=64)] = "",
    duplicate_of: Annotated[str, Form(max_length=12)] = "",
    quick: Annotated[str, Form(max_length=120)] = "",
    back: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Bulk triage of the ticked needs, or one click (`quick` = "id|action|topic")."""
    target = pages.safe_back(back, "/inbox")
    if quick:
        need_id, _, rest = quick.partition("|")
        action, _, topic = rest.partition("|")
        ids = [int(need_id)] if need_id.isdigit() else []
    if not ids:
        return pages.redirect(target, error="nothing_selected")
    try:
        decision = TriageIn(
            action=action,
            topic=topic or None,
            duplicate_of=int(duplicate_of) if duplicate_of.strip().isdigit() else None,
        )
    except ValidationError:
        missing = {"training_example": "need_topic", "duplicate": "need_duplicate"}
        return pages.redirect(target, error=missing.get(action, "triage_invalid"))
    needs = session.scalars(
        select(UnmetNeed).where(UnmetNeed.id.in_(ids), UnmetNeed.synthetic.is_(staff.demo))
    ).all()
    if not needs:
        return pages.redirect(target, error="nothing_selected")
    try:
        review.triage(session, needs, decision, staff.label, runtime.vocabulary.topics)
    except TriageError:
        session.rollback()
        return pages.redirect(target, error="triage_invalid")
    session.commit()
    return pages.redirect(target, done=decision.action, count=str(len(needs)))


@router.get("/inbox/export")
def export(
    session: SessionDep,
    staff: Reviewer,
    lang: Annotated[str, Query(pattern=LANG_PATTERN, max_length=16)],
) -> Response:
    document, count = review.training_data(session, lang, synthetic=staff.demo)
    audit(session, staff.label, "export", f"lang {lang}: {count} examples")
    session.commit()
    name = f"nlu_{lang}{'_demo' if staff.demo else ''}.yml"
    return Response(
        document,
        media_type="application/yaml",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _query(values: dict[str, str]) -> str:
    return urlencode({key: value for key, value in values.items() if value})
