"""The one CSV/xlsx writer behind every data download: read back what it wrote."""
from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from domain.table_export import DataTable, csv_bytes, xlsx_bytes

TABLE = DataTable(
    title="Valmiusaste 10/2021", source="Lähde: alueiden raportit · 10/2021",
    header_rows=[["", "Hallinto", "Hallinto", "ICT"], ["Alue", "Käynnissä", "Valmis", "Eteneminen"]],
    rows=[["Kainuu", 36, 8, 12.5], ["HUS", None, None, None]],
    fills=[[None, "#fdae61", "#d7191c", None], [None, None, None, None]],
    no_data="ei tietoa",
)


def test_csv_is_bom_semicolon_one_header_and_decimal_comma():
    raw = csv_bytes(TABLE)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Alue", "Hallinto | Käynnissä", "Hallinto | Valmis", "ICT | Eteneminen"]
    assert rows[1] == ["Kainuu", "36", "8", "12,5"]
    assert rows[2] == ["HUS", "", "", ""]


def test_xlsx_has_title_source_merged_group_fills_and_no_data_text():
    ws = load_workbook(io.BytesIO(xlsx_bytes(TABLE))).active
    assert ws["A1"].value == "Valmiusaste 10/2021"
    assert ws["A2"].value.startswith("Lähde")
    assert "B4:C4" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[5]] == ["Alue", "Käynnissä", "Valmis", "Eteneminen"]
    assert [c.value for c in ws[6]] == ["Kainuu", 36, 8, 12.5]
    assert ws["B6"].fill.fgColor.rgb.endswith("FDAE61")
    assert [c.value for c in ws[7]] == ["HUS", "ei tietoa", "ei tietoa", "ei tietoa"]
