"""Data downloads: every heatmap view's xlsx and CSV read back and compared cell by cell with
`tilannekuva show` (the CLI's matrix), through the real HTTP route and the real CLI."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from domain.metrics import BANDS, NO_DATA_COLOUR
from tilannekuva.cli import cli

VIEWS = [("2021-10", "readiness", None), ("2021-10", "progress", None),
         ("2021-10", "subareas", "yp"), ("2021-12", "readiness", None),
         ("2021-12", "subareas", "htt")]


@pytest.fixture(scope="module")
def client(demo_db):
    from dashboard.app import create_app

    return create_app(demo_db).server.test_client()


def _show(db_url: str, period: str, view: str, ws: str | None, lang: str = "fi") -> dict:
    args = ["--db", db_url, "--lang", lang, "show", "--period", period, "--measure", view,
            "--format", "json"] + (["--workstream", ws] if ws else [])
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _query(period, view, ws, lang="fi", deltas=False) -> str:
    q = f"period={period}&view={view}&lang={lang}"
    return q + (f"&workstream={ws}" if ws else "") + ("&deltas=1" if deltas else "")


def _expected_rows(doc: dict) -> dict[str, list]:
    return {row["name"]: [c["percent"] for c in row["cells"]] for row in doc["rows"]}


@pytest.mark.parametrize("period,view,ws", VIEWS)
def test_csv_and_xlsx_round_trip_equal_show(client, demo_db, period, view, ws):
    doc = _show(demo_db, period, view, ws)
    expected = _expected_rows(doc)
    counts = [c["task_count"] for c in doc["columns"]]

    response = client.get(f"/lataa/yleiskuva.csv?{_query(period, view, ws)}")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    body = response.data
    assert body.startswith("\ufeff".encode("utf-8"))  # BOM: Finnish Excel reads ä, ö right
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    header, data = rows[0], rows[1:]
    assert len(header) == 1 + len(doc["columns"])
    if any(n is not None for n in counts):
        assert data[0][1:] == ["" if n is None else str(n) for n in counts]
        data = data[1:]
    got = {r[0]: [int(v) if v else None for v in r[1:]] for r in data}
    assert got == expected  # every cell, HUS in 10/21 empty (no data)

    response = client.get(f"/lataa/yleiskuva.xlsx?{_query(period, view, ws)}")
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.data))
    sheet = wb.active
    assert sheet["A1"].value == doc_title(client, period, view, ws)
    assert "10/2021" in sheet["A2"].value or period[5:].lstrip("0") in sheet["A2"].value
    values = list(sheet.iter_rows(min_row=4, values_only=False))
    first = next(i for i, r in enumerate(values) if r[0].value == doc["rows"][0]["name"])
    for row in values[first:]:
        name = row[0].value
        for cell, pct in zip(row[1:], expected[name]):
            if pct is None:
                assert cell.value == "ei tietoa"
            else:
                assert cell.value == pct
    # band fills as on the slide: any non-readiness cell's fill is its number's band colour
    if view != "readiness":
        row = values[first]
        pct = expected[row[0].value][0]
        colour = NO_DATA_COLOUR if pct is None else next(
            b.colour for b in BANDS if b.low <= pct <= b.high)
        assert row[1].fill.fgColor.rgb[-6:] == colour[1:].upper()


def doc_title(client, period, view, ws) -> str:
    from dashboard import figures
    from domain import db, queries

    with db.session_factory(_db_of(client))() as s:
        return figures.heatmap_title(queries.heatmap(s, period, view, ws), "fi")


def _db_of(client) -> str:
    from dashboard.data import CONFIG_KEY

    return client.application.config[CONFIG_KEY]


def test_deltas_swedish_and_cli_same_bytes(client, demo_db, tmp_path):
    now = _show(demo_db, "2021-12", "progress", None, "sv")
    before = _show(demo_db, "2021-11", "progress", None, "sv")
    response = client.get(f"/lataa/yleiskuva.csv?{_query('2021-12', 'progress', None, 'sv', True)}")
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    assert "Förändring" in rows[0][2]
    old = {r["region"]: [c["percent"] for c in r["cells"]] for r in before["rows"]}
    names = {r["name"]: r for r in now["rows"]}
    body = [r for r in rows[1:] if r[0] in names]
    assert [r[0] for r in body] == sorted(names, key=lambda n: _sv_key(n))  # Swedish order
    for r in body:
        row = names[r[0]]
        for i, cell in enumerate(row["cells"]):
            pct, prev = cell["percent"], old[row["region"]][i]
            assert r[1 + 2 * i] == ("" if pct is None else str(pct))
            if pct is not None and prev is not None:
                assert int(r[2 + 2 * i]) == pct - prev
    # the CLI writes the very same file
    out = tmp_path / "x.csv"
    result = CliRunner().invoke(cli, ["--db", demo_db, "--lang", "sv", "download", "yleiskuva",
                                      "--period", "2021-12", "--view", "progress", "--deltas",
                                      "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == response.data


def _sv_key(name: str) -> str:
    from domain.i18n import collation_key

    return collation_key(name, "sv")


def test_region_tasks_and_trend_downloads(client, demo_db):
    from domain import db, queries

    response = client.get("/lataa/alue.xlsx?region=pirkanmaa&period=2021-12&lang=en")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data)).active
    assert sheet["A1"].value == "Pirkanmaa 12/2021"
    with db.session_factory(demo_db)() as s:
        rf = queries.region_figures(s, "2021-12", "pirkanmaa")
        tasks = queries.task_table(s, "2021-12", "pirkanmaa")
        series = queries.trend_series(s, "progress", "htt")
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=6)}
    htt = rows["Administration, finances and support services"] if \
        "Administration, finances and support services" in rows else next(iter(rows.values()))
    assert htt[1].value == rf.cell("htt", None, "readiness_active").percent

    response = client.get("/lataa/tehtavat.csv?region=pirkanmaa&period=2021-12")
    lines = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    assert [x[0] for x in lines[1:]] == [x.code for x in tasks]

    response = client.get("/lataa/trendi.csv?measure=progress&workstream=htt")
    lines = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    assert lines[0][1:] == [f"{int(p[5:])}/{p[:4]}" for p in series.periods]
    pirkanmaa = next(x for x in lines if x[0] == "Pirkanmaa")
    assert pirkanmaa[1:] == ["" if p is None else str(p) for p in series.percents("pirkanmaa")]

    assert client.get("/lataa/yleiskuva.xlsx?view=nonsense").status_code == 400
    assert client.get("/lataa/salaisuus.xlsx").status_code == 404
