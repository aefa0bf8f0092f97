"""What a status sheet is checked against: its region and month (header cells, command-line or
form values) and the roadmap's tasks as a sheet names them."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.i18n import LocalName, format_date, format_period
from domain.schema import Region, SubArea, Task, Workstream
from domain.store import TaskRow
from domain.vocabulary import normalise_text

from . import sheet_format as fmt
from .common import Problem, RegionResolver, kept, parse_period, reference_version
from .status_header import Header


def resolve_region(resolver: RegionResolver, given: object, header: Header,
                   problems: list[Problem]) -> Region | None:
    sheet = header.sheet.name
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
                                column=label, value=value, params={"given": LocalName.of(given_region)}))
        return None
    return sheet_region


def given_period(given: object, problems: list[Problem]) -> str | None:
    """The month asked for (command line, upload form), or None; a bad one is a problem."""
    if given is None or not str(given).strip():
        return None
    period = parse_period(given)
    if period is None:
        problems.append(Problem("status_sheet.bad_period", value=str(given)))
    return period


def resolve_period(wanted: str | None, header: Header, problems: list[Problem]) -> str | None:
    sheet = header.sheet.name
    label = header.period_label or fmt.PERIOD_LABEL[header.language]
    value = header.period_cell[2] if header.period_cell else None
    row = header.period_cell[0] if header.period_cell else None
    if value is None:
        if wanted is None:
            problems.append(Problem("status_sheet.missing_period", sheet=sheet, row=row,
                                    column=label, params={"label": label}))
        return wanted
    sheet_period = parse_period(value)
    shown = format_date(value) if isinstance(value, (dt.date, dt.datetime)) else value
    if sheet_period is None:
        problems.append(Problem("status_sheet.bad_period", sheet=sheet, row=row, column=label,
                                value=shown))
        return None
    if wanted is not None and wanted != sheet_period:
        problems.append(Problem(
            "status_sheet.period_conflict", sheet=sheet, row=row, column=label, value=shown,
            params={"sheet_period": format_period(sheet_period), "given": format_period(wanted)}))
        return None
    return sheet_period


_MEMO_LIMIT = 20_000


@dataclass(frozen=True)
class TaskRef:
    id: int
    code: str
    workstream_id: int
    sub_area_id: int
    due_date: dt.date


@dataclass(frozen=True)
class _Named:
    """A workstream or sub-area as the checks need it (plain data, kept between imports)."""

    id: int
    code: str | None
    letter: str | None
    name_fi: str
    name_sv: str | None
    name_en: str | None


def _roadmap_data(session: Session) -> tuple:
    tasks = [TaskRef(*row) for row in session.connection().execute(
        select(Task.id, Task.code, Task.workstream_id, Task.sub_area_id, Task.due_date)
        .order_by(Task.position))]
    streams = {row[0]: _Named(row[0], row[1], None, *row[2:]) for row in session.execute(
        select(Workstream.id, Workstream.code, Workstream.name_fi, Workstream.name_sv,
               Workstream.name_en))}
    areas = {row[0]: _Named(row[0], None, *row[1:]) for row in session.execute(
        select(SubArea.id, SubArea.letter, SubArea.name_fi, SubArea.name_sv, SubArea.name_en))}
    by_code = {normalise_text(t.code): t for t in tasks}
    task_rows = tuple(TaskRow(t.id, t.workstream_id, t.sub_area_id, t.due_date) for t in tasks)
    # (kind, id, text) -> matches: the same few texts repeat on every row and in every
    # region's sheet, so the answers are kept with the roadmap
    memo: dict[tuple, bool] = {}
    return tasks, streams, areas, by_code, {t.code: t for t in tasks}, task_rows, memo


class RoadmapIndex:
    """The roadmap's tasks as a sheet names them: ids, workstream and sub-area texts. Plain
    data, read once per reference version (`loaders.common.kept`): this runs on every import."""

    def __init__(self, session: Session, version: tuple | None = None):
        (self.tasks, self.workstreams, self.sub_areas, self.by_code, self.exact,
         self._task_rows, self._memo) = kept(
            "roadmap", version or reference_version(session), lambda: _roadmap_data(session))
        if len(self._memo) > _MEMO_LIMIT:  # texts of every sheet read: bounded, not a leak
            self._memo.clear()

    def task_rows(self) -> tuple[TaskRow, ...]:
        """What the store's figures need of each task (kept too: built once, not per import)."""
        return self._task_rows

    def task(self, value: object) -> TaskRef | None:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and value in self.exact:
            return self.exact[value]
        return self.by_code.get(normalise_text(value))

    def workstream_matches(self, task: TaskRef, text: object) -> bool:
        return self._remembered(("w", task.workstream_id, text),
                                lambda: self._workstream_matches(task, text))

    def sub_area_matches(self, task: TaskRef, text: object) -> bool:
        return self._remembered(("s", task.sub_area_id, text),
                                lambda: self._sub_area_matches(task, text))

    def _remembered(self, key: tuple, answer) -> bool:
        # the memo is shared by a worker's threads: another import may clear it between a
        # look-up and a read, so the answer is kept in hand, never read back
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = answer()
        return found

    def _workstream_matches(self, task: TaskRef, text: object) -> bool:
        ws = self.workstreams[task.workstream_id]
        names = {normalise_text(x) for x in (ws.code, ws.name_fi, ws.name_sv, ws.name_en) if x}
        return normalise_text(text) in names

    def _sub_area_matches(self, task: TaskRef, text: object) -> bool:
        sa = self.sub_areas[task.sub_area_id]
        names = {normalise_text(x) for x in (sa.name_fi, sa.name_sv, sa.name_en) if x}
        text_key = normalise_text(text)
        if text_key == sa.letter.casefold() or text_key in names:
            return True
        # "C. Henkilöstön asiat …", "C) …", "C – …" as the slides and people write them
        match = re.match(r"^([a-z])\s*[.):\-]\s*(.*)$", text_key) or \
            re.match(r"^([a-z])\s+(.*)$", text_key)
        return bool(match) and match.group(1) == sa.letter.casefold() and (
            not match.group(2) or match.group(2) in names)

    def expected_names(self, task: TaskRef, sub_area: bool) -> dict[str, str]:
        obj = self.sub_areas[task.sub_area_id] if sub_area else self.workstreams[task.workstream_id]
        prefix = f"{obj.letter}. " if sub_area else ""
        return {f"expected_{lang}": prefix + (getattr(obj, f"name_{lang}") or obj.name_fi)
                for lang in ("fi", "sv", "en")}
