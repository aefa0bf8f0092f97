"""The export on the demo built by the real loaders: the real 10/21 slide's numbers come out
on the exported slide, and the pack's summary agrees with the stored figures."""
from __future__ import annotations

import csv

import pytest

from dashboard.export import slides
from dashboard.export.summary import summarise
from domain import db
from domain.i18n import NBSP
from loaders.reference_tables import SHIPPED_CSV_DIR as REFERENCE_CSV_DIR

from .conftest import png_stats

pytestmark = pytest.mark.browser


def csv_rows(name: str) -> list[list[str]]:
    with open(REFERENCE_CSV_DIR / name, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def cell_texts(slide) -> list[list[str]]:
    heat = next(t for t in slide.figure["data"] if t.get("type") == "heatmap")
    return [list(row) for row in heat["text"]]


def test_real_10_21_progress_slide_prints_the_published_numbers(demo_db):
    with db.session_factory(demo_db)() as s:
        slide = slides.overview_slide(s, "2021-10", "progress", "fi")
    rows = csv_rows("progress.csv")
    counts = rows[1][1:]
    expected = [[f"{v}{NBSP}%" if v else "ei tietoa" for v in row[1:]] for row in rows[2:]]
    assert cell_texts(slide) == expected
    assert [a["text"] for a in slide.figure["layout"]["annotations"]
            if a.get("text", "").isdigit()] == counts  # "Tehtävien lkm yht." 69, 30, 17, 20, 55
    hus = [r[0] for r in rows[2:]].index("HUS")
    assert set(cell_texts(slide)[hus]) == {"ei tietoa"}


def test_real_10_21_readiness_slide_renders(demo_db, renderer):
    with db.session_factory(demo_db)() as s:
        slide = slides.overview_slide(s, "2021-10", "readiness", "sv")
    rows = csv_rows("readiness.csv")
    # Swedish "alphabetical" order follows the Swedish names: find Etelä-Karjala's row
    i = slide.figure["layout"]["meta"]["regions"].index("etela-karjala")
    assert cell_texts(slide)[i] == [f"{v}{NBSP}%" for v in rows[1][1:]]  # Etelä-Karjala
    assert slide.title.endswith("(10/2021)") and "Beredskapsgraden" in slide.title
    size, colours, spread = png_stats(renderer.render(slide.figure))
    assert size == (1920, 1080) and colours > 20 and spread > 10


def test_summary_of_the_first_synthetic_month_against_the_real_one(demo_db):
    with db.session_factory(demo_db)() as s:
        summary = summarise(s, "2021-11")
        before = slides.overview_slide(s, "2021-10", "progress", "fi")
        now = slides.overview_slide(s, "2021-11", "progress", "fi")
    assert summary.previous.period == "2021-10"
    assert [row.total for row in summary.rows] == [23] * 5
    # every listed change is a real difference between the two slides' printed cells
    regions = [r for r in now.figure["layout"]["meta"]["regions"]]
    columns = now.figure["layout"]["meta"]["columns"]
    old, new = cell_texts(before), cell_texts(now)
    for change in summary.changes:
        r = regions.index(change.region.code)
        c = columns.index(f"{change.workstream.code}:progress")
        assert old[r][c] == f"{change.before}{NBSP}%" and new[r][c] == f"{change.after}{NBSP}%"
    assert abs(summary.changes[0].delta) >= abs(summary.changes[-1].delta)
