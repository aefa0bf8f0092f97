"""Checks an uploaded spreadsheet BEFORE openpyxl opens it.

A regional sheet comes from outside the ministry, so it is treated as hostile until proven
harmless: size first (nothing is parsed of an oversized file), then the file's real kind from its
first bytes (a renamed .xls, an encrypted workbook, a CSV called .xlsx), then the zip container
(truncated archives, zip bombs by total size and by compression ratio, macros, encrypted entries)
and finally every XML part is streamed once, bounded, to refuse DTDs and entity declarations
(billion laughs, external entities) and to verify CRCs. Each kind gets its own Finnish message.

openpyxl itself also parses through defusedxml when it is installed (it is a dependency): the
pre-scan here is a second, independent line, and `openpyxl_uses_defusedxml()` lets tests and
start-up assert that the first line is active.

Export side: `safe_text()` neutralises text that a spreadsheet would run as a formula, for any
xlsx/CSV the app writes (notes are stored as given, but never exported as live formulas).
"""
from __future__ import annotations

import os
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from domain.i18n import TranslatableError

MB = 1024 * 1024
MAX_CELL_CHARS = 32_767
OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")  # Compound File Binary: .xls, encrypted xlsx
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
# Names in the DataSpaces of a file encrypted by a sensitivity label (MS-OFFCRYPTO 2.2.6, IRM)
_DRM_MARKERS = tuple(name.encode("utf-16-le") for name in (
    "DRMEncryptedDataSpace", "DRMEncryptedTransform", "Microsoft.Metadata.DRMTransform")) + (
    b"Microsoft.Metadata.DRMTransform",)


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    """What an upload may be. Defaults fit a regional sheet (a few hundred kB) by a wide margin."""

    max_bytes: int = field(default_factory=lambda: _env_int("TILANNEKUVA_MAX_UPLOAD_BYTES", 10 * MB))
    max_uncompressed: int = 100 * MB  # all zip entries together, as declared and as streamed
    max_ratio: int = 200  # per entry, uncompressed / compressed (real sheets stay below ~30)
    ratio_floor: int = 1 * MB  # small entries may compress well without being suspicious
    max_entries: int = 2000
    # A regional sheet has a few hundred rows; the status loader stops at 20 000 data rows.
    # Counting rows and cells while streaming keeps a well-compressed giant sheet (a 9 MB file
    # can hold a million rows) from costing the server half a minute of parsing.
    max_rows: int = 30_000
    max_cells: int = 600_000
    # One XML part unpacked (a 350-task sheet's worksheet is ~0.2 MB; 600 000 cells ~25 MB).
    max_part: int = field(default_factory=lambda: _env_int("TILANNEKUVA_MAX_XML_PART_BYTES",
                                                           25 * MB))
    # Excel's own limit of text in one cell. While streaming, a text run between two tags
    # longer than MAX_CELL_CHARS * 6 bytes (UTF-8 and entity escapes included) is refused at
    # once, so a 95 MB cell costs ~0.2 MB of reading; the loaders check the exact length.
    max_cell_chars: int = MAX_CELL_CHARS


class UnsafeFile(TranslatableError):
    """The file was refused before parsing. `key` is a message of `domain/messages/upload.py`."""



def _mb(n: int) -> str:
    return f"{n / MB:.1f}".replace(".", ",")


def check_upload(data: bytes, filename: str | None = None, limits: Limits | None = None) -> None:
    """Raise `UnsafeFile` unless `data` looks like a plain, harmless .xlsx workbook."""
    limits = limits or Limits()
    if not data:
        raise UnsafeFile("upload.file.empty")
    if len(data) > limits.max_bytes:
        raise UnsafeFile("upload.file.too_large", size=_mb(len(data)), limit=_mb(limits.max_bytes))
    _check_name(filename)
    head = data[:8]
    if head.startswith(OLE_SIGNATURE):
        # Both old binary workbooks and password-protected xlsx are CFB containers; an encrypted
        # OOXML file carries an "EncryptionInfo"/"EncryptedPackage" stream (UTF-16 names).
        if "EncryptedPackage".encode("utf-16-le") in data or \
                "EncryptionInfo".encode("utf-16-le") in data:
            # A sensitivity label (Microsoft Purview / IRM) encrypts with a DRM transform, not
            # a password: the user must change the label, not look for a password to remove.
            if any(marker in data for marker in _DRM_MARKERS):
                raise UnsafeFile("upload.file.sensitivity_label")
            raise UnsafeFile("upload.file.encrypted")
        raise UnsafeFile("upload.file.legacy_xls")
    if not head.startswith(ZIP_SIGNATURES):
        if _looks_like_text(data):
            raise UnsafeFile("upload.file.text_not_xlsx")
        raise UnsafeFile("upload.file.not_xlsx")
    _check_zip(data, limits)


def check_upload_file(path: str | Path, filename: str | None = None,
                      limits: Limits | None = None) -> bytes:
    """Check a file on disk (size before reading it); return its bytes for the caller."""
    limits = limits or Limits()
    path = Path(path)
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise UnsafeFile("upload.file.too_large", size=_mb(size), limit=_mb(limits.max_bytes))
    data = path.read_bytes()
    check_upload(data, filename or path.name, limits)
    return data


def _check_name(filename: str | None) -> None:
    if not filename:
        return
    suffix = Path(filename).suffix.lower()
    if suffix == ".xlsm":
        raise UnsafeFile("upload.file.xlsm")
    if suffix == ".xlsb":
        raise UnsafeFile("upload.file.xlsb")
    if suffix == ".xls":
        raise UnsafeFile("upload.file.legacy_xls")
    if suffix in (".csv", ".txt"):
        raise UnsafeFile("upload.file.wrong_suffix", suffix=suffix)
    if suffix not in (".xlsx", ".ods"):  # .ods: LibreOffice's own format, read by calamine
        raise UnsafeFile("upload.file.wrong_suffix", suffix=suffix or "-")


def _looks_like_text(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    for encoding in ("utf-8-sig", "utf-16", "cp1252"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
        return printable >= 0.95 * max(len(text), 1)
    return False


_DANGEROUS_XML = tuple(
    marker.encode(enc) for marker in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le"))
_OVERLAP = max(len(m) for m in _DANGEROUS_XML)


def _check_zip(data: bytes, limits: Limits) -> None:
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise UnsafeFile("upload.file.truncated") from None
    with archive:
        infos = archive.infolist()
        names = {i.filename for i in infos}
        if len(infos) > limits.max_entries:
            raise UnsafeFile("upload.file.zip_bomb")
        if any(i.flag_bits & 0x1 for i in infos):
            raise UnsafeFile("upload.file.encrypted")
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            raise UnsafeFile("upload.file.macros")
        if "xl/workbook.bin" in names:
            raise UnsafeFile("upload.file.xlsb")
        is_ods = "content.xml" in names and "mimetype" in names and \
            archive.read("mimetype")[:100] == ODS_MIMETYPE
        if not is_ods and ("[Content_Types].xml" not in names or "xl/workbook.xml" not in names):
            raise UnsafeFile("upload.file.not_xlsx")
        declared = sum(i.file_size for i in infos)
        if declared > limits.max_uncompressed:
            raise UnsafeFile("upload.file.zip_bomb")
        for info in infos:
            if info.file_size > limits.ratio_floor and \
                    info.file_size > limits.max_ratio * max(info.compress_size, 1):
                raise UnsafeFile("upload.file.zip_bomb")
        if is_ods:
            if any(n.lower().startswith("basic/") for n in names):  # LibreOffice Basic macros
                raise UnsafeFile("upload.file.macros")
        else:
            content_types = _read_bounded(archive, archive.getinfo("[Content_Types].xml"), limits)
            if b"macroEnabled" in content_types or b"vbaProject" in content_types:
                raise UnsafeFile("upload.file.macros")
        total = 0
        counts = {"rows": 0, "cells": 0}
        for info in infos:
            total += _stream_entry(archive, info, limits, limits.max_uncompressed - total, counts)


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> bytes:
    chunks, size = [], 0
    try:
        with archive.open(info) as handle:
            while block := handle.read(64 * 1024):
                size += len(block)
                if size > limits.max_uncompressed:
                    raise UnsafeFile("upload.file.zip_bomb")
                chunks.append(block)
    except UnsafeFile:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError):
        raise UnsafeFile("upload.file.truncated") from None
    return b"".join(chunks)


# Tags as XML allows them: an optional namespace prefix, and any whitespace (space, tab,
# newline) or "/" or ">" after the name — `<c\t r="A1">` is a cell too.
# OpenDocument's rows and cells are counted with their repeats by `_OdsCounter`.
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,30}:)?row[\s/>]")
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,30}:)?c[\s/>]")
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_TAIL = 64  # bytes kept between blocks: longer than any tag the patterns match


def _count_new(pattern: re.Pattern, window: bytes, old: int) -> int:
    """Matches that end in the new part of `window` (those ending in the old tail were
    counted with the previous block)."""
    return sum(1 for m in pattern.finditer(window) if m.end() > old)


class _TextRuns:
    """The longest text between two tags, tracked across blocks in constant memory."""

    def __init__(self, limit_bytes: int):
        self.limit = limit_bytes
        self.run = 0
        self.long = re.compile(rb"<[^<]{%d}" % (limit_bytes + 1))

    def feed(self, block: bytes) -> bool:
        """False as soon as a run is over the limit."""
        first = block.find(b"<")
        if first == -1:
            self.run += len(block)
            return self.run <= self.limit
        if self.run + first > self.limit or self.long.search(block, first):
            return False
        self.run = len(block) - block.rfind(b"<") - 1
        return True


# OpenDocument tags that make cells: one start tag may stand for many cells or rows
# (`table:number-columns-repeated`, `table:number-rows-repeated`). Attribute values may hold
# ">" but never "<", so the text from one "<" to the next holds exactly one tag.
_ODS_TAG = re.compile(rb"<(/?)(?:[A-Za-z_][\w.-]{0,30}:)?(table-row|table-cell|covered-table-cell)"
                      rb"(?=[\s/>])((?:[^<>\"']|\"[^<\"]*\"|'[^<']*')*)>")
_ODS_REPEAT = re.compile(rb"number-(?:columns|rows)-repeated\s*=\s*[\"']\s*(\d{1,15})")
_ODS_VALUE = re.compile(rb"value-type\s*=")


class _OdsCounter:
    """Rows and cells of an OpenDocument sheet with their repeats, in constant memory.

    A cell counts as filled when it has a value type or content (it is not an empty `<…/>`);
    LibreOffice writes the empty rest of a sheet as a few huge repeats of EMPTY cells and rows,
    which count once, so normal files pass. A repeated filled cell counts as many cells as it
    declares, and a repeated row with filled cells as that many rows times its filled cells:
    what calamine would unpack into memory."""

    def __init__(self, counts: dict[str, int], limits: Limits):
        self.counts, self.limits = counts, limits
        self.carry = b""
        self.row_repeat, self.row_cells = 1, 0

    def feed(self, block: bytes, final: bool = False) -> None:
        window = self.carry + block
        cut = len(window) if final else window.rfind(b"<")
        if cut <= 0:
            self.carry = window
            return
        self.carry = window[cut:]
        for closing, name, attrs in _ODS_TAG.findall(window, 0, cut):
            self._tag(bool(closing), name, attrs)

    def _tag(self, closing: bool, name: bytes, attrs: bytes) -> None:
        empty = attrs.rstrip().endswith(b"/")
        if name == b"table-row":
            if not closing:
                self.row_repeat, self.row_cells = self._repeat(attrs), 0
            if closing or empty:
                self._end_row()
            return
        if closing:
            return
        if not empty or _ODS_VALUE.search(attrs):
            self.row_cells += self._repeat(attrs)
            if self.row_cells * self.row_repeat > self.limits.max_cells:
                raise _too_many(self.limits)

    @staticmethod
    def _repeat(attrs: bytes) -> int:
        found = _ODS_REPEAT.search(attrs)
        return max(int(found.group(1)), 1) if found else 1

    def _end_row(self) -> None:
        filled = self.row_cells > 0
        self.counts["rows"] += self.row_repeat if filled else 1
        self.counts["cells"] += self.row_repeat * self.row_cells
        self.row_repeat, self.row_cells = 1, 0
        if self.counts["rows"] > self.limits.max_rows or \
                self.counts["cells"] > self.limits.max_cells:
            raise _too_many(self.limits)


def _too_many(limits: Limits) -> UnsafeFile:
    return UnsafeFile("upload.file.too_many_rows",
                      rows=f"{limits.max_rows:,}".replace(",", "\u00a0"),
                      cells=f"{limits.max_cells:,}".replace(",", "\u00a0"))


def _stream_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits,
                  budget: int, counts: dict[str, int]) -> int:
    """Decompress one entry with a size budget (zipfile also stops at the declared size and
    checks the CRC at the end: a lying header or a cut archive fails here); refuse DTDs, parts
    over `max_part`, and text runs longer than a cell may hold; count the rows and cells of
    worksheets (over-counting is harmless: the limits are generous). Memory: one block."""
    name = info.filename.lower()
    is_xml = name.endswith((".xml", ".rels", ".vml"))
    is_sheet = name.startswith("xl/worksheets/") and name.endswith(".xml")
    ods = _OdsCounter(counts, limits) if name == "content.xml" else None
    runs = _TextRuns(limits.max_cell_chars * 6)
    size, tail = 0, b""
    try:
        with archive.open(info) as handle:
            while block := handle.read(256 * 1024):
                size += len(block)
                if size > budget:
                    raise UnsafeFile("upload.file.zip_bomb")
                if not is_xml:
                    continue
                if size > limits.max_part:
                    raise UnsafeFile("security.part_too_large", part=info.filename[:60],
                                     limit=limits.max_part // MB)
                window = tail + block
                if any(marker in window for marker in _DANGEROUS_XML):
                    raise UnsafeFile("upload.file.xml_dtd", part=info.filename)
                if not runs.feed(block):
                    raise UnsafeFile("security.cell_too_long", part=info.filename[:60],
                                     limit=f"{limits.max_cell_chars:,}".replace(",", "\u00a0"))
                if ods is not None:
                    ods.feed(block)
                elif is_sheet:
                    counts["rows"] += _count_new(_ROW_TAG, window, len(tail))
                    counts["cells"] += _count_new(_CELL_TAG, window, len(tail))
                    if counts["rows"] > limits.max_rows or counts["cells"] > limits.max_cells:
                        raise _too_many(limits)
                tail = window[-_TAIL:]
            if ods is not None:
                ods.feed(b"", final=True)
    except UnsafeFile:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError):
        raise UnsafeFile("upload.file.truncated") from None
    return size


def openpyxl_uses_defusedxml() -> bool:
    """True when openpyxl parses workbook XML through defusedxml (entities refused)."""
    import openpyxl

    return bool(getattr(openpyxl, "DEFUSEDXML", False))


# --- export side -------------------------------------------------------------------------

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_text(value: object) -> object:
    """Text a spreadsheet would treat as a formula gets a leading apostrophe (OWASP's advice
    for CSV injection); other values pass through unchanged. Use for every user-written text
    (notes, file names) that goes into an xlsx or CSV the app writes."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_text_cell(cell, value: object) -> None:
    """Put user text into an openpyxl cell as literal text: openpyxl would otherwise store a
    string starting with '=' as a live formula."""
    cell.value = value
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"
