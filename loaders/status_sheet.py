"""Loader 2: a region's monthly status sheet (xlsx, ods) -> one new revision of its task statuses.

`read_status_sheet` only reads and validates (writes nothing) and collects every problem;
`store_status_sheet` writes a clean result; `import_status` does both in one transaction, so a
rejected file changes nothing. The layout is defined in `loaders.sheet_format`; the sheet and
its columns are found by `loaders.status_header`.

Values are read with python-calamine (`loaders.sheet_values`): fast, and it also reads Strict
Open XML and .ods. Formulas: a cell holding a formula is read as the value the file's creator
saw, the cached value Excel and LibreOffice save with it, and the preview and the CLI say which
cells held formulas. A formula without a saved value in a cell that carries data (`Tunnus`,
`Tila`, `Valmisteluryhmä`, `Osa-alue`) is an error naming the cell. Formulas are never evaluated.
"""
from __future__ import annotations

import hashlib
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable, Sequence

from sqlalchemy.orm import Session

from domain import queries
from domain.db import transaction
from domain.i18n import format_date
from domain.schema import Region, Submission
from domain.store import TaskRow, ensure_snapshot, record_task_submission
from domain.vocabulary import Status, allowed_status_labels, parse_status, status_label

from . import sheet_format as fmt
from .common import (
    ImportResult, Problem, RegionResolver, ValidationFailed, reference_version, sha256_of,
)
from .file_safety import MAX_CELL_CHARS
from .sheet_values import FormulaCell, Workbook, formula_cells
from .status_context import RoadmapIndex, given_period, resolve_period, resolve_region
from .status_header import Header, choose_sheet, header_problems, unknown_columns

MAX_PROBLEMS = 200  # reported one by one; the rest as "…and N more"
MAX_DATA_ROWS = 20_000  # filled rows below the header; more means this is not a status sheet
MAX_LISTED_IDS = 30  # missing task ids listed in one problem
MAX_LISTED_CELLS = 12  # formula cells listed in the preview's note
KEY_COLUMNS = (fmt.ID, fmt.STATUS, fmt.WORKSTREAM, fmt.SUB_AREA)
_NONE: frozenset = frozenset()

Source = str | Path | BinaryIO | bytes


@dataclass
class ParsedStatusSheet:
    """A validated sheet, ready to store. `warnings` are shown in the preview and by the CLI
    (columns not imported, formulas read as their saved values); they do not stop the import."""

    region: Region
    period: str  # "YYYY-MM"
    language: str  # "fi" | "sv": the language of the sheet's labels
    statuses: dict[int, tuple[Status, str | None]]  # task.id -> (status, note)
    sheet_name: str
    row_count: int  # task rows read
    task_codes: dict[int, str] = field(default_factory=dict)  # task.id -> task code
    source_name: str | None = None
    warnings: list[Problem] = field(default_factory=list)
    tasks: Sequence[TaskRow] | None = field(default=None, repr=False)  # the roadmap read, reused

    def status_counts(self) -> dict[Status, int]:
        counts = Counter(status for status, _ in self.statuses.values())
        return {status: counts.get(status, 0) for status in Status}


# --- reading ------------------------------------------------------------------------------

def _allowed_params() -> dict[str, str]:
    return {f"allowed_{lang}": ", ".join(allowed_status_labels(lang)) for lang in ("fi", "sv", "en")}


def _bytes_of(source: Source) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, (str, Path)):
        return Path(source).read_bytes()
    data = source.read()
    return data if isinstance(data, bytes) else bytes(data)


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", "\u00a0")


def _note_text(value: object) -> str | None:
    if value is None:
        return None
    if hasattr(value, "year") and hasattr(value, "month"):
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
        data = _bytes_of(path)
        workbook = Workbook(data)
    except Exception as error:  # any unreadable file is a user problem, never a crash
        raise ValidationFailed([Problem("status_sheet.unreadable",
                                        params={"reason": type(error).__name__})], source_name)
    try:
        return _read(session, workbook, region, period, source_name)
    finally:
        workbook.close()


def _read(session: Session, workbook: Workbook, region: object, period: object,
          source_name: str | None) -> ParsedStatusSheet:
    problems: list[Problem] = []
    wanted = given_period(period, problems)
    header, sheet_problems = choose_sheet(
        workbook, wanted, queries.open_periods(session) if len(workbook.sheets) > 1 else set())
    if sheet_problems:
        raise ValidationFailed(problems + sheet_problems, source_name)
    if header is None:
        first = workbook.sheets[0].name if workbook.sheets else None
        raise ValidationFailed([Problem("status_sheet.no_header", sheet=first, params={
            "columns_fi": ", ".join(f"'{x}'" for x in fmt.required_labels("fi")),
            "columns_sv": ", ".join(f"'{x}'" for x in fmt.required_labels("sv"))})], source_name)
    problems += header_problems(header)
    version = reference_version(session)  # the roadmap and regions, kept between imports
    found_region = resolve_region(RegionResolver(session, version), region, header, problems)
    found_period = resolve_period(wanted, header, problems)
    roadmap = RoadmapIndex(session, version)
    if not roadmap.tasks:
        problems.append(Problem("status_sheet.no_roadmap"))
        raise ValidationFailed(problems, source_name)
    if header.duplicates:
        raise ValidationFailed(problems, source_name)
    workbook.read(header.sheet)
    formulas = formula_cells(workbook.data, header.sheet.index)
    rows = _Rows(header, roadmap, formulas)
    rows.read()
    warnings = unknown_columns(header) + rows.formula_warnings()
    row_problems = rows.problems
    total = len(problems) + len(row_problems) + len(rows.tail)
    if len(row_problems) > MAX_PROBLEMS:
        extra = len(row_problems) - MAX_PROBLEMS
        row_problems = row_problems[:MAX_PROBLEMS] + [
            Problem("status_sheet.more_problems", params={"count": extra})]
    problems += row_problems + rows.tail
    if problems:
        raise ValidationFailed(problems, source_name, total=total, warnings=warnings)
    return ParsedStatusSheet(
        region=found_region, period=found_period, language=header.language,
        statuses=rows.statuses, sheet_name=header.sheet.name, row_count=rows.filled,
        task_codes=rows.task_codes, source_name=source_name, warnings=warnings,
        tasks=roadmap.task_rows())


class _Rows:
    """The task rows below the header: statuses, notes and every row problem."""

    def __init__(self, header: Header, roadmap: RoadmapIndex,
                 formulas: dict[tuple[int, int], FormulaCell]):
        self.header, self.roadmap, self.formulas = header, roadmap, formulas
        self.sheet = header.sheet.name
        self.cols, self.labels = header.columns, header.labels
        self.problems: list[Problem] = []
        self.tail: list[Problem] = []
        self.statuses: dict[int, tuple[Status, str | None]] = {}
        self.task_codes: dict[int, str] = {}
        self.first_row: dict[int, int] = {}
        self.filled = 0
        self.used_formulas: list[FormulaCell] = []
        self._allowed = _allowed_params()
        self._status_memo: dict[object, Status | None] = {}
        self._name_checks = (
            (fmt.WORKSTREAM, self.roadmap.workstream_matches, "status_sheet.workstream_mismatch"),
            (fmt.SUB_AREA, self.roadmap.sub_area_matches, "status_sheet.sub_area_mismatch"))

    def _value(self, row: list, r: int, key: str) -> object:
        """The value of a column (the first filled one of a merged header's columns); for the
        note, every filled spanned column joined."""
        cols = self.cols.get(key, ())
        if not self.formulas and len(cols) == 1:  # the usual sheet: one column, no formulas
            c = cols[0]
            value = row[c] if c < len(row) else None
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                self._too_long(r, key, value)
            return value
        found = []
        for c in cols:
            value = row[c] if c < len(row) else None
            cell = self.formulas.get((r, c)) if self.formulas else None
            if cell is not None:
                self.used_formulas.append(cell)
                if key == fmt.NOTE and not cell.has_value:
                    value = cell.formula  # a note typed as '=…': kept as the text it is
            if value is not None:
                if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                    self._too_long(r, key, value)
                found.append(value)
                if key != fmt.NOTE:
                    break
        if not found:
            return None
        if key == fmt.NOTE and len(found) > 1:
            return " ".join(_note_text(v) for v in found)
        return found[0]

    def _too_long(self, r: int, key: str, value: str) -> None:
        """Excel's own limit of text in one cell, checked exactly (the upload's streaming scan
        only bounds it by bytes); the message quotes a short piece of the value."""
        self.problems.append(Problem(
            "security.cell_text_too_long", sheet=self.sheet, row=r + 1, column=self.labels[key],
            value=value, params={"length": _thousands(len(value)),
                                 "limit": _thousands(MAX_CELL_CHARS)}))

    def _formula_problem(self, r: int, key: str) -> bool:
        for c in self.cols.get(key, ()):
            cell = self.formulas.get((r, c))
            if cell is not None and not cell.has_value:
                self.problems.append(Problem(
                    "status_sheet.formula", sheet=self.sheet, row=r + 1,
                    column=self.labels[key], value=cell.formula, params={"cell": cell.ref}))
                return True
        return False

    def read(self) -> None:
        rows = self.header.sheet.rows
        width = max(c for cols in self.cols.values() for c in cols) + 1
        # the usual sheet (one column per key, no formulas): `_value` is a plain index
        simple = None if self.formulas or any(len(cols) != 1 for cols in self.cols.values()) \
            else [(key, cols[0]) for key, cols in self.cols.items()]
        check_length = self.header.sheet.longest_text > MAX_CELL_CHARS
        for r in range(self.header.row + 1, len(rows)):
            row = rows[r]
            head = row[:width]
            if head.count(None) == len(head):
                continue  # fully empty rows (spacing, formatting left behind) are ignored
            if simple is not None and len(row) >= width:
                values = {key: row[c] for key, c in simple}
                for key, value in values.items() if check_length else ():  # as `_value` does
                    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                        self._too_long(r, key, value)
            else:
                values = {key: self._value(row, r, key) for key in self.cols}
            if None in values.values() and all(v is None for v in values.values()):
                continue
            self.filled += 1
            if self.filled > MAX_DATA_ROWS:
                self.tail.append(Problem("status_sheet.too_many_rows", sheet=self.sheet,
                                         row=r + 1, params={"limit": MAX_DATA_ROWS}))
                break
            self._row(r + 1, values)
        self._missing()

    def _row(self, excel_row: int, values: dict[str, object]) -> None:
        r = excel_row - 1
        bad_formula = {key for key in KEY_COLUMNS if key in self.cols
                       and self._formula_problem(r, key)} if self.formulas else _NONE
        task = None
        raw_id = values.get(fmt.ID)
        if fmt.ID not in bad_formula:
            task = self._task(excel_row, raw_id)
        if task is not None:
            for key, matches, message in self._name_checks:
                text = values.get(key)
                if text is None or key in bad_formula or matches(task, text):
                    continue
                self.problems.append(Problem(
                    message, sheet=self.sheet, row=excel_row, column=self.labels[key], value=text,
                    params={"task": task.code,
                            **self.roadmap.expected_names(task, key == fmt.SUB_AREA)}))
        status = None if fmt.STATUS in bad_formula else self._status(excel_row, values)
        if task is not None and status is not None:
            self.statuses[task.id] = (status, _note_text(values.get(fmt.NOTE)))
            self.task_codes[task.id] = task.code

    def _task(self, excel_row: int, raw_id: object):
        column = self.labels[fmt.ID]
        if raw_id is None:
            self.problems.append(Problem("status_sheet.missing_id", sheet=self.sheet,
                                         row=excel_row, column=column))
            return None
        task = self.roadmap.task(raw_id)
        if task is None:
            self.problems.append(Problem("status_sheet.unknown_task", sheet=self.sheet,
                                         row=excel_row, column=column, value=raw_id))
            return None
        if task.id in self.first_row:
            self.problems.append(Problem(
                "status_sheet.duplicate_task", sheet=self.sheet, row=excel_row, column=column,
                value=task.code, params={"first_row": self.first_row[task.id]}))
            return None
        self.first_row[task.id] = excel_row
        return task

    def _status(self, excel_row: int, values: dict[str, object]) -> Status | None:
        raw = values.get(fmt.STATUS)
        column = self.labels[fmt.STATUS]
        if raw is None:
            self.problems.append(Problem("status_sheet.empty_status", sheet=self.sheet,
                                         row=excel_row, column=column, params=self._allowed))
            return None
        if raw not in self._status_memo:
            self._status_memo[raw] = parse_status(raw)
        status = self._status_memo[raw]
        if status is None:
            self.problems.append(Problem("status_sheet.unknown_status", sheet=self.sheet,
                                         row=excel_row, column=column, value=raw,
                                         params=self._allowed))
        return status

    def _missing(self) -> None:
        missing = [t.code for t in self.roadmap.tasks if t.id not in self.first_row]
        if not missing or self.filled > MAX_DATA_ROWS:
            return
        listed = ", ".join(missing[:MAX_LISTED_IDS]) + (
            " …" if len(missing) > MAX_LISTED_IDS else "")
        self.tail.append(Problem(
            "status_sheet.missing_tasks", sheet=self.sheet, column=self.labels[fmt.ID],
            params={"count": len(missing), "ids": listed,
                    **{f"na_{lang}": status_label(Status.NOT_APPLICABLE, lang)
                       for lang in ("fi", "sv", "en")}}))

    def formula_warnings(self) -> list[Problem]:
        cells = sorted({(c.row, c.col): c for c in self.used_formulas if c.has_value}.values(),
                       key=lambda c: (c.row, c.col))
        if not cells:
            return []
        listed = ", ".join(c.ref for c in cells[:MAX_LISTED_CELLS]) + (
            " …" if len(cells) > MAX_LISTED_CELLS else "")
        return [Problem("sheet_checks.formula_values", sheet=self.sheet,
                        params={"count": len(cells), "cells": listed})]


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

    reason = (correction or "").strip() or None
    if reason is not None:  # kept only for a published month (no round look-up without one)
        found = rounds.round_of(session, parsed.period)
        if found is None or found.state != rounds.PUBLISHED:
            reason = None
    existing = queries.snapshot(session, parsed.period)
    # A new snapshot takes the sheet's synthetic flag; an existing one keeps its own.
    snap = existing or ensure_snapshot(session, parsed.period, is_synthetic=is_synthetic)
    return record_task_submission(
        session, region=parsed.region, snapshot=snap, statuses=parsed.statuses,
        source_name=source_name or parsed.source_name, source_sha256=source_sha256,
        imported_by=imported_by, is_synthetic=is_synthetic, correction_reason=reason,
        tasks=parsed.tasks)


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
            submission_ids=[submission.id], revision=submission.revision,
            warnings=parsed.warnings)


def problems_of(error: ValidationFailed, lang: str = "fi") -> Iterable[str]:
    """Rendered problems, for the CLI and the upload preview."""
    return error.render(lang)
