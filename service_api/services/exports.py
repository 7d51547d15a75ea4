"""Tables as CSV and XLSX downloads; the numbers are those shown, suppression included."""

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import Response
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Table:
    """A named table: columns and rows of plain values (None = suppressed or unknown)."""

    name: str
    columns: Sequence[str]
    rows: Sequence[dict[str, Any]]


def csv_response(table: Table) -> Response:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(table.columns), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(table.rows)
    return Response(
        buffer.getvalue(),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{table.name}.csv"'},
    )


def xlsx_response(tables: Sequence[Table], filename: str, note: str) -> Response:
    """One sheet per table, then a sheet with the note (source, period, suppression)."""
    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(table.name[:31])
        sheet.append(list(table.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_cell(row.get(column)) for column in table.columns])
    about = book.create_sheet("about")
    for line in note.splitlines():
        about.append([line])
    buffer = io.BytesIO()
    book.save(buffer)
    return Response(
        buffer.getvalue(),
        media_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _cell(value: Any) -> Any:
    return value if value is None or isinstance(value, int | float | str) else str(value)
