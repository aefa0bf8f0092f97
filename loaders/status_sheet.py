"""Loader 2: a region's monthly status sheet (xlsx) -> one new revision of its task statuses.

`read_status_sheet` only reads and validates (writes nothing) and collects every problem;
`store_status_sheet` writes a clean result; `import_status` does both in one transaction, so a
rejected file changes nothing. The layout is defined in `loaders.sheet_format`.

Formulas are never evaluated: the workbook is opened with `data_only=False` and a formula in a
cell that carries data (`Tunnus`, `Tila`, `Valmisteluryhmä`, `Osa-alue`) is an error naming the
cell. A formula-looking note is kept as the text it is.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable

import openpyxl
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from domain import queries
from domain.db import transaction
from domain.i18n import format_date, format_period
from domain.schema import Region, Submission, Task
from domain.store import ensure_snapshot, record_task_submission
from domain.vocabulary import (
    Status, allowed_status_labels, normalise_text, parse_status, status_label,
)

from . import sheet_format as fmt
from .common import ImportResult, Problem, RegionResolver, ValidationFailed, parse_period, sha256_of

MAX_PROBLEMS = 200  # reported one by one; the rest as "…and N more"
MAX_DATA_ROWS = 20_000  # filled rows below the header; more means this is not a status sheet
MAX_LISTED_IDS = 30  # missing task ids listed in one problem
MAX_SCAN_ROWS = 100_000  # rows read below the header at most (formatting can reach row 1 048 576)

Source = str | Path | BinaryIO | bytes


@dataclass
class ParsedStatusSheet:
    """A validated sheet, ready to store."""

    region: Region
    period: str  # "YYYY-MM"
    language: str  # "fi" | "sv": the language of the sheet's labels
    statuses: dict[int, tuple[Status, str | None]]  # task.id -> (status, note)
    sheet_name: str
    row_count: int  # task rows read
    task_codes: dict[int, str] = field(default_factory=dict)  # task.id -> task code
    source_name: str | None = None

    def status_counts(self) -> dict[Status, int]:
        counts = Counter(status for status, _ in self.statuses.values())
        return {status: counts.get(status, 0) for status in Status}


# --- reading ------------------------------------------------------------------------------

def _allowed_params() -> dict[str, str]:
    return {f"allowed_{lang}": ", ".join(allowed_status_labels(lang)) for lang in ("fi", "sv", "en")}


def _clean(value: object) -> object:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _formula_text(cell) -> str | None:
    """The formula of a cell, or None when the cell holds a plain value."""
    if getattr(cell, "data_type", None) != "f":
        return None
    value = cell.value
    return getattr(value, "text", None) or str(value)


def _open_workbook(source: Source):
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    # read_only streams rows (fast, bounded memory); data_only=False keeps formulas as formulas.
    return openpyxl.load_workbook(source, read_only=True, data_only=False, keep_links=False)


@dataclass
class _Header:
    row: int
    columns: dict[str, int]  # column key -> 0-based index
    labels: dict[str, str]  # column key -> the header text as written
    region_cell: tuple[int, int, object] | None = None  # (row, col, value) of the value cell
    region_label: str | None = None
    period_cell: tuple[int, int, object] | None = None
    period_label: str | None = None
    language: str = "fi"


def _find_header(ws) -> _Header | None:
    """The table's header row (recognised by its labels) and the labelled cells above it."""
    region = period = None
    rows = ws.iter_rows(min_row=1, max_row=fmt.HEADER_SEARCH_ROWS, max_col=fmt.HEADER_SEARCH_COLS)
    for row_number, cells in enumerate(rows, start=1):
        values = [_clean(getattr(c, "value", None)) for c in cells]
        columns: dict[str, int] = {}
        labels: dict[str, str] = {}
        for index, value in enumerate(values):
            key = fmt.column_key(value)
            if key and key not in columns:
                columns[key] = index
                labels[key] = value
        if all(c.key in columns for c in fmt.COLUMNS if c.required):
            header = _Header(row_number, columns, labels)
            if region:
                header.region_cell, header.region_label = region
            if period:
                header.period_cell, header.period_label = period
            words = list(labels.values()) + [header.region_label, header.period_label]
            header.language = fmt.language_of(w for w in words if w)
            return header
        for index, value in enumerate(values):
            if region is None and fmt.is_region_label(value):
                region = (_value_right_of(values, index, row_number), value)
            elif period is None and fmt.is_period_label(value):
                period = (_value_right_of(values, index, row_number), value)
    return None


def _value_right_of(values: list, index: int, row_number: int) -> tuple[int, int, object]:
    """The first filled cell right of a label (a merged label may push it a cell or two)."""
    for offset in range(1, 4):
        if index + offset < len(values) and values[index + offset] is not None:
            return (row_number, index + offset, values[index + offset])
    return (row_number, index + 1, None)


def _resolve_region(resolver: RegionResolver, given: object, header: _Header, sheet: str,
                    problems: list[Problem]) -> Region | None:
    given_region = None
    if isinstance(given, Region):
        given_region = given
    elif given is not None and str(given).strip():
        given_region = resolver.resolve(given)
        if given_region is None:
            problems.append(resolver.unknown_problem(str(given)))
            return None
    label = header.region_label or fmt.REGION_LABEL[header.language]
    value = header.region_cell[2] if header.region_cell else None
    row = header.region_cell[0] if header.region_cell else None
    if value is None:
        if given_region is None:
            problems.append(Problem("status_sheet.missing_region", sheet=sheet, row=row,
                                    column=label, params={"label": label}))
        return given_region
    sheet_region = resolver.resolve(value)
    if sheet_region is None:
        problems.append(resolver.unknown_problem(value, sheet=sheet, row=row, column=label))
        return None
    if given_region is not None and given_region.id != sheet_region.id:
        problems.append(Problem("status_sheet.region_conflict", sheet=sheet, row=row,
                                column=label, value=value, params={"given": given_region.name_fi}))
        return None
    return sheet_region


def _resolve_period(given: object, header: _Header, sheet: str,
                    problems: list[Problem]) -> str | None:
    given_period = None
    if given is not None and str(given).strip():
        given_period = parse_period(given)
        if given_period is None:
            problems.append(Problem("status_sheet.bad_period", value=str(given)))
            return None
    label = header.period_label or fmt.PERIOD_LABEL[header.language]
    value = header.period_cell[2] if header.period_cell else None
    row = header.period_cell[0] if header.period_cell else None
    if value is None:
        if given_period is None:
            problems.append(Problem("status_sheet.missing_period", sheet=sheet, row=row,
                                    column=label, params={"label": label}))
        return given_period
    sheet_period = parse_period(value)
    shown = format_date(value) if isinstance(value, (dt.date, dt.datetime)) else value
    if sheet_period is None:
        problems.append(Problem("status_sheet.bad_period", sheet=sheet, row=row, column=label,
                                value=shown))
        return None
    if given_period is not None and given_period != sheet_period:
        problems.append(Problem(
            "status_sheet.period_conflict", sheet=sheet, row=row, column=label, value=shown,
            params={"sheet_period": format_period(sheet_period),
                    "given": format_period(given_period)}))
        return None
    return sheet_period


class _RoadmapIndex:
    """The roadmap's tasks as a sheet names them: ids, workstream and sub-area texts."""

    def __init__(self, session: Session):
        self.tasks = list(session.scalars(
            select(Task).options(joinedload(Task.workstream), joinedload(Task.sub_area))
            .order_by(Task.position)))
        self.by_code = {normalise_text(t.code): t for t in self.tasks}
        self._names: dict[object, set[str]] = {}

    def task(self, value: object) -> Task | None:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return self.by_code.get(normalise_text(value))

    def workstream_matches(self, task: Task, text: object) -> bool:
        return normalise_text(text) in self._workstream_names(task.workstream)

    def sub_area_matches(self, task: Task, text: object) -> bool:
        sa = task.sub_area
        names = self._sub_area_names(sa)
        key = normalise_text(text)
        if key == sa.letter.casefold() or key in names:
            return True
        # "C. Henkilöstön asiat …", "C) …", "C – …" as the slides and people write them
        match = re.match(r"^([a-z])\s*[.):\-]\s*(.*)$", key) or re.match(r"^([a-z])\s+(.*)$", key)
        return bool(match) and match.group(1) == sa.letter.casefold() and (
            not match.group(2) or match.group(2) in names)

    def _workstream_names(self, ws) -> set[str]:
        if ws.id not in self._names:
            self._names[ws.id] = {normalise_text(x)
                                  for x in (ws.code, ws.name_fi, ws.name_sv, ws.name_en) if x}
        return self._names[ws.id]

    def _sub_area_names(self, sa) -> set[str]:
        key = ("sa", sa.id)
        if key not in self._names:
            self._names[key] = {normalise_text(x) for x in (sa.name_fi, sa.name_sv, sa.name_en) if x}
        return self._names[key]


def _cell_ref(column_index: int, row: int) -> str:
    return f"{get_column_letter(column_index + 1)}{row}"


def _note_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return format_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_status_sheet(session: Session, path: Source, region: object = None,
                      period: object = None) -> ParsedStatusSheet:
    """Read and validate a regional monthly sheet; writes nothing.

    `region` (a name as people type it, a code, or a `Region`) and `period` ('2022-03', '3/2022',
    a date) may come from the command line or the upload form; a conflict with the sheet's own
    header cells is an error. Raises `ValidationFailed` listing every problem."""
    source_name = _source_name(path)
    try:
        workbook = _open_workbook(path)
    except Exception as error:  # any unreadable file is a user problem, never a crash
        raise ValidationFailed([Problem("status_sheet.unreadable",
                                        params={"reason": type(error).__name__})], source_name)
    try:
        return _read(session, workbook, region, period, source_name)
    finally:
        workbook.close()


def _read(session: Session, workbook, region: object, period: object,
          source_name: str | None) -> ParsedStatusSheet:
    problems: list[Problem] = []
    header = None
    ws = None
    for candidate in workbook.worksheets:
        header = _find_header(candidate)
        if header is not None:
            ws = candidate
            break
    if header is None:
        first = workbook.worksheets[0].title if workbook.worksheets else None
        raise ValidationFailed([Problem("status_sheet.no_header", sheet=first, params={
            "columns_fi": ", ".join(f"'{x}'" for x in fmt.required_labels("fi")),
            "columns_sv": ", ".join(f"'{x}'" for x in fmt.required_labels("sv"))})], source_name)
    sheet = ws.title
    resolver = RegionResolver(session)
    found_region = _resolve_region(resolver, region, header, sheet, problems)
    found_period = _resolve_period(period, header, sheet, problems)

    roadmap = _RoadmapIndex(session)
    if not roadmap.tasks:
        problems.append(Problem("status_sheet.no_roadmap"))
        raise ValidationFailed(problems, source_name)

    row_problems, tail_problems = [], []
    statuses: dict[int, tuple[Status, str | None]] = {}
    task_codes: dict[int, str] = {}
    first_row: dict[int, int] = {}
    cols, labels = header.columns, header.labels
    allowed = _allowed_params()
    width = max(cols.values()) + 1
    filled = 0
    for row_number, cells in enumerate(
            ws.iter_rows(min_row=header.row + 1, max_row=header.row + MAX_SCAN_ROWS,
                         max_col=width), start=header.row + 1):
        cells = list(cells) + [None] * (width - len(cells))
        values = {key: _clean(getattr(cells[i], "value", None)) for key, i in cols.items()}
        if all(v is None for v in values.values()):
            continue  # fully empty rows (spacing, formatting left behind) are ignored
        filled += 1
        if filled > MAX_DATA_ROWS:
            tail_problems.append(Problem("status_sheet.too_many_rows", sheet=sheet,
                                         row=row_number, params={"limit": MAX_DATA_ROWS}))
            break
        formulas = {}
        for key in (fmt.ID, fmt.STATUS, fmt.WORKSTREAM, fmt.SUB_AREA):
            if key in cols and cells[cols[key]] is not None:
                formula = _formula_text(cells[cols[key]])
                if formula is not None:
                    formulas[key] = formula
                    row_problems.append(Problem(
                        "status_sheet.formula", sheet=sheet, row=row_number, column=labels[key],
                        value=formula, params={"cell": _cell_ref(cols[key], row_number)}))

        task = None
        raw_id = values.get(fmt.ID)
        if fmt.ID not in formulas:
            if raw_id is None:
                row_problems.append(Problem("status_sheet.missing_id", sheet=sheet,
                                            row=row_number, column=labels[fmt.ID]))
            else:
                task = roadmap.task(raw_id)
                if task is None:
                    row_problems.append(Problem("status_sheet.unknown_task", sheet=sheet,
                                                row=row_number, column=labels[fmt.ID],
                                                value=raw_id))
                elif task.id in first_row:
                    row_problems.append(Problem(
                        "status_sheet.duplicate_task", sheet=sheet, row=row_number,
                        column=labels[fmt.ID], value=task.code,
                        params={"first_row": first_row[task.id]}))
                    task = None
                else:
                    first_row[task.id] = row_number

        if task is not None:
            for key, matches, message, target in (
                    (fmt.WORKSTREAM, roadmap.workstream_matches, "status_sheet.workstream_mismatch",
                     task.workstream),
                    (fmt.SUB_AREA, roadmap.sub_area_matches, "status_sheet.sub_area_mismatch",
                     task.sub_area)):
                text = values.get(key)
                if text is None or key in formulas or matches(task, text):
                    continue
                row_problems.append(Problem(
                    message, sheet=sheet, row=row_number, column=labels[key], value=text,
                    params={"task": task.code, **_names(target, key == fmt.SUB_AREA)}))

        status = None
        if fmt.STATUS not in formulas:
            raw_status = values.get(fmt.STATUS)
            if raw_status is None:
                row_problems.append(Problem("status_sheet.empty_status", sheet=sheet,
                                            row=row_number, column=labels[fmt.STATUS],
                                            params=allowed))
            else:
                status = parse_status(raw_status)
                if status is None:
                    row_problems.append(Problem("status_sheet.unknown_status", sheet=sheet,
                                                row=row_number, column=labels[fmt.STATUS],
                                                value=raw_status, params=allowed))
        if task is not None and status is not None:
            note = _note_text(_note_value(cells, cols))
            statuses[task.id] = (status, note)
            task_codes[task.id] = task.code

    seen = set(first_row)
    missing = [t.code for t in roadmap.tasks if t.id not in seen]
    if missing and filled <= MAX_DATA_ROWS:
        listed = ", ".join(missing[:MAX_LISTED_IDS]) + (" …" if len(missing) > MAX_LISTED_IDS else "")
        tail_problems.append(Problem(
            "status_sheet.missing_tasks", sheet=sheet, column=labels[fmt.ID],
            params={"count": len(missing), "ids": listed,
                    **{f"na_{lang}": status_label(Status.NOT_APPLICABLE, lang)
                       for lang in ("fi", "sv", "en")}}))

    if len(row_problems) > MAX_PROBLEMS:
        extra = len(row_problems) - MAX_PROBLEMS
        row_problems = row_problems[:MAX_PROBLEMS] + [
            Problem("status_sheet.more_problems", params={"count": extra})]
    problems += row_problems + tail_problems
    if problems:
        raise ValidationFailed(problems, source_name)
    return ParsedStatusSheet(
        region=found_region, period=found_period, language=header.language, statuses=statuses,
        sheet_name=sheet, row_count=filled, task_codes=task_codes, source_name=source_name)


def _note_value(cells: list, cols: dict[str, int]) -> object:
    if fmt.NOTE not in cols or cells[cols[fmt.NOTE]] is None:
        return None
    cell = cells[cols[fmt.NOTE]]
    formula = _formula_text(cell)  # stored as the text it is, never evaluated
    return formula if formula is not None else _clean(cell.value)


def _names(obj, with_letter: bool) -> dict[str, str]:
    prefix = f"{obj.letter}. " if with_letter else ""
    return {f"expected_{lang}": prefix + (getattr(obj, f"name_{lang}") or obj.name_fi)
            for lang in ("fi", "sv", "en")}


def _source_name(path: Source) -> str | None:
    if isinstance(path, (str, Path)):
        return Path(path).name
    return getattr(path, "name", None)


def _sha256(path: Source) -> str | None:
    if isinstance(path, (str, Path)):
        return sha256_of(path)
    if isinstance(path, bytes):
        return hashlib.sha256(path).hexdigest()
    if isinstance(path, io.BytesIO):
        return hashlib.sha256(path.getvalue()).hexdigest()
    return None


# --- storing ------------------------------------------------------------------------------

def store_status_sheet(session: Session, parsed: ParsedStatusSheet, *,
                       source_name: str | None = None, source_sha256: str | None = None,
                       imported_by: str | None = None, is_synthetic: bool = False,
                       correction: str | None = None) -> Submission:
    """Write a validated sheet as the region's new revision for the period (earlier revisions
    stay for audit). The caller has checked the round (`domain.rounds.check_submission`); a
    change to a published month keeps its stated reason (`correction`)."""
    from domain import rounds

    found = rounds.round_of(session, parsed.period)
    reason = (correction or "").strip() or None
    if found is None or found.state != rounds.PUBLISHED:
        reason = None
    existing = queries.snapshot(session, parsed.period)
    # A new snapshot takes the sheet's synthetic flag; an existing one keeps its own.
    snap = existing or ensure_snapshot(session, parsed.period, is_synthetic=is_synthetic)
    return record_task_submission(
        session, region=parsed.region, snapshot=snap, statuses=parsed.statuses,
        source_name=source_name or parsed.source_name, source_sha256=source_sha256,
        imported_by=imported_by, is_synthetic=is_synthetic, correction_reason=reason)


def import_status(url: str | None, path: Source, region: object = None, period: object = None,
                  lang: str = "fi", imported_by: str | None = None, is_synthetic: bool = False,
                  source_name: str | None = None, *, correction: str | None = None,
                  role: str = "operator", own_region_id: int | None = None) -> ImportResult:
    """Read, validate and store one sheet in ONE transaction: a rejected file changes nothing.

    The month must have an open reporting round; a published one only with `correction` (the
    reason) — `domain.rounds.RoundRefused` otherwise. The command line acts as the operator
    (`role`), with a coordinator's rights.

    `lang` is the reader's language; problems are rendered by the caller (`ValidationFailed`
    carries them language-neutral)."""
    from domain import rounds

    sha = _sha256(path)
    with transaction(url) as session:
        parsed = read_status_sheet(session, path, region=region, period=period)
        rounds.check_submission(session, parsed.period, parsed.region.id, role=role,
                                own_region_id=own_region_id, correction=correction)
        submission = store_status_sheet(
            session, parsed, source_name=source_name, source_sha256=sha,
            imported_by=imported_by, is_synthetic=is_synthetic, correction=correction)
        return ImportResult(
            kind="status", source=source_name or parsed.source_name or "",
            period=parsed.period, regions=[parsed.region.code],
            counts={s.value: n for s, n in parsed.status_counts().items()} | {
                "tasks": len(parsed.statuses)},
            submission_ids=[submission.id], revision=submission.revision)


def problems_of(error: ValidationFailed, lang: str = "fi") -> Iterable[str]:
    """Rendered problems, for the CLI and the upload preview."""
    return error.render(lang)
