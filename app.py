"""Serve the tilannekuva dashboard: `python app.py [--host 127.0.0.1] [--port 8050] [--db URL]`.

On an empty database the demo (the real 10/21 tables plus synthetic monthly sheets) is built
first, through the same loaders a user's files go through.
"""
from __future__ import annotations

import argparse

from domain import db


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Tilannekuva dashboard")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (default: DATABASE_URL or "
                                                   "data/tilannekuva.sqlite)")
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args(argv)
    url = args.db or db.default_url()

    from loaders import demo

    if demo.is_empty(url):
        from dashboard.accounts import DEMO_PASSWORD, create_demo_users

        print("Tietokanta on tyhjä: rakennetaan esimerkkiaineisto (demo)…")
        demo.build_demo(url, progress=print)
        with db.transaction(url) as session:
            users = create_demo_users(session)
        print(f"Demokäyttäjät {', '.join(users)}; salasana {DEMO_PASSWORD}")

    from dashboard.app import create_app

    app = create_app(url)
    print(f"Tilannekuva: http://{args.host}:{args.port}/")
    app.run(host=args.host, port=args.port, debug=args.debug)


if __name__ == "__main__":
    main()
