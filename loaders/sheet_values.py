"""A workbook's cell values, read fast with python-calamine (xlsx, Strict Open XML, ods).

Why calamine: the status loader only needs values. python-calamine (Rust) reads a 400-task sheet
in about 4 ms where openpyxl's read-only mode takes 60–70 ms; it also reads the Strict Open XML
flavour of xlsx (an Excel "Save as" choice openpyxl cannot read) and LibreOffice's .ods. openpyxl
stays the library for *writing* workbooks (templates, exports).

Formulas: calamine returns the value a formula had when the file was last saved (the cached
value Excel and LibreOffice store next to the formula). Which cells hold formulas, and whether a
formula has a cached value at all, is read from the sheet's XML part with one bounded scan
(`formula_cells`), only when the part mentions a formula.

Cell text is cleaned once here: Unicode format characters (zero-width space, BOM, soft hyphen,
word joiner…, category Cf) copied from Teams or the web are dropped, surrounding spaces are
trimmed, and an empty text is `None`.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

# Every character of Unicode category Cf in the Basic Multilingual Plane (checked by a test).
_CF_RE = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
                    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")


def clean_text(value: str) -> str | None:
    """A cell's text without format characters and surrounding spaces; None when empty."""
    if value.isascii():  # O(1) in CPython; every format character is outside ASCII
        return value.strip() or None
    if _CF_RE.search(value):
        value = _CF_RE.sub("", value)
    value = value.strip()
    return value or None


def clean(value: object) -> object:
    if isinstance(value, str):
        return clean_text(value)
    if value == "":
        return None
    return value


@dataclass
class SheetValues:
    """One worksheet: 0-based rows of cleaned values (None when empty), as far as read."""

    index: int
    name: str
    visible: bool
    rows: list[list] = field(default_factory=list)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1
    complete: bool = False  # False while only the top rows are read
    longest_text: int = 0  # characters of the longest text read (most sheets: no cell to check)

    def value(self, row: int, col: int) -> object:
        if row < len(self.rows) and col < len(self.rows[row]):
            return self.rows[row][col]
        return None


class Workbook:
    """A workbook opened with calamine; sheets are read on demand (the top rows first)."""

    def __init__(self, data: bytes):
        from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

        self.data = data
        self._book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        self.sheets: list[SheetValues] = []
        for index, meta in enumerate(self._book.sheets_metadata):
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue
            self.sheets.append(SheetValues(index, meta.name,
                                           meta.visible == SheetVisibleEnum.Visible))

    def read(self, sheet: SheetValues, nrows: int | None = None) -> SheetValues:
        """Fill `sheet.rows` (the first `nrows` rows, or all of them)."""
        if sheet.complete or (nrows is not None and len(sheet.rows) >= nrows):
            return sheet
        raw = self._book.get_sheet_by_index(sheet.index)
        rows = raw.to_python(skip_empty_area=False, nrows=nrows)
        # ~3 000 cells a sheet, most of them repeated texts (workstream, sub-area, quarter,
        # status, empty): each distinct text is cleaned once
        memo: dict[str, str | None] = {}
        sheet.rows = [[(memo[v] if v in memo else memo.setdefault(v, clean_text(v)))
                       if type(v) is str else clean(v) for v in row] for row in rows]
        sheet.complete = nrows is None or len(rows) < nrows
        sheet.longest_text = max(map(len, memo), default=0)
        ranges = getattr(raw, "merged_cell_ranges", None) or []
        sheet.merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in ranges]
        return sheet

    def close(self) -> None:
        try:
            self._book.close()
        except Exception:  # already closed or not closable: nothing to release
            pass


# --- formulas, from the sheet's XML part ----------------------------------------------------

_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")
_REL_TAG = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTR = re.compile(rb"""([\w:]+)\s*=\s*["']([^"']*)["']""")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_HAS_VALUE = re.compile(rb"<(?:\w+:)?[vt]\b[^>/]*>[^<]*?[^<\s]", re.S)  # a non-empty <v> or <t>
_ANY_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")  # not <formula1> of a dropdown
# A quick first look (a tenth of the time of the regex above, which tries at every '<'): no
# "f" followed by a space, '>' or '/' anywhere means no formula element either
_F_THEN_END = re.compile(rb"f[\s>/]")
_REF = re.compile(rb"^([A-Z]+)(\d+)$")


def _attrs(text: bytes) -> dict[str, str]:
    return {k.decode().split(":")[-1] if b":" in k and not k.startswith(b"xmlns") else k.decode():
            v.decode("utf-8", "replace") for k, v in _ATTR.findall(text)}


def _sheet_part(archive: zipfile.ZipFile, position: int) -> str | None:
    """The zip path of the workbook's `position`-th sheet (workbook order, as calamine counts)."""
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return None
    sheets = [_attrs(m) for m in _SHEET_TAG.findall(archive.read("xl/workbook.xml"))]
    if position >= len(sheets):
        return None
    rel_id = sheets[position].get("id")
    for rel in _REL_TAG.findall(archive.read("xl/_rels/workbook.xml.rels")):
        attrs = _attrs(rel)
        if attrs.get("Id") == rel_id:
            target = attrs.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            return path if path in names else None
    return None


def _column_index(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ch - 64)
    return index - 1


@dataclass(frozen=True)
class FormulaCell:
    row: int  # 0-based
    col: int
    ref: str  # "F12"
    formula: str
    has_value: bool  # a cached value was saved with the formula


def formula_cells(data: bytes, position: int) -> dict[tuple[int, int], FormulaCell]:
    """Cells of the `position`-th sheet that hold a formula (xlsx only; {} for other files)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = _sheet_part(archive, position)
            if part is None:
                return {}
            xml = archive.read(part)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return {}
    if not _F_THEN_END.search(xml) or not _ANY_FORMULA.search(xml):
        return {}
    found: dict[tuple[int, int], FormulaCell] = {}
    for attrs, inner in _CELL.findall(xml):
        if not inner or not _FORMULA.search(inner):
            continue
        ref = _attrs(attrs).get("r", "").encode()
        match = _REF.match(ref)
        if not match:
            continue
        formula = _FORMULA.search(inner).group(1) or b""
        row, col = int(match.group(2)) - 1, _column_index(match.group(1))
        found[(row, col)] = FormulaCell(row, col, ref.decode(), "=" + formula.decode(
            "utf-8", "replace"), bool(_HAS_VALUE.search(_FORMULA.sub(b"", inner))))
    return found
