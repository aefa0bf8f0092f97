"""Cell-level helpers shared by the spreadsheet loaders and writers.

Reading: what a cell *means* (blank, a percent in any of the styles people type, a due quarter
or date, a header label), the merged-cell-aware grid of a sheet, and finding a header row.
Writing: `save_deterministic`, so a generated workbook is byte-identical every time (a committed
example file can be checked against the code that makes it).

Nothing here knows the domain's tables; the loaders decide what a value is allowed to be.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

from domain.vocabulary import normalise_text

# Texts people put in a cell to say "nothing to report" (fi/sv/en, and bare dashes).
NO_DATA_TEXTS = frozenset(normalise_text(s) for s in (
    "-", "–", "—", "ei tietoa", "ei tietoja", "inga uppgifter", "no data", "n/a", "na"))


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: object) -> str:
    """A cell as one line of text (NBSPs and runs of spaces made single spaces)."""
    if value is None:
        return ""
    return re.sub(r"\s+", " ", str(value).replace("\u00a0", " ")).strip()


def label_key(value: object) -> str:
    """Matching key for header and row labels: case, spacing, dashes and a trailing ':', '.' or
    '*' (a required-field mark) do not matter."""
    return normalise_text(cell_text(value)).rstrip(":.*").strip()


# --- percents ----------------------------------------------------------------------------

class PercentError(ValueError):
    """A cell that should hold a percent does not. `reason` is 'text' or 'range'."""

    def __init__(self, reason: str, value: object):
        super().__init__(f"{reason}: {value!r}")
        self.reason = reason
        self.value = value


_PERCENT_TEXT = re.compile(r"^([+-]?\d+(?:[.,]\d+)?)\s*(%?)$")


def is_percent_format(number_format: str | None) -> bool:
    """True when Excel shows the cell's number multiplied by 100 with a '%' sign."""
    if not number_format:
        return False
    # a '%' inside quotes or escaped is a literal character, not the percent format
    stripped = re.sub(r'"[^"]*"|\\.', "", number_format)
    return "%" in stripped


def parse_percent(value: object, number_format: str | None = None, *,
                  fractions: bool = False) -> float | None:
    """The percent (0–100) a cell holds, or None for an empty / 'no data' cell.

    Accepted: text '36 %', '36%', '36 %' (non-breaking space), '36,5 %', '36'; numbers 36; and
    fractions 0.36 shown with a percent number format (or any number when `fractions` says the
    whole table is written as fractions). Raises `PercentError` for anything else, including
    values outside 0–100.
    """
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise PercentError("text", value)
    if isinstance(value, (int, float)):
        number = float(value)
        if is_percent_format(number_format) or fractions:
            number *= 100.0
    elif isinstance(value, str):
        text = cell_text(value).replace("\u202f", " ").replace("\u2212", "-")
        if normalise_text(text) in NO_DATA_TEXTS:
            return None
        match = _PERCENT_TEXT.match(text.replace(" ", ""))
        if not match:
            raise PercentError("text", value)
        number = float(match.group(1).replace(",", "."))
    else:  # dates, times, errors…
        raise PercentError("text", value)
    number = round(number, 9)  # 0.29 * 100 == 28.999999999999996: keep what the user meant
    if not 0.0 <= number <= 100.0:
        raise PercentError("range", value)
    return number


def parse_count(value: object) -> int | None:
    """A non-negative whole number of tasks ('69', 69, 69.0); None when blank; ValueError else."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and cell_text(value).replace(" ", "").isdigit():
        number = int(cell_text(value).replace(" ", ""))
    else:
        raise ValueError(value)
    if number < 0:
        raise ValueError(value)
    return number


# --- due quarters and dates --------------------------------------------------------------

@dataclass(frozen=True)
class Due:
    date: dt.date  # the quarter's last day, or the exact date
    label: str  # "Q4/2021" or "31.3.2022"


_QUARTER = re.compile(r"^q\s*([1-4])\s*[/ .-]?\s*(\d{4}|\d{2})$")
_QUARTER_REVERSED = re.compile(r"^(\d{4})\s*[/ .-]?\s*q\s*([1-4])$")
_DATE_FI = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def quarter_last_day(year: int, quarter: int) -> dt.date:
    month = quarter * 3
    following = dt.date(year + (month == 12), 1 if month == 12 else month + 1, 1)
    return following - dt.timedelta(days=1)


def parse_due(value: object) -> Due | None:
    """'Q4/2021' (also 'Q4 2021', 'q4/21', '2021 Q4'), a date cell, '31.3.2022' or '2022-03-31'.
    None when the value is none of these."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return Due(value, f"{value.day}.{value.month}.{value.year}")
    if not isinstance(value, str):
        return None
    text = cell_text(value).casefold()
    quarter = year = None
    if match := _QUARTER.match(text):
        quarter, year = int(match.group(1)), match.group(2)
    elif match := _QUARTER_REVERSED.match(text):
        year, quarter = match.group(1), int(match.group(2))
    if quarter is not None:
        year_i = int(year) + (2000 if len(year) == 2 else 0)
        if not 2000 <= year_i <= 2100:
            return None
        return Due(quarter_last_day(year_i, quarter), f"Q{quarter}/{year_i}")
    for pattern, order in ((_DATE_FI, (2, 1, 0)), (_DATE_ISO, (0, 1, 2))):
        if match := pattern.match(text):
            parts = [int(g) for g in match.groups()]
            try:
                date = dt.date(parts[order[0]], parts[order[1]], parts[order[2]])
            except ValueError:
                return None
            return Due(date, f"{date.day}.{date.month}.{date.year}")
    return None


# --- reading a sheet ---------------------------------------------------------------------

@dataclass
class Grid:
    """A sheet's values with merged ranges filled in (a merged header's text in every cell it
    spans), plus each cell's number format, addressed 1-based as Excel shows them."""

    title: str
    values: dict[tuple[int, int], object]
    formats: dict[tuple[int, int], str]
    max_row: int
    max_col: int

    def value(self, row: int, col: int) -> object:
        return self.values.get((row, col))

    def number_format(self, row: int, col: int) -> str | None:
        return self.formats.get((row, col))

    def row_values(self, row: int) -> list[object]:
        return [self.values.get((row, c)) for c in range(1, self.max_col + 1)]

    def row_is_blank(self, row: int, columns: Iterable[int] | None = None) -> bool:
        cols = columns if columns is not None else range(1, self.max_col + 1)
        return all(is_blank(self.values.get((row, c))) for c in cols)


def read_grid(ws) -> Grid:
    """Read a worksheet (openpyxl, not read-only) into a `Grid`."""
    values: dict[tuple[int, int], object] = {}
    formats: dict[tuple[int, int], str] = {}
    max_row = max_col = 0
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            values[(cell.row, cell.column)] = cell.value
            formats[(cell.row, cell.column)] = cell.number_format
            max_row, max_col = max(max_row, cell.row), max(max_col, cell.column)
    for merged in ws.merged_cells.ranges:
        top = values.get((merged.min_row, merged.min_col))
        fmt = formats.get((merged.min_row, merged.min_col))
        if top is None:
            continue
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                values[(r, c)] = top
                if fmt is not None:
                    formats[(r, c)] = fmt
        max_row, max_col = max(max_row, merged.max_row), max(max_col, merged.max_col)
    return Grid(ws.title, values, formats, max_row, max_col)


def find_row(grid: Grid, matches: Callable[[Sequence[object]], bool], *, start: int = 1,
             limit: int = 50) -> int | None:
    """The first row (from `start`, looking at most `limit` rows) whose values satisfy
    `matches`; None when there is none."""
    for row in range(start, min(grid.max_row, start + limit - 1) + 1):
        if matches(grid.row_values(row)):
            return row
    return None


def header_columns(values: Sequence[object], labels: dict[str, Iterable[str]]) -> dict[str, int]:
    """Which column (1-based) holds each known header. `labels` maps a field name to the header
    texts accepted for it (any language); matching is by `label_key`."""
    wanted = {label_key(text): name for name, texts in labels.items() for text in texts}
    found: dict[str, int] = {}
    for index, value in enumerate(values, start=1):
        name = wanted.get(label_key(value)) if not is_blank(value) else None
        if name is not None and name not in found:
            found[name] = index
    return found


# --- writing -----------------------------------------------------------------------------

FIXED_TIMESTAMP = dt.datetime(2021, 12, 9, 0, 0, 0)  # the slides' date; any fixed value will do


def save_deterministic(wb, path: str | Path) -> Path:
    """Save an openpyxl workbook so that the same content always gives the same bytes: fixed
    document timestamps and zip entry times (openpyxl stamps 'now' into both)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.properties.creator = wb.properties.creator or "tilannekuva"
    wb.properties.created = FIXED_TIMESTAMP
    buffer = io.BytesIO()
    wb.save(buffer)
    stamp = FIXED_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + stamp.encode() + rb"\g<2>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIMESTAMP.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, data)
    path.write_bytes(out.getvalue())
    return path
