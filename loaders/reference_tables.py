"""The real 10/21 national tables (CSV transcriptions of the VM/STM slides of 9.12.2021) written
as xlsx in the slides' layout, so the demo imports them through the summary-table loader exactly
as a user's file would go.

Each file uses a different value style people really send, and the loader must accept them all:
readiness — text "36 %" (non-breaking space), merged two-row header Käynnissä | Valmis;
progress — plain numbers 36; sub-areas — fractions 0.36 shown with a percent number format.
"""
from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from domain.i18n import format_percent
from domain.metrics import BANDS

from .sheet_cells import save_deterministic

# file stem of the CSV -> (view, output name, sheet title, title lines above the table)
TABLES: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "readiness": ("readiness", "valmiusaste-2021-10.xlsx", "Valmiusaste", (
        "Alueellisen toimeenpanon valmiusaste suhteessa 1.1.2023 (10/21)",)),
    "progress": ("progress", "eteneminen-2021-10.xlsx", "Eteneminen", (
        "Alueellisen toimeenpanon tiekartan mukainen eteneminen 10/21",
        "Tarkasteltavana tehtävät Q4/2021 asti")),
    "yhdyspinnat-osa-alueet": ("subareas", "yhdyspinnat-osa-alueet-2021-10.xlsx", "Yhdyspinnat", (
        "Lokakuun tilannekuva, Yhdyspinnat – kokonaiskuva ja osa-alueet (10/21)",
        "Valmisteluryhmä: Yhdyspinnat")),
}
COUNT_ROW_LABEL = "Tehtävien lkm yht."
SOURCE_LINE = "Lähde: alueiden tilannekuvaraportit 10/2021; VM/STM 9.12.2021"

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def _header_cell(ws, row: int, col: int, text: str) -> None:
    cell = ws.cell(row, col, text)
    cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _CENTER


def _legend(ws, row: int) -> None:
    """The slides' four band texts, then the source line, after a blank row."""
    for offset, band in enumerate(BANDS):
        ws.cell(row + offset, 1, band.legend_fi)
    ws.cell(row + len(BANDS) + 1, 1, SOURCE_LINE).font = Font(italic=True)


def _write_readiness(ws, header: list[str], rows: list[list[str]], top: int) -> int:
    """Two header rows: a workstream over two merged cells, then Käynnissä | Valmis."""
    _header_cell(ws, top, 1, "Alue")
    ws.merge_cells(start_row=top, start_column=1, end_row=top + 1, end_column=1)
    for col, text in enumerate(header[1:], start=2):
        workstream, _, sub = (part.strip() for part in text.partition("|"))
        if col % 2 == 0:
            _header_cell(ws, top, col, workstream)
            ws.merge_cells(start_row=top, start_column=col, end_row=top, end_column=col + 1)
        _header_cell(ws, top + 1, col, sub)
    row = top + 2
    for values in rows:
        ws.cell(row, 1, values[0]).font = _BOLD
        for col, value in enumerate(values[1:], start=2):
            if value.strip():
                # text with a non-breaking space, as copied from a slide or a report
                ws.cell(row, col, format_percent(int(value), "fi")).alignment = _CENTER
        row += 1
    return row


def _write_flat(ws, header: list[str], rows: list[list[str]], top: int, fractions: bool) -> int:
    _header_cell(ws, top, 1, "Alue")
    for col, text in enumerate(header[1:], start=2):
        _header_cell(ws, top, col, text)
    row = top + 1
    for values in rows:
        label = values[0]
        ws.cell(row, 1, label).font = _BOLD
        is_count = label == COUNT_ROW_LABEL
        for col, value in enumerate(values[1:], start=2):
            if not value.strip():
                continue
            cell = ws.cell(row, col)
            if is_count:
                cell.value, cell.font = int(value), _BOLD
            elif fractions:
                cell.value, cell.number_format = int(value) / 100, "0 %"
            else:
                cell.value = int(value)
            cell.alignment = _CENTER
        row += 1
    return row


def write_reference_workbooks(csv_dir: str | Path, out_dir: str | Path) -> dict[str, Path]:
    """Convert the three CSVs of `csv_dir` into xlsx files in `out_dir`; returns
    {"readiness": path, "progress": path, "subareas": path}. Same input, same bytes."""
    csv_dir, out_dir = Path(csv_dir), Path(out_dir)
    written: dict[str, Path] = {}
    for stem, (view, name, sheet_title, titles) in TABLES.items():
        header, rows = _read_csv(csv_dir / f"{stem}.csv")
        wb = Workbook()
        ws = wb.active
        ws.title = sheet_title
        for offset, line in enumerate(titles):
            ws.cell(1 + offset, 1, line).font = _TITLE if offset == 0 else _BOLD
        top = len(titles) + 2
        if view == "readiness":
            end = _write_readiness(ws, header, rows, top)
        else:
            end = _write_flat(ws, header, rows, top, fractions=view == "subareas")
        _legend(ws, end + 1)
        ws.column_dimensions["A"].width = 22
        for col in range(2, len(header) + 1):
            ws.column_dimensions[get_column_letter(col)].width = 16
        ws.freeze_panes = ws.cell(top + (2 if view == "readiness" else 1), 2)
        written[view] = save_deterministic(wb, out_dir / name)
    return written



# --- the example files committed under data/reference/ ------------------------------------

SHIPPED_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"
SHIPPED_CSV_DIR = SHIPPED_DIR / "tilannekuva-2021-10"  # a copy of the shared transcriptions


def write_shipped_examples(out_dir: str | Path = SHIPPED_DIR,
                           csv_dir: str | Path = SHIPPED_CSV_DIR) -> dict[str, Path]:
    """(Re)write the files committed under data/reference/ so users can see the formats: the
    roadmap workbook (tiekartta.xlsx) and the three 10/21 tables. Tests check that the committed
    files are exactly what this writes."""
    from .roadmap_workbook import write_roadmap_workbook

    out_dir = Path(out_dir)
    written = {"roadmap": write_roadmap_workbook(out_dir / "tiekartta.xlsx")}
    written.update(write_reference_workbooks(csv_dir, out_dir))
    return written


if __name__ == "__main__":  # python -m loaders.reference_tables
    for kind, path in write_shipped_examples().items():
        print(f"{kind}: {path}")
