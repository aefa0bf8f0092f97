"""The trends page's reads: one series per organisation over the monthly snapshots, with the
national median, quartiles, range and band counts per month."""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..metrics import Measure, band_of_share, shown_percents
from ..schema import Figure, Snapshot, SubArea, Workstream
from ._common import _figures_version, region_rows, snapshots, workstreams


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
