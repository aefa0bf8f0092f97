"""WSGI entry point for running gunicorn (or another WSGI server) directly:

    DATABASE_URL=postgresql+psycopg://… gunicorn -w 2 -k gthread --threads 4 dashboard.wsgi:app

`python app.py` / `make run` do the same through `dashboard.server.serve`."""
from domain import db

from .server import wsgi_app

app = wsgi_app(db.default_url())
