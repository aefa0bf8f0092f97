"""The view state of every page lives in the URL, so a coordinator can send a link that opens
the same view. This module parses a query string into a `State` and writes it back; anything
unknown or malformed falls back to the default (a hand-edited link never crashes a page).
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Callable
from urllib.parse import parse_qs, urlencode

from domain.i18n import DEFAULT_LANG, LANGS
from domain.metrics import Measure, View, period_of

SORTS = ("slide", "value")
TREND_MEASURES = tuple(m.value for m in Measure)


@dataclass(frozen=True)
class State:
    period: str | None = None  # snapshot 'YYYY-MM'; None: the latest snapshot
    view: str = View.READINESS.value  # overview heatmap: readiness | progress | subareas
    workstream: str | None = None  # sub-area view, trends, region trend
    measure: str = Measure.PROGRESS.value  # trends and region trend
    highlight: str | None = None  # trends: region drawn in strong blue
    lang: str = DEFAULT_LANG
    sort: str = "slide"
    deltas: bool = False
    late: bool = False  # region page: only late tasks

    def replace(self, **changes) -> "State":
        return replace(self, **changes)


DEFAULT = State()
_BOOL_TRUE = {"1", "true", "yes", "on"}


def _one(params: dict[str, list[str]], key: str) -> str | None:
    values = params.get(key)
    return values[-1].strip() if values and values[-1].strip() else None


def _valid_period(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        period_of(value)
    except (ValueError, TypeError):
        return None
    return value


def _code(value: str | None) -> str | None:
    # Region and workstream codes are short lowercase slugs; anything else is ignored.
    if value and len(value) <= 40 and all(ch.isalnum() or ch in "-_" for ch in value):
        return value.lower()
    return None


def parse(search: str | None) -> State:
    """'?period=2021-10&view=progress&lang=sv' -> State (defaults for missing or bad values)."""
    params = parse_qs((search or "").lstrip("?"), keep_blank_values=False)
    view = _one(params, "view")
    measure = _one(params, "measure")
    lang = _one(params, "lang")
    sort = _one(params, "sort")
    return State(
        period=_valid_period(_one(params, "period")),
        view=view if view in {v.value for v in View} else DEFAULT.view,
        workstream=_code(_one(params, "workstream")),
        measure=measure if measure in TREND_MEASURES else DEFAULT.measure,
        highlight=_code(_one(params, "highlight")),
        lang=lang if lang in LANGS else DEFAULT_LANG,
        sort=sort if sort in SORTS else DEFAULT.sort,
        deltas=(_one(params, "deltas") or "").lower() in _BOOL_TRUE,
        late=(_one(params, "late") or "").lower() in _BOOL_TRUE,
    )


# Which parameters each page writes, so links stay short and say only what matters there.
PAGE_KEYS = {
    "overview": ("period", "view", "workstream", "sort", "deltas", "lang"),
    "region": ("period", "measure", "workstream", "late", "lang"),
    "trends": ("measure", "workstream", "highlight", "lang"),
}


def to_search(state: State, keys: tuple[str, ...] | None = None) -> str:
    """State -> '?period=…&…' with only non-default values (period always when set)."""
    keys = keys or tuple(f.name for f in fields(State))
    pairs = []
    for key in keys:
        value = getattr(state, key)
        if key != "period" and value == getattr(DEFAULT, key):
            continue
        if value is None or value is False:
            continue
        pairs.append((key, "1" if value is True else str(value)))
    return f"?{urlencode(pairs)}" if pairs else ""


def href(path: str, state: State, page: str | None = None) -> str:
    return path + to_search(state, PAGE_KEYS.get(page) if page else None)


REGION_PREFIX = "/alue/"
TRENDS_PATH = "/trendit"
OVERVIEW_PATH = "/"


def overview_href(state: State) -> str:
    return href(OVERVIEW_PATH, state, "overview")


def region_href(code: str, state: State) -> str:
    return href(REGION_PREFIX + code, state, "region")


def region_hrefs(state: State) -> Callable[[str], str]:
    """`region_href` of one state for many regions (the overview's 368 rows): the query string
    is written once."""
    search = to_search(state, PAGE_KEYS["region"])
    return lambda code: REGION_PREFIX + code + search


def trends_href(state: State) -> str:
    return href(TRENDS_PATH, state, "trends")
