"""Schema changes go through Alembic: the migrations build exactly the tables of
`domain.schema`, and an old database is upgraded on start."""
from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from domain import db
from domain.schema import Base


def test_migrations_match_the_models(db_url):
    with db.get_engine(db_url).connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_an_old_database_is_upgraded_on_start(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = db.make_engine(url)
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    assert "app_user" not in inspect(engine).get_table_names()
    engine.dispose()

    upgraded = db.get_engine(url)
    assert {"app_user", "upload"} <= set(inspect(upgraded).get_table_names())
    with upgraded.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == \
            db_head()


def db_head() -> str:
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config).get_current_head()
