"""The briefing pack, built once for two regions with the real browser: the expected files,
slide-sized non-blank PNGs, a zip, and a PowerPoint deck whose summary slide agrees with the
database (counted here straight from the stored figures, independently of the export code)."""
from __future__ import annotations

import io
import zipfile
from collections import Counter

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from sqlalchemy import select

from dashboard.export.pack import build_pack, check_regions
from dashboard.export.slides import UnknownSlide
from dashboard.export.summary import summarise
from domain import db
from domain.metrics import BANDS, Measure, band_of_share, shown_percent
from domain.schema import Figure, Region, Snapshot, Workstream

from .conftest import png_stats

pytestmark = pytest.mark.browser

PERIOD = "2021-12"
REGIONS = ["pirkanmaa", "hus"]
STREAMS = ["htt", "jo", "pj", "yp", "ict"]


def expected_files(period: str, lang: str, regions: list[str]) -> list[str]:
    names = [f"valmiusaste_{period}_{lang}.png", f"eteneminen_{period}_{lang}.png"]
    names += [f"osa-alueet_{ws}_{period}_{lang}.png" for ws in STREAMS]
    names += [f"alue_{code}_{period}_{lang}.png" for code in regions]
    for ws in STREAMS:
        names += [f"trendit_progress_{ws}_{period}_{lang}.png",
                  f"alueluokat_progress_{ws}_{period}_{lang}.png"]
    return names


@pytest.fixture(scope="module")
def pack(export_db, renderer):
    # asked in the "wrong" order: the pack keeps the slides' region order (HUS before Pirkanmaa)
    return build_pack(export_db, PERIOD, "fi", renderer, regions=list(reversed(REGIONS)))


def db_progress(url: str, period: str) -> dict[tuple[str, str], float | None]:
    """(region code, workstream code) -> stored active progress share, straight from SQL."""
    with db.session_factory(url)() as s:
        rows = s.execute(
            select(Region.code, Workstream.code, Figure.share)
            .join(Region, Region.id == Figure.region_id)
            .join(Workstream, Workstream.id == Figure.workstream_id)
            .join(Snapshot, Snapshot.id == Figure.snapshot_id)
            .where(Snapshot.period == period, Figure.active.is_(True),
                   Figure.measure == Measure.PROGRESS.value, Figure.sub_area_id.is_(None)))
        regions = list(s.scalars(select(Region.code)))
        out = {(r, w): None for r in regions for w in STREAMS}
        out.update({(r, w): share for r, w, share in rows})
        return out


def test_pack_has_the_expected_files_in_slide_order(pack):
    order = ["hus", "pirkanmaa"]
    assert list(pack.images) == expected_files(PERIOD, "fi", order)
    assert pack.pptx_filename == "tiedotepaketti_2021-12_fi.pptx"
    assert set(pack.files()) == set(expected_files(PERIOD, "fi", order)) | {pack.pptx_filename}


def test_every_png_is_a_full_slide_and_not_blank(pack):
    for name, png in pack.images.items():
        size, colours, spread = png_stats(png)
        assert size == (1920, 1080), name
        assert colours > 20 and spread > 10, name


def test_zip_holds_the_pack(pack):
    with zipfile.ZipFile(io.BytesIO(pack.zip_bytes())) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
        assert sorted(names) == sorted(f"{pack.name}/{n}" for n in pack.files())
        assert archive.read(f"{pack.name}/valmiusaste_2021-12_fi.png") == pack.images["valmiusaste_2021-12_fi.png"]


def test_pptx_opens_with_one_picture_slide_per_png_after_the_summary(pack, tmp_path):
    path = tmp_path / pack.pptx_filename
    path.write_bytes(pack.pptx)
    deck = Presentation(str(path))
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)  # 16:9
    slides = list(deck.slides)
    assert len(slides) == len(pack.images) + 1
    assert not any(shape.shape_type == MSO_SHAPE_TYPE.PICTURE for shape in slides[0].shapes)
    for slide, (name, png) in zip(slides[1:], pack.images.items()):
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        assert pictures[0].image.blob == png
        assert (pictures[0].width, pictures[0].height) == (deck.slide_width, deck.slide_height)
        assert slide.notes_slide.notes_text_frame.text  # the slide's title for the presenter


def test_summary_slide_counts_equal_the_database(pack, export_db):
    deck = Presentation(io.BytesIO(pack.pptx))
    first = deck.slides[0]
    texts = "\n".join(shape.text_frame.text for shape in first.shapes if shape.has_text_frame)
    assert "Tilannekuva 12/2021 lyhyesti" in texts
    table = next(shape.table for shape in first.shapes if shape.has_table)
    header = [table.cell(0, c).text for c in range(len(table.columns))]
    assert header[1:5] == [b.legend("fi") for b in BANDS] and header[5] == "ei tietoa"

    shares = db_progress(export_db, PERIOD)
    names = dict(zip(STREAMS, ["Hallinto, talous ja tukipalvelut", "Johtaminen ja osaaminen",
                               "Palveluiden järjestäminen", "Yhdyspinnat", "ICT"]))
    for row, ws in enumerate(STREAMS, start=1):
        bands = Counter(band_of_share(shares[(r, w)]) for (r, w) in shares if w == ws)
        assert table.cell(row, 0).text == names[ws]
        assert [int(table.cell(row, c).text) for c in range(1, 5)] == [bands[n] for n in (1, 2, 3, 4)]
        assert int(table.cell(row, 5).text) == bands[None]
        assert int(table.cell(row, 6).text) == 23
    total_row = len(STREAMS) + 1
    assert int(table.cell(total_row, 6).text) == 23 * len(STREAMS)


def test_summary_slide_shapes_fit_the_slide_without_overlapping(pack):
    deck = Presentation(io.BytesIO(pack.pptx))
    boxes = sorted((s.top, s.top + s.height, s.left, s.left + s.width)
                   for s in deck.slides[0].shapes)
    for top, bottom, left, right in boxes:
        assert 0 <= top < bottom <= deck.slide_height and 0 <= left < right <= deck.slide_width
    for (t1, b1, l1, r1), (t2, b2, l2, r2) in zip(boxes, boxes[1:]):
        side_by_side = r1 <= l2 or r2 <= l1
        assert b1 <= t2 or side_by_side


def test_summary_lists_the_largest_changes_since_the_previous_snapshot(pack, export_db):
    now, before = db_progress(export_db, PERIOD), db_progress(export_db, "2021-11")
    deltas = sorted(abs(shown_percent(now[k]) - shown_percent(before[k]))
                    for k in now if now[k] is not None and before[k] is not None
                    and shown_percent(now[k]) != shown_percent(before[k]))
    top = deltas[::-1][:6]
    assert [abs(c.delta) for c in pack.summary.changes] == top
    deck = Presentation(io.BytesIO(pack.pptx))
    texts = "\n".join(s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame)
    assert "Suurimmat muutokset edellisestä tilannekuvasta (11/2021)" in texts
    first = pack.summary.changes[0]
    assert f"{first.region.name_fi} – {first.workstream.name_fi}:" in texts


def test_first_snapshot_has_no_previous_to_compare(export_db):
    with db.session_factory(export_db)() as s:
        summary = summarise(s, "2021-10")
    assert summary.previous is None and summary.changes == []
    assert [row.counts[0] for row in summary.rows] == [1] * 5  # HUS: no data in 10/2021


def test_unknown_region_is_refused_before_any_rendering(export_db):
    with db.session_factory(export_db)() as s:
        with pytest.raises(UnknownSlide) as caught:
            check_regions(s, ["lappi", "narnia"])
    assert "narnia" in caught.value.message("fi") and "lappi" in caught.value.message("fi")
