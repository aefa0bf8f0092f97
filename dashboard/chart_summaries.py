"""Accessible names and summaries of the charts (their figcaptions): what the chart shows and
its latest values, in words, so the chart is understood without seeing it."""
from __future__ import annotations

from domain.i18n import format_percent, format_period, localized, t

from . import figures


def _span(series, lang: str) -> tuple[str, str]:
    periods = series.periods
    if not periods:
        return "", ""
    return format_period(periods[0], lang), format_period(periods[-1], lang)


def _median(series, lang: str) -> str:
    if not series.national:
        return t("a11y.chart.empty", lang)
    pct = figures.shown_percent_or_none(series.national[-1].median)
    return format_percent(pct, lang, no_data=t("a11y.chart.empty", lang))


def trend_lines(series, lang: str) -> str:
    first, last = _span(series, lang)
    return t("a11y.chart.trend_lines", lang, measure=figures.measure_label(series.measure, lang),
             workstream=localized(series.workstream, lang), first=first, last=last,
             median=_median(series, lang))


def band_counts(series, lang: str) -> str:
    first, last = _span(series, lang)
    return t("a11y.chart.band_counts", lang, first=first, last=last)


def region_trend(series, region_code: str, lang: str) -> str:
    first, last = _span(series, lang)
    region = next((r for r in series.regions if r.code == region_code), None)
    values = [p for p in series.percents(region_code) if p is not None]
    return t("a11y.chart.region_trend", lang,
             region=localized(region, lang) if region is not None else region_code,
             measure=figures.measure_label(series.measure, lang),
             workstream=localized(series.workstream, lang), first=first, last=last,
             value=format_percent(values[-1], lang) if values else t("a11y.chart.empty", lang),
             median=_median(series, lang))
