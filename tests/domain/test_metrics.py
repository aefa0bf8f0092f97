"""The one implementation of percent, band and working days, at its boundaries and as
invariants (hypothesis)."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from domain.metrics import (
    BANDS, band_of_percent, band_of_share, count_statuses, quarter_end, share_of, shown_percent,
    working_days,
)
from domain.vocabulary import Status


@pytest.mark.parametrize("share, percent, band", [
    (24.5, 25, 2), (24.4999, 24, 1), (49.5, 50, 3), (49.4, 49, 2),
    (75.4, 75, 3), (75.5, 76, 4), (0, 0, 1), (100, 100, 4), (36.0, 36, 2),
])
def test_band_is_decided_on_the_shown_percent(share, percent, band):
    assert shown_percent(share) == percent
    assert band_of_share(share) == band


def test_no_data_is_none_never_zero():
    assert shown_percent(None) is None
    assert band_of_share(None) is None
    assert share_of(0, 0) is None
    assert share_of(0, 5) == 0.0


def test_legend_ranges_cover_0_to_100_without_gaps():
    covered = [p for b in BANDS for p in range(b.low, b.high + 1)]
    assert covered == list(range(101))
    assert [b.legend("fi") for b in BANDS] == [
        "Alle 25 % tehtävistä käynnissä / valmiita", "25–49 % tehtävistä käynnissä / valmiita",
        "50–75 % tehtävistä käynnissä / valmiita", "Yli 75 % tehtävistä käynnissä / valmiita"]


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=1, max_value=500))
def test_band_agrees_with_the_printed_number(numerator, denominator):
    numerator = min(numerator, denominator)
    share = share_of(numerator, denominator)
    percent = shown_percent(share)
    assert 0 <= percent <= 100
    assert abs(percent - share) <= 0.5
    band = band_of_share(share)
    assert BANDS[band - 1].low <= percent <= BANDS[band - 1].high


@given(st.lists(st.sampled_from(list(Status)), max_size=200))
def test_not_applicable_tasks_leave_every_denominator(statuses):
    counts = count_statuses(statuses)
    with_more_na = count_statuses(statuses + [Status.NOT_APPLICABLE] * 7)
    assert with_more_na == counts
    assert counts.applicable == sum(s is not Status.NOT_APPLICABLE for s in statuses)
    assert counts.active + counts.done <= counts.applicable
    assert counts.started == sum(s.is_started for s in statuses)


@given(st.floats(min_value=0, max_value=100, allow_nan=False))
def test_shown_percent_rounds_half_up(share):
    percent = shown_percent(share)
    assert percent - 0.5 <= share < percent + 0.5 or share == percent + 0.5 - 1e-12


def test_working_days_of_the_slide():
    # "Järjestämisvastuun siirtoon 269 arkipäivää" on the slides of 9.12.2021.
    assert working_days(dt.date(2021, 12, 9), dt.date(2023, 1, 1)) == 269


def test_working_days_skip_weekends_and_holidays():
    assert working_days(dt.date(2022, 12, 23), dt.date(2022, 12, 28)) == 2  # 23.12 and 27.12
    assert working_days(dt.date(2022, 6, 23), dt.date(2022, 6, 27)) == 1  # juhannusaatto off
    assert working_days(dt.date(2023, 1, 1), dt.date(2022, 1, 1)) == 0


@pytest.mark.parametrize("period, end", [
    ("2021-10", dt.date(2021, 12, 31)), ("2022-01", dt.date(2022, 3, 31)),
    ("2022-06", dt.date(2022, 6, 30)), ("2022-08", dt.date(2022, 9, 30)),
])
def test_progress_looks_at_tasks_due_by_the_quarters_end(period, end):
    assert quarter_end(period) == end


def test_band_of_percent_edges():
    assert [band_of_percent(p) for p in (24, 25, 49, 50, 75, 76)] == [1, 2, 2, 3, 3, 4]


def test_monthly_periods_cross_the_year():
    from domain.metrics import month_periods, next_period

    assert next_period("2021-12") == "2022-01"
    assert month_periods("2021-11", 4) == ["2021-11", "2021-12", "2022-01", "2022-02"]
