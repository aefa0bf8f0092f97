"""Fixtures of the roadmap-workbook and summary-table loader tests: real xlsx files written by
openpyxl, real SQLite files in tmp_path."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from domain import db
from domain.schema import Base
from loaders.roadmap_workbook import import_roadmap, write_roadmap_workbook

# the repository's copy of the shared transcriptions (test_shipped_files checks they agree)
from loaders.reference_tables import SHIPPED_CSV_DIR as REFERENCE_CSV_DIR  # noqa: E402
SHARED_CSV_DIR = db.PROJECT_ROOT.parent / "shared" / "reference" / "tilannekuva-2021-10"


@pytest.fixture(scope="session")
def roadmap_xlsx(tmp_path_factory) -> Path:
    return write_roadmap_workbook(tmp_path_factory.mktemp("roadmap") / "tiekartta.xlsx")


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'test.sqlite'}"


@pytest.fixture
def roadmap_db(db_url, roadmap_xlsx) -> str:
    """A database with the shipped roadmap imported."""
    import_roadmap(db_url, roadmap_xlsx)
    return db_url


def row_counts(url: str) -> dict[str, int]:
    """Rows per table: compared before and after a rejected import."""
    with db.session_factory(url)() as session:
        return {table.name: session.scalar(select(func.count()).select_from(table))
                for table in Base.metadata.sorted_tables}


def dump(url: str) -> list[tuple]:
    """Every row of every table, for 'the database is unchanged' checks."""
    with db.get_engine(url).connect() as connection:
        return [(table.name, tuple(row)) for table in Base.metadata.sorted_tables
                for row in connection.execute(table.select().order_by(*table.primary_key.columns))]
