"""The briefing deck's first slide: the snapshot in numbers.

How many regions sit in each band per workstream, and the largest changes since the previous
snapshot. Computed from `domain.queries.heatmap` results (stored figures, the same cells the
overview shows), never from task rows; bands and rounding come from `domain.metrics`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from domain import queries
from domain.metrics import BANDS, Measure, View
from domain.schema import Region, Snapshot, Workstream

TOP_CHANGES = 6  # two columns of three fit under the table on a 16:9 slide


@dataclass(frozen=True)
class BandRow:
    """One workstream: regions per band. counts[0] = no data, counts[1..4] = bands 1–4."""

    workstream: Workstream
    counts: tuple[int, int, int, int, int]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Change:
    region: Region
    workstream: Workstream
    before: int  # shown whole percent in the previous snapshot
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before


@dataclass
class SnapshotSummary:
    snapshot: Snapshot
    previous: Snapshot | None
    measure: Measure
    rows: list[BandRow]
    changes: list[Change] = field(default_factory=list)


def band_rows(hm: queries.Heatmap) -> list[BandRow]:
    """Regions per band for each column of a one-column-per-workstream heatmap."""
    rows = []
    for column in hm.columns:
        counts = [0] * (len(BANDS) + 1)
        for region in hm.regions:
            counts[hm.cell(region.code, column.key).band or 0] += 1
        rows.append(BandRow(column.workstream, tuple(counts)))
    return rows


def largest_changes(now: queries.Heatmap, before: queries.Heatmap,
                    top: int = TOP_CHANGES) -> list[Change]:
    """Cells whose shown percent moved most (either way); ties keep the slides' order."""
    found = []
    for r_pos, region in enumerate(now.regions):
        for c_pos, column in enumerate(now.columns):
            after = now.cell(region.code, column.key).percent
            prior = before.cell(region.code, column.key).percent
            if after is None or prior is None or after == prior:
                continue
            found.append((-abs(after - prior), r_pos, c_pos,
                          Change(region, column.workstream, prior, after)))
    found.sort(key=lambda item: item[:3])
    return [item[3] for item in found[:top]]


def summarise(session: Session, period: str, top: int = TOP_CHANGES) -> SnapshotSummary:
    """The summary of `period` on the progress measure (the roadmap's headline figure)."""
    hm = queries.heatmap(session, period, View.PROGRESS)
    previous = queries.previous_snapshot(session, period)
    changes: list[Change] = []
    if previous is not None:
        changes = largest_changes(hm, queries.heatmap(session, previous.period, View.PROGRESS),
                                  top)
    return SnapshotSummary(hm.snapshot, previous, Measure.PROGRESS, band_rows(hm), changes)
