"""Builders of broken and hostile files: each returns (file name, bytes, expected message key).

Every file is made for real (openpyxl, zipfile, raw bytes), never mocked."""
from __future__ import annotations

import io
import zipfile
import zlib

import openpyxl

from loaders.file_safety import OLE_SIGNATURE


def plain_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tilannekuva"
    ws["A1"], ws["B1"] = "Alue", "Kainuu"
    ws["A2"], ws["B2"] = "Ajankohta", "2021-11"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _rezip(source: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
           compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w", compression) as zout:
        for info in zin.infolist():
            data = (replace or {}).get(info.filename, zin.read(info.filename))
            zout.writestr(info.filename, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return out.getvalue()


def macro_xlsx() -> bytes:
    """A workbook carrying vbaProject.bin and the macro content type, saved as .xlsx."""
    base = plain_xlsx()
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        types = z.read("[Content_Types].xml").decode()
    types = types.replace(
        "</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    return _rezip(base, {"[Content_Types].xml": types.encode()},
                  {"xl/vbaProject.bin": OLE_SIGNATURE + b"\x00" * 504 + b"Attribute VB_Name"})


def ole_file(encrypted: bool) -> bytes:
    """A Compound File Binary container as Excel writes for .xls and for password-protected
    .xlsx (the latter holds 'EncryptionInfo' and 'EncryptedPackage' streams)."""
    header = OLE_SIGNATURE + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + b"\x00" * 480
    names = ["EncryptionInfo", "EncryptedPackage"] if encrypted else ["Workbook", "\x05SummaryInformation"]
    directory = b"".join(n.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64 for n in names)
    return header + directory + b"\x00" * 2048


def billion_laughs_xlsx() -> bytes:
    """Nested entities in the worksheet XML (expands to ~10^9 'lol's if a parser allowed it)."""
    base = plain_xlsx()
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    dtd = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                     for i in range(1, 10)) + "]>")
    sheet = dtd + sheet.replace("<t>Kainuu</t>", "<t>&lol9;</t>", 1)
    return _rezip(base, {"xl/worksheets/sheet1.xml": sheet.encode()})


def external_entity_xlsx() -> bytes:
    base = plain_xlsx()
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    sheet = ('<?xml version="1.0" encoding="UTF-8"?>'
             '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
             + sheet.replace("<v>", "<v>&xxe;", 1).replace('t="s"', 't="str"', 1))
    return _rezip(base, {"xl/worksheets/sheet1.xml": sheet.encode()})


def ratio_bomb_xlsx() -> bytes:
    """One entry of 60 MB of zeros: about 60 kB compressed (ratio ~1000)."""
    base = plain_xlsx()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        with zout.open("xl/media/image1.png", "w") as handle:
            block = b"\x00" * (1 << 20)
            for _ in range(60):
                handle.write(block)
    return out.getvalue()


def lying_header_xlsx() -> bytes:
    """The central directory claims a tiny entry, the data inflates to 40 MB (a bomb that hides
    its size): zipfile stops at the declared size and the CRC check fails."""
    big = zlib.compressobj(9, zlib.DEFLATED, -15)
    payload = b"".join(big.compress(b"A" * (1 << 20)) for _ in range(40)) + big.flush()
    base = plain_xlsx()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
    data = bytearray(out.getvalue())
    # append a hand-made local entry + rewrite the archive with it declared as 100 bytes
    name = b"xl/worksheets/sheet9.xml"
    out2 = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zin, zipfile.ZipFile(out2, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info.filename))
        info = zipfile.ZipInfo(name.decode())
        info.compress_type = zipfile.ZIP_DEFLATED
        zout.writestr(info, b"x" * 100)
    raw = bytearray(out2.getvalue())
    # swap the compressed body of the last entry for the big stream, fixing offsets
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as z:
        last = z.getinfo(name.decode())
    header_len = 30 + len(name) + len(last.extra)
    start = last.header_offset + header_len
    end = start + last.compress_size
    central = raw[end:]
    new = raw[:start] + payload
    shift = len(payload) - last.compress_size
    # patch compressed size in local header and central directory; shift central offset
    import struct
    new[last.header_offset + 18:last.header_offset + 22] = struct.pack("<I", len(payload))
    cd_pos = central.find(b"PK\x01\x02" + central[4:4])  # first central header
    eocd = central.rfind(b"PK\x05\x06")
    cd_offset = struct.unpack("<I", central[eocd + 16:eocd + 20])[0]
    central[eocd + 16:eocd + 20] = struct.pack("<I", cd_offset + shift)
    # the last central record is ours: patch its compressed size
    ours = central.rfind(b"PK\x01\x02")
    central[ours + 20:ours + 24] = struct.pack("<I", len(payload))
    return bytes(new + central)


def encrypted_entry_xlsx() -> bytes:
    """A zip whose entries carry the 'encrypted' flag (legacy zip password)."""
    data = bytearray(plain_xlsx())
    import struct
    pos = 0
    while (pos := data.find(b"PK\x03\x04", pos)) != -1:
        flags = struct.unpack("<H", data[pos + 6:pos + 8])[0] | 1
        data[pos + 6:pos + 8] = struct.pack("<H", flags)
        pos += 4
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) != -1:
        flags = struct.unpack("<H", data[pos + 8:pos + 10])[0] | 1
        data[pos + 8:pos + 10] = struct.pack("<H", flags)
        pos += 4
    return bytes(data)


def giant_sheet_xlsx(rows: int = 0, cols: int = 1) -> bytes:
    """A well-compressed sheet with far more rows (or cells) than any regional sheet: small on
    disk, expensive to parse."""
    base = plain_xlsx()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(info.filename, zin.read(info.filename))
                continue
            with zout.open(info.filename, "w") as handle:
                handle.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                             b'2006/main"><sheetData>')
                for r in range(1, rows + 1):
                    cells = b"".join(b'<c r="A%d"><v>%d</v></c>' % (r, c) for c in range(cols))
                    handle.write(b'<row r="%d">%s</row>' % (r, cells))
                handle.write(b"</sheetData></worksheet>")
    return out.getvalue()


def docx_like_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    return out.getvalue()


def corpus() -> list[tuple[str, str, bytes, str]]:
    """(case id, file name, bytes, expected message key)."""
    good = plain_xlsx()
    return [
        ("empty", "tyhja.xlsx", b"", "upload.file.empty"),
        ("too_large", "iso.xlsx", b"PK\x03\x04" + b"\x00" * (10 * 1024 * 1024 + 10), "upload.file.too_large"),
        ("xlsm_name", "makrot.xlsm", good, "upload.file.xlsm"),
        ("xlsb_name", "binaari.xlsb", good, "upload.file.xlsb"),
        ("xls_name", "vanha.xls", ole_file(False), "upload.file.legacy_xls"),
        ("xls_renamed", "vanha.xlsx", ole_file(False), "upload.file.legacy_xls"),
        ("encrypted", "salattu.xlsx", ole_file(True), "upload.file.encrypted"),
        ("csv_renamed", "taulukko.xlsx", "Tunnus;Tila\nHTT-A-001;Valmis\n".encode(), "upload.file.text_not_xlsx"),
        ("utf16_text", "taulukko.xlsx", "Tunnus\tTila\r\nHTT-A-001\tValmis\r\n".encode("utf-16"), "upload.file.text_not_xlsx"),
        ("html_renamed", "sivu.xlsx", b"<html><body><table><tr><td>1</td></tr></table></body></html>", "upload.file.text_not_xlsx"),
        ("random_binary", "satunnainen.xlsx", bytes(range(256)) * 20, "upload.file.not_xlsx"),
        ("pdf_name", "raportti.pdf", b"%PDF-1.4\n", "upload.file.wrong_suffix"),
        ("truncated", "katkennut.xlsx", good[: len(good) // 2], "upload.file.truncated"),
        ("truncated_tail", "katkennut2.xlsx", good[:-30], "upload.file.truncated"),
        ("macros_in_xlsx", "makrot.xlsx", macro_xlsx(), "upload.file.macros"),
        ("encrypted_entries", "zipsalattu.xlsx", encrypted_entry_xlsx(), "upload.file.encrypted"),
        ("docx_zip", "asiakirja.xlsx", docx_like_zip(), "upload.file.not_xlsx"),
        ("ratio_bomb", "pommi.xlsx", ratio_bomb_xlsx(), "upload.file.zip_bomb"),
        ("lying_header", "valehtelija.xlsx", lying_header_xlsx(), "upload.file.truncated"),
        ("many_rows", "rivit.xlsx", giant_sheet_xlsx(rows=40_000), "upload.file.too_many_rows"),
        ("many_cells", "solut.xlsx", giant_sheet_xlsx(rows=200, cols=3500), "upload.file.too_many_rows"),
        ("billion_laughs", "naurua.xlsx", billion_laughs_xlsx(), "upload.file.xml_dtd"),
        ("external_entity", "xxe.xlsx", external_entity_xlsx(), "upload.file.xml_dtd"),
    ]
