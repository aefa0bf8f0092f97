"""The Dash application: a header bar, and one routed page body chosen from the URL.

No `dash.register_page` (it needs a module-level app and hinders tests): `create_app()` builds a
fresh app for any database URL, and `render_page()` is the plain function behind the router.
"""
from __future__ import annotations

from pathlib import Path

import dash
from dash import Input, Output, dcc, html

from domain import db, queries, rounds
from domain.i18n import LANGS, format_date, format_period, t
from domain.metrics import working_days
from domain.reference import TARGET_DATE

from . import routes
from .data import CONFIG_KEY, read_session, visible_snapshots
from .state import State, parse, to_search

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
LANG_LABELS = {"fi": "Suomi", "sv": "Svenska", "en": "English"}


def create_app(db_url: str | None = None) -> dash.Dash:
    url = db_url or db.default_url()
    db.get_engine(url)  # create or upgrade the schema before the first request
    app = dash.Dash(__name__, assets_folder=str(ASSETS_DIR), suppress_callback_exceptions=True,
                    title=t("app.title", "fi"), update_title=None)
    app.server.config[CONFIG_KEY] = url
    from .auth import init_auth  # log-in, roles, cookie settings, error pages (dashboard/auth.py)

    init_auth(app.server, url)
    app.layout = html.Div([
        dcc.Location(id="url", refresh="callback-nav"),
        html.Div(id="page-root", className="page-root"),
    ])

    @app.callback(Output("page-root", "children"), Input("url", "pathname"),
                  Input("url", "search"))
    def _route(pathname, search):
        return render_page(pathname, search, url)

    for page in routes.pages():
        page.register_callbacks(app)
    from .export.web import register as register_export  # slide PNGs, briefing pack (export)

    register_export(app)
    from .security import set_csp

    set_csp(app)  # after every callback: the CSP carries the hashes of Dash's inline scripts
    return app


def resolve_period(snaps, state: State, default: str | None = None) -> State:
    """The asked snapshot if the user may see it, else the latest published one (`default`),
    else the latest visible one."""
    periods = [s.period for s in snaps]
    if state.period in periods or not periods:
        return state
    return state.replace(period=default if default in periods else periods[-1])


def render_page(pathname: str | None, search: str | None, db_url: str):
    """Header bar + the page body for a URL (the router's plain function)."""
    state = parse(search)
    page, rest = routes.match(pathname)
    from domain.auth_store import DEMO, db_kind

    with read_session(db_url) as session:
        snaps = visible_snapshots(session)
        latest = queries.latest_published(session)
        state = resolve_period(snaps, state, latest.period if latest else None)
        incomplete = rounds.incomplete_label(session, state.period, state.lang) \
            if state.period else None
        demo = db_kind(session) == DEMO
    request = routes.PageRequest(pathname or "/", rest, state, search or "", db_url)
    if page is None:
        body = not_found(state.lang)
    else:
        body = None
        for guard in routes.GUARDS:
            body = guard(page, request)
            if body is not None:
                break
        if body is None:
            body = page.layout(request)
    snap = next((s for s in snaps if s.period == state.period), None)
    return [header_bar(request, page, snap, incomplete, demo),
            html.Main(body, className="page-body", lang=state.lang)]


def not_found(lang: str):
    return html.Div([html.H1(t("dash.not_found", lang)),
                     dcc.Link(t("dash.nav.overview", lang), href=f"/?lang={lang}")],
                    className="panel")


def demo_notice(lang: str, demo: bool) -> list:
    """On a demo database the header says it is open without logging in."""
    if not demo:
        return []
    return [html.Span(t("security.demo_notice", lang), className="badge badge-demo",
                      title=t("security.demo_notice_hint", lang), id="header-demo-notice")]


def header_bar(request: routes.PageRequest, page, snap, incomplete: str | None = None,
               demo: bool = False):
    state = request.state
    lang = state.lang
    nav = []
    for p in routes.nav_pages():
        if getattr(p, "NAV_VISIBLE", None) and not p.NAV_VISIBLE():
            continue
        active = p is page
        nav.append(dcc.Link(t(p.NAV, lang), href=p.PATH + _nav_search(p, state),
                            className="nav-link active" if active else "nav-link"))
    langs = []
    for code in LANGS:
        target = state.replace(lang=code)
        link_search = to_search(target, _page_keys(page))
        langs.append(dcc.Link(code.upper(), href=request.pathname + link_search, title=LANG_LABELS[code],
                              className="lang-link active" if code == lang else "lang-link",
                              id=f"lang-{code}"))
    info = []
    if snap is not None:
        days = working_days(snap.report_date, TARGET_DATE)
        info = [
            html.Span(t("dash.header.snapshot", lang, period=format_period(snap.period, lang)),
                      className="info-strong", id="header-period"),
            html.Span(t("dash.header.report_date", lang, date=format_date(snap.report_date)),
                      id="header-report-date"),
            html.Span(t("working_days_left", lang, days=days), id="header-days"),
            html.Span(t("snapshot.synthetic", lang) if snap.is_synthetic else
                      t("snapshot.real", lang),
                      className="badge badge-synthetic" if snap.is_synthetic else "badge badge-real",
                      title=t("dash.header.synthetic_hint" if snap.is_synthetic else
                              "dash.header.real_hint", lang),
                      id="header-data-kind"),
        ]
        if incomplete:  # an open round, shown to coordinators only: clearly not the picture
            info.append(html.Span(incomplete, className="badge badge-incomplete",
                                  id="header-incomplete", role="status"))
    return html.Header([
        html.Div([
            html.Div([html.Span("", className="brand-mark"),
                      html.Span(t("app.title", lang), className="brand-title")],
                     className="brand"),
            *demo_notice(lang, demo),
            html.Nav(langs, className="lang-switch", **{"aria-label": "Language"}),
        ], className="topbar"),
        html.Div([html.Nav(nav, className="main-nav"), html.Div(info, className="snapshot-info")],
                 className="subbar"),
    ], className="site-header")


def _page_keys(page):
    from .state import PAGE_KEYS

    name = getattr(page, "STATE_KEYS", None) if page is not None else None
    return PAGE_KEYS.get(name) if name else None


def _nav_search(page, state: State) -> str:
    # Moving between pages keeps the language and the snapshot (and what the target page uses).
    return to_search(state, _page_keys(page) or ("period", "lang"))
