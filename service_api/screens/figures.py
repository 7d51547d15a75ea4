"""The dashboard's and the monthly report's figures: suppressed tables and their charts.

Every figure is one table from services/reports.py with display labels, and a
chart drawn from exactly that table: a suppressed cell has no bar, no point
and no shade, only the word "suppressed".
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session

from service_api.services.exports import Table
from service_api.services.reports import (
    UNANSWERED,
    Row,
    Scope,
    feedback_counts,
    need_counts,
)

TOP = 10  # rows of a ranked figure; the export has them all
TREND_SERIES = 5
# Okabe–Ito colours, distinguishable with colour-blindness, with a dash pattern each.
SERIES_STYLES = [
    ("#0072B2", ""),
    ("#D55E00", "6 3"),
    ("#009E73", "2 3"),
    ("#CC79A7", "8 3 2 3"),
    ("#000000", "1 2"),
]
SHADES = ["#e8f1fa", "#b9d3ee", "#7fb0dc", "#2a64a0", "#0b4f8a"]  # light to dark

Label = Callable[[Any], str]


@dataclass
class Bar:
    label: str
    value: int | float | None
    share: float  # of the longest bar, 0..1
    shown: str  # the value as printed, "suppressed" when hidden


@dataclass
class Tile:
    label: str
    column: int
    row: int
    shown: str
    fill: str
    ink: str
    suppressed: bool


@dataclass
class Series:
    label: str
    colour: str
    dash: str
    segments: list[str]  # SVG path data; a suppressed month breaks the line
    points: list[tuple[float, float]]


@dataclass
class Figure:
    key: str
    title: str
    headers: list[str]
    rows: list[list[Any]]  # labels first, then numbers; None = suppressed
    kind: str = "bars"  # bars | tiles | lines
    bars: list[Bar] = field(default_factory=list)
    tiles: list[Tile] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    x_labels: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, int]] = field(default_factory=list)

    @property
    def table(self) -> Table:
        return Table(
            self.key, self.headers, [dict(zip(self.headers, r, strict=True)) for r in self.rows]
        )


@dataclass
class Labels:
    """Display names in the interface language."""

    t: Callable[..., str]
    topic_title: Callable[[str], str]

    def barrier(self, value: Any) -> str:
        return self.t(f"barrier_{value}") if value else self.t("unknown")

    def topic(self, value: Any) -> str:
        return self.topic_title(value) if value else self.t("no_topic")

    def lang(self, value: Any) -> str:
        return self.t(f"lang_{value}", default=value) if value else self.t("unknown")

    def channel(self, value: Any) -> str:
        return self.t(f"channel_{value}", default=value) if value else self.t("unknown")

    def district(self, value: Any) -> str:
        return str(value) if value else self.t("unknown")


@cache
def load_tiles(path: Path) -> dict[str, tuple[int, int]]:
    if not path.exists():
        return {}
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {name: (int(x), int(y)) for name, (x, y) in (raw.get("tiles") or {}).items()}


def build(
    session: Session,
    scope: Scope,
    threshold: int,
    labels: Labels,
    months: Sequence[str],
    tiles: dict[str, tuple[int, int]],
    trend_scope: Scope | None = None,
) -> list[Figure]:
    """Every figure for a scope; the trend covers `months` of `trend_scope` (default: scope)."""
    t = labels.t

    def barriers(key: str) -> list[Row]:
        return need_counts(session, [key], scope, threshold, barriers_only=True)

    figures = [
        _ranked(
            "barrier", t("fig_barrier"), t("field_barrier"), barriers("barrier"), labels.barrier, t
        ),
        _map(t("fig_district"), barriers("district"), tiles, labels, t),
        _trend(session, trend_scope or scope, threshold, months, labels),
        _ranked("topic", t("fig_topic"), t("field_topic"), barriers("topic"), labels.topic, t),
        _ranked("lang", t("fig_lang"), t("field_lang"), barriers("lang"), labels.lang, t),
        _ranked(
            "channel", t("fig_channel"), t("field_channel"), barriers("channel"), labels.channel, t
        ),
        _ranked(
            "unanswered",
            t("fig_unanswered"),
            t("field_topic"),
            need_counts(session, ["topic"], scope, threshold, kinds=UNANSWERED),
            labels.topic,
            t,
            key_name="topic",
        ),
        _feedback(feedback_counts(session, scope, threshold), labels, t),
    ]
    return figures


def _ranked(
    key: str,
    title: str,
    header: str,
    rows: list[Row],
    label: Label,
    t: Callable[..., str],
    key_name: str | None = None,
) -> Figure:
    name = key_name or key
    ordered = sorted(rows, key=lambda row: (row["count"] is None, -(row["count"] or 0)))[:TOP]
    table = [[label(row[name]), row["count"]] for row in ordered]
    return Figure(key, title, [header, t("field_count")], table, bars=_bars(table, t))


def _bars(table: list[list[Any]], t: Callable[..., str], percent: bool = False) -> list[Bar]:
    values = [row[-1] for row in table if row[-1] is not None]
    top = max(values, default=0) or 1
    return [
        Bar(
            row[0],
            row[-1],
            0.0 if row[-1] is None else row[-1] / top,
            t("suppressed") if row[-1] is None else (f"{row[-1]:.0%}" if percent else str(row[-1])),
        )
        for row in table
    ]


def _map(
    title: str,
    rows: list[Row],
    tiles: dict[str, tuple[int, int]],
    labels: Labels,
    t: Callable[..., str],
) -> Figure:
    counts = {row["district"]: row["count"] for row in rows}
    named = [[district, counts.get(district, 0)] for district in tiles]
    others = [
        [labels.district(row["district"]), row["count"]]
        for row in rows
        if row["district"] not in tiles
    ]
    top = max((n for _, n in named if n), default=0) or 1
    drawn = []
    for district, count in named:
        step = 0 if not count else min(len(SHADES) - 1, int(count / top * (len(SHADES) - 1) + 0.5))
        column, row = tiles[district]
        drawn.append(
            Tile(
                district,
                column,
                row,
                t("suppressed") if count is None else str(count),
                "#ffffff" if count is None else SHADES[step],
                "#ffffff" if count is not None and step >= 3 else "#1a1a1a",
                count is None,
            )
        )
    return Figure(
        "district",
        title,
        [t("field_district"), t("field_count")],
        named + others,
        kind="tiles",
        tiles=drawn,
    )


def _trend(
    session: Session, scope: Scope, threshold: int, months: Sequence[str], labels: Labels
) -> Figure:
    t = labels.t
    cells = need_counts(session, ["month", "barrier"], scope, threshold, barriers_only=True)
    totals = {
        row["month"]: row["count"]
        for row in need_counts(session, ["month"], scope, threshold, barriers_only=True)
    }
    by_barrier: dict[str, dict[str, int | None]] = {}
    for cell in cells:
        by_barrier.setdefault(cell["barrier"], {})[cell["month"]] = cell["count"]
    biggest = sorted(by_barrier, key=lambda b: -sum(n or 0 for n in by_barrier[b].values()))[
        :TREND_SERIES
    ]
    headers = [t("col_month"), *(labels.barrier(b) for b in biggest), t("col_total")]
    rows = [
        [month, *(by_barrier[b].get(month, 0) for b in biggest), totals.get(month, 0)]
        for month in months
    ]
    figure = Figure("trend", t("fig_trend"), headers, rows, kind="lines")
    width, height, left, bottom = 560.0, 220.0, 40.0, 30.0
    peak: int = max([v for row in rows for v in row[1:-1] if v is not None] + [1])
    step = (width - left - 10) / max(len(months) - 1, 1)

    def x(i: int) -> float:
        return round(left + i * step, 1)

    def y(value: int) -> float:
        return round(height - bottom - value / peak * (height - bottom - 10), 1)

    figure.x_labels = [(x(i), month[2:]) for i, month in enumerate(months)]
    figure.y_ticks = [(y(v), v) for v in sorted({0, peak // 2, peak})]
    for index, barrier in enumerate(biggest):
        colour, dash = SERIES_STYLES[index]
        segments: list[str] = []
        points: list[tuple[float, float]] = []
        current: list[str] = []
        for i, row in enumerate(rows):
            value = row[1 + index]
            if value is None:
                if current:
                    segments.append(" ".join(current))
                current = []
                continue
            current.append(f"{'L' if current else 'M'}{x(i)},{y(value)}")
            points.append((x(i), y(value)))
        if current:
            segments.append(" ".join(current))
        figure.series.append(Series(labels.barrier(barrier), colour, dash, segments, points))
    return figure


def _feedback(rows: list[Row], labels: Labels, t: Callable[..., str]) -> Figure:
    ordered = sorted(
        rows, key=lambda r: (r["helpful_rate"] is None, r["helpful_rate"] or 0, repr(r["topic"]))
    )[:TOP]
    table = [
        [labels.topic(r["topic"]), r["helpful"], r["not_helpful"], r["helpful_rate"]]
        for r in ordered
    ]
    figure = Figure(
        "feedback",
        t("fig_feedback"),
        [t("field_topic"), t("col_helpful"), t("col_not_helpful"), t("col_rate")],
        table,
    )
    bars = _bars(table, t, percent=True)
    for bar in bars:
        bar.share = bar.value or 0.0  # a share of all answers, not of the longest bar
    figure.bars = bars
    return figure
