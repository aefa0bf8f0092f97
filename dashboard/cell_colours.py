"""A heatmap cell's colour band from `domain.metrics.colour_band` (the one colour rule), looked
up in the query results the pages, slides and downloads share."""
from __future__ import annotations

from domain.metrics import Measure, colour_band, colour_share, shown_percent


def done_key(key: str) -> str:
    """The Valmis column's key of a readiness view's Käynnissä column."""
    return key.replace(Measure.READINESS_ACTIVE.value, Measure.READINESS_DONE.value)


def heatmap_colour_band(hm, region_code: str, col) -> tuple[int | None, int | None]:
    """(colour band, started percent) of a `domain.queries.Heatmap` cell; the started percent
    is given only for the readiness view's Käynnissä cells (what their colour is decided on)."""
    cell = hm.cell(region_code, col.key)
    if col.measure is not Measure.READINESS_ACTIVE:
        return cell.band, None
    return active_colour_band(cell.share, hm.cell(region_code, done_key(col.key)).share)


def active_colour_band(share: float | None, done: float | None) -> tuple[int | None, int | None]:
    """(colour band, started percent) of a readiness view's Käynnissä cell from its own share
    and its workstream's Valmis share."""
    band = colour_band(Measure.READINESS_ACTIVE, share, done)  # the one colour rule
    if done is None or share is None:
        return band, None
    return band, shown_percent(colour_share(Measure.READINESS_ACTIVE, share, done))


def region_colour_band(rf, workstream_code: str, letter, measure) -> tuple[int | None, int | None]:
    """The same for a `domain.queries.RegionFigures` cell (the region page)."""
    measure = Measure(measure)
    cell = rf.cell(workstream_code, letter, measure)
    if measure is not Measure.READINESS_ACTIVE:
        return cell.band, None
    return active_colour_band(cell.share,
                              rf.cell(workstream_code, letter, Measure.READINESS_DONE).share)
