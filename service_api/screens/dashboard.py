"""The barrier dashboard for the administration, with CSV and XLSX export."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response, status

from service_api.api.deps import RuntimeDep, SessionDep
from service_api.db.models import StaffSession
from service_api.screens import pages, period
from service_api.screens.figures import Figure, Labels, build, load_tiles
from service_api.screens.session import Analyst
from service_api.services.exports import csv_response, xlsx_response
from service_api.services.reports import Scope

router = APIRouter(include_in_schema=False)
Month = Annotated[str, Query(alias="from", max_length=7)]
Filter = Annotated[str, Query(max_length=32)]
LONGEST = 36  # months a dashboard spans at most


def labels(runtime: RuntimeDep, staff: StaffSession) -> Labels:
    def topic_title(topic: str) -> str:
        if topic in runtime.vocabulary.topics:
            return runtime.catalogue.title(topic, staff.ui_lang)
        return topic

    return Labels(pages.translator(staff.ui_lang), topic_title)


def _period(first: str, last: str) -> tuple[date, date] | str:
    """The months asked for, or the text that was not a month."""
    try:
        end = period.parse(last) if last else period.this_month()
    except period.MonthError:
        return last
    try:
        begin = period.parse(first) if first else period.shift(end, -11)
    except period.MonthError:
        return first
    if begin > end:
        begin, end = end, begin
    return max(begin, period.shift(end, -(LONGEST - 1))), end


def _figures(
    runtime: RuntimeDep,
    session: SessionDep,
    staff: StaffSession,
    begin: date,
    end: date,
    channel: str,
    lang: str,
) -> list[Figure]:
    where = {name: value for name, value in (("channel", channel), ("lang", lang)) if value}
    scope = Scope(
        since=period.start(begin),
        until=period.start(period.shift(end, 1)),
        synthetic=staff.demo,
        where=where,
    )
    return build(
        session,
        scope,
        runtime.settings.report_threshold,
        labels(runtime, staff),
        period.between(begin, end),
        load_tiles(runtime.settings.catalogue_dir / "district_map.yml"),
    )


@router.get("/dashboard")
def dashboard(
    request: Request,
    runtime: RuntimeDep,
    session: SessionDep,
    staff: Analyst,
    first: Month = "",
    last: Annotated[str, Query(alias="to", max_length=7)] = "",
    channel: Filter = "",
    lang: Filter = "",
) -> Response:
    chosen = _period(first, last)
    if isinstance(chosen, str):
        return pages.render(
            request,
            "dashboard.html",
            staff,
            session,
            status_code=422,
            bad_month=chosen,
            figures=[],
            chosen={"from": first, "to": last, "channel": channel, "lang": lang},
            threshold=runtime.settings.report_threshold,
            query="",
        )
    begin, end = chosen
    values = {"from": f"{begin:%Y-%m}", "to": f"{end:%Y-%m}", "channel": channel, "lang": lang}
    return pages.render(
        request,
        "dashboard.html",
        staff,
        session,
        figures=_figures(runtime, session, staff, begin, end, channel, lang),
        chosen=values,
        threshold=runtime.settings.report_threshold,
        query="&".join(f"{k}={v}" for k, v in values.items() if v),
        bad_month=None,
    )


@router.get("/dashboard/export.xlsx")
def export_xlsx(
    runtime: RuntimeDep,
    session: SessionDep,
    staff: Analyst,
    first: Month = "",
    last: Annotated[str, Query(alias="to", max_length=7)] = "",
    channel: Filter = "",
    lang: Filter = "",
) -> Response:
    begin, end = _checked(first, last)
    figures = _figures(runtime, session, staff, begin, end, channel, lang)
    t = pages.translator(staff.ui_lang)
    note = "\n".join(
        [
            f"Lotse – {t('dashboard_title')} – {begin:%Y-%m} … {end:%Y-%m}",
            *(
                f"{name}: {value}"
                for name, value in (("channel", channel), ("lang", lang))
                if value
            ),
            t("dashboard_intro", threshold=runtime.settings.report_threshold),
            t("demo_banner") if staff.demo else "",
        ]
    )
    suffix = "_demo" if staff.demo else ""
    return xlsx_response(
        [figure.table for figure in figures],
        f"lotse_barriers_{begin:%Y-%m}_{end:%Y-%m}{suffix}.xlsx",
        note,
    )


@router.get("/dashboard/{key}.csv")
def export_csv(
    key: str,
    runtime: RuntimeDep,
    session: SessionDep,
    staff: Analyst,
    first: Month = "",
    last: Annotated[str, Query(alias="to", max_length=7)] = "",
    channel: Filter = "",
    lang: Filter = "",
) -> Response:
    begin, end = _checked(first, last)
    for figure in _figures(runtime, session, staff, begin, end, channel, lang):
        if figure.key == key:
            return csv_response(figure.table)
    raise HTTPException(status.HTTP_404_NOT_FOUND, f"No table {key!r}")


def _checked(first: str, last: str) -> tuple[date, date]:
    chosen = _period(first, last)
    if isinstance(chosen, str):
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"Not a month: {chosen!r}")
    return chosen
