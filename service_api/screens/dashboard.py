"""The barrier dashboard for the administration, with CSV and XLSX export."""

from dataclasses import dataclass
from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response, status

from service_api.api.deps import RuntimeDep, SessionDep
from service_api.db.models import StaffSession
from service_api.screens import pages, period
from service_api.screens.figures import Figure, build, load_tiles
from service_api.screens.session import Analyst
from service_api.services.exports import csv_response, xlsx_response
from service_api.services.reports import Scope

router = APIRouter(include_in_schema=False)
Filter = Annotated[str, Query(max_length=32)]
LONGEST = 36  # months a dashboard spans at most


@dataclass(frozen=True)
class View:
    """What the analyst asked for: months as typed, and the channel and language slices."""

    first: str
    last: str
    channel: str
    lang: str

    def slices(self) -> dict[str, str]:
        return {
            name: value for name, value in (("channel", self.channel), ("lang", self.lang)) if value
        }

    def months(self) -> tuple[date, date] | str:
        """The period, at most LONGEST months, or the text that was not a month."""
        try:
            end = period.parse(self.last) if self.last else period.this_month()
        except period.MonthError:
            return self.last
        try:
            begin = period.parse(self.first) if self.first else period.shift(end, -11)
        except period.MonthError:
            return self.first
        if begin > end:
            begin, end = end, begin
        return max(begin, period.shift(end, -(LONGEST - 1))), end

    def checked_months(self) -> tuple[date, date]:
        chosen = self.months()
        if isinstance(chosen, str):
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"Not a month: {chosen!r}")
        return chosen


def view(
    first: Annotated[str, Query(alias="from", max_length=7)] = "",
    last: Annotated[str, Query(alias="to", max_length=7)] = "",
    channel: Filter = "",
    lang: Filter = "",
) -> View:
    return View(first, last, channel, lang)


ViewDep = Annotated[View, Depends(view)]


def _figures(
    runtime: RuntimeDep, session: SessionDep, staff: StaffSession, asked: View
) -> list[Figure]:
    begin, end = asked.checked_months()
    scope = Scope(
        since=period.start(begin),
        until=period.start(period.shift(end, 1)),
        synthetic=staff.demo,
        where=asked.slices(),
    )
    return build(
        session,
        scope,
        runtime.settings.report_threshold,
        pages.labels(runtime, staff.ui_lang),
        period.between(begin, end),
        load_tiles(runtime.settings.catalogue_dir / "district_map.yml"),
    )


@router.get("/dashboard")
def dashboard(
    request: Request, runtime: RuntimeDep, session: SessionDep, staff: Analyst, asked: ViewDep
) -> Response:
    chosen = asked.months()
    context = {"threshold": runtime.settings.report_threshold}
    if isinstance(chosen, str):
        values = {
            "from": asked.first,
            "to": asked.last,
            "channel": asked.channel,
            "lang": asked.lang,
        }
        return pages.render(
            request, "dashboard.html", staff, session, status_code=422, bad_month=chosen,
            figures=[], chosen=values, query="", **context,
        )  # fmt: skip
    begin, end = chosen
    values = {
        "from": f"{begin:%Y-%m}",
        "to": f"{end:%Y-%m}",
        "channel": asked.channel,
        "lang": asked.lang,
    }
    return pages.render(
        request, "dashboard.html", staff, session, bad_month=None,
        figures=_figures(runtime, session, staff, asked), chosen=values,
        query=urlencode({k: v for k, v in values.items() if v}), **context,
    )  # fmt: skip


@router.get("/dashboard/export.xlsx")
def export_xlsx(
    runtime: RuntimeDep, session: SessionDep, staff: Analyst, asked: ViewDep
) -> Response:
    figures = _figures(runtime, session, staff, asked)
    begin, end = asked.checked_months()
    t = pages.translator(staff.ui_lang)
    note = "\n".join(
        [
            f"Lotse – {t('dashboard_title')} – {begin:%Y-%m} … {end:%Y-%m}",
            *(f"{name}: {value}" for name, value in asked.slices().items()),
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
    key: str, runtime: RuntimeDep, session: SessionDep, staff: Analyst, asked: ViewDep
) -> Response:
    for figure in _figures(runtime, session, staff, asked):
        if figure.key == key:
            return csv_response(figure.table)
    raise HTTPException(status.HTTP_404_NOT_FOUND, f"No table {key!r}")
