"""The production server: gunicorn with several worker processes, started by `app.py`.

gunicorn is the most widely deployed pure-Python WSGI server (pre-fork workers, graceful
restarts, request-size limits, no version in its `Server` header); it runs the Flask server
behind Dash unchanged. Workers are forked before the app is built (no preload), so each worker
has its own database connections; everything shared between them — sessions, lock-outs, rate
limits, upload previews — lives in the database.

Before the workers start, `prepare()` upgrades the schema once and creates the secret key, so
workers never race on either.
"""
from __future__ import annotations

import os

from sqlalchemy import create_engine, inspect, text

from domain import db

DEFAULT_WORKERS = 2
DEFAULT_THREADS = 4


def database_state(url: str) -> str:
    """"empty" (nothing, or no roadmap / no admin), "demo" or "ready" — read without writing
    anything (no schema upgrade, no new SQLite file)."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if not path or path == ":memory:" or not os.path.exists(path):
            return "empty"
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if not {"app_user", "task"} <= tables:
                return "empty"
            if "app_setting" in tables and conn.scalar(
                    text("SELECT value FROM app_setting WHERE key = 'kind'")) == "demo":
                return "demo"
            tasks = conn.scalar(text("SELECT count(*) FROM task"))
            admins = conn.scalar(text(
                "SELECT count(*) FROM app_user WHERE role = 'admin' AND active = :yes"),
                {"yes": True})
            return "ready" if tasks and admins else "empty"
    finally:
        engine.dispose()


def prepare(url: str) -> None:
    """Upgrade the schema and create the secret key once, in the master process."""
    from dashboard.auth import secret_key

    db.get_engine(url)
    secret_key()
    db.get_engine(url).dispose()  # no connection crosses the fork into the workers


def proxy_count() -> int:
    try:
        return max(0, int(os.environ.get("TILANNEKUVA_PROXY_COUNT", "0")))
    except ValueError:
        return 0


def wsgi_app(url: str):
    """The WSGI app of one worker: the Dash app's Flask server (behind ProxyFix when
    TILANNEKUVA_PROXY_COUNT reverse proxies are trusted for X-Forwarded-For/-Proto)."""
    from dashboard.app import create_app

    server = create_app(url).server
    hops = proxy_count()
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix

        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    return server


def serve(url: str, host: str, port: int, workers: int | None = None) -> None:
    from gunicorn.app.base import BaseApplication

    workers = workers or int(os.environ.get("TILANNEKUVA_WORKERS", DEFAULT_WORKERS))
    options = {
        "bind": f"{host}:{port}",
        "workers": max(1, workers),
        "worker_class": "gthread",
        "threads": int(os.environ.get("TILANNEKUVA_THREADS", DEFAULT_THREADS)),
        "timeout": 180,  # a briefing pack renders for ~10–60 s
        "graceful_timeout": 30,
        "limit_request_line": 8190,
        "limit_request_fields": 100,
        "accesslog": None,  # the audit log on stderr says what matters (dashboard/security.py)
        "errorlog": "-",
        "control_socket_disable": True,  # no shared ~/.gunicorn socket between instances
    }

    class Server(BaseApplication):
        def load_config(self):
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            return wsgi_app(url)

    Server().run()
