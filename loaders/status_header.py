"""Finding the status table in a workbook: which sheet, which header row, which columns.

No silent wrong import: a workbook with several sheets that look like status sheets (last
month's kept in front, hidden or not) is read from the one whose month is the month asked for,
or refused naming the candidates; a header naming the same column twice ('Tila' of last month
and of this month) is refused; a filled column whose header is not known is reported as a
warning, so nothing is dropped unseen. A header merged over several columns or rows still finds
its column, and its data is read from every column the header spans.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import sheet_format as fmt
from .common import Problem, parse_period
from .sheet_values import SheetValues, Workbook


@dataclass
class Header:
    sheet: SheetValues
    row: int  # 0-based
    columns: dict[str, list[int]]  # column key -> 0-based columns (more when the header is merged)
    labels: dict[str, str]  # column key -> the header text as written
    region_cell: tuple[int, int, object] | None = None  # (Excel row, 0-based col, value)
    region_label: str | None = None
    period_cell: tuple[int, int, object] | None = None
    period_label: str | None = None
    language: str = "fi"
    duplicates: dict[str, list[int]] = field(default_factory=dict)  # key -> every column

    @property
    def excel_row(self) -> int:
        return self.row + 1

    @property
    def period(self) -> str | None:
        return parse_period(self.period_cell[2]) if self.period_cell else None


def col_letter(index: int) -> str:
    """'A' for 0, 'AA' for 26, as Excel names columns."""
    letters, n = "", index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _spans(sheet: SheetValues, limit: int) -> tuple[dict, dict]:
    """Merged ranges in the top rows: (cell -> value filled down from a merged header above,
    top-left cell -> the columns it spans)."""
    down: dict[tuple[int, int], object] = {}
    across: dict[tuple[int, int], list[int]] = {}
    for r0, c0, r1, c1 in sheet.merged:
        if r0 >= limit:
            continue
        top = sheet.value(r0, c0)
        for r in range(r0, r1 + 1):
            if r != r0 and top is not None:
                down[(r, c0)] = top
            across[(r, c0)] = list(range(c0, c1 + 1))
    return down, across


def find_header(sheet: SheetValues) -> Header | None:
    """The table's header row (recognised by its required labels) and the labelled cells
    above it; None when the sheet has no such row."""
    region = period = None
    down, across = _spans(sheet, fmt.HEADER_SEARCH_ROWS)
    for r in range(min(len(sheet.rows), fmt.HEADER_SEARCH_ROWS)):
        width = min(len(sheet.rows[r]), fmt.HEADER_SEARCH_COLS)
        values = [down.get((r, c), sheet.rows[r][c]) for c in range(width)]
        columns: dict[str, list[int]] = {}
        labels: dict[str, str] = {}
        duplicates: dict[str, list[int]] = {}
        for c, value in enumerate(values):
            key = fmt.column_key(value)
            if key is None:
                continue
            if key in columns:
                duplicates.setdefault(key, [columns[key][0]]).append(c)
                continue
            columns[key] = across.get((r, c), [c])
            labels[key] = value
        if all(c.key in columns for c in fmt.COLUMNS if c.required):
            header = Header(sheet, r, columns, labels, duplicates=duplicates)
            if region:
                header.region_cell, header.region_label = region
            if period:
                header.period_cell, header.period_label = period
            words = list(labels.values()) + [header.region_label, header.period_label]
            header.language = fmt.language_of(w for w in words if w)
            return header
        for c, value in enumerate(values):
            if region is None and fmt.is_region_label(value):
                region = (_value_right_of(values, c, r + 1), value)
            elif period is None and fmt.is_period_label(value):
                period = (_value_right_of(values, c, r + 1), value)
    return None


def _value_right_of(values: list, index: int, excel_row: int) -> tuple[int, int, object]:
    """The first filled cell right of a label (a merged label may push it a cell or two)."""
    for offset in range(1, 4):
        if index + offset < len(values) and values[index + offset] is not None:
            return (excel_row, index + offset, values[index + offset])
    return (excel_row, index + 1, None)


def choose_sheet(workbook: Workbook, wanted_period: str | None,
                 open_periods: set[str] | frozenset = frozenset()
                 ) -> tuple[Header | None, list[Problem]]:
    """The status table to read. Several candidate sheets: the one whose month is the month
    asked for; with no month asked for, the only one whose month has an open reporting round;
    otherwise a refusal naming every candidate and its month."""
    candidates = []
    single = len(workbook.sheets) == 1  # the usual case: read it whole at once
    for sheet in workbook.sheets:
        workbook.read(sheet, None if single else fmt.HEADER_SEARCH_ROWS)
        header = find_header(sheet)
        if header is not None:
            candidates.append(header)
    if len(candidates) <= 1:
        return (candidates[0] if candidates else None), []
    if wanted_period:
        matching = [h for h in candidates if h.period == wanted_period]
    else:
        matching = [h for h in candidates if h.period in open_periods]
    if len(matching) == 1:
        return matching[0], []
    listed = ", ".join(
        f"'{h.sheet.name}' ({_period_text(h)}{'' if h.sheet.visible else ', hidden'})"
        for h in candidates)
    key = "sheet_checks.several_sheets_period" if wanted_period else "sheet_checks.several_sheets"
    return None, [Problem(key, params={"sheets": listed, "count": len(candidates),
                                       "period": wanted_period or ""})]


def _period_text(header: Header) -> str:
    return header.period or (str(header.period_cell[2]) if header.period_cell else "?")


def header_problems(header: Header) -> list[Problem]:
    """The same column named twice is refused: which one holds this month's data is a guess."""
    problems = []
    for key, cols in header.duplicates.items():
        problems.append(Problem(
            "sheet_checks.duplicate_column", sheet=header.sheet.name, row=header.excel_row,
            column=header.labels[key],
            params={"columns": ", ".join(col_letter(c) for c in cols)}))
    return problems


def unknown_columns(header: Header) -> list[Problem]:
    """A warning for each filled column the reader does not import (header unknown or empty)."""
    known = {c for cols in header.columns.values() for c in cols}
    known |= {c for cols in header.duplicates.values() for c in cols}
    rows = header.sheet.rows
    head = rows[header.row] if header.row < len(rows) else []
    width = max((len(r) for r in rows[header.row:]), default=0)
    warnings = []
    for c in range(width):
        if c in known:
            continue
        filled = sum(1 for row in rows[header.row + 1:] if c < len(row) and row[c] is not None)
        if not filled:
            continue
        label = head[c] if c < len(head) else None
        warnings.append(Problem(
            "sheet_checks.unknown_column", sheet=header.sheet.name, row=header.excel_row,
            column=str(label) if label is not None else None, value=label,
            params={"letter": col_letter(c), "filled": filled,
                    "known_fi": ", ".join(fmt.all_labels("fi")),
                    "known_sv": ", ".join(fmt.all_labels("sv"))}))
    return warnings
