"""One writer for every "download the data" link and CLI export: a `DataTable` to CSV or xlsx.

Every view's data (heatmaps, region tables, trends, the submission board) is first turned into
a `DataTable`; these two functions are the only place that knows the file formats, so every
download looks and parses the same.

- CSV is for Finnish Excel: UTF-8 with a BOM (so Excel reads ä/ö/å right), `;` separators and
  a decimal comma. It holds one header line and the data rows only, so scripts can read it.
- xlsx looks like the slide: a title row, a source and period line, the header rows (a group
  row is merged over its columns), the data with optional cell fills, "no data" written as
  such (never as an empty cell a reader could take for zero), frozen headers.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

Value = str | int | float | None


@dataclass(frozen=True)
class DataTable:
    title: str
    source: str  # e.g. "Lähde: alueiden kuukausiraportit · Tilannekuva 10/2021 (raportoitu 9.12.2021)"
    # One or more header rows, each as long as a data row. In all but the last row a value
    # repeated over neighbouring columns is a group heading (merged in xlsx).
    header_rows: list[list[str]]
    rows: list[list[Value]]
    # Optional "#rrggbb" fill per data cell (same shape as rows; None: no fill).
    fills: list[list[str | None]] | None = None
    no_data: str = ""  # what a None value reads as in xlsx ("ei tietoa"); CSV leaves it empty
    sheet_name: str = "Tilannekuva"
    # Optional Excel number format per column, e.g. '0" %"' for whole percents.
    number_formats: list[str | None] = field(default_factory=list)

    def flat_header(self, joiner: str = " | ") -> list[str]:
        """One header line: each column's header rows joined, repeats and blanks left out."""
        width = len(self.header_rows[-1]) if self.header_rows else 0
        out = []
        for col in range(width):
            parts: list[str] = []
            for row in self.header_rows:
                text = row[col] if col < len(row) else ""
                if text and (not parts or parts[-1] != text):
                    parts.append(text)
            out.append(joiner.join(parts))
        return out


def csv_bytes(table: DataTable) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.flat_header())
    for row in table.rows:
        writer.writerow([_csv_value(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_value(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def xlsx_bytes(table: DataTable) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = table.sheet_name[:31]
    width = max([len(r) for r in table.header_rows] + [len(r) for r in table.rows] + [1])
    ws.cell(row=1, column=1, value=table.title).font = Font(bold=True, size=14)
    ws.cell(row=2, column=1, value=table.source).font = Font(italic=True, color="444444")
    first_header = 4
    _write_headers(ws, table.header_rows, first_header)
    first_data = first_header + len(table.header_rows)
    _write_rows(ws, table, first_data)
    ws.freeze_panes = ws.cell(row=first_data, column=2)
    for col in range(1, width + 1):
        longest = max((len(str(ws.cell(row=r, column=col).value or ""))
                       for r in range(first_header, ws.max_row + 1)), default=8)
        ws.column_dimensions[get_column_letter(col)].width = min(max(longest + 2, 8), 48)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _write_headers(ws, header_rows: list[list[str]], top: int) -> None:
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for offset, row in enumerate(header_rows):
        r = top + offset
        for c, text in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=text or None)
            cell.font, cell.alignment = bold, wrap
        if offset == len(header_rows) - 1:
            continue
        start = 0  # merge runs of one group heading
        for c in range(1, len(row) + 1):
            if c == len(row) or row[c] != row[start] or not row[start]:
                if c - start > 1 and row[start]:
                    ws.merge_cells(start_row=r, start_column=start + 1, end_row=r, end_column=c)
                start = c


def _write_rows(ws, table: DataTable, top: int) -> None:
    no_data_font = Font(italic=True, color="555555")
    for i, row in enumerate(table.rows):
        fills = table.fills[i] if table.fills else None
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=top + i, column=c)
            if value is None:
                if table.no_data and c > 1:
                    cell.value, cell.font = table.no_data, no_data_font
                continue
            cell.value = value
            fmt = table.number_formats[c - 1] if c - 1 < len(table.number_formats) else None
            if fmt and isinstance(value, (int, float)):
                cell.number_format = fmt
            colour = fills[c - 1] if fills and c - 1 < len(fills) else None
            if colour:
                cell.fill = PatternFill("solid", fgColor=colour.lstrip("#").upper())
