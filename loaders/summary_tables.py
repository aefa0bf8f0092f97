"""National summary tables in the layout of the official slides, imported as summary figures.

A table is one sheet: title lines, a header row (workstreams; or "Kokonaiskuva" and lettered
sub-areas of one workstream; in the readiness table each workstream over two merged cells with a
second header row Käynnissä | Valmis), an optional "Tehtävien lkm yht." row of task counts, one
row per region, and legend / source lines after the table (ignored).

`read_summary` recognises the layout (unless told), validates every cell and returns a
`SummaryTable`, or raises `ValidationFailed` listing every problem. `import_summary` stores it as
one new revision per region (scope `summary:<view>[:<workstream>]`) in one transaction. A region
whose row is empty has no data: nothing is stored for it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy.orm import Session

from domain.db import transaction
from domain.metrics import BANDS, Measure, View
from domain.queries import workstreams as load_workstreams
from domain.schema import Region, Workstream
from domain.store import SummaryValue, ensure_snapshot, record_summary_submission, summary_scope

from .common import ImportResult, Problem, RegionResolver, ValidationFailed, parse_period, sha256_of
from .sheet_cells import (
    Grid, PercentError, cell_text, is_blank, is_percent_format, label_key, parse_count,
    parse_due, parse_percent, read_grid,
)

REGION_HEADERS = frozenset(label_key(s) for s in (
    "Alue", "Område", "Region", "Hyvinvointialue", "Välfärdsområde", "Alue / Område"))
OVERALL_HEADERS = frozenset(label_key(s) for s in (
    "Kokonaiskuva", "Helhetsbild", "Overall", "Yhteensä", "Totalt", "Total"))
ACTIVE_HEADERS = frozenset(label_key(s) for s in (
    "Käynnissä", "Pågår", "In progress", "Active", "Käynnissä tai valmistuu aikataulussa"))
DONE_HEADERS = frozenset(label_key(s) for s in ("Valmis", "Valmiit", "Klar", "Klara", "Done"))
COUNT_LABELS = frozenset(label_key(s) for s in (
    "Tehtävien lkm yht.", "Tehtävien lkm yht", "Tehtävien lkm", "Tehtävien lukumäärä",
    "Tehtävien määrä", "Tehtäviä yhteensä", "Antal uppgifter totalt", "Antal uppgifter",
    "Number of tasks", "Tasks total"))
END_PREFIXES = tuple(label_key(s) for s in ("Lähde", "Källa", "Source", "Selite", "Förklaring",
                                            "Legend"))
LEGEND_TEXTS = frozenset(label_key(band.legend(lang)) for band in BANDS for lang in ("fi", "sv", "en"))
WORKSTREAM_LINE = re.compile(r"^\s*(valmisteluryhmä|beredningsgrupp|workstream)\s*:\s*(.+?)\s*$",
                             re.IGNORECASE)
LETTER_HEADER = re.compile(r"^([A-Ha-h])(?:\s*[.):]\s*(.*)|\s*)$")
TITLE_PERIOD = re.compile(r"(?<![\dQq/.])(\d{1,2})\s*/\s*(\d{4}|\d{2})(?![\d/])")
HEADER_SEARCH_ROWS = 30
PERCENT_RATIO_DIGITS = 6


@dataclass(frozen=True)
class SummaryColumn:
    col: int  # Excel column number
    header: str  # as the file names it, for problems
    workstream_code: str
    measure: Measure
    sub_area_letter: str | None = None

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.workstream_code, self.measure.value, self.sub_area_letter)


@dataclass
class RegionValues:
    region: Region
    row: int  # Excel row
    values: list[SummaryValue] = field(default_factory=list)


@dataclass
class SummaryTable:
    """A validated summary table, ready to store."""

    sheet: str
    period: str
    view: View
    workstream_code: str | None  # for the sub-area view
    columns: list[SummaryColumn]
    counts: dict[tuple[str, str, str | None], int]  # column key -> "Tehtävien lkm yht."
    regions: list[RegionValues]  # rows with at least one value, in file order
    no_data: list[Region]  # rows present but empty

    @property
    def scope(self) -> str:
        return summary_scope(self.view.value,
                             self.workstream_code if self.view is View.SUBAREAS else None)

    @property
    def cells(self) -> int:
        return sum(len(r.values) for r in self.regions)


# --- header recognition -----------------------------------------------------------------------

class _Names:
    """Workstreams and sub-areas as the database knows them, matched by any of their names."""

    def __init__(self, session: Session):
        self.workstreams: list[Workstream] = load_workstreams(session)
        self.by_key: dict[str, Workstream] = {}
        for w in self.workstreams:
            for name in (w.code, w.name_fi, w.name_sv, w.name_en):
                self.by_key.setdefault(label_key(name), w)

    def workstream(self, value: object) -> Workstream | None:
        return None if is_blank(value) else self.by_key.get(label_key(value))

    def in_text(self, text: str) -> Workstream | None:
        """The workstream named inside a title line (the longest name found wins)."""
        key = label_key(text)
        found = [(len(name), w) for name, w in self.by_key.items()
                 if len(name) > 2 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", key)]
        return max(found, key=lambda item: item[0])[1] if found else None

    def allowed(self) -> str:
        return ", ".join(w.name_fi for w in self.workstreams)


def _classify(names: _Names, value: object) -> tuple | None:
    """What a header cell names: ("region",), ("ws", Workstream), ("overall",), ("letter", L),
    ("ws_sub", Workstream, measure) for a one-cell 'X | Käynnissä' header; None if unknown."""
    if is_blank(value):
        return None
    key = label_key(value)
    if key in REGION_HEADERS:
        return ("region",)
    if (w := names.workstream(value)) is not None:
        return ("ws", w)
    if key in OVERALL_HEADERS:
        return ("overall",)
    if match := LETTER_HEADER.match(cell_text(value)):
        return ("letter", match.group(1).upper())
    if "|" in str(value):
        left, _, right = str(value).partition("|")
        measure = _sub_measure(right)
        if (w := names.workstream(left)) is not None and measure is not None:
            return ("ws_sub", w, measure)
    return None


def _sub_measure(value: object) -> Measure | None:
    if is_blank(value):
        return None
    key = label_key(value)
    if key in ACTIVE_HEADERS:
        return Measure.READINESS_ACTIVE
    if key in DONE_HEADERS:
        return Measure.READINESS_DONE
    return None


def _is_end_line(value: object) -> bool:
    if is_blank(value):
        return False
    key = label_key(value)
    return key in LEGEND_TEXTS or key.startswith(END_PREFIXES)


def _find_header(grid: Grid, names: _Names) -> int | None:
    """The header row: the first of the top rows naming two or more known columns (or one, if
    no row names two)."""
    best = None
    for r in range(1, min(grid.max_row, HEADER_SEARCH_ROWS) + 1):
        kinds = [_classify(names, v) for v in grid.row_values(r)]
        known = sum(1 for k in kinds if k is not None and k[0] != "region")
        if known >= 2:
            return r
        if known == 1 and best is None:
            best = r
    return best


# --- reading ----------------------------------------------------------------------------------

class _Problems(list):
    def add(self, message: str, sheet=None, row=None, column=None, value=None, **params) -> None:
        self.append(Problem(message, sheet, row, column, value, params))


def _parse_view(value: object, problems: _Problems) -> View | None:
    if value is None or isinstance(value, View):
        return value
    try:
        return View(str(value).strip().lower())
    except ValueError:
        problems.add("tables.unknown_measure", value=value)
        return None


def read_summary(session: Session, path: str | Path, period: str, measure: str | View | None = None,
                 workstream: str | None = None) -> SummaryTable:
    """Read and validate a national summary table; raises `ValidationFailed` with every problem.
    `measure` (readiness|progress|subareas) and `workstream` (code or name) are checked against
    what the layout shows, or fill in what it does not."""
    problems = _Problems()
    period_norm = parse_period(period)
    if period_norm is None:
        problems.add("tables.bad_period", value=period)
    wanted_view = _parse_view(measure, problems)
    names = _Names(session)
    wanted_ws = None
    if workstream is not None and not is_blank(workstream):
        wanted_ws = names.workstream(workstream)
        if wanted_ws is None:
            problems.add("tables.unknown_workstream", value=workstream, allowed=names.allowed())
    if not names.workstreams:
        problems.add("tables.no_roadmap")
        raise ValidationFailed(problems, str(path))
    try:
        wb = load_workbook(path, data_only=True)
    except Exception as error:  # not a zip, not an xlsx, encrypted…
        problems.add("tables.not_xlsx", detail=type(error).__name__)
        raise ValidationFailed(problems, str(path)) from None

    grid = header_row = None
    for ws in wb.worksheets:  # the first sheet that holds a table
        candidate = read_grid(ws)
        row = _find_header(candidate, names)
        if row is not None:
            grid, header_row = candidate, row
            break
    if grid is None:
        problems.add("tables.no_header", sheet=wb.worksheets[0].title, allowed=names.allowed())
        raise ValidationFailed(problems, str(path))
    table = _read_table(grid, header_row, names, problems, period_norm, wanted_view, wanted_ws,
                        RegionResolver(session))
    if problems or table is None:
        raise ValidationFailed(problems, str(path))
    return table


def _read_table(grid: Grid, header_row: int, names: _Names, problems: _Problems,
                period: str | None, wanted_view: View | None, wanted_ws: Workstream | None,
                resolver: RegionResolver) -> SummaryTable | None:
    sheet = grid.title
    header = grid.row_values(header_row)
    kinds = [_classify(names, v) for v in header]
    region_col = next((i + 1 for i, k in enumerate(kinds) if k and k[0] == "region"), None)
    first_value = next((i + 1 for i, k in enumerate(kinds) if k and k[0] != "region"), None)
    if region_col is None:
        region_col = max(1, (first_value or 2) - 1)
    # the period in the title, if it says one, must agree with the one given
    if period is not None:
        for r in range(1, header_row):
            for value in grid.row_values(r):
                if isinstance(value, str) and (match := TITLE_PERIOD.search(value)):
                    said = parse_period(f"{match.group(1)}/{match.group(2)}")
                    if said is not None and said != period:
                        problems.add("tables.period_conflict", sheet=sheet, row=r, value=match.group(0),
                                     period=f"{int(period[5:])}/{period[:4]}")

    # a second header row of Käynnissä / Valmis makes it the readiness table
    sub = {c: _sub_measure(grid.value(header_row + 1, c))
           for c in range(region_col + 1, grid.max_col + 1)}
    two_rows = any(m is not None for m in sub.values())
    # value columns: a header, or (readiness without merged cells) a Käynnissä/Valmis below it
    value_cols = [c for c in range(region_col + 1, grid.max_col + 1)
                  if not is_blank(grid.value(header_row, c))
                  or (two_rows and not is_blank(grid.value(header_row + 1, c)))]
    one_cell = any(kinds[c - 1] and kinds[c - 1][0] == "ws_sub" for c in value_cols)
    lettered = any(kinds[c - 1] and kinds[c - 1][0] in ("overall", "letter") for c in value_cols)
    if two_rows or one_cell:
        view = View.READINESS
    elif lettered:
        view = View.SUBAREAS
    else:
        view = View.PROGRESS
    if wanted_view is not None and wanted_view is not view:
        problems.add("tables.measure_conflict", sheet=sheet, row=header_row,
                     value=wanted_view.value, found=view.value)
        return None

    # the workstream of a sub-area table: a 'Valmisteluryhmä: X' line, else the title
    stream = None
    if view is View.SUBAREAS:
        found, found_by_line = None, False
        for r in range(1, header_row):
            for value in grid.row_values(r):
                if is_blank(value):
                    continue
                if match := WORKSTREAM_LINE.match(cell_text(value)):
                    named = names.workstream(match.group(2))
                    if named is None:
                        problems.add("tables.unknown_workstream", sheet=sheet, row=r,
                                     value=match.group(2), allowed=names.allowed())
                    found, found_by_line = named or found, True
                elif found is None and not found_by_line:
                    found = names.in_text(cell_text(value))
        if found is not None and wanted_ws is not None and found.id != wanted_ws.id:
            problems.add("tables.workstream_conflict", sheet=sheet, value=wanted_ws.name_fi,
                         found=found.name_fi)
        stream = found or wanted_ws
        if stream is None:
            if not found_by_line:
                problems.add("tables.workstream_needed", sheet=sheet, allowed=names.allowed())
            return None

    # columns
    columns: list[SummaryColumn] = []
    seen: dict[tuple, int] = {}
    last_ws: Workstream | None = None
    kinds_found: set[str] = set()
    for c in value_cols:
        raw = grid.value(header_row, c)
        kind = kinds[c - 1]
        title = cell_text(raw)
        column = None
        if view is View.READINESS:
            if kind and kind[0] == "ws_sub":
                column = SummaryColumn(c, title, kind[1].code, kind[2])
            else:
                w = kind[1] if kind and kind[0] == "ws" else (last_ws if is_blank(raw) else None)
                if w is None:
                    problems.add("tables.unknown_header", sheet=sheet, row=header_row, column=title,
                                 value=raw, allowed=names.allowed())
                    continue
                last_ws = w
                measure = sub[c]
                if measure is None:
                    problems.add("tables.unknown_subheader", sheet=sheet, row=header_row + 1,
                                 column=w.name_fi, value=grid.value(header_row + 1, c))
                    continue
                column = SummaryColumn(c, f"{w.name_fi} / {cell_text(grid.value(header_row + 1, c))}",
                                       w.code, measure)
        elif kind is None:
            allowed = names.allowed() if view is View.PROGRESS else ", ".join(
                ["Kokonaiskuva"] + [f"{sa.letter}. {sa.name_fi}" for sa in stream.sub_areas])
            problems.add("tables.unknown_header", sheet=sheet, row=header_row, column=title or None,
                         value=raw, allowed=allowed)
            continue
        elif kind[0] == "ws":
            kinds_found.add("ws")
            column = SummaryColumn(c, title, kind[1].code, Measure.PROGRESS)
        elif kind[0] == "overall":
            kinds_found.add("sub")
            column = SummaryColumn(c, title, stream.code, Measure.PROGRESS)
        elif kind[0] == "letter":
            kinds_found.add("sub")
            letters = [sa.letter for sa in stream.sub_areas]
            if kind[1] not in letters:
                problems.add("tables.unknown_sub_area", sheet=sheet, row=header_row, column=title,
                             value=kind[1], workstream=stream.name_fi, allowed=", ".join(letters))
                continue
            column = SummaryColumn(c, title, stream.code, Measure.PROGRESS, kind[1])
        if column is None:
            continue
        if column.key in seen:
            problems.add("tables.duplicate_column", sheet=sheet, row=header_row, column=title,
                         value=column.header)
            continue
        seen[column.key] = c
        columns.append(column)
    if kinds_found == {"ws", "sub"}:
        problems.add("tables.mixed_columns", sheet=sheet, row=header_row,
                     value=", ".join(c.header for c in columns))
    if not columns:
        return None

    data_start = header_row + (2 if two_rows else 1)
    body: list[tuple[int, object]] = []  # (row, region cell) of the table's rows
    counts_row: int | None = None
    for r in range(data_start, grid.max_row + 1):
        label = grid.value(r, region_col)
        cells_blank = grid.row_is_blank(r, (c.col for c in columns))
        if is_blank(label) and cells_blank:
            if body or counts_row:
                break  # a blank line ends the table; legend lines follow
            continue
        if _is_end_line(label):
            break
        if not is_blank(label) and label_key(label) in COUNT_LABELS:
            counts_row = r
            continue
        body.append((r, label))

    counts: dict[tuple, int] = {}
    if counts_row is not None:
        for column in columns:
            value = grid.value(counts_row, column.col)
            try:
                number = parse_count(value)
            except ValueError:
                problems.add("tables.bad_count", sheet=sheet, row=counts_row, column=column.header,
                             value=value)
                continue
            if number is not None:
                counts[column.key] = number

    # whole-table fractions: numbers all within 0–1 (some with decimals) and no percent format
    numbers = [(grid.value(r, c.col), grid.number_format(r, c.col)) for r, _ in body for c in columns]
    numeric = [v for v, _ in numbers if isinstance(v, (int, float)) and not isinstance(v, bool)]
    fractions = (bool(numeric) and all(0 <= v <= 1 for v in numeric)
                 and any(not float(v).is_integer() for v in numeric)
                 and not any(is_percent_format(f) for _, f in numbers))

    regions: list[RegionValues] = []
    no_data: list[Region] = []
    first_row: dict[int, int] = {}
    for r, label in body:
        region = _resolve_region(resolver, label)
        if region is None:
            problems.append(resolver.unknown_problem(label, sheet=sheet, row=r,
                                                     column=cell_text(header[region_col - 1]) or None))
        elif region.id in first_row:
            problems.add("tables.duplicate_region", sheet=sheet, row=r,
                         column=cell_text(header[region_col - 1]) or None, value=cell_text(label),
                         first_row=first_row[region.id])
            region = None
        else:
            first_row[region.id] = r
        entry = RegionValues(region, r) if region is not None else None
        for column in columns:
            value = grid.value(r, column.col)
            try:
                share = parse_percent(value, grid.number_format(r, column.col), fractions=fractions)
            except PercentError as error:
                message = "tables.percent_out_of_range" if error.reason == "range" else "tables.bad_percent"
                problems.add(message, sheet=sheet, row=r, column=column.header, value=value)
                continue
            if share is None or entry is None:
                continue
            w = next(w for w in names.workstreams if w.code == column.workstream_code)
            sub_area_id = None
            if column.sub_area_letter is not None:
                sub_area_id = next(sa.id for sa in w.sub_areas if sa.letter == column.sub_area_letter)
            entry.values.append(SummaryValue(column.measure, w.id, sub_area_id,
                                             round(share, PERCENT_RATIO_DIGITS),
                                             counts.get(column.key)))
        if entry is not None:
            (regions.append(entry) if entry.values else no_data.append(entry.region))
    if not body:
        problems.add("tables.no_regions", sheet=sheet, row=data_start)
    if period is None:
        return None
    return SummaryTable(sheet, period, view, stream.code if stream else None, columns, counts,
                        regions, no_data)


def _resolve_region(resolver: RegionResolver, label: object) -> Region | None:
    if is_blank(label):
        return None
    return resolver.resolve(cell_text(label))


# --- storing ----------------------------------------------------------------------------------

@dataclass
class SummaryImportResult(ImportResult):
    view: str | None = None
    workstream: str | None = None  # the sub-area table's workstream code
    no_data_regions: list[str] = field(default_factory=list)  # Finnish names of empty rows


def _report_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    due = parse_due(str(value))
    if due is None or not due.label[0].isdigit():
        raise ValidationFailed([Problem("tables.bad_report_date", value=value)])
    return due.date


def _check_new_month(session, period: str, path: Path) -> None:
    """A national table for a month with no round yet makes it a published round: only for the
    programme's months (a typo such as 2100-12 would become everyone's default view)."""
    from domain import queries, rounds

    if queries.snapshot(session, period) is not None:
        return
    refusal = rounds.period_problem(period)
    if refusal is not None and refusal.key != "round.bad_period":  # the reader names bad ones
        raise ValidationFailed([Problem(refusal.key, params=refusal.params)], str(path))


def import_summary(url: str | None, path: str | Path, period: str,
                   measure: str | View | None = None, workstream: str | None = None,
                   lang: str = "fi", report_date: dt.date | str | None = None,
                   is_synthetic: bool = False, imported_by: str | None = None,
                   source_name: str | None = None) -> ImportResult:
    """Validate and store one national summary table in one transaction: a new revision per
    region with data (earlier revisions stay). Raises `ValidationFailed` (nothing written).
    `lang` is kept for symmetry with the other loaders: problems are rendered by the caller."""
    path = Path(path)
    try:
        date = _report_date(report_date)
    except ValidationFailed as failed:
        raise ValidationFailed(failed.problems, str(path)) from None
    digest = sha256_of(path) if path.is_file() else None
    with transaction(url) as session:
        _check_new_month(session, period, path)
        table = read_summary(session, path, period, measure, workstream)
        # a real table never relabels a month already built from synthetic sheets as real
        snapshot = ensure_snapshot(session, table.period, date, is_synthetic=is_synthetic or None)
        submissions = [
            record_summary_submission(
                session, region=entry.region, snapshot=snapshot, scope=table.scope,
                values=entry.values, source_name=source_name or path.name,
                source_sha256=digest, imported_by=imported_by, is_synthetic=is_synthetic)
            for entry in table.regions]
        result = SummaryImportResult(
            kind="summary", source=str(path), period=table.period,
            regions=[entry.region.code for entry in table.regions],
            counts=dict(cells=table.cells, regions=len(table.regions), no_data=len(table.no_data)),
            submission_ids=[s.id for s in submissions],
            revision=max((s.revision for s in submissions), default=None),
            view=table.view.value, workstream=table.workstream_code,
            no_data_regions=[r.name_fi for r in table.no_data])
    return result
