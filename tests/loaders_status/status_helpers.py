"""Helpers of the status-sheet loader tests: a small roadmap put straight into the database, a
writer of real xlsx sheets as regions fill them, and a dump of the tables an import touches."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from sqlalchemy import select, text

from domain import store
from domain.db import get_engine, transaction
from domain.reference import WORKSTREAMS
from domain.schema import Task, Workstream

# Two tasks per workstream: one due by Q4/2021, one later.
TASKS = [
    (f"{ws.code.upper()}-{letter}-{n:03d}", ws.code, letter, due)
    for ws in WORKSTREAMS
    for n, (letter, due) in enumerate([("A", dt.date(2021, 12, 31)), ("B", dt.date(2022, 6, 30))],
                                      start=1)
]


def build_small_roadmap(url: str) -> None:
    with transaction(url) as session:
        store.install_reference_structure(session)
        streams = {w.code: w for w in session.scalars(select(Workstream))}
        for pos, (code, ws_code, letter, due) in enumerate(TASKS, start=1):
            w = streams[ws_code]
            sa = next(s for s in w.sub_areas if s.letter == letter)
            session.add(Task(code=code, workstream_id=w.id, sub_area_id=sa.id,
                             title_fi=f"Synteettinen tehtävä {code}",
                             title_sv=f"Syntetisk uppgift {code}", due_date=due,
                             due_label="Q4/2021" if due.year == 2021 else "Q2/2022",
                             position=pos))


def dump(url: str) -> dict[str, list]:
    """Every row of the tables an import may touch, to prove a rejected file wrote nothing."""
    out = {}
    with get_engine(url).connect() as conn:
        for table in ("snapshot", "submission", "task_status", "figure"):
            out[table] = [tuple(r) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
    return out


FI_HEADERS = ["Tunnus", "Valmisteluryhmä", "Osa-alue", "Tehtävä", "Määräaika", "Tila", "Huomiot"]
SV_HEADERS = ["Beteckning", "Beredningsgrupp", "Delområde", "Uppgift", "Tidsfrist", "Status",
              "Anmärkningar"]


def task_rows(status="Käynnissä", lang="fi"):
    """One sheet row per fixture task: [id, workstream, sub-area, title, due, status, note]."""
    ws_by = {w.code: w for w in WORKSTREAMS}
    rows = []
    for code, ws_code, letter, due in TASKS:
        w = ws_by[ws_code]
        sa = next(s for s in w.sub_areas if s.letter == letter)
        rows.append([code, w.sv if lang == "sv" else w.fi,
                     f"{letter}. {sa.sv if lang == 'sv' else sa.fi}", f"Tehtävä {code}",
                     "Q4/2021" if due.year == 2021 else "Q2/2022", status, None])
    return rows


def write_sheet(path: Path, rows, *, region="Pohjois-Savo", period="3/2022", lang="fi",
                headers=None, blank_rows_before_header=1, sheet_title="Tilannekuva",
                extra=None) -> Path:
    """A regional sheet as a region might fill it: header cells, blank row(s), table."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet_title
    ws.append(["Alueellisen toimeenpanon tilannekuva"])
    if region is not None:
        ws.append(["Område" if lang == "sv" else "Alue", region])
    if period is not None:
        ws.append(["Tidpunkt" if lang == "sv" else "Ajankohta", period])
    for _ in range(blank_rows_before_header):
        ws.append([])
    ws.append(headers or (SV_HEADERS if lang == "sv" else FI_HEADERS))
    for row in rows:
        ws.append(row)
    if extra:
        extra(ws)
    wb.save(path)
    return path
