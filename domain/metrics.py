"""The readiness measures, the four colour bands and the working-day count: one implementation.

Every page, export, CLI table and test goes through these functions, so a cell's number, its
colour and its band never disagree anywhere.
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from functools import lru_cache
from typing import Iterable, Mapping

from .vocabulary import Status


class Measure(str, Enum):
    """What a stored figure measures."""

    READINESS_ACTIVE = "readiness_active"  # share of all applicable tasks käynnissä
    READINESS_DONE = "readiness_done"  # share of all applicable tasks valmis
    PROGRESS = "progress"  # share of tasks due by the quarter's end that are started or done


class View(str, Enum):
    """The three heatmaps of the official slides."""

    READINESS = "readiness"
    PROGRESS = "progress"
    SUBAREAS = "subareas"


# --- percent and band ---------------------------------------------------------------------

def shown_percent(share: float | None) -> int | None:
    """The whole percent printed in a cell (0–100), rounded half up; None stays None."""
    if share is None:
        return None
    return _shown_percent(share)


def shown_percents(shares) -> list[int | None]:
    """`shown_percent` of many shares (a trend line: 368 organisations × 36 months a page)."""
    return [None if share is None else _shown_percent(share) for share in shares]


@lru_cache(maxsize=65536)
def _shown_percent(share: float) -> int:
    """Cached: a 368-organisation overview rounds ~15 000 shares per request, most repeated."""
    return int(Decimal(repr(float(share))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def share_of(numerator: int, denominator: int) -> float | None:
    """Exact share in percent; no applicable tasks is no data, never 0."""
    if denominator <= 0:
        return None
    return 100.0 * numerator / denominator


@dataclass(frozen=True)
class Band:
    number: int
    low: int  # inclusive, on the shown whole percent
    high: int  # inclusive
    # ColorBrewer RdYlBu hues (colour-blind safe): red → orange → yellow → blue, each light enough
    # for black text (contrast ≥ 5:1), and band 1 and band 4 differ in lightness too.
    colour: str
    text_colour: str
    legend_fi: str
    legend_sv: str
    legend_en: str

    def legend(self, lang: str = "fi") -> str:
        return getattr(self, f"legend_{lang}")


BANDS: tuple[Band, ...] = (
    Band(1, 0, 24, "#E04B35", "#000000", "Alle 25 % tehtävistä käynnissä / valmiita",
         "Under 25 % av uppgifterna pågår / klara", "Under 25% of tasks in progress / done"),
    Band(2, 25, 49, "#FDAE61", "#000000", "25–49 % tehtävistä käynnissä / valmiita",
         "25–49 % av uppgifterna pågår / klara", "25–49% of tasks in progress / done"),
    Band(3, 50, 75, "#FEE090", "#000000", "50–75 % tehtävistä käynnissä / valmiita",
         "50–75 % av uppgifterna pågår / klara", "50–75% of tasks in progress / done"),
    Band(4, 76, 100, "#74ADD1", "#000000", "Yli 75 % tehtävistä käynnissä / valmiita",
         "Över 75 % av uppgifterna pågår / klara", "Over 75% of tasks in progress / done"),
)
NO_DATA_COLOUR = "#D9D9D9"


def band_of_percent(percent: int | None) -> int | None:
    """Band 1–4 of a *shown* whole percent (the legend's ranges)."""
    if percent is None:
        return None
    for band in BANDS:
        if percent <= band.high:
            return band.number
    return BANDS[-1].number


def band_of_share(share: float | None) -> int | None:
    """The band is decided on the shown number, so colour and number always agree."""
    return band_of_percent(shown_percent(share))


def band(number: int) -> Band:
    return BANDS[number - 1]


def colour_share(measure: "Measure | str", share: float | None,
                 done_share: float | None = None) -> float | None:
    """The share a cell's *colour* is decided on: the one colour rule of pages, slides and files.

    Every cell is coloured by its own shown number, except the readiness view's *Käynnissä*
    cell: it is coloured by the share of tasks **started** (käynnissä or valmis), so a nearly
    done region (11 % käynnissä, 88 % valmis) shows as band 4, not as an alarming band 1. The
    printed number stays the share käynnissä (the 10/2021 slides' numbers are unchanged); the
    legend says what the colour means. `done_share` is the same workstream's *Valmis* share."""
    if share is None:
        return None
    if Measure(measure) is Measure.READINESS_ACTIVE and done_share is not None:
        return min(100.0, float(share) + float(done_share))
    return share


def colour_band(measure: "Measure | str", share: float | None,
                done_share: float | None = None) -> int | None:
    """Band 1–4 of a cell's colour (None: no data), see `colour_share`."""
    return band_of_share(colour_share(measure, share, done_share))


# --- counting tasks -----------------------------------------------------------------------

@dataclass(frozen=True)
class Counts:
    """Task counts behind one cell."""

    applicable: int = 0
    active: int = 0
    done: int = 0

    @property
    def started(self) -> int:
        return self.active + self.done


def count_statuses(statuses: Iterable[Status]) -> Counts:
    # counted per distinct status (five at most), then the rules: an import counts ~400
    # statuses in ~70 groups
    return counts_of(Counter(statuses))


def counts_of(tally: Mapping[Status, int]) -> Counts:
    """The counts of a tally {status: how many tasks}."""
    applicable = active = done = 0
    for status, n in tally.items():
        if not status.is_applicable:
            continue
        applicable += n
        active += n * status.is_active
        done += n * status.is_done
    return Counts(applicable, active, done)


# --- calendar -----------------------------------------------------------------------------

def period_of(value: str) -> tuple[int, int]:
    """'2021-10' -> (2021, 10); raises ValueError for anything else."""
    text = str(value).strip()
    if len(text) != 7 or text[4] != "-":
        raise ValueError(text)
    year, month = int(text[:4]), int(text[5:])
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise ValueError(text)
    return year, month


def next_period(period: str) -> str:
    """'2021-12' -> '2022-01'."""
    year, month = period_of(period)
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return f"{year:04d}-{month:02d}"


def month_periods(first: str, count: int) -> list[str]:
    """`count` consecutive monthly periods from `first`."""
    periods = [first]
    while len(periods) < count:
        periods.append(next_period(periods[-1]))
    return periods


def quarter_end(period: str) -> dt.date:
    """Last day of the quarter a 'YYYY-MM' period falls in: progress looks at tasks due by then."""
    year, month = period_of(period)
    last_month = ((month - 1) // 3 + 1) * 3
    return dt.date(year, last_month, calendar.monthrange(year, last_month)[1])


def quarter_label(date: dt.date) -> str:
    return f"Q{(date.month - 1) // 3 + 1}/{date.year}"


@lru_cache(maxsize=8)
def _finnish_holidays(first_year: int, last_year: int) -> frozenset[dt.date]:
    # `holidays` keeps Finland's calendar, Christmas Eve and Midsummer Eve included. Imported
    # here: it takes ~50 ms and only the dashboards need it, not every command.
    import holidays

    return frozenset(holidays.Finland(years=range(first_year, last_year + 1)).keys())


def working_days(start: dt.date, end: dt.date) -> int:
    """Working days from start (inclusive) to end (exclusive), weekends and Finnish public
    holidays left out: 9.12.2021 → 1.1.2023 gives the slide's 269."""
    if end <= start:
        return 0
    off = _finnish_holidays(start.year, end.year)
    days = 0
    day = start
    while day < end:
        if day.weekday() < 5 and day not in off:
            days += 1
        day += dt.timedelta(days=1)
    return days
