"""Fixtures shared by every test folder: real SQLite files in tmp_path."""
from __future__ import annotations

import pytest

from domain import db


@pytest.fixture
def db_url(tmp_path) -> str:
    """A fresh SQLite database file, upgraded to the newest schema."""
    url = f"sqlite:///{tmp_path / 'test.sqlite'}"
    db.get_engine(url)
    return url


@pytest.fixture
def structure_db(db_url) -> str:
    """A database with the real workstreams, sub-areas and regions of `domain.reference` and a
    small synthetic task list (three tasks per sub-area: two due Q4/2021, one Q2/2022)."""
    import datetime as dt

    from domain import reference
    from domain.schema import Region, SubArea, Task, Workstream

    with db.transaction(db_url) as session:
        position = 0
        for i, w in enumerate(reference.WORKSTREAMS):
            ws = Workstream(code=w.code, position=i, name_fi=w.fi, name_sv=w.sv, name_en=w.en)
            session.add(ws)
            session.flush()
            for sa_def in w.sub_areas:
                sa = SubArea(workstream_id=ws.id, letter=sa_def.letter, name_fi=sa_def.fi,
                             name_sv=sa_def.sv, name_en=sa_def.en)
                session.add(sa)
                session.flush()
                for j, due in enumerate((dt.date(2021, 12, 31), dt.date(2021, 12, 31),
                                         dt.date(2022, 6, 30))):
                    position += 1
                    session.add(Task(code=f"{w.code.upper()}-{sa_def.letter}-{j + 1:03d}",
                                     workstream_id=ws.id, sub_area_id=sa.id,
                                     title_fi=f"Tehtävä {position}", due_date=due,
                                     due_label="Q4/2021" if j < 2 else "Q2/2022",
                                     position=position))
        for i, r in enumerate(reference.REGIONS):
            session.add(Region(code=r.code, position=i, name_fi=r.fi, name_sv=r.sv,
                               name_en=r.en, reports_in_swedish=r.reports_in_swedish))
    return db_url
