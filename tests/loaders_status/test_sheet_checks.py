"""Issue 11: the real-world sheets that were imported wrong or refused with a misleading message.
Every file is built here (openpyxl, or its zip rewritten by hand for OOXML corner cases)."""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import openpyxl
import pytest
from sqlalchemy import select

from status_helpers import FI_HEADERS, TASKS, dump, task_rows, write_sheet
from domain.db import transaction
from domain.schema import TaskStatus
from domain.vocabulary import Status
from loaders.common import RegionResolver, ValidationFailed, parse_period
from loaders.file_safety import UnsafeFile, check_upload
from loaders.status_sheet import MAX_PROBLEMS, import_status, read_status_sheet
from tilannekuva.cli import cli
from click.testing import CliRunner


def rejected(db_url, path, **kwargs) -> ValidationFailed:
    before = dump(db_url)
    with pytest.raises(ValidationFailed) as info:
        import_status(db_url, path, **kwargs)
    assert dump(db_url) == before
    return info.value


def messages(error: ValidationFailed) -> list[str]:
    return [p.message for p in error.problems]


def notes_and_statuses(db_url, submission_id):
    with transaction(db_url) as s:
        rows = s.execute(select(TaskStatus.task_id, TaskStatus.status, TaskStatus.note)
                         .where(TaskStatus.submission_id == submission_id)
                         .order_by(TaskStatus.task_id)).all()
    return [(status, note) for _, status, note in rows]


def _two_month_workbook(path, *, hidden: bool, old_first: bool = True, old="2/2022"):
    """Last month's sheet kept in the workbook (in front), and this month's sheet."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    months = [(old, "Käynnissä", "Helmikuu"), ("3/2022", "Valmis", "Maaliskuu")]
    if not old_first:
        months.reverse()
    for period, status, title in months:
        ws = wb.create_sheet(title)
        ws.append(["Alue", "Pohjois-Savo"])
        ws.append(["Ajankohta", period])
        ws.append([])
        ws.append(FI_HEADERS)
        for row in task_rows(status):
            ws.append(row)
        if hidden and period == old:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


@pytest.mark.parametrize("hidden", [False, True])
def test_last_months_sheet_in_front_is_not_imported_as_this_month(db_url, tmp_path, hidden):
    path = _two_month_workbook(tmp_path / "two.xlsx", hidden=hidden)
    error = rejected(db_url, path)  # no month given: refuse and name both sheets
    assert messages(error) == ["sheet_checks.several_sheets"]
    text = error.render("fi")[0]
    assert "'Helmikuu' (2022-02" in text and "'Maaliskuu' (2022-03" in text
    result = import_status(db_url, path, period="2022-03")  # the month asked for is chosen
    assert result.period == "2022-03" and result.counts[Status.DONE.value] == len(TASKS)
    error = rejected(db_url, path, period="2022-04")
    assert messages(error) == ["sheet_checks.several_sheets_period"]


def test_without_a_month_the_sheet_of_the_only_open_round_is_read(db_url, tmp_path):
    path = _two_month_workbook(tmp_path / "two.xlsx", hidden=True, old="10/2021")  # not open
    result = import_status(db_url, path)
    assert result.period == "2022-03" and result.counts[Status.DONE.value] == len(TASKS)


def test_two_status_columns_are_refused(db_url, tmp_path):
    rows = [r[:6] + ["Valmis"] + r[6:] for r in task_rows("Käynnissä")]
    headers = FI_HEADERS[:6] + ["Tila"] + FI_HEADERS[6:]
    error = rejected(db_url, write_sheet(tmp_path / "tila2.xlsx", rows, headers=headers))
    assert "sheet_checks.duplicate_column" in messages(error)
    assert "sarakkeet F, G" in error.render("fi")[0]


def test_renamed_notes_column_keeps_the_notes(db_url, tmp_path):
    rows = task_rows()
    rows[0][6] = "Hyväksytty"
    headers = FI_HEADERS[:6] + ["Lisätiedot"]
    result = import_status(db_url, write_sheet(tmp_path / "lisa.xlsx", rows, headers=headers))
    assert notes_and_statuses(db_url, result.submission_ids[0])[0] == ("in_progress", "Hyväksytty")
    assert result.warnings == []


def test_merged_notes_header_keeps_the_notes(db_url, tmp_path):
    rows = [r[:6] + [None, "Huomio oikeassa solussa" if i == 1 else None]
            for i, r in enumerate(task_rows())]

    def merge(ws):
        ws.merge_cells(start_row=5, start_column=7, end_row=5, end_column=8)

    result = import_status(db_url, write_sheet(tmp_path / "merged.xlsx", rows, extra=merge))
    assert notes_and_statuses(db_url, result.submission_ids[0])[1][1] == "Huomio oikeassa solussa"
    assert result.warnings == []


def test_unknown_filled_column_is_warned_in_cli_and_preview(db_url, tmp_path):
    rows = [r + ["Matti"] for r in task_rows()]
    path = write_sheet(tmp_path / "extra.xlsx", rows, headers=FI_HEADERS + ["Vastuuhenkilö"])
    out = CliRunner().invoke(cli, ["--db", db_url, "import-status", str(path)])
    assert out.exit_code == 0, out.output
    assert "saraketta H (10 täytettyä solua) ei tuoda" in out.output
    assert "'Vastuuhenkilö'" in out.output
    with transaction(db_url) as s:
        parsed = read_status_sheet(s, path)
    assert [w.message for w in parsed.warnings] == ["sheet_checks.unknown_column"]


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u00ad", "\u2060"])
def test_invisible_characters_in_statuses_are_ignored(db_url, tmp_path, invisible):
    rows = task_rows()
    rows[0][5] = f"{invisible}Valmis"
    rows[1][5] = f"Val{invisible}mis{invisible}"
    result = import_status(db_url, write_sheet(tmp_path / "zw.xlsx", rows))
    assert result.counts[Status.DONE.value] == 2


@pytest.mark.parametrize("month", [dt.date(2023, 1, 1), dt.datetime(2023, 1, 31), "1.1.2023",
                                   "2023-01-31", "tammikuu 2023", "Tammikuu 2023", "januari 2023",
                                   "January 2023", "Jan 2023", "1/2023"])
def test_month_written_as_date_or_words(session, tmp_path, month):
    parsed = read_status_sheet(session, write_sheet(tmp_path / "m.xlsx", task_rows(), period=month))
    assert parsed.period == "2023-01"


def test_parse_period_rejects_what_is_not_a_month():
    for text in ("31.2.2023", "kuukausi 2023", "2023", "13/2023", "tammikuu"):
        assert parse_period(text) is None, text


@pytest.mark.parametrize("name,code", [
    ("Kainuun hyvinvointialue", "kainuu"), ("Kajanalands välfärdsområde", "kainuu"),
    ("Helsingin kaupunki", "helsinki"), ("HUS-yhtymä", "hus"),
    ("Vantaan ja Keravan hyvinvointialue", "vantaa-kerava"),
    ("Wellbeing services county of Kainuu", "kainuu")])
def test_official_names_are_region_aliases(db_url, tmp_path, name, code):
    result = import_status(db_url, write_sheet(tmp_path / "o.xlsx", task_rows(), region=name))
    assert result.regions == [code]


def test_near_miss_of_an_official_name_suggests_the_region(db_url, tmp_path):
    error = rejected(db_url, write_sheet(tmp_path / "n.xlsx", task_rows(),
                                         region="Kainuun hyvinvointi alue"))
    assert messages(error) == ["problem.unknown_region_suggest"]
    assert error.problems[0].params["suggestion"] == "Kainuu"


def _rewrite(path, replace) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace(info.filename, source.read(info.filename)))
    return out.getvalue()


def test_strict_open_xml_is_read(db_url, tmp_path):
    plain = write_sheet(tmp_path / "plain.xlsx", task_rows("Valmis"))
    strict_ns = [(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                  b"http://purl.oclc.org/ooxml/spreadsheetml/main"),
                 (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                  b"http://purl.oclc.org/ooxml/officeDocument/relationships")]

    def strict(_name, data):
        for old, new in strict_ns:
            data = data.replace(old, new)
        return data

    path = tmp_path / "strict.xlsx"
    path.write_bytes(_rewrite(plain, strict))
    assert b"purl.oclc.org" in zipfile.ZipFile(path).read("xl/workbook.xml")
    check_upload(path.read_bytes(), path.name)
    result = import_status(db_url, path)
    assert result.counts[Status.DONE.value] == len(TASKS)


def test_formatted_empty_rows_say_how_to_remove_them(tmp_path):
    path = write_sheet(tmp_path / "rows.xlsx", task_rows(),
                       extra=lambda ws: [setattr(ws.row_dimensions[r], "height", 15)
                                         for r in range(20, 31_000)])
    with pytest.raises(UnsafeFile) as info:
        check_upload(path.read_bytes(), path.name)
    assert info.value.key == "upload.file.too_many_rows"
    text = info.value.render("fi")
    assert "muotoillut tyhjät rivit" in text and "Poista taulukon rivit" in text


def _cfb(*stream_names: str) -> bytes:
    """A Compound File Binary container whose directory names the given streams (the checker
    looks at the signature and the directory entry names, as a real encrypted file has them)."""
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    entries = b"".join(name.encode("utf-16-le").ljust(64, b"\0") + bytes(64)
                       for name in stream_names)
    return header + entries.ljust(4096, b"\0")


def test_sensitivity_label_says_change_the_label():
    labelled = _cfb("\x06DataSpaces", "DRMEncryptedDataSpace", "DRMEncryptedTransform",
                    "EncryptedPackage")
    with pytest.raises(UnsafeFile) as info:
        check_upload(labelled, "salattu.xlsx")
    assert info.value.key == "upload.file.sensitivity_label"
    assert "luottamuksellisuusmerkin" in info.value.render("fi")
    password = _cfb("\x06DataSpaces", "StrongEncryptionDataSpace", "EncryptionInfo",
                    "EncryptedPackage")
    with pytest.raises(UnsafeFile) as info:
        check_upload(password, "salasana.xlsx")
    assert info.value.key == "upload.file.encrypted"


def test_closing_count_is_the_true_number_of_problems(db_url, tmp_path):
    rows = [[f"X-{n:03d}", None, None, None, None, "Melkein", None] for n in range(347)]
    path = write_sheet(tmp_path / "many.xlsx", task_rows() + rows)
    error = rejected(db_url, path)
    assert error.count == 2 * 347  # an unknown id and an unknown status on every extra row
    out = CliRunner().invoke(cli, ["--db", db_url, "import-status", str(path)])
    assert out.exit_code == 2 and "virheitä: 694" in out.output
    assert len(error.problems) == MAX_PROBLEMS + 1


def _with_cached_values(path, cells: dict[str, tuple[str, str | None]]) -> bytes:
    """Put formulas into the sheet XML as Excel saves them: <f> with (or without) a cached <v>."""
    def edit(name, data):
        if not name.startswith("xl/worksheets/"):
            return data
        for ref, (formula, cached) in cells.items():
            value = f"<v>{cached}</v>" if cached is not None else ""
            data = re.sub(rf'<c r="{ref}"[^>]*?(/>|>.*?</c>)'.encode(),
                          f'<c r="{ref}" t="str"><f>{formula}</f>{value}</c>'.encode(), data,
                          flags=re.S)
        return data
    return _rewrite(path, edit)


def test_formula_with_a_cached_value_is_read_as_that_value(db_url, tmp_path):
    plain = write_sheet(tmp_path / "p.xlsx", task_rows())
    path = tmp_path / "formula.xlsx"
    path.write_bytes(_with_cached_values(plain, {"F6": ('IF(1=1,"Valmis","")', "Valmis"),
                                                 "F7": ("F6", "Valmis")}))
    with transaction(db_url) as s:
        parsed = read_status_sheet(s, path)
    assert [w.message for w in parsed.warnings] == ["sheet_checks.formula_values"]
    assert "F6, F7" in parsed.warnings[0].render("fi")
    assert parsed.status_counts()[Status.DONE] == 2

    path.write_bytes(_with_cached_values(plain, {"F6": ('IF(1=1,"Valmis","")', None)}))
    error = rejected(db_url, path)
    assert messages(error) == ["status_sheet.formula"]
    assert error.problems[0].params["cell"] == "F6"


def _ods(rows: list[list]) -> bytes:
    """A minimal OpenDocument spreadsheet as LibreOffice writes one (mimetype stored first)."""
    from xml.sax.saxutils import escape

    def cell(value):
        if value is None:
            return "<table:table-cell/>"
        return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
                f"</text:p></table:table-cell>")

    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
                   for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        '<office:body><office:spreadsheet><table:table table:name="Tilannekuva">'
        f"{body}</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_libreoffice_ods_is_read(db_url, tmp_path):
    rows = [["Alue", "Pohjois-Savo"], ["Ajankohta", "3/2022"], [], FI_HEADERS] + task_rows("Valmis")
    path = tmp_path / "lo.ods"
    path.write_bytes(_ods(rows))
    check_upload(path.read_bytes(), path.name)
    out = CliRunner().invoke(cli, ["--db", db_url, "import-status", str(path)])
    assert out.exit_code == 0, out.output
    assert "Valmis: 10" in out.output
