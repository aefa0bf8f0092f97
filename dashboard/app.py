"""The Dash application: a header bar, and one routed page body chosen from the URL.

No `dash.register_page` (it needs a module-level app and hinders tests): `create_app()` builds a
fresh app for any database URL, and `render_page()` is the plain function behind the router.
"""
from __future__ import annotations

import gc
import re
from pathlib import Path

import dash
from dash import Input, Output, dcc, html

from domain import db, queries, rounds
from domain.i18n import LANGS, format_date, format_period, localized, t
from domain.metrics import working_days
from domain.reference import TARGET_DATE

from . import routes
from .data import CONFIG_KEY, read_session, visible_snapshots
from .state import State, parse, to_search

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
LANG_LABELS = {"fi": "Suomi", "sv": "Svenska", "en": "English"}


class PageDash(dash.Dash):
    """Dash whose first HTML already has the page's `<html lang>` and title (the asset
    assets/a11y.js keeps both right on client-side navigation, from `#page-meta`)."""

    def interpolate_index(self, **kwargs):
        text = super().interpolate_index(**kwargs)
        try:
            from flask import request

            meta = page_meta(request.path, request.query_string.decode("latin-1"),
                             self.server.config.get(CONFIG_KEY))
        except Exception:  # noqa: BLE001 - a title must never break the page
            return text
        import html as _html

        text = text.replace("<html>", f'<html lang="{meta["lang"]}">', 1)
        return re.sub(r"<title>.*?</title>", f"<title>{_html.escape(meta['title'])}</title>",
                      text, count=1, flags=re.S)


def create_app(db_url: str | None = None) -> dash.Dash:
    url = db_url or db.default_url()
    db.get_engine(url)  # create or upgrade the schema before the first request
    app = PageDash(__name__, assets_folder=str(ASSETS_DIR), suppress_callback_exceptions=True,
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
    from .downloads import register_routes as register_downloads  # xlsx / CSV of every view

    register_downloads(app.server)
    from .security import set_csp

    set_csp(app)  # after every callback: the CSP carries the hashes of Dash's inline scripts
    _freeze_startup_objects()
    return app


def _freeze_startup_objects() -> None:
    """Move what start-up made (Dash, Plotly, SQLAlchemy, the catalogues: ~150 000 objects)
    out of the garbage collector's reach. Otherwise every few requests a full collection walks
    them all again: ~100 ms CPU spikes on a 368-organisation overview, the p95. Nothing is
    freed differently: start-up objects live as long as the process anyway."""
    gc.collect()
    gc.freeze()


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
        open_now = frozenset(queries.open_periods(session))
        # an open round's "kesken – 7/23" badge (a published month's round is not counted)
        incomplete = rounds.incomplete_label(session, state.period, state.lang) \
            if state.period in open_now else None
        demo = db_kind(session) == DEMO
        request = routes.PageRequest(pathname or "/", rest, state, search or "", db_url,
                                     open_now)
        snap = next((s for s in snaps if s.period == state.period), None)
        title = page_title(page, request, snap, session)
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
    return [html.A(t("a11y.skip", state.lang), href="#main", className="skip-link"),
            header_bar(request, page, snap, incomplete, demo),
            html.Main(body, className="page-body", id="main", tabIndex=-1),
            html.Div(id="page-meta", hidden=True,
                     **{"data-lang": state.lang, "data-title": title})]


def page_title(page, request: routes.PageRequest, snap, session=None) -> str:
    """'Pirkanmaa 3/2022 – Tilannekuva', 'Kehitys – Tilannekuva': every page and language.
    `session`: the caller's read session, if it has one open."""
    lang = request.state.lang
    if page is None:
        return t("a11y.title", lang, page=t("dash.not_found", lang))
    name = None
    if getattr(page, "PREFIX", False) and request.rest:
        name = _region_name(request, session)
    if name is None:
        key = getattr(page, "TITLE", None) or getattr(page, "NAV", None)
        if key is None and getattr(page, "STATE_KEYS", None) == "overview":
            key = "dash.nav.overview"
        name = t(key, lang) if key else t("a11y.site", lang)
        if getattr(page, "STATE_KEYS", None) == "overview":
            name = t(f"view.{request.state.view}", lang)
    if snap is not None and getattr(page, "STATE_KEYS", None) in ("overview", "region"):
        return t("a11y.title.with_period", lang, page=name,
                 period=format_period(snap.period, lang))
    return t("a11y.title", lang, page=name)


def _region_name(request: routes.PageRequest, session=None) -> str | None:
    if session is None:
        with read_session(request.db_url) as own:
            return _region_name(request, own)
    region = queries.region(session, request.rest)
    return localized(region, request.state.lang) if region is not None else None


def page_meta(pathname: str, search: str, db_url: str | None) -> dict:
    """{lang, title} of a URL, for the first HTML of a page."""
    state = parse(search)
    page, rest = routes.match(pathname)
    url = db_url or db.default_url()
    with read_session(url) as session:
        snaps = visible_snapshots(session)
        latest = queries.latest_published(session)
        state = resolve_period(snaps, state, latest.period if latest else None)
    snap = next((s for s in snaps if s.period == state.period), None)
    request = routes.PageRequest(pathname or "/", rest, state, search or "", url)
    return {"lang": state.lang, "title": page_title(page, request, snap)}


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
        extra = {"aria-current": "true"} if code == lang else {}
        langs.append(html.A(html.Span(code.upper(), title=LANG_LABELS[code], lang=code),
                            href=request.pathname + link_search,
                            className="lang-link active" if code == lang else "lang-link",
                            id=f"lang-{code}", hrefLang=code, **extra))
    info = []
    if snap is not None:
        days = working_days(snap.report_date, TARGET_DATE)
        info = [
            html.Span(t("dash.header.snapshot", lang, period=format_period(snap.period, lang)),
                      className="info-strong", id="header-period"),
            html.Span(t("dash.header.report_date", lang, date=format_date(snap.report_date, lang)),
                      id="header-report-date"),
            html.Span(t("working_days_left", lang, days=days) if snap.report_date < TARGET_DATE
                      else t("a11y.header.transferred", lang, date=TARGET_DATE), id="header-days"),
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
            html.Nav(langs, className="lang-switch", **{"aria-label": t("a11y.lang_switch", lang)}),
        ], className="topbar"),
        html.Div([html.Nav(nav, className="main-nav", **{"aria-label": t("a11y.main_nav", lang)}), html.Div(info, className="snapshot-info")],
                 className="subbar"),
    ], className="site-header")


def _page_keys(page):
    from .state import PAGE_KEYS

    name = getattr(page, "STATE_KEYS", None) if page is not None else None
    return PAGE_KEYS.get(name) if name else None


def _nav_search(page, state: State) -> str:
    # Moving between pages keeps the language and the snapshot (and what the target page uses).
    return to_search(state, _page_keys(page) or ("period", "lang"))
