"""The briefing pack: every slide of a snapshot as PNG, in a zip, plus a PowerPoint deck.

Slides: the overview's three views (readiness, progress, and the sub-areas of every
workstream), every region's page figure, and the trends (regions over the snapshots, and
regions per band) of every workstream's progress. The deck (python-pptx, 16:9) has one picture
per slide after a first, editable slide that summarises the snapshot.
"""
from __future__ import annotations

import io
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Pt
from sqlalchemy.orm import Session

from domain import db, queries
from domain.i18n import format_percent, format_period, format_signed, localized, t
from domain.metrics import BANDS, NO_DATA_COLOUR, View

from . import slides as slide_mod
from .renderer import SlideRenderer
from .slides import Slide, UnknownSlide
from .summary import SnapshotSummary, summarise

PACK_STEM = "tiedotepaketti"
# 16:9 at PowerPoint's default widescreen size (13.333 in × 7.5 in)
DECK_WIDTH = Emu(12192000)
DECK_HEIGHT = Emu(6858000)


@dataclass
class BriefingPack:
    period: str
    lang: str
    slides: list[Slide]
    images: dict[str, bytes]  # file name -> PNG, in slide order
    summary: SnapshotSummary
    pptx: bytes | None = None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{PACK_STEM}_{self.period}_{self.lang}"

    @property
    def pptx_filename(self) -> str:
        return f"{self.name}.pptx"

    def files(self) -> dict[str, bytes]:
        out = dict(self.images)
        if self.pptx is not None:
            out[self.pptx_filename] = self.pptx
        return out

    def zip_bytes(self) -> bytes:
        buffer = io.BytesIO()
        # PNGs and pptx are compressed already: store them, don't spend CPU deflating again.
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            for name, data in self.files().items():
                archive.writestr(f"{self.name}/{name}", data)
        return buffer.getvalue()

    def write(self, out_dir: str | Path) -> list[Path]:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, data in self.files().items():
            path = out / name
            path.write_bytes(data)
            written.append(path)
        return written


def check_regions(session: Session, codes: Sequence[str] | None) -> list[str]:
    """The regions to include, in the slides' order; unknown codes are an error listing the
    allowed ones."""
    known = [r.code for r in queries.regions(session)]
    if not codes:
        return known
    wanted = [c.strip().lower() for c in codes if c and c.strip()]
    for code in wanted:
        if code not in known:
            raise UnknownSlide("export.error.unknown_region", value=code, allowed=", ".join(known))
    return [c for c in known if c in wanted]


def iter_pack_slides(session: Session, period: str, lang: str = "fi",
                     regions: Sequence[str] | None = None) -> Iterator[Slide]:
    """Every slide of the pack, in the deck's order, made one at a time."""
    codes = check_regions(session, regions)
    streams = [w.code for w in queries.workstreams(session)]
    yield slide_mod.overview_slide(session, period, View.READINESS, lang)
    yield slide_mod.overview_slide(session, period, View.PROGRESS, lang)
    for ws in streams:
        yield slide_mod.overview_slide(session, period, View.SUBAREAS, lang, ws)
    for code in codes:
        yield slide_mod.region_slide(session, period, code, lang)
    for ws in streams:
        yield slide_mod.trend_slide(session, period, ws, lang, kind="trend")
        yield slide_mod.trend_slide(session, period, ws, lang, kind="bands")


def pack_slides(session: Session, period: str, lang: str = "fi",
                regions: Sequence[str] | None = None) -> list[Slide]:
    return list(iter_pack_slides(session, period, lang, regions))


def build_pack(db_url: str | None, period: str, lang: str, renderer: SlideRenderer, *,
               regions: Sequence[str] | None = None, with_pptx: bool = True,
               progress: Callable[[str], None] | None = None) -> BriefingPack:
    """Figures from the database, rendered in one batch by the kept browser, then the deck."""
    say = progress or (lambda _msg: None)
    timings: dict[str, float] = {}
    began = time.perf_counter()
    slides: list[Slide] = []

    def figures_as_made(session):
        # Generator: each slide's figure goes to the browser while the next one is made.
        for slide in iter_pack_slides(session, period, lang, regions):
            slides.append(slide)
            yield slide.figure

    with db.session_factory(db_url)() as session:
        if queries.snapshot(session, period) is None:
            available = ", ".join(s.period for s in queries.snapshots(session)) or "–"
            raise UnknownSlide("export.error.no_snapshot", period=period, available=available)
        check_regions(session, regions)  # fail on a bad code before the browser starts
        summary = summarise(session, period)
        pngs = renderer.render_many(figures_as_made(session))
    timings["figures+render"] = time.perf_counter() - began
    say(f"{len(slides)} slides")
    images = {s.filename: png for s, png in zip(slides, pngs)}
    pack = BriefingPack(period, lang, slides, images, summary, timings=timings)
    if with_pptx:
        began = time.perf_counter()
        pack.pptx = build_pptx(pack)
        timings["pptx"] = time.perf_counter() - began
    return pack


# --- PowerPoint --------------------------------------------------------------------------

def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def _text(slide, left, top, width, height, text: str, size: int, *, bold: bool = False,
          colour: str = "#1A1A1A"):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE  # shrink rather than overflow the slide
    lines = text.split("\n")
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = _rgb(colour)
    return box


def _cell(cell, text: str, size: int, *, fill: str | None = None, bold: bool = False,
          align=PP_ALIGN.CENTER) -> None:
    cell.text = ""
    paragraph = cell.text_frame.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = _rgb("#000000")
    if fill is not None:
        cell.fill.solid()
        cell.fill.fore_color.rgb = _rgb(fill)


def summary_slide(prs: Presentation, summary: SnapshotSummary, lang: str) -> None:
    """Editable first slide: a band-count table per workstream and the largest changes."""
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    snap = summary.snapshot
    margin = Emu(457200)  # 0.5 in
    width = DECK_WIDTH - 2 * margin
    period = format_period(snap.period, lang)
    _text(slide, margin, Emu(228600), width, Emu(594360),
          t("export.summary.title", lang, period=period), 32, bold=True)
    _text(slide, margin, Emu(822960), width, Emu(365760),
          slide_mod.subtitle_text(snap, lang), 16, colour="#3A3F45")

    _text(slide, margin, Emu(1234440), width, Emu(365760),
          t("export.summary.bands_heading", lang), 18, bold=True)
    rows, cols = len(summary.rows) + 2, len(BANDS) + 3
    header_height, row_height = Emu(685800), Emu(329184)  # 0.75 in (wrapped band wording), 0.36 in
    table_top = Emu(1600200)
    table_height = header_height + row_height * (rows - 1)
    table = slide.shapes.add_table(rows, cols, margin, table_top, width, table_height).table
    table.rows[0].height = header_height
    for r in range(1, rows):
        table.rows[r].height = row_height
    table.columns[0].width = Emu(2743200)
    rest = (width - table.columns[0].width) // (cols - 1)
    for i in range(1, cols):
        table.columns[i].width = rest
    _cell(table.cell(0, 0), t("workstream", lang), 12, bold=True, align=PP_ALIGN.LEFT)
    for i, band in enumerate(BANDS, start=1):
        _cell(table.cell(0, i), band.legend(lang), 10, fill=band.colour, bold=True)
    _cell(table.cell(0, len(BANDS) + 1), t("no_data", lang), 10, fill=NO_DATA_COLOUR, bold=True)
    _cell(table.cell(0, len(BANDS) + 2), t("export.summary.total", lang), 10, bold=True)
    for r, row in enumerate(summary.rows, start=1):
        _cell(table.cell(r, 0), localized(row.workstream, lang), 13, align=PP_ALIGN.LEFT)
        for i in range(1, len(BANDS) + 1):
            _cell(table.cell(r, i), str(row.counts[i]), 14)
        _cell(table.cell(r, len(BANDS) + 1), str(row.counts[0]), 14)
        _cell(table.cell(r, len(BANDS) + 2), str(row.total), 14)
    last = rows - 1
    _cell(table.cell(last, 0), t("export.summary.total", lang), 13, bold=True,
          align=PP_ALIGN.LEFT)
    for i in range(1, len(BANDS) + 3):
        if i <= len(BANDS):
            value = sum(row.counts[i] for row in summary.rows)
        elif i == len(BANDS) + 1:
            value = sum(row.counts[0] for row in summary.rows)
        else:
            value = sum(row.total for row in summary.rows)
        _cell(table.cell(last, i), str(value), 14, bold=True)

    top = table_top + table_height + Emu(274320)
    if summary.previous is None:
        heading, lines = None, [t("export.summary.no_previous", lang)]
    else:
        heading = t("export.summary.changes_heading", lang,
                    previous=format_period(summary.previous.period, lang))
        lines = [t("export.summary.change_line", lang, region=localized(c.region, lang),
                   workstream=localized(c.workstream, lang),
                   before=format_percent(c.before, lang), after=format_percent(c.after, lang),
                   delta=format_signed(c.delta, lang))
                 for c in summary.changes] or [t("export.summary.no_changes", lang)]
    if heading:
        _text(slide, margin, top, width, Emu(365760), heading, 18, bold=True)
        top += Emu(365760)
    half = (len(lines) + 1) // 2
    column_width = width // 2
    for i, chunk in enumerate((lines[:half], lines[half:])):
        if chunk:
            _text(slide, margin + i * column_width, top, column_width - Emu(91440),
                  DECK_HEIGHT - Emu(548640) - top, "\n".join(f"• {line}" for line in chunk), 12)
    _text(slide, margin, DECK_HEIGHT - Emu(457200), width, Emu(320040),
          slide_mod.source_text(snap, lang), 11, colour="#4A4F55")
    slide.notes_slide.notes_text_frame.text = t("export.summary.title", lang, period=period)


def build_pptx(pack: BriefingPack) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = DECK_WIDTH, DECK_HEIGHT
    summary_slide(prs, pack.summary, pack.lang)
    for s in pack.slides:
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        picture = slide.shapes.add_picture(io.BytesIO(pack.images[s.filename]), 0, 0,
                                           width=DECK_WIDTH, height=DECK_HEIGHT)
        # the slide title as alt text and speaker note: screen readers and the presenter
        picture._element.nvPicPr.cNvPr.set("descr", s.title)  # noqa: SLF001
        picture.name = s.name
        slide.notes_slide.notes_text_frame.text = s.title
    prs.core_properties.title = t("export.summary.title", pack.lang,
                                  period=format_period(pack.period, pack.lang))
    prs.core_properties.subject = t("app.title", pack.lang)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


__all__ = ["BriefingPack", "build_pack", "build_pptx", "check_regions", "pack_slides",
           "summary_slide"]
