"""The heatmap: the matrix exactly as the slides show it (regions in the slides' order, columns
as on the official slides, each cell with its exact share, whole percent, band and counts),
from stored figures only, so it stays fast at any size."""
from __future__ import annotations

import threading
from collections import OrderedDict
from functools import cached_property
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..metrics import Measure, View, band_of_share, quarter_end, shown_percent
from ..schema import Figure, Region, Snapshot, SubArea, Submission, Task, Workstream
from ._common import (
    _figures_version, previous_snapshot, region_rows, snapshot,
    workstreams,
)


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


_HEATMAP_CACHE: OrderedDict[tuple, dict] = OrderedDict()
_HEATMAP_LOCK = threading.Lock()
