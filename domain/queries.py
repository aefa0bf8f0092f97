"""Read side: the one data-access module for pages, exports and the CLI.

`heatmap()` returns the matrix exactly as the heatmap shows it: regions in the slides' order,
columns as on the official slides, each cell with its exact share, whole percent, band and
counts. It reads stored figures only (never task rows), so it stays fast at any size.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from functools import cached_property
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from .metrics import (Measure, View, band_of_share, quarter_end, shown_percent, shown_percents,
                      working_days)
from .schema import Figure, Region, Roadmap, Round, Snapshot, SubArea, Submission, Task, Workstream


@dataclass(frozen=True)
class Column:
    """One heatmap column: a measure of a workstream, or of one of its sub-areas."""

    key: str  # stable, e.g. "htt:readiness_active", "yp:progress", "yp:C:progress"
    workstream_code: str
    measure: Measure
    sub_area_letter: str | None = None
    # resolved names for display (the caller picks the language)
    workstream: Workstream | None = field(default=None, compare=False, repr=False)
    sub_area: SubArea | None = field(default=None, compare=False, repr=False)
    national_count: int | None = None  # "Tehtävien lkm yht." where the view shows it


@dataclass(frozen=True)
class Cell:
    share: float | None = None  # exact percent; None: no data
    numerator: int | None = None
    denominator: int | None = None
    denominator_is_national: bool = False

    # cached per cell: a page reads each cell's percent and band several times
    @cached_property
    def percent(self) -> int | None:
        return shown_percent(self.share)

    @cached_property
    def band(self) -> int | None:
        return band_of_share(self.share)


NO_DATA = Cell()


@dataclass
class Heatmap:
    snapshot: Snapshot
    view: View
    workstream_code: str | None
    regions: list  # `region_rows`: read-only rows with Region's columns
    columns: list[Column]
    cells: dict[tuple[str, str], Cell]  # (region code, column key) -> cell
    summary_only: bool  # no region has task-level data in this snapshot

    def cell(self, region_code: str, column_key: str) -> Cell:
        return self.cells.get((region_code, column_key), NO_DATA)

    def row(self, region_code: str) -> list[Cell]:
        return [self.cell(region_code, c.key) for c in self.columns]


READ_MEMO = "tilannekuva.read_memo"


def remember_reads(session: Session) -> Session:
    """Mark a read-only session (a page's, `dashboard.data.read_session`): the look-ups below
    that several functions of one page ask again (workstreams, organisations, a month's
    snapshot, a region…) are then read once per session. Nothing outlives the session, and a
    writer's session is never marked."""
    session.info[READ_MEMO] = {}
    return session


def _remembered(session: Session, key: tuple, load):
    memo = session.info.get(READ_MEMO)
    if memo is None:
        return load()
    if key not in memo:
        memo[key] = load()
    found = memo[key]
    return list(found) if isinstance(found, list) else found


def _published(stmt, include_unpublished: bool = False):
    """Only published rounds' snapshots, unless the caller may see open ones (coordinators,
    `dashboard.auth.sees_unpublished`). Published months are the national picture."""
    if include_unpublished:
        return stmt
    return stmt.join(Round, Round.snapshot_id == Snapshot.id).where(Round.state == "published")


def snapshots(session: Session, include_unpublished: bool = False) -> list[Snapshot]:
    """Snapshots oldest first: the published ones (the default of every view), or all."""
    return _remembered(session, ("snapshots", include_unpublished), lambda: list(
        session.scalars(_published(select(Snapshot), include_unpublished)
                        .order_by(Snapshot.period))))


def open_periods(session: Session) -> set[str]:
    """Months whose reporting round is open (not yet the national picture)."""
    return set(session.scalars(select(Snapshot.period).join(Round, Round.snapshot_id == Snapshot.id)
                               .where(Round.state == "open")))


def latest_published(session: Session) -> Snapshot | None:
    return _remembered(session, ("latest_published",), lambda: session.scalar(
        _published(select(Snapshot)).order_by(Snapshot.period.desc()).limit(1)))


def snapshot(session: Session, period: str) -> Snapshot | None:
    """The month's snapshot whatever its round's state (writers, and readers that checked)."""
    return _remembered(session, ("snapshot", period), lambda: session.scalar(
        select(Snapshot).where(Snapshot.period == period)))


def previous_snapshot(session: Session, period: str) -> Snapshot | None:
    """The latest published snapshot before `period` (changes are always against the
    published picture)."""
    return _remembered(session, ("previous_snapshot", period), lambda: session.scalar(
        _published(select(Snapshot)).where(Snapshot.period < period)
        .order_by(Snapshot.period.desc()).limit(1)))


def regions(session: Session) -> list[Region]:
    return _remembered(session, ("regions",), lambda: list(
        session.scalars(select(Region).order_by(Region.position))))


def region_rows(session: Session) -> list:
    """The organisations in the slides' order as read-only rows with `Region`'s columns as
    attributes (`code`, `name_fi`, …): what the heatmap and the trends show. A page reads all
    368 of them; rows cost a third of ORM objects. Writers use `regions`."""
    return _remembered(session, ("region_rows",), lambda: session.execute(
        select(*Region.__table__.columns).order_by(Region.position)).all())


def workstreams(session: Session) -> list[Workstream]:
    """Workstreams in order, their sub-areas loaded in one extra statement (not one lazy load
    per workstream in every function of a page)."""
    return _remembered(session, ("workstreams",), lambda: list(
        session.scalars(select(Workstream).order_by(Workstream.position)
                        .options(selectinload(Workstream.sub_areas)))))


def roadmap(session: Session) -> Roadmap | None:
    return session.scalar(select(Roadmap).order_by(Roadmap.id.desc()).limit(1))


def columns_for(session: Session, view: View, workstream_code: str | None = None) -> list[Column]:
    """The view's columns (without their national counts: `heatmap` adds them)."""
    streams = workstreams(session)
    if view is View.READINESS:
        return [Column(f"{w.code}:{m.value}", w.code, m, workstream=w)
                for w in streams for m in (Measure.READINESS_ACTIVE, Measure.READINESS_DONE)]
    if view is View.PROGRESS:
        return [Column(f"{w.code}:{Measure.PROGRESS.value}", w.code, Measure.PROGRESS,
                       workstream=w) for w in streams]
    stream = next((w for w in streams if w.code == workstream_code), None)
    if stream is None:
        raise ValueError(f"unknown workstream {workstream_code!r}")
    cols = [Column(f"{stream.code}:{Measure.PROGRESS.value}", stream.code, Measure.PROGRESS,
                   workstream=stream)]
    cols += [Column(f"{stream.code}:{sa.letter}:{Measure.PROGRESS.value}", stream.code,
                    Measure.PROGRESS, sa.letter, workstream=stream, sub_area=sa)
             for sa in stream.sub_areas]
    return cols


def _with_national_counts(session: Session, cols: list[Column], cells: dict, period: str,
                          ) -> list[Column]:
    """'Tehtävien lkm yht.' on the progress and sub-area views' columns: tasks due by the
    quarter's end, per workstream and sub-area.

    An imported summary table's own header counts win for its snapshot (the largest national
    denominator among the column's cells: the cells are the month's active progress figures
    of exactly these columns, so nothing is read twice); otherwise the roadmap's task list
    gives them."""
    national: dict[str, int] = {}
    for (_, key), cell in cells.items():
        if cell.denominator_is_national and cell.denominator is not None:
            national[key] = max(national.get(key, cell.denominator), cell.denominator)
    due: dict[tuple[int, int | None], int] = {}
    for ws_id, sa_id, n in session.execute(
            select(Task.workstream_id, Task.sub_area_id, func.count())
            .where(Task.due_date <= quarter_end(period))
            .group_by(Task.workstream_id, Task.sub_area_id)):
        due[(ws_id, sa_id)] = n
        due[(ws_id, None)] = due.get((ws_id, None), 0) + n
    return [replace(c, national_count=national[c.key] if c.key in national else due.get(
        (c.workstream.id, c.sub_area.id if c.sub_area else None))) for c in cols]


def heatmap(session: Session, period: str, view: View | str,
            workstream_code: str | None = None) -> Heatmap:
    view = View(view)
    snap = snapshot(session, period)
    if snap is None:
        raise LookupError(f"no snapshot {period}")
    return _heatmap(session, snap, view, workstream_code,
                    columns_for(session, view, workstream_code), region_rows(session))


def heatmap_with_previous(session: Session, period: str, view: View | str,
                          workstream_code: str | None = None,
                          ) -> tuple[Heatmap, Heatmap | None]:
    """The month's heatmap and the previous published month's (None: there is none) over the
    same columns and organisations, read once: the previous one is only compared with."""
    hm = heatmap(session, period, view, workstream_code)
    before = previous_snapshot(session, period)
    if before is None:
        return hm, None
    prev = _heatmap(session, before, hm.view, workstream_code, hm.columns, hm.regions,
                    national_counts=False)
    return hm, prev


def _heatmap(session: Session, snap: Snapshot, view: View, workstream_code: str | None,
             cols: list[Column], regs: list, national_counts: bool = True) -> Heatmap:
    by_ids = {(c.workstream.id, c.sub_area.id if c.sub_area else None, c.measure.value): c.key
              for c in cols}
    stmt = (select(Region.code, Figure.workstream_id, Figure.sub_area_id, Figure.measure,
                   Figure.share, Figure.numerator, Figure.denominator,
                   Figure.denominator_is_national)
            .join(Region, Region.id == Figure.region_id)
            .where(Figure.snapshot_id == snap.id, Figure.active.is_(True),
                   Figure.measure.in_({c.measure.value for c in cols}),
                   # "+ 0": the workstream is a filter, never the index to search by. Else
                   # SQLite's planner, without fresh statistics, takes ix_figure_trend and
                   # reads the workstream's rows of EVERY snapshot (the sub-area view then
                   # grew with history: 52 ms → 5 ms at 36 months here)
                   (Figure.workstream_id + 0).in_({c.workstream.id for c in cols})))
    if all(c.sub_area is None for c in cols):
        # readiness and progress show whole workstreams: leave the sub-area rows (6 in 7 of
        # the snapshot's figures) in the database instead of fetching and dropping them
        stmt = stmt.where(Figure.sub_area_id.is_(None))
    # Kept per process like `_trend_values` (see there why the largest figure id tells whether
    # kept values still hold): many readers open the same month's overview, and at municipal
    # scale reading and wrapping its ~4 000 figures is a third of the page's time.
    cache_key = (str(session.get_bind().url), snap.id, _figures_version(session),
                 frozenset(by_ids.items()), tuple((r.id, r.code) for r in regs))
    with _HEATMAP_LOCK:
        cells = _HEATMAP_CACHE.get(cache_key)
        if cells is not None:
            _HEATMAP_CACHE.move_to_end(cache_key)
    if cells is None:
        cells = {}
        for code, ws_id, sa_id, measure, share, num, den, national in session.execute(stmt):
            key = by_ids.get((ws_id, sa_id, measure))
            if key is not None:
                cells[(code, key)] = Cell(share, num, den, national)
        with _HEATMAP_LOCK:
            _HEATMAP_CACHE[cache_key] = cells
            while len(_HEATMAP_CACHE) > 32:
                _HEATMAP_CACHE.popitem(last=False)
    if national_counts and view is not View.READINESS:
        cols = _with_national_counts(session, cols, cells, snap.period)
    has_tasks = session.scalar(
        select(func.count()).select_from(Submission).where(
            Submission.snapshot_id == snap.id, Submission.is_current.is_(True),
            Submission.is_summary.is_(False))) > 0
    return Heatmap(snap, view, workstream_code, regs, cols, dict(cells), not has_tasks)


def _figures_version(session: Session) -> int | None:
    """The largest figure id: what tells whether kept figures still hold (`_trend_values`)."""
    return _remembered(session, ("figures_version",),
                       lambda: session.scalar(select(func.max(Figure.id))))


_HEATMAP_CACHE: OrderedDict[tuple, dict] = OrderedDict()
_HEATMAP_LOCK = threading.Lock()


def working_days_left(snap: Snapshot, target: dt.date) -> int:
    return working_days(snap.report_date, target)


def latest_task_statuses(session: Session, region_id: int, up_to_period: str | None = None,
                         ) -> tuple[Snapshot | None, dict[int, tuple[str, str | None]]]:
    """A region's most recent task-level statuses (current revision) up to a period: the
    snapshot and {task id: (status value, note)}. Used to prefill the regional template and to
    compare an upload with what came before. (None, {}) when the region has no task data."""
    from .schema import TaskStatus

    stmt = (select(Submission.id, Snapshot)
            .join(Snapshot, Snapshot.id == Submission.snapshot_id)
            .where(Submission.region_id == region_id, Submission.scope == "tasks",
                   Submission.is_current.is_(True)))
    if up_to_period is not None:
        stmt = stmt.where(Snapshot.period <= up_to_period)
    found = session.execute(stmt.order_by(Snapshot.period.desc()).limit(1)).first()
    if found is None:
        return None, {}
    submission_id, snap = found
    rows = session.execute(select(TaskStatus.task_id, TaskStatus.status, TaskStatus.note)
                           .where(TaskStatus.submission_id == submission_id))
    return snap, {task_id: (status, note) for task_id, status, note in rows}


# --- dashboard reads (region page, trends) ---------------------------------------------------
# Appended for the dashboard. Everything below reads stored `Figure` rows, or the task rows of
# one region's current revision; nothing re-aggregates task rows into percentages.

@dataclass(frozen=True)
class RegionFigures:
    """One region's active figures of one snapshot, keyed (workstream code, letter|None, measure)."""

    snapshot: Snapshot
    region: Region
    workstreams: list[Workstream]
    cells: dict[tuple[str, str | None, str], Cell]
    has_tasks: bool  # the region's current data has task rows (False: summary-only or none)

    def cell(self, workstream_code: str, letter: str | None, measure: Measure | str) -> Cell:
        return self.cells.get((workstream_code, letter, Measure(measure).value), NO_DATA)


def region(session: Session, code: str) -> Region | None:
    return _remembered(session, ("region", code), lambda: session.scalar(
        select(Region).where(Region.code == code)))


def _has_tasks(session: Session, snapshot_id: int, region_id: int) -> bool:
    return bool(session.scalar(
        select(func.count()).select_from(Submission).where(
            Submission.snapshot_id == snapshot_id, Submission.region_id == region_id,
            Submission.is_current.is_(True), Submission.is_summary.is_(False))))


def region_figures(session: Session, period: str, region_code: str) -> RegionFigures:
    snap = snapshot(session, period)
    reg = region(session, region_code)
    if snap is None or reg is None:
        raise LookupError(f"no snapshot {period} or region {region_code}")
    streams = workstreams(session)
    by_ws = {w.id: w for w in streams}
    letters = {sa.id: sa.letter for w in streams for sa in w.sub_areas}
    cells: dict[tuple[str, str | None, str], Cell] = {}
    for ws_id, sa_id, measure, share, num, den, national in session.execute(
            select(Figure.workstream_id, Figure.sub_area_id, Figure.measure, Figure.share,
                   Figure.numerator, Figure.denominator, Figure.denominator_is_national)
            .where(Figure.snapshot_id == snap.id, Figure.region_id == reg.id,
                   Figure.active.is_(True))):
        cells[(by_ws[ws_id].code, letters.get(sa_id), measure)] = Cell(share, num, den, national)
    return RegionFigures(snap, reg, streams, cells, _has_tasks(session, snap.id, reg.id))


@dataclass(frozen=True)
class TaskLine:
    """One row of a region's task table."""

    code: str
    workstream_code: str
    workstream: Workstream
    sub_area: SubArea
    title_fi: str
    title_sv: str | None
    due_date: dt.date
    due_label: str
    status: str  # domain.vocabulary.Status value
    note: str | None
    late: bool  # past due at the report date and not done (not-applicable tasks never late)


def _current_task_submission(session: Session, snapshot_id: int, region_id: int) -> int | None:
    return _remembered(session, ("task_submission", snapshot_id, region_id), lambda: session.scalar(
        select(Submission.id).where(
            Submission.snapshot_id == snapshot_id, Submission.region_id == region_id,
            Submission.is_current.is_(True), Submission.is_summary.is_(False))
        .order_by(Submission.revision.desc()).limit(1)))


def task_table(session: Session, period: str, region_code: str) -> list[TaskLine]:
    """The region's tasks with their status in the snapshot; [] when it has no task rows."""
    from .schema import TaskStatus
    from .vocabulary import Status

    snap = snapshot(session, period)
    reg = region(session, region_code)
    if snap is None or reg is None:
        return []
    sub_id = _current_task_submission(session, snap.id, reg.id)
    if sub_id is None:
        return []
    streams = {w.id: w for w in workstreams(session)}
    areas = {sa.id: sa for w in streams.values() for sa in w.sub_areas}
    rows = session.execute(
        select(Task.code, Task.workstream_id, Task.sub_area_id, Task.title_fi, Task.title_sv,
               Task.due_date, Task.due_label, TaskStatus.status, TaskStatus.note)
        .join(TaskStatus, TaskStatus.task_id == Task.id)
        .where(TaskStatus.submission_id == sub_id)
        .order_by(Task.position))
    lines = []
    for code, ws_id, sa_id, title_fi, title_sv, due, due_label, status, note in rows:
        st = Status(status)
        late = due < snap.report_date and st.is_applicable and not st.is_done
        ws = streams[ws_id]
        lines.append(TaskLine(code, ws.code, ws, areas[sa_id], title_fi, title_sv, due, due_label,
                              status, note, late))
    return lines


@dataclass(frozen=True)
class StatusChange:
    code: str
    workstream: Workstream
    sub_area: SubArea
    title_fi: str
    title_sv: str | None
    before: str | None  # Status value in the previous snapshot (None: not reported then)
    after: str


def status_changes(session: Session, period: str, region_code: str) -> list[StatusChange]:
    """Tasks whose status differs from the region's previous snapshot (task-level data only)."""
    from sqlalchemy.orm import aliased

    from .schema import TaskStatus

    snap = snapshot(session, period)
    prev = previous_snapshot(session, period)
    reg = region(session, region_code)
    if snap is None or prev is None or reg is None:
        return []
    now_id = _current_task_submission(session, snap.id, reg.id)
    before_id = _current_task_submission(session, prev.id, reg.id)
    if now_id is None or before_id is None:
        return []
    now, before = aliased(TaskStatus), aliased(TaskStatus)
    streams = {w.id: w for w in workstreams(session)}
    areas = {sa.id: sa for w in streams.values() for sa in w.sub_areas}
    rows = session.execute(
        select(Task.code, Task.workstream_id, Task.sub_area_id, Task.title_fi, Task.title_sv,
               before.status, now.status)
        .join(now, (now.task_id == Task.id) & (now.submission_id == now_id))
        .outerjoin(before, (before.task_id == Task.id) & (before.submission_id == before_id))
        .where((before.status.is_(None)) | (before.status != now.status))
        .order_by(Task.position))
    return [StatusChange(code, streams[ws], areas[sa], tf, ts, b, a)
            for code, ws, sa, tf, ts, b, a in rows]


@dataclass(frozen=True)
class NationalPoint:
    """Regions' spread for one snapshot of a trend series (on exact shares)."""

    period: str
    n: int  # regions with data
    median: float | None
    q1: float | None
    q3: float | None
    low: float | None
    high: float | None
    band_counts: tuple[int, int, int, int, int]  # (no data, band 1, band 2, band 3, band 4)


@dataclass
class TrendSeries:
    """One measure of one workstream (or sub-area) for every region over every snapshot."""

    measure: Measure
    workstream: Workstream
    sub_area: SubArea | None
    snapshots: list[Snapshot]
    regions: list  # `region_rows`: read-only rows with Region's columns
    values: dict[str, list[float | None]]  # region code -> share per snapshot (None: no data)
    national: list[NationalPoint]

    @property
    def periods(self) -> list[str]:
        return [s.period for s in self.snapshots]

    def percents(self, region_code: str) -> list[int | None]:
        return shown_percents(self.values.get(region_code, ()))


def _quantile(sorted_values: list[float], q: float) -> float:
    # Linear interpolation between closest ranks (numpy's default), without numpy.
    pos = (len(sorted_values) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def national_point(period: str, shares: list[float | None]) -> NationalPoint:
    present = sorted(s for s in shares if s is not None)
    counts = [0, 0, 0, 0, 0]
    for s in shares:
        counts[band_of_share(s) or 0] += 1
    if not present:
        return NationalPoint(period, 0, None, None, None, None, None, tuple(counts))
    return NationalPoint(period, len(present), _quantile(present, 0.5), _quantile(present, 0.25),
                         _quantile(present, 0.75), present[0], present[-1], tuple(counts))


_TREND_CACHE: OrderedDict[tuple, tuple] = OrderedDict()
_TREND_LOCK = threading.Lock()


def _trend_values(session: Session, measure: Measure, workstream_id: int,
                  sub_area_id: int | None, snaps: list[Snapshot], regs: list
                  ) -> tuple[dict[str, list[float | None]], list[NationalPoint]]:
    """Every organisation's share of one measure in every published snapshot, and the national
    spread per snapshot. The region page draws the spread on every view; at municipal scale
    (368 organisations × 36 months) reading and ranking them each time grew with both, so they
    are kept per process until a figure is added. Figure rows are only ever inserted, and their
    `active` flags change only when a revision inserts new figures: the largest figure id (with
    the published snapshots and the organisations) tells whether the kept values still hold."""
    version = _figures_version(session)
    key = (str(session.get_bind().url), measure.value, workstream_id, sub_area_id, version,
           tuple(s.id for s in snaps), tuple((r.id, r.code) for r in regs))
    with _TREND_LOCK:
        if key in _TREND_CACHE:
            _TREND_CACHE.move_to_end(key)
            return _TREND_CACHE[key]
    index = {s.id: i for i, s in enumerate(snaps)}
    values: dict[str, list[float | None]] = {r.code: [None] * len(snaps) for r in regs}
    codes = {r.id: r.code for r in regs}
    stmt = (select(Figure.region_id, Figure.snapshot_id, Figure.share)
            .where(Figure.measure == measure.value, Figure.active.is_(True),
                   Figure.workstream_id == workstream_id,
                   Figure.sub_area_id.is_(None) if sub_area_id is None
                   else Figure.sub_area_id == sub_area_id))
    for region_id, snapshot_id, share in session.execute(stmt):
        if snapshot_id in index and region_id in codes:  # never an unpublished round
            values[codes[region_id]][index[snapshot_id]] = share
    national = [national_point(s.period, [values[r.code][i] for r in regs])
                for i, s in enumerate(snaps)]
    with _TREND_LOCK:
        _TREND_CACHE[key] = (values, national)
        while len(_TREND_CACHE) > 64:
            _TREND_CACHE.popitem(last=False)
    return values, national


def trend_series(session: Session, measure: Measure | str, workstream_code: str,
                 sub_area_letter: str | None = None) -> TrendSeries:
    """Active figures of one measure over all published snapshots, one SQL query, plus the
    national spread (kept per process until the figures change: `_trend_values`)."""
    measure = Measure(measure)
    streams = workstreams(session)
    ws = next((w for w in streams if w.code == workstream_code), None)
    if ws is None:
        raise LookupError(f"unknown workstream {workstream_code!r}")
    sa = next((s for s in ws.sub_areas if s.letter == sub_area_letter), None) \
        if sub_area_letter else None
    snaps = snapshots(session)
    regs = region_rows(session)
    values, national = _trend_values(session, measure, ws.id, sa.id if sa else None, snaps, regs)
    # copies: callers may change their series without touching the kept ones
    return TrendSeries(measure, ws, sa, snaps, regs, {k: list(v) for k, v in values.items()},
                       list(national))


# --- monthly upload: baseline of a preview, upload log (appended for the upload pages) -------

def region_baseline_period(session: Session, region_id: int, period: str) -> str | None:
    """The snapshot an upload for `period` is compared with: the region's own current data for
    that period if any (a re-upload), else its latest earlier snapshot with figures."""
    return session.scalar(
        select(Snapshot.period).join(Figure, Figure.snapshot_id == Snapshot.id)
        .where(Figure.region_id == region_id, Figure.active.is_(True), Snapshot.period <= period)
        .order_by(Snapshot.period.desc()).limit(1))


def current_task_revision(session: Session, region_id: int, period: str) -> int | None:
    """The revision number of the region's current task-level data for a period, or None."""
    return session.scalar(
        select(Submission.revision).join(Snapshot, Snapshot.id == Submission.snapshot_id)
        .where(Submission.region_id == region_id, Snapshot.period == period,
               Submission.scope == "tasks", Submission.is_current.is_(True)))


def upload_log(session: Session, region_id: int | None = None, limit: int = 500) -> list:
    """The newest uploads first (without the files' bytes)."""
    from .schema import Upload

    stmt = select(Upload).order_by(Upload.created_at.desc(), Upload.id.desc()).limit(limit)
    if region_id is not None:
        stmt = stmt.where(Upload.region_id == region_id)
    return list(session.scalars(stmt))


def upload_original(session: Session, upload_id: int):
    """(Upload row, bytes) of one upload, or (None, None)."""
    from .schema import Upload, UploadFile

    upload = session.get(Upload, upload_id)
    if upload is None:
        return None, None
    stored = session.get(UploadFile, upload_id)
    return upload, stored.content if stored else None
