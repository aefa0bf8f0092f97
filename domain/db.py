"""Engine, sessions and schema upgrades. SQLite under `data/` by default; any SQLAlchemy URL
(PostgreSQL included) through `--db` or `DATABASE_URL`."""
from __future__ import annotations

import os
import re
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "data" / "tilannekuva.sqlite"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def default_url() -> str:
    return os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_PATH}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets readers go on while a region's upload commits; the busy timeout makes a second
    # writer wait for the lock instead of failing with "database is locked".
    import sqlite3

    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
    except sqlite3.OperationalError:  # a read-only file: it is read as it is
        pass
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def sqlite_path(url: str) -> str:
    """The file of a SQLite URL (plain or `sqlite:///file:PATH?mode=ro&uri=true`)."""
    path = url.split("///", 1)[-1]
    if path.startswith("file:"):
        path = path[len("file:"):].split("?", 1)[0]
    return path


def _read_only_if_unwritable(url: str, path: str) -> str:
    """A SQLite file (or its folder) this process may not write is opened read-only, so that
    reads work and writes fail with "readonly database" (reported clearly), not at connect."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.exists(path) and not (os.access(path, os.W_OK) and os.access(folder, os.W_OK)):
        return f"sqlite:///file:{os.path.abspath(path)}?mode=ro&uri=true"
    return url


def make_engine(url: str | None = None) -> Engine:
    url = url or default_url()
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        if path and path != ":memory:" and not url.split("///", 1)[-1].startswith("file:"):
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            url = _read_only_if_unwritable(url, path)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


_REVISION = re.compile(r"""^revision\s*=\s*["']([^"']+)["']""", re.M)
_DOWN_REVISION = re.compile(r"""^down_revision\s*=\s*["']([^"']+)["']""", re.M)


@lru_cache(maxsize=1)
def head_revision() -> str | None:
    """The newest migration's id, read from the migration files (without importing Alembic);
    None unless the chain has exactly one head."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if match := _REVISION.search(text):
            revisions.add(match.group(1))
        if match := _DOWN_REVISION.search(text):
            parents.add(match.group(1))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision (None for a new database or several rows)."""
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except Exception:  # no table yet: a new database
        return None
    return rows[0][0] if len(rows) == 1 else None


def upgrade(engine: Engine) -> None:
    """Bring a new or old database to the newest schema (Alembic `upgrade head`). A database
    already at the newest revision costs one small query: Alembic is not even imported (it
    takes a third of a second, on every command and every app start)."""
    head = head_revision()
    if head is not None and current_revision(engine) == head:
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@lru_cache(maxsize=16)
def _engine_for(url: str) -> Engine:
    engine = make_engine(url)
    upgrade(engine)
    return engine


def get_engine(url: str | None = None) -> Engine:
    """The process-wide engine for a URL, upgraded to the newest schema on first use."""
    return _engine_for(url or default_url())


def session_factory(url: str | None = None) -> sessionmaker[Session]:
    return sessionmaker(get_engine(url), expire_on_commit=False)


@contextmanager
def transaction(url: str | None = None) -> Iterator[Session]:
    """A session whose work is committed as one transaction, or rolled back whole on error."""
    with session_factory(url)() as session:
        with session.begin():
            yield session
