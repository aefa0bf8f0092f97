"""The regional monthly sheet as a template: a region's task list in Finnish or Swedish, a
dropdown of the five statuses on `Tila`, the task columns protected, last month's statuses
prefilled. The synthetic demo sheets are written by the same function, so the demo's files
are exactly what a region would send.

Protection is Excel's sheet protection *without a password*: it stops accidental edits of
task ids and titles, it is not a security boundary (the loader checks everything anyway).
Notes are written as text, never as formulas (see `_put_text`).
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from copy import copy
from pathlib import Path
from typing import Mapping

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from domain import queries
from domain.i18n import format_period, t
from domain.metrics import next_period
from domain.schema import Region, Task
from domain.vocabulary import Status, allowed_status_labels, status_label

from . import sheet_format as fmt
from .common import Problem, RegionResolver, ValidationFailed, parse_period

HEADING_ROW, REGION_ROW, PERIOD_ROW, INFO_ROW, HEADER_ROW = 1, 2, 3, 4, 5
FIRST_TASK_ROW = HEADER_ROW + 1
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheet apps may read as formulas
FIXED_TIMESTAMP = dt.datetime(2021, 10, 1)  # deterministic file bytes (demo, tests)

_HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
_INPUT_FILL = PatternFill("solid", fgColor="FFF8DC")  # the cells a region fills in
_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_UNLOCKED = Protection(locked=False)


def default_language(region: Region) -> str:
    return "sv" if region.reports_in_swedish else "fi"


def resolve_region(session: Session, region: Region | str) -> Region:
    if isinstance(region, Region):
        return region
    resolver = RegionResolver(session)
    found = resolver.resolve(region)
    if found is None:
        raise ValidationFailed([resolver.unknown_problem(region)])
    return found


def default_period(session: Session, region: Region) -> str:
    """The month to send: the earliest open reporting round after the region's latest report
    (else the latest open round: a re-send); with no open round, the month after the latest
    published one; else now. Never an arbitrary month someone happened to upload."""
    opened = sorted(queries.open_periods(session))
    if opened:
        last, _ = queries.latest_task_statuses(session, region.id)
        later = [p for p in opened if last is None or p > last.period]
        return later[0] if later else opened[-1]
    snap = queries.latest_published(session)
    if snap is None:
        today = dt.date.today()
        return f"{today.year:04d}-{today.month:02d}"
    return next_period(snap.period)


def roadmap_tasks(session: Session) -> list[Task]:
    return list(session.scalars(
        select(Task).options(joinedload(Task.workstream), joinedload(Task.sub_area))
        .order_by(Task.position)))


def write_template(session: Session, region: Region | str, path: str | Path,
                   lang: str | None = "fi", period: str | None = None) -> Path:
    """Write the region's sheet for `period` (default: the month after its latest report) in
    `lang` ('fi'/'sv'; None: the region's own language), prefilled with the region's most recent
    statuses up to that month, if any."""
    region = resolve_region(session, region)
    lang = lang if lang in fmt.LANGS else default_language(region)
    if period is None:
        period = default_period(session, region)
    else:
        parsed = parse_period(period)
        if parsed is None:
            raise ValidationFailed([Problem("status_sheet.bad_period", value=str(period))])
        period = parsed
    snap, previous = queries.latest_task_statuses(session, region.id, period)
    statuses = {task_id: (Status(status), note) for task_id, (status, note) in previous.items()}
    workbook = build_workbook(roadmap_tasks(session), region, lang, period, statuses,
                              prefilled_from=snap.period if snap else None)
    return save_workbook(workbook, path)


def build_workbook(tasks: list[Task], region: Region, lang: str, period: str,
                   statuses: Mapping[int, tuple[Status, str | None]], *,
                   prefilled_from: str | None = None, synthetic: bool = False):
    """The sheet as an openpyxl workbook; `statuses` maps task.id -> (status, note)."""
    workbook = openpyxl.Workbook()
    workbook.properties.creator = "tilannekuva"
    workbook.properties.created = FIXED_TIMESTAMP
    ws = workbook.active
    ws.title = fmt.SHEET_TITLE[lang]

    ws.cell(HEADING_ROW, 1, t("sheet.heading", lang)).font = Font(bold=True, size=14)
    if synthetic:
        ws.cell(HEADING_ROW, 4, t("sheet.synthetic", lang)).font = Font(bold=True, color="C00000")
    for row, label, value in ((REGION_ROW, fmt.REGION_LABEL[lang], region.name_sv if lang == "sv"
                               else region.name_fi),
                              (PERIOD_ROW, fmt.PERIOD_LABEL[lang], format_period(period))):
        ws.cell(row, 1, label).font = Font(bold=True)
        value_cell = ws.cell(row, 2, value)
        value_cell.font = Font(bold=True)
        value_cell.number_format = "@"  # "3/2022" must stay text, not turn into a date
    info = t("sheet.instructions", lang, na=status_label(Status.NOT_APPLICABLE, lang))
    if prefilled_from:
        info += " " + t("sheet.prefilled", lang, period=format_period(prefilled_from))
    info_cell = ws.cell(INFO_ROW, 1, info)
    info_cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=INFO_ROW, start_column=1, end_row=INFO_ROW, end_column=len(fmt.COLUMNS))
    ws.row_dimensions[INFO_ROW].height = 45

    index = {c.key: i + 1 for i, c in enumerate(fmt.COLUMNS)}
    for column in fmt.COLUMNS:
        cell = ws.cell(HEADER_ROW, index[column.key], column.label(lang))
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(index[column.key])].width = column.width

    row = FIRST_TASK_ROW
    styled = [index[k] for k in (fmt.STATUS, fmt.NOTE, fmt.TITLE, fmt.SUB_AREA, fmt.WORKSTREAM)]
    prototypes: dict[int, StyleArray] = {}
    for task in tasks:
        ws_name = task.workstream.name_sv if lang == "sv" else task.workstream.name_fi
        sa_name = task.sub_area.name_sv if lang == "sv" else task.sub_area.name_fi
        title = (task.title_sv if lang == "sv" and task.title_sv else task.title_fi)
        values = {fmt.ID: task.code, fmt.WORKSTREAM: ws_name,
                  fmt.SUB_AREA: f"{task.sub_area.letter}. {sa_name}", fmt.TITLE: title,
                  fmt.DUE: task.due_label}
        for key, value in values.items():
            _put_text(ws.cell(row, index[key]), value)
        status, note = statuses.get(task.id, (None, None))
        status_cell = ws.cell(row, index[fmt.STATUS])
        note_cell = ws.cell(row, index[fmt.NOTE])
        if prototypes:
            # every task row looks the same: copy the first row's style indices (setting
            # openpyxl style objects cell by cell hashes them each time; half the demo's build)
            for col in styled:
                ws.cell(row, col)._style = copy(prototypes[col])
        else:
            for cell in (status_cell, note_cell):
                cell.protection = _UNLOCKED
                cell.fill = _INPUT_FILL
                cell.number_format = "@"  # typed text stays text: "=…" in a note is no formula
            for key in (fmt.TITLE, fmt.NOTE, fmt.SUB_AREA, fmt.WORKSTREAM):
                ws.cell(row, index[key]).alignment = Alignment(wrap_text=True, vertical="top")
            prototypes = {col: copy(ws.cell(row, col)._style) for col in styled}
        _put_text(status_cell, status_label(status, lang) if status else None)
        _put_text(note_cell, note)
        row += 1
    last = max(row - 1, FIRST_TASK_ROW)

    status_letter = get_column_letter(index[fmt.STATUS])
    labels = allowed_status_labels(lang)
    dropdown = DataValidation(type="list", formula1='"' + ",".join(labels) + '"',
                              allow_blank=True, showErrorMessage=True,
                              errorTitle=t("sheet.dropdown_title", lang),
                              error=t("sheet.dropdown_error", lang))
    ws.add_data_validation(dropdown)
    dropdown.add(f"{status_letter}{FIRST_TASK_ROW}:{status_letter}{last}")

    ws.freeze_panes = ws.cell(FIRST_TASK_ROW, 2)  # header rows and the id column stay visible
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(fmt.COLUMNS))}{last}"
    ws.cell(PERIOD_ROW, 2).protection = _UNLOCKED  # the month may be corrected; it is validated
    protection = ws.protection
    protection.sheet = True  # no password: guards against slips, not a security boundary
    protection.formatColumns = False  # people may still widen columns,
    protection.formatRows = False  # heighten rows
    protection.autoFilter = False  # and filter by status
    return workbook


def _put_text(cell, value: str | None) -> None:
    """Write text that is never taken for a formula (formula injection): a value starting with
    '=', '+', '-', '@' is stored as a string cell with Excel's quote prefix (the "'" mark)."""
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        cell.data_type = "s"
        cell.quotePrefix = True


def save_workbook(workbook, path: str | Path) -> Path:
    """Save with fixed timestamps, so the same content gives the same bytes (deterministic
    demo files; their SHA-256 in the upload log stays meaningful)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(normalise_zip(buffer.getvalue()))
    return path


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def normalise_zip(data: bytes) -> bytes:
    stamp = FIXED_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIMESTAMP.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, content)
    return out.getvalue()
