"""A heatmap cell's colour band from `domain.metrics.colour_band` (the one colour rule), looked
up in the query results the pages, slides and downloads share."""
from __future__ import annotations

from domain.metrics import Measure, colour_band, colour_share, shown_percent


def _done_key(key: str) -> str:
    return key.replace(Measure.READINESS_ACTIVE.value, Measure.READINESS_DONE.value)


def heatmap_colour_band(hm, region_code: str, col) -> tuple[int | None, int | None]:
    """(colour band, started percent) of a `domain.queries.Heatmap` cell; the started percent
    is given only for the readiness view's Käynnissä cells (what their colour is decided on)."""
    cell = hm.cell(region_code, col.key)
    if col.measure is not Measure.READINESS_ACTIVE:
        return cell.band, None
    done = hm.cell(region_code, _done_key(col.key)).share
    share = colour_share(col.measure, cell.share, done)
    return colour_band(col.measure, cell.share, done), (
        shown_percent(share) if done is not None and cell.share is not None else None)


def region_colour_band(rf, workstream_code: str, letter, measure) -> tuple[int | None, int | None]:
    """The same for a `domain.queries.RegionFigures` cell (the region page)."""
    measure = Measure(measure)
    cell = rf.cell(workstream_code, letter, measure)
    if measure is not Measure.READINESS_ACTIVE:
        return cell.band, None
    done = rf.cell(workstream_code, letter, Measure.READINESS_DONE).share
    share = colour_share(measure, cell.share, done)
    return colour_band(measure, cell.share, done), (
        shown_percent(share) if done is not None and cell.share is not None else None)
