"""The roadmap definition workbook: workstreams, sub-areas, regions and tasks, as one xlsx.

`write_roadmap_workbook` writes the shipped definition (the real structure of
`domain.reference` plus the SYNTHETIC task list of `loaders.synthetic_roadmap`);
`read_roadmap` validates a workbook and returns a `RoadmapDefinition` (or raises
`ValidationFailed` listing every problem); `import_roadmap` stores it in one transaction.

Re-importing upserts everything by its code (task ids such as "HTT-C-012" are stable), so the
statuses regions have already reported stay attached to the same tasks. A task, sub-area,
workstream or region missing from the new workbook is removed only when nothing refers to it;
otherwise the workbook is rejected.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from domain.db import transaction
from domain.i18n import t
from domain.reference import REGIONS, ROADMAP_NAME, TARGET_DATE, WORKSTREAMS
from domain.schema import (
    Figure, Region, RegionAlias, Roadmap, SubArea, Submission, Task, TaskStatus, Workstream,
)
from domain.vocabulary import normalise_text

from .common import ImportResult, Problem, ValidationFailed
from .sheet_cells import (
    cell_text, find_row, header_columns, is_blank, label_key, parse_due, read_grid,
    save_deterministic,
)
from .synthetic_roadmap import synthetic_tasks

# --- the workbook's layout ----------------------------------------------------------------

SHEET_INFO, SHEET_WORKSTREAMS, SHEET_SUB_AREAS, SHEET_REGIONS, SHEET_TASKS = (
    "Tiekartta", "Valmisteluryhmät", "Osa-alueet", "Alueet", "Tehtävät")
SHEET_NAMES: dict[str, tuple[str, ...]] = {
    SHEET_INFO: ("Tiekartta", "Färdplan", "Roadmap"),
    SHEET_WORKSTREAMS: ("Valmisteluryhmät", "Beredningsgrupper", "Workstreams"),
    SHEET_SUB_AREAS: ("Osa-alueet", "Delområden", "Sub-areas"),
    SHEET_REGIONS: ("Alueet", "Områden", "Regions"),
    SHEET_TASKS: ("Tehtävät", "Uppgifter", "Tasks"),
}

# field -> accepted header texts; the first is what the writer uses
HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("Tunnus", "Koodi", "Kod", "Code", "Id"),
    "position": ("Järjestys", "Ordning", "Order"),
    "name_fi": ("Nimi", "Nimi suomeksi", "Namn på finska", "Name in Finnish"),
    "name_sv": ("Nimi ruotsiksi", "Namn på svenska", "Namn", "Name in Swedish"),
    "name_en": ("Nimi englanniksi", "Namn på engelska", "Name in English", "Name"),
    "workstream": ("Valmisteluryhmä", "Beredningsgrupp", "Workstream"),
    "letter": ("Osa-alue", "Kirjain", "Delområde", "Bokstav", "Sub-area", "Letter"),
    "aliases": ("Muut nimet", "Andra namn", "Aliases", "Other names"),
    "swedish": ("Raportoi ruotsiksi", "Rapporterar på svenska", "Reports in Swedish"),
    "title_fi": ("Tehtävä", "Tehtävä suomeksi", "Uppgift på finska", "Task"),
    "title_sv": ("Tehtävä ruotsiksi", "Uppgift på svenska", "Uppgift", "Task in Swedish"),
    "due": ("Määräaika", "Tidsfrist", "Due"),
}
INFO_LABELS: dict[str, tuple[str, ...]] = {
    "name": ("Nimi", "Namn", "Name"),
    "target_date": ("Tavoitepäivä", "Måldatum", "Target date"),
    "synthetic": ("Synteettinen", "Syntetisk", "Synthetic"),
    "description": ("Kuvaus", "Beskrivning", "Description"),
}
COLUMNS: dict[str, tuple[tuple[str, bool], ...]] = {  # (field, required) in written order
    SHEET_WORKSTREAMS: (("code", True), ("position", False), ("name_fi", True),
                        ("name_sv", True), ("name_en", True)),
    SHEET_SUB_AREAS: (("workstream", True), ("letter", True), ("name_fi", True),
                      ("name_sv", True), ("name_en", True)),
    SHEET_REGIONS: (("code", True), ("position", False), ("name_fi", True), ("name_sv", True),
                    ("name_en", True), ("aliases", False), ("swedish", False)),
    SHEET_TASKS: (("code", True), ("workstream", True), ("letter", True), ("title_fi", True),
                  ("title_sv", False), ("due", True)),
}
YES = frozenset(normalise_text(s) for s in ("kyllä", "k", "ja", "j", "yes", "y", "x", "true", "1"))
NO = frozenset(normalise_text(s) for s in ("ei", "e", "nej", "n", "no", "false", "0"))
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
LETTER_RE = re.compile(r"^([A-Ha-h])(?:$|[.)\s])")
MAX_CODE = {SHEET_WORKSTREAMS: 20, SHEET_REGIONS: 40, SHEET_TASKS: 40}
MAX_NAME = 200
MAX_ALIAS = 200


# --- the definition as read -----------------------------------------------------------------

@dataclass(frozen=True)
class WorkstreamRow:
    code: str
    position: int
    name_fi: str
    name_sv: str
    name_en: str


@dataclass(frozen=True)
class SubAreaRow:
    workstream: str  # workstream code
    letter: str
    name_fi: str
    name_sv: str
    name_en: str


@dataclass(frozen=True)
class RegionRow:
    code: str
    position: int
    name_fi: str
    name_sv: str
    name_en: str
    aliases: tuple[str, ...] = ()
    reports_in_swedish: bool = False


@dataclass(frozen=True)
class TaskRow:
    code: str
    workstream: str  # workstream code
    letter: str
    title_fi: str
    title_sv: str | None
    due_date: dt.date
    due_label: str
    position: int


@dataclass
class RoadmapDefinition:
    name: str
    target_date: dt.date
    is_synthetic: bool
    description: str | None
    workstreams: list[WorkstreamRow] = field(default_factory=list)
    sub_areas: list[SubAreaRow] = field(default_factory=list)
    regions: list[RegionRow] = field(default_factory=list)
    tasks: list[TaskRow] = field(default_factory=list)


# --- writing ----------------------------------------------------------------------------------

_BOLD = Font(bold=True)
_NOTE = Font(bold=True, color="9C0006")
_NOTE_FILL = PatternFill("solid", fgColor="FFC7CE")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _write_table(ws, header_row: int, sheet: str, rows: list[list[object]],
                 widths: list[int]) -> None:
    for col, (name, _required) in enumerate(COLUMNS[sheet], start=1):
        cell = ws.cell(header_row, col, HEADERS[name][0])
        cell.font, cell.fill = _BOLD, _HEADER_FILL
        ws.column_dimensions[get_column_letter(col)].width = widths[col - 1]
    for r, values in enumerate(rows, start=header_row + 1):
        for col, value in enumerate(values, start=1):
            ws.cell(r, col, value)
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(COLUMNS[sheet]))}{header_row + len(rows)}"


def _note(ws, row: int, text: str, span: int) -> None:
    ws.cell(row, 1, text).font = _NOTE
    ws.cell(row, 1).fill = _NOTE_FILL
    ws.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=span)
    ws.row_dimensions[row].height = 48


def write_roadmap_workbook(path: str | Path) -> Path:
    """Write the shipped roadmap definition (real structure, SYNTHETIC task list) to `path`.
    The same code always gives the same bytes."""
    note = t("roadmap.synthetic_note", "fi")
    wb = Workbook()
    info = wb.active
    info.title = SHEET_INFO
    info["A1"] = ROADMAP_NAME
    info["A1"].font = Font(bold=True, size=14)
    _note(info, 2, note, 2)
    for row, (key, value) in enumerate((
            ("name", ROADMAP_NAME), ("target_date", TARGET_DATE), ("synthetic", "Kyllä"),
            ("description", "Rakenne: VM/STM:n dia 'Alueellisen toimeenpanon tiekartta' "
                            "(9.12.2021). Tehtäväluettelo: synteettinen.")), start=4):
        info.cell(row, 1, INFO_LABELS[key][0]).font = _BOLD
        info.cell(row, 2, value)
    info["B5"].number_format = "d.m.yyyy"
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 100

    ws = wb.create_sheet(SHEET_WORKSTREAMS)
    _write_table(ws, 1, SHEET_WORKSTREAMS,
                 [[w.code, i, w.fi, w.sv, w.en] for i, w in enumerate(WORKSTREAMS, start=1)],
                 [10, 10, 40, 40, 45])
    ws = wb.create_sheet(SHEET_SUB_AREAS)
    _write_table(ws, 1, SHEET_SUB_AREAS,
                 [[w.code, sa.letter, sa.fi, sa.sv, sa.en] for w in WORKSTREAMS for sa in w.sub_areas],
                 [16, 10, 60, 60, 60])
    ws = wb.create_sheet(SHEET_REGIONS)
    _write_table(ws, 1, SHEET_REGIONS,
                 [[r.code, i, r.fi, r.sv, r.en, "; ".join(r.aliases),
                   "Kyllä" if r.reports_in_swedish else "Ei"]
                  for i, r in enumerate(REGIONS, start=1)],
                 [20, 10, 20, 24, 22, 50, 18])
    ws = wb.create_sheet(SHEET_TASKS)
    _note(ws, 1, note, len(COLUMNS[SHEET_TASKS]))
    _write_table(ws, 3, SHEET_TASKS,
                 [[task.code, task.workstream, task.letter, task.title_fi, task.title_sv,
                   task.due_label]
                  for task in synthetic_tasks()],
                 [12, 16, 10, 70, 70, 12])
    return save_deterministic(wb, path)


# --- reading ----------------------------------------------------------------------------------

class _Reader:
    """Collects every problem of one workbook while reading it."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, message: str, sheet: str | None = None, row: int | None = None,
                column: str | None = None, value: object = None, **params) -> None:
        self.problems.append(Problem(message, sheet, row, column, value, params))

    def table(self, wb, sheet_key: str) -> tuple[str, list[tuple[int, dict[str, object]]]]:
        """The data rows of one table sheet as (Excel row, {field: value}) pairs."""
        ws = _find_sheet(wb, sheet_key)
        if ws is None:
            self.problem("roadmap.missing_sheet", sheet=sheet_key, sheet_name=sheet_key)
            return sheet_key, []
        grid = read_grid(ws)
        wanted = {name: HEADERS[name] for name, _ in COLUMNS[sheet_key]}
        required = [name for name, req in COLUMNS[sheet_key] if req]
        header_row = find_row(grid, lambda values: len(header_columns(values, wanted)) >= 2)
        allowed = ", ".join(f"'{HEADERS[name][0]}'" for name, _ in COLUMNS[sheet_key])
        if header_row is None:
            self.problem("roadmap.missing_header", sheet=ws.title, allowed=allowed)
            return ws.title, []
        columns = header_columns(grid.row_values(header_row), wanted)
        missing = [name for name in required if name not in columns]
        for name in missing:
            self.problem("roadmap.missing_column", sheet=ws.title, row=header_row,
                         column=HEADERS[name][0], needed=HEADERS[name][0])
        if missing:
            return ws.title, []
        rows = []
        for r in range(header_row + 1, grid.max_row + 1):
            if grid.row_is_blank(r, columns.values()):
                continue
            rows.append((r, {name: grid.value(r, col) for name, col in columns.items()}))
        if not rows:
            self.problem("roadmap.no_rows", sheet=ws.title)
        return ws.title, rows

    def text(self, sheet: str, row: int, name: str, value: object, *, required: bool = True,
             max_len: int = MAX_NAME) -> str | None:
        if is_blank(value):
            if required:
                self.problem("roadmap.missing_value", sheet, row, HEADERS[name][0], value)
            return None
        text = cell_text(value)
        if len(text) > max_len:
            self.problem("roadmap.too_long", sheet, row, HEADERS[name][0], None,
                         length=len(text), max=max_len)
        return text

    def code(self, sheet: str, row: int, value: object, max_len: int) -> str | None:
        text = self.text(sheet, row, "code", value)
        if text is None:
            return None
        if not CODE_RE.match(text) or len(text) > max_len:
            self.problem("roadmap.bad_code", sheet, row, HEADERS["code"][0], value, max=max_len)
            return None
        return text

    def position(self, sheet: str, row: int, value: object, default: int) -> int:
        if is_blank(value):
            return default
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and cell_text(value).isdigit():
            value = int(cell_text(value))
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            self.problem("roadmap.bad_position", sheet, row, HEADERS["position"][0], value)
            return default
        return value

    def unique(self, seen: dict[str, int], key: str, sheet: str, row: int, column: str,
               value: object) -> bool:
        if key in seen:
            self.problem("roadmap.duplicate", sheet, row, column, value, first_row=seen[key])
            return False
        seen[key] = row
        return True


def _find_sheet(wb, sheet_key: str):
    accepted = {label_key(name) for name in SHEET_NAMES[sheet_key]}
    return next((ws for ws in wb.worksheets if label_key(ws.title) in accepted), None)


def _yes_no(value: object) -> bool | None:
    if is_blank(value):
        return False
    if isinstance(value, bool):
        return value
    key = normalise_text(cell_text(value))
    return True if key in YES else False if key in NO else None


def _read_info(reader: _Reader, wb) -> tuple[str, dt.date, bool, str | None]:
    name, target, synthetic, description = ROADMAP_NAME, TARGET_DATE, False, None
    ws = _find_sheet(wb, SHEET_INFO)
    if ws is None:  # optional: the defaults describe the real roadmap
        return name, target, synthetic, description
    grid = read_grid(ws)
    labels = {label_key(text): key for key, texts in INFO_LABELS.items() for text in texts}
    for r in range(1, grid.max_row + 1):
        key = labels.get(label_key(grid.value(r, 1))) if not is_blank(grid.value(r, 1)) else None
        value = grid.value(r, 2)
        if key == "name" and not is_blank(value):
            name = cell_text(value)[:200]
        elif key == "target_date":
            due = parse_due(value) if not is_blank(value) else None
            if due is None or not due.label[0].isdigit():
                reader.problem("roadmap.bad_date", ws.title, r, cell_text(grid.value(r, 1)), value)
            else:
                target = due.date
        elif key == "synthetic":
            flag = _yes_no(value)
            if flag is None:
                reader.problem("roadmap.bad_yes_no", ws.title, r, cell_text(grid.value(r, 1)), value)
            else:
                synthetic = flag
        elif key == "description" and not is_blank(value):
            description = cell_text(value)
    return name, target, synthetic, description


def read_roadmap(path: str | Path) -> RoadmapDefinition:
    """Read and validate a roadmap workbook; raises `ValidationFailed` with every problem."""
    reader = _Reader()
    try:
        wb = load_workbook(path, data_only=True)
    except Exception as error:  # not a zip, not xlsx, encrypted…
        raise ValidationFailed([Problem("roadmap.not_xlsx", params={"detail": type(error).__name__})],
                               str(path)) from None
    name, target, synthetic, description = _read_info(reader, wb)
    definition = RoadmapDefinition(name, target, synthetic, description)

    # workstreams
    sheet, rows = reader.table(wb, SHEET_WORKSTREAMS)
    seen: dict[str, int] = {}
    ws_by_key: dict[str, str] = {}  # normalised code or name -> code
    for index, (r, cells) in enumerate(rows, start=1):
        code = reader.code(sheet, r, cells.get("code"), MAX_CODE[SHEET_WORKSTREAMS])
        names = [reader.text(sheet, r, n, cells.get(n)) for n in ("name_fi", "name_sv", "name_en")]
        position = reader.position(sheet, r, cells.get("position"), index)
        if code is None or None in names:
            continue
        if reader.unique(seen, code.casefold(), sheet, r, HEADERS["code"][0], code):
            definition.workstreams.append(WorkstreamRow(code, position, *names))
            for key in (code, *names):
                ws_by_key.setdefault(normalise_text(key), code)
    allowed_ws = ", ".join(w.code for w in definition.workstreams)

    def workstream_of(sheet: str, r: int, value: object) -> str | None:
        if is_blank(value):
            reader.problem("roadmap.missing_value", sheet, r, HEADERS["workstream"][0], value)
            return None
        code = ws_by_key.get(normalise_text(cell_text(value)))
        if code is None and definition.workstreams:
            reader.problem("roadmap.unknown_workstream", sheet, r, HEADERS["workstream"][0],
                           value, allowed=allowed_ws)
        return code

    def letter_of(sheet: str, r: int, value: object) -> str | None:
        if is_blank(value):
            reader.problem("roadmap.missing_value", sheet, r, HEADERS["letter"][0], value)
            return None
        match = LETTER_RE.match(cell_text(value))
        if not match:
            reader.problem("roadmap.bad_letter", sheet, r, HEADERS["letter"][0], value)
            return None
        return match.group(1).upper()

    # sub-areas
    sheet, rows = reader.table(wb, SHEET_SUB_AREAS)
    seen = {}
    for r, cells in rows:
        workstream = workstream_of(sheet, r, cells.get("workstream"))
        letter = letter_of(sheet, r, cells.get("letter"))
        names = [reader.text(sheet, r, n, cells.get(n)) for n in ("name_fi", "name_sv", "name_en")]
        if workstream is None or letter is None or None in names:
            continue
        if reader.unique(seen, f"{workstream}:{letter}", sheet, r, HEADERS["letter"][0],
                         f"{workstream} {letter}"):
            definition.sub_areas.append(SubAreaRow(workstream, letter, *names))
    letters: dict[str, list[str]] = {}
    for sa in definition.sub_areas:
        letters.setdefault(sa.workstream, []).append(sa.letter)

    # regions
    sheet, rows = reader.table(wb, SHEET_REGIONS)
    seen, names_seen = {}, {}
    for index, (r, cells) in enumerate(rows, start=1):
        code = reader.code(sheet, r, cells.get("code"), MAX_CODE[SHEET_REGIONS])
        names = [reader.text(sheet, r, n, cells.get(n)) for n in ("name_fi", "name_sv", "name_en")]
        position = reader.position(sheet, r, cells.get("position"), index)
        aliases_text = reader.text(sheet, r, "aliases", cells.get("aliases"), required=False,
                                   max_len=2000) or ""
        aliases = tuple(a.strip() for a in re.split(r"[;\n]", aliases_text) if a.strip())
        for alias in aliases:
            if len(alias) > MAX_ALIAS:
                reader.problem("roadmap.too_long", sheet, r, HEADERS["aliases"][0], None,
                               length=len(alias), max=MAX_ALIAS)
        swedish = _yes_no(cells.get("swedish"))
        if swedish is None:
            reader.problem("roadmap.bad_yes_no", sheet, r, HEADERS["swedish"][0], cells.get("swedish"))
        if code is None or None in names or swedish is None:
            continue
        if reader.unique(seen, code.casefold(), sheet, r, HEADERS["code"][0], code):
            # the Finnish name identifies a region in every sheet: it must be unique too
            if reader.unique(names_seen, normalise_text(names[0]), sheet, r, HEADERS["name_fi"][0],
                             names[0]):
                definition.regions.append(RegionRow(code, position, *names, aliases, swedish))

    # tasks
    sheet, rows = reader.table(wb, SHEET_TASKS)
    seen = {}
    for index, (r, cells) in enumerate(rows, start=1):
        code = reader.code(sheet, r, cells.get("code"), MAX_CODE[SHEET_TASKS])
        workstream = workstream_of(sheet, r, cells.get("workstream"))
        letter = letter_of(sheet, r, cells.get("letter"))
        title_fi = reader.text(sheet, r, "title_fi", cells.get("title_fi"), max_len=2000)
        title_sv = reader.text(sheet, r, "title_sv", cells.get("title_sv"), required=False,
                               max_len=2000)
        due_value = cells.get("due")
        due = parse_due(due_value) if not is_blank(due_value) else None
        if is_blank(due_value):
            reader.problem("roadmap.missing_value", sheet, r, HEADERS["due"][0], due_value)
        elif due is None:
            reader.problem("roadmap.bad_due", sheet, r, HEADERS["due"][0], due_value)
        if workstream is not None and letter is not None and letter not in letters.get(workstream, []):
            reader.problem("roadmap.unknown_sub_area", sheet, r, HEADERS["letter"][0], letter,
                           workstream=workstream, allowed=", ".join(letters.get(workstream, [])) or "–")
            letter = None
        if None in (code, workstream, letter, title_fi, due):
            if code is not None:
                seen.setdefault(code.casefold(), r)
            continue
        if reader.unique(seen, code.casefold(), sheet, r, HEADERS["code"][0], code):
            definition.tasks.append(TaskRow(code, workstream, letter, title_fi, title_sv,
                                            due.date, due.label, index))
    if reader.problems:
        raise ValidationFailed(reader.problems, str(path))
    return definition


# --- storing ----------------------------------------------------------------------------------

def _store(session: Session, definition: RoadmapDefinition) -> dict[str, int]:
    """Upsert the definition by codes; returns counts. Raises ValidationFailed (nothing kept:
    the caller's transaction rolls back) if something still in use would have to go."""
    problems: list[Problem] = []

    def in_use(kind: str, code: str) -> None:
        problems.append(Problem(f"roadmap.still_used.{kind}", value=code))

    workstreams = {w.code: w for w in session.scalars(select(Workstream))}
    for row in definition.workstreams:
        w = workstreams.get(row.code) or Workstream(code=row.code)
        w.position, w.name_fi, w.name_sv, w.name_en = (row.position, row.name_fi, row.name_sv,
                                                        row.name_en)
        if w.id is None:
            session.add(w)
            workstreams[row.code] = w
    session.flush()

    sub_areas = {(sa.workstream_id, sa.letter): sa for sa in session.scalars(select(SubArea))}
    kept_sub_areas: set[int] = set()
    for row in definition.sub_areas:
        ws_id = workstreams[row.workstream].id
        sa = sub_areas.get((ws_id, row.letter)) or SubArea(workstream_id=ws_id, letter=row.letter)
        sa.name_fi, sa.name_sv, sa.name_en = row.name_fi, row.name_sv, row.name_en
        if sa.id is None:
            session.add(sa)
            session.flush()
            sub_areas[(ws_id, row.letter)] = sa
        kept_sub_areas.add(sa.id)

    tasks = {task.code: task for task in session.scalars(select(Task))}
    new = updated = 0
    kept_tasks: set[str] = set()
    for row in definition.tasks:
        ws_id = workstreams[row.workstream].id
        values = dict(workstream_id=ws_id, sub_area_id=sub_areas[(ws_id, row.letter)].id,
                      title_fi=row.title_fi, title_sv=row.title_sv, due_date=row.due_date,
                      due_label=row.due_label, position=row.position)
        task = tasks.get(row.code)
        if task is None:
            session.add(Task(code=row.code, **values))
            new += 1
        else:
            if any(getattr(task, k) != v for k, v in values.items()):
                updated += 1
            for key, value in values.items():
                setattr(task, key, value)
        kept_tasks.add(row.code)
    removed = 0
    for code, task in tasks.items():
        if code in kept_tasks:
            continue
        if session.scalar(select(exists().where(TaskStatus.task_id == task.id))):
            in_use("task", code)
        else:
            session.delete(task)
            removed += 1
    session.flush()

    for (ws_id, letter), sa in sub_areas.items():
        if sa.id in kept_sub_areas:
            continue
        if session.scalar(select(exists().where(Task.sub_area_id == sa.id))) or \
                session.scalar(select(exists().where(Figure.sub_area_id == sa.id))):
            in_use("sub_area", f"{sa.workstream.code} {letter}")
        else:
            session.delete(sa)
    kept_ws = {row.code for row in definition.workstreams}
    for code, w in workstreams.items():
        if code in kept_ws:
            continue
        if session.scalar(select(exists().where(Task.workstream_id == w.id))) or \
                session.scalar(select(exists().where(Figure.workstream_id == w.id))) or \
                session.scalar(select(exists().where(SubArea.workstream_id == w.id))):
            in_use("workstream", code)
        else:
            session.delete(w)

    regions = {r.code: r for r in session.scalars(select(Region))}
    for row in definition.regions:
        region = regions.get(row.code)
        if region is None:
            region = Region(code=row.code)
            session.add(region)
        region.position, region.name_fi, region.name_sv, region.name_en = (
            row.position, row.name_fi, row.name_sv, row.name_en)
        region.reports_in_swedish = row.reports_in_swedish
        if [a.alias for a in region.aliases] != list(row.aliases):
            region.aliases = [RegionAlias(alias=alias) for alias in row.aliases]
    kept_regions = {row.code for row in definition.regions}
    for code, region in regions.items():
        if code in kept_regions:
            continue
        if session.scalar(select(exists().where(Submission.region_id == region.id))):
            in_use("region", code)
        else:
            session.delete(region)
    if problems:
        raise ValidationFailed(problems)

    roadmap = session.scalar(select(Roadmap).order_by(Roadmap.id.desc()).limit(1))
    if roadmap is None:
        roadmap = Roadmap()
        session.add(roadmap)
    roadmap.name, roadmap.target_date = definition.name, definition.target_date
    roadmap.is_synthetic, roadmap.description = definition.is_synthetic, definition.description
    roadmap.imported_at = dt.datetime.now()
    session.flush()
    return dict(workstreams=len(definition.workstreams), sub_areas=len(definition.sub_areas),
                regions=len(definition.regions), tasks=len(definition.tasks), new=new,
                updated=updated, removed=removed)


def import_roadmap(url: str | None, path: str | Path, lang: str = "fi") -> ImportResult:
    """Validate and store a roadmap workbook in one transaction. Raises `ValidationFailed`
    (nothing written) when the workbook has problems. `lang` is kept for symmetry with the other
    loaders: problems are rendered by the caller."""
    definition = read_roadmap(path)
    try:
        with transaction(url) as session:
            counts = _store(session, definition)
    except ValidationFailed as failed:
        raise ValidationFailed(failed.problems, str(path)) from None
    counts["synthetic"] = int(definition.is_synthetic)
    return ImportResult(kind="roadmap", source=str(path),
                        regions=[r.code for r in definition.regions], counts=counts)
