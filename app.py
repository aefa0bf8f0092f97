"""Serve the tilannekuva dashboard with gunicorn (2 worker processes by default):

    python app.py [--host 127.0.0.1] [--port 8050] [--db URL] [--workers N]

- Without `--db` and `DATABASE_URL` the app's own demo database `data/tilannekuva.sqlite` is
  used, and built on first start (the real 10/21 tables plus synthetic monthly sheets, through
  the same loaders a user's files go through). It is built under a temporary name and renamed
  when complete, so a start cut short leaves no half-built demo behind.
- Any other database is never given demo data: an empty one gets instructions on how to
  initialise it (roadmap import, first admin) and nothing is written into it.
- `--dev` runs Flask's single-process development server instead (debugging only).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from domain import db
from domain.i18n import t


def build_own_demo(path: Path) -> None:
    """Build the demo at `path` atomically: into `<path>.building`, then rename."""
    from dashboard.accounts import DEMO_PASSWORD, create_demo_users
    from loaders import demo

    building = path.with_name(path.name + ".building")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{building}"
    print("Rakennetaan esimerkkitietokanta (demo)…", flush=True)
    demo.build_demo(url, progress=lambda msg: print(msg, flush=True))
    with db.transaction(url) as session:
        users = create_demo_users(session)
    engine = db.get_engine(url)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    db._engine_for.cache_clear()
    os.replace(building, path)
    for suffix in ("-wal", "-shm"):
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    print(f"Demokäyttäjät {', '.join(users)}; salasana {DEMO_PASSWORD}", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Tilannekuva dashboard")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (default: DATABASE_URL or "
                                                   "the demo database data/tilannekuva.sqlite)")
    parser.add_argument("--workers", type=int, default=None,
                        help="gunicorn worker processes (default TILANNEKUVA_WORKERS or 2)")
    parser.add_argument("--lang", default="fi")
    parser.add_argument("--dev", action="store_true", help="Flask development server (debug)")
    args = parser.parse_args(argv)

    from dashboard.server import database_state, prepare, serve

    explicit = args.db or os.environ.get("DATABASE_URL")
    url = explicit or db.default_url()
    if not explicit and not db.DEFAULT_SQLITE_PATH.exists():
        build_own_demo(db.DEFAULT_SQLITE_PATH)
    elif database_state(url) == "empty":
        print(t("security.needs_init", args.lang, db=_shown(url)), file=sys.stderr)
        raise SystemExit(2)
    prepare(url)
    print(f"Tilannekuva: http://{args.host}:{args.port}/", flush=True)
    if args.dev:
        from dashboard.app import create_app

        create_app(url).run(host=args.host, port=args.port, debug=True)
        return
    serve(url, args.host, args.port, args.workers)


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


if __name__ == "__main__":
    main()
