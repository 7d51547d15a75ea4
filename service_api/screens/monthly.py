"""The monthly monitoring report, as a page and as a PDF with the same numbers."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from weasyprint import HTML

from service_api.api.deps import RuntimeDep, SessionDep
from service_api.db.models import StaffSession
from service_api.screens import pages, period
from service_api.screens.figures import build, load_tiles
from service_api.screens.session import Analyst
from service_api.services.reports import Scope, feedback_share, need_counts, need_total

router = APIRouter(include_in_schema=False)
CSS = pages.HERE / "static" / "screens.css"
TREND_MONTHS = 12


@router.get("/monthly")
def choose(
    request: Request,
    session: SessionDep,
    staff: Analyst,
    month: Annotated[str, Query(max_length=7)] = "",
) -> Response:
    if month:
        try:
            return pages.redirect(f"/monthly/{period.parse(month):%Y-%m}")
        except period.MonthError:
            pass
    default = f"{period.shift(period.this_month(), -1):%Y-%m}"
    return pages.render(
        request,
        "monthly_index.html",
        staff,
        session,
        default=default,
        bad_month=month or None,
        status_code=422 if month else 200,
    )


@router.get("/monthly/{month}.pdf")
async def report_pdf(
    month: str, request: Request, runtime: RuntimeDep, session: SessionDep, staff: Analyst
) -> Response:
    context = _context(runtime, session, staff, _month(month))
    t = pages.translator(staff.ui_lang)
    html = pages.TEMPLATES.get_template("monthly_pdf.html").render(
        request=request,
        t=t,
        lang=staff.ui_lang,
        pdf=True,
        css=CSS.read_text(encoding="utf-8"),
        demo=staff.demo,
        today=date.today().isoformat(),
        **context,
    )
    # WeasyPrint fetches nothing: the stylesheet is inline and charts are HTML and SVG.
    document = await run_in_threadpool(lambda: HTML(string=html, url_fetcher=_no_fetch).write_pdf())
    suffix = "_demo" if staff.demo else ""
    return Response(
        document,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="lotse_report_{month}{suffix}.pdf"'},
    )


@router.get("/monthly/{month}")
def report_page(
    month: str, request: Request, runtime: RuntimeDep, session: SessionDep, staff: Analyst
) -> Response:
    context = _context(runtime, session, staff, _month(month))
    return pages.render(request, "monthly.html", staff, session, pdf=False, **context)


def _month(value: str) -> date:
    try:
        return period.parse(value)
    except period.MonthError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "A report is named YYYY-MM") from error


def _context(
    runtime: RuntimeDep, session: SessionDep, staff: StaffSession, month: date
) -> dict[str, Any]:
    threshold = runtime.settings.report_threshold
    following = period.start(period.shift(month, 1))
    scope = Scope(since=period.start(month), until=following, synthetic=staff.demo)
    first = period.shift(month, -(TREND_MONTHS - 1))
    trend = Scope(since=period.start(first), until=following, synthetic=staff.demo)
    names = pages.labels(runtime, staff.ui_lang)
    figures = build(
        session,
        scope,
        threshold,
        names,
        period.between(first, month),
        load_tiles(runtime.settings.catalogue_dir / "district_map.yml"),
        trend_scope=trend,
    )
    t = names.t
    summary = [
        (t("monthly_needs"), need_total(session, scope, threshold)),
        (t("monthly_barriers"), need_total(session, scope, threshold, barriers_only=True)),
        (t("monthly_languages"), len(need_counts(session, ["lang"], scope, threshold))),
        (t("monthly_helpful"), feedback_share(session, scope, threshold)),
    ]
    return {
        "month": f"{month:%Y-%m}",
        "figures": figures,
        "summary": summary,
        "threshold": threshold,
    }


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"the report fetches nothing ({url})")
