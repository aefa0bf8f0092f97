"""Limits of one cell and of an OpenDocument sheet's declared cells (issue 9, leftovers)."""
from __future__ import annotations

import io
import zipfile

import pytest
from upload_helpers import filled_sheet

from domain import db
from loaders.common import ValidationFailed
from loaders.file_safety import MAX_CELL_CHARS, UnsafeFile, check_upload
from loaders.status_sheet import read_status_sheet


def _with_note(url: str, length: int) -> bytes:
    """The real template with a note of `length` ASCII characters. openpyxl cuts text at
    32 767 characters when writing, so a longer note is put into the XML part directly (as
    another program, or an attacker, would write it)."""
    marker = "Q" * MAX_CELL_CHARS

    def edit(ws, header_row, columns):
        ws.cell(header_row + 1, columns["Huomiot"]).value = marker
    data = filled_sheet(url, "kainuu", "2021-11", edit=edit)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info).replace(
                marker.encode(), b"Q" * length))
    return out.getvalue()


def test_a_cell_over_excels_32767_characters_is_a_normal_problem(upload_db):
    data = _with_note(upload_db, 40_000)
    check_upload(data, "kainuu.xlsx")  # the streaming scan only bounds bytes: this passes
    with db.session_factory(upload_db)() as session, pytest.raises(ValidationFailed) as failed:
        read_status_sheet(session, data)
    problems = [p for p in failed.value.problems if p.message == "security.cell_text_too_long"]
    assert len(problems) == 1 and failed.value.count == 1
    problem = problems[0]
    assert problem.sheet and problem.row and problem.column == "Huomiot"
    fi, sv, en = (problem.render(lang) for lang in ("fi", "sv", "en"))
    assert "40\u00a0000" in fi and "32\u00a0767" in fi and "rivi" in fi.lower()
    assert "32\u00a0767" in sv and "tecken" in sv
    assert "32\u00a0767" in en and "characters" in en
    assert all(len(text) < 400 for text in (fi, sv, en))  # a short quote, never the value


def test_a_cell_of_exactly_32767_characters_is_accepted(upload_db):
    data = _with_note(upload_db, MAX_CELL_CHARS)
    with db.session_factory(upload_db)() as session:
        parsed = read_status_sheet(session, data)
    assert any(note and len(note) == MAX_CELL_CHARS for _, note in parsed.statuses.values())


# --- OpenDocument: one tag may declare millions of cells ------------------------------------

_ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
    'office:version="1.3"><office:body><office:spreadsheet>'
    '<table:table table:name="Taulukko1" table:style-name="ta1">'
    '<table:table-column table:style-name="co1" table:number-columns-repeated="16384" '
    'table:default-cell-style-name="Default"/>')
_ODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"


def _cell(text: str, repeat: int = 1) -> str:
    times = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return (f'<table:table-cell office:value-type="string" calcext:value-type="string"{times}>'
            f"<text:p>{text}</text:p></table:table-cell>")


def _ods(rows: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument."
                         "spreadsheet", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?>'
                         '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
                         'xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry '
                         'manifest:full-path="/" manifest:media-type="application/vnd.oasis.'
                         'opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
                         '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
        archive.writestr("content.xml", _ODS_HEAD + rows + _ODS_TAIL)
    return out.getvalue()


def libreoffice_like_ods() -> bytes:
    """400 filled rows as LibreOffice saves them: each row ends with one repeat of the empty
    cells up to column XFD, and the sheet ends with one repeat of ~a million empty rows."""
    rows = []
    for r in range(400):
        rows.append('<table:table-row table:style-name="ro1">' + _cell(f"T{r}") + _cell("Valmis")
                    + '<table:table-cell table:number-columns-repeated="2"/>'
                    + _cell("huomio")
                    + '<table:table-cell table:style-name="ce1" '
                      'table:number-columns-repeated="16379"/></table:table-row>')
    rows.append('<table:table-row table:style-name="ro1" table:number-rows-repeated="1048176">'
                '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>')
    return _ods("".join(rows))


def test_a_libreoffice_saved_ods_with_big_empty_repeats_passes():
    data = libreoffice_like_ods()
    check_upload(data, "kainuu.ods")
    from loaders.sheet_values import Workbook

    book = Workbook(data)
    sheet = book.read(book.sheets[0], nrows=5)
    assert sheet.rows[0][:2] == ["T0", "Valmis"]


@pytest.mark.parametrize("rows", [
    # one filled row of 16 384 cells, repeated a million times: 17 billion cells
    '<table:table-row table:number-rows-repeated="1048576">' + _cell("x", 16384)
    + "</table:table-row>",
    # 40 rows, each one filled cell repeated 100 000 times (4 million cells, 40 rows)
    ('<table:table-row>' + _cell("x", 100_000) + "</table:table-row>") * 40,
    # one filled cell in a row repeated 50 000 times (more rows than any regional sheet)
    '<table:table-row table:number-rows-repeated="50000">' + _cell("x") + "</table:table-row>",
])
def test_an_ods_that_expands_to_millions_of_filled_cells_is_refused(rows):
    import time
    import tracemalloc

    data = _ods(rows)
    assert len(data) < 20_000
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(UnsafeFile) as refused:
        check_upload(data, "kainuu.ods")
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert refused.value.key == "upload.file.too_many_rows"
    assert peak < 20 * 1024 * 1024 and elapsed < 5  # bounded: nothing is expanded
