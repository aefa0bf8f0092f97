"""Files that cost a careless server a lot while looking small: a 1.2 MB workbook hiding a
95 MB cell, and a million cells written with whitespace inside their tags. Made for real with
zipfile (streamed, so the test itself stays light)."""
from __future__ import annotations

import io
import random
import zipfile

NS = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def _base() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tilannekuva"
    ws["A1"], ws["B1"] = "Alue", "Kainuu"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _with_sheet(write_sheet) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_base())) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(info.filename, zin.read(info.filename))
                continue
            with zout.open(info.filename, "w", force_zip64=True) as handle:
                write_sheet(handle)
    return out.getvalue()


def hidden_large_cell_xlsx(cell_mb: int = 95) -> bytes:
    """An inline-string cell of `cell_mb` MB of text, compressing about 80:1 (under the zip
    ratio limit of 200), so the file is ~1.2 MB."""
    rng = random.Random(9)
    letters = b"abcdefghijklmnopqrstuvwxyz"
    chunk = bytearray()
    while len(chunk) < 1024 * 1024:
        chunk += b"tilannekuva " * 28 + bytes([rng.choice(letters) for _ in range(3)])
    chunk = bytes(chunk[:1024 * 1024])

    def write(handle):
        handle.write(NS + b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>')
        for _ in range(cell_mb):
            handle.write(chunk)
        handle.write(b"</t></is></c></row></sheetData></worksheet>")
    return _with_sheet(write)


def whitespace_cell_flood_xlsx(cells: int = 1_000_000, per_row: int = 40) -> bytes:
    """`cells` cells written as `<c\\tr="…"/>`: a count of "<c " misses every one of them."""
    columns = [chr(65 + i // 26) + chr(65 + i % 26) for i in range(per_row)]

    def write(handle):
        handle.write(NS + b"<sheetData>")
        for r in range(1, cells // per_row + 1):
            row = "".join(f'<c\tr="{col}{r}"/>' for col in columns)
            handle.write(f'<row\tr="{r}">{row}</row>'.encode())
        handle.write(b"</sheetData></worksheet>")
    return _with_sheet(write)
