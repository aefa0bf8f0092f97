"""Property tests: every way people write the same whole percent reads back as that percent,
and the band the dashboards show for it is the legend's."""
from __future__ import annotations

from hypothesis import given, strategies as st

from domain.metrics import band_of_share
from loaders.sheet_cells import PercentError, parse_percent

PERCENTS = st.integers(min_value=0, max_value=100)


@given(PERCENTS, st.sampled_from(["{p} %", "{p}%", "{p}\u00a0%", " {p} ", "{p}", "{p},0 %"]))
def test_text_styles(percent, style):
    assert parse_percent(style.format(p=percent)) == percent


@given(PERCENTS, st.sampled_from(["0%", "0 %", "0.0%", "0.00%"]))
def test_fractions_with_percent_format(percent, fmt):
    share = parse_percent(percent / 100, fmt)
    assert abs(share - percent) < 1e-9
    assert band_of_share(share) == (1 if percent <= 24 else 2 if percent <= 49 else 3 if percent <= 75 else 4)


@given(st.one_of(st.integers(min_value=101, max_value=10**6), st.integers(max_value=-1)))
def test_out_of_range_numbers_rejected(number):
    try:
        parse_percent(number)
    except PercentError as error:
        assert error.reason == "range"
    else:
        raise AssertionError(number)
