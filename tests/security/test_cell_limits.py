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
