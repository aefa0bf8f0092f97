"""Web side of the export: Flask routes on the Dash server and the pages' export links.

    /vienti/kuva.png?view=readiness|progress|subareas|region|trend|bands&period=YYYY-MM&lang=fi
                    [&workstream=yp][&region=pirkanmaa][&measure=progress][&sort=value]
                    [&deltas=1][&highlight=lappi]
        -> one slide PNG (1920×1080), the same view the page shows
    /vienti/paketti.zip?period=YYYY-MM&lang=fi[&regions=a,b]
        -> the briefing pack: slide PNGs + PowerPoint

Errors are a short page in the user's language (400 for a wrong parameter, 503 when the server
cannot draw: no Chromium, or it did not answer in time), never a stack trace; the rest of the
app, and every chart's own in-browser PNG button, work without Chromium.
"""
from __future__ import annotations

import html as html_escape
import logging
from urllib.parse import urlencode

from dash import Input, Output, State as In, html
from flask import Flask, Response, current_app, request

from dashboard.data import CONFIG_KEY, read_session
from dashboard.state import REGION_PREFIX, TRENDS_PATH, State, parse
from domain import db, queries
from domain.i18n import normalise_lang, t
from domain.metrics import Measure, View, period_of

from . import slides as slide_mod
from .pack import build_pack
from .renderer import ExportUnavailable, SlideRenderer, shared_renderer
from .slides import UnknownSlide

_log = logging.getLogger(__name__)

EXPORT_PREFIX = "/vienti"
IMAGE_PATH = f"{EXPORT_PREFIX}/kuva.png"
PACK_PATH = f"{EXPORT_PREFIX}/paketti.zip"
RENDERER_KEY = "TILANNEKUVA_EXPORT_RENDERER"  # tests put their own SlideRenderer here
PAGES = ("overview", "region", "trends")
IMAGE_VIEWS = tuple(v.value for v in View) + ("region", "trend", "bands")


# --- links shown on the pages --------------------------------------------------------------

def image_href(**params: object) -> str:
    return f"{IMAGE_PATH}?{urlencode({k: v for k, v in params.items() if v not in (None, '')})}"


def pack_href(period: str | None, lang: str) -> str:
    return f"{PACK_PATH}?{urlencode({k: v for k, v in (('period', period), ('lang', lang)) if v})}"


def page_image_links(pathname: str | None, state: State) -> list[tuple[str, str]]:
    """(label, href) of the slide PNGs of the page at `pathname` with `state` (from its URL)."""
    lang = state.lang
    path = pathname or "/"
    label = t("export.link.slide", lang)
    if path.startswith(REGION_PREFIX):
        code = path[len(REGION_PREFIX):].strip("/")
        return [(label, image_href(view="region", region=code, period=state.period, lang=lang))]
    if path.rstrip("/") == TRENDS_PATH:
        # The trends page shows every snapshot: its slide is the latest period's trend.
        common = dict(measure=state.measure, workstream=state.workstream, lang=lang)
        return [(t("export.link.slide.trend", lang),
                 image_href(view="trend", highlight=state.highlight, **common)),
                (t("export.link.slide.bands", lang), image_href(view="bands", **common))]
    return [(label, image_href(view=state.view, period=state.period, lang=lang,
                               workstream=state.workstream if state.view == "subareas" else None,
                               sort=state.sort if state.sort != "slide" else None,
                               deltas=1 if state.deltas else None))]


def export_links(pathname: str | None, search: str | None):
    """The "Vie diaksi (PNG)" and "Tiedotepaketti (zip)" links of a page, as Dash components."""
    state = parse(search)
    lang = state.lang
    links = [html.A(label, href=href, className="button export-link export-link-slide",
                    title=t("export.link.slide.help", lang))
             for label, href in page_image_links(pathname, state)]
    links.append(html.A(t("export.link.pack", lang), href=pack_href(state.period, lang),
                        className="button export-link export-link-pack",
                        title=t("export.link.pack.help", lang)))
    return html.Div(links, className="export-links",
                    style={"display": "flex", "gap": "8px", "flexWrap": "wrap"})


# --- Flask routes ------------------------------------------------------------------------

def may_export() -> bool:
    """Who may export: anyone on an open demo database; when log-in is required (every
    non-demo database), coordinators, admins and ministry readers (dashboard/auth.py's
    EXPORTERS: a pack costs the server ~10 s of work; region uploaders only upload)."""
    from dashboard.auth import EXPORTERS, current_actor, login_required

    if not login_required():
        return True
    actor = current_actor()
    return actor is not None and actor.role in EXPORTERS


def _renderer() -> SlideRenderer:
    return current_app.config.get(RENDERER_KEY) or shared_renderer()


def _db_url() -> str:
    return current_app.config.get(CONFIG_KEY) or db.default_url()


def error_page(status: int, lang: str, message: str) -> Response:
    title = t("export.error.title", lang)
    body = (f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'>"
            f"<title>{html_escape.escape(title)}</title></head>"
            f"<body style='font-family:system-ui,sans-serif;margin:3em;max-width:46em;"
            f"line-height:1.5'><h1>{html_escape.escape(title)}</h1>"
            f"<p id='export-error'>{html_escape.escape(message)}</p>"
            f"<p><a href='javascript:history.back()'>{html_escape.escape(t('export.error.back', lang))}"
            f"</a> · <a href='/?lang={lang}'>{html_escape.escape(t('app.title', lang))}</a></p>"
            f"</body></html>")
    headers = {"Cache-Control": "no-store"}
    if status == 503:
        headers["Retry-After"] = "30"
    return Response(body, status=status, mimetype="text/html", headers=headers)


def _period(session, value: str | None) -> str:
    """The asked period if the user may see it, or the latest published round when none is
    given (as the pages do). An open round is exported for coordinators and admins only."""
    from dashboard.data import visible_snapshots

    snaps = visible_snapshots(session)
    if value:
        try:
            period_of(value)
        except ValueError:
            raise UnknownSlide("export.error.bad_period", value=value) from None
        if queries.snapshot(session, value) is not None and \
                value not in {s.period for s in snaps}:
            raise UnknownSlide("export.error.no_snapshot", period=value,
                               available=", ".join(s.period for s in snaps) or "–")
        return value
    latest = queries.latest_published(session)
    if latest is None:
        raise UnknownSlide("export.error.no_snapshots")
    return latest.period


def slide_for(session, args, lang: str) -> slide_mod.Slide:
    """The slide a `kuva.png` request asks for (the same settings its page has)."""
    view = args.get("view") or View.READINESS.value
    if view not in IMAGE_VIEWS:
        raise UnknownSlide("export.error.unknown_view", value=view, allowed=", ".join(IMAGE_VIEWS))
    if view in ("trend", "bands"):
        period = _period(session, args.get("period"))  # none given: the latest, as the page
        streams = [w.code for w in queries.workstreams(session)]
        workstream = args.get("workstream") or (streams[0] if streams else None)
        measure = args.get("measure") or Measure.PROGRESS.value
        if measure not in {m.value for m in Measure}:
            raise UnknownSlide("export.error.unknown_view", value=measure,
                               allowed=", ".join(m.value for m in Measure))
        return slide_mod.trend_slide(session, period, workstream, lang, measure=measure,
                                     kind=view, highlight=args.get("highlight"))
    period = _period(session, args.get("period"))
    if view == "region":
        region = args.get("region")
        if not region:
            raise UnknownSlide("export.error.region_required")
        return slide_mod.region_slide(session, period, region, lang)
    return slide_mod.overview_slide(
        session, period, view, lang, args.get("workstream"),
        sort=args.get("sort") if args.get("sort") in ("slide", "value") else "slide",
        deltas=(args.get("deltas") or "").lower() in ("1", "true", "yes", "on"))


def _audit(event: str, **details) -> None:
    from dashboard.auth import current_actor
    from dashboard.security import audit_actor

    audit_actor(event, current_actor(), **details)


def _attachment(data: bytes, mimetype: str, filename: str) -> Response:
    return Response(data, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store"})


def image_view():
    lang = normalise_lang(request.args.get("lang"))
    if not may_export():
        return error_page(403, lang, t("export.error.forbidden", lang))
    try:
        with read_session(_db_url()) as session:
            slide = slide_for(session, request.args, lang)
        png = _renderer().render(slide.figure)
        _audit("export.image", slide=slide.filename,
               for_region=(request.args.get("region") or "")[:40] or None)
    except UnknownSlide as exc:
        return error_page(400, lang, exc.message(lang))
    except ExportUnavailable as exc:
        _log.warning("slide export unavailable: %s", exc)
        return error_page(exc.http_status, lang, exc.message(lang))
    return _attachment(png, "image/png", slide.filename)


def pack_view():
    lang = normalise_lang(request.args.get("lang"))
    if not may_export():
        return error_page(403, lang, t("export.error.forbidden", lang))
    regions = [c for c in (request.args.get("regions") or "").split(",") if c.strip()] or None
    try:
        with read_session(_db_url()) as session:
            period = _period(session, request.args.get("period"))
        pack = build_pack(_db_url(), period, lang, _renderer(), regions=regions)
        _audit("export.pack", period=period, regions=",".join(regions or []) or None)
    except UnknownSlide as exc:
        return error_page(400, lang, exc.message(lang))
    except ExportUnavailable as exc:
        _log.warning("briefing pack unavailable: %s", exc)
        return error_page(exc.http_status, lang, exc.message(lang))
    return _attachment(pack.zip_bytes(), "application/zip", f"{pack.name}.zip")


def register_routes(server: Flask) -> None:
    if IMAGE_PATH in {rule.rule for rule in server.url_map.iter_rules()}:
        return
    server.add_url_rule(IMAGE_PATH, "export_image", image_view)
    server.add_url_rule(PACK_PATH, "export_pack", pack_view)


def register(app) -> None:
    """Wire the export into a Dash app: the routes, and the links into each page's
    `<page>-export-slot` (filled when the slot appears, from the page's URL state)."""
    register_routes(app.server)
    for page in PAGES:
        app.callback(Output(f"{page}-export-slot", "children"),
                     Input(f"{page}-export-slot", "id"),
                     In("url", "pathname"), In("url", "search"))(_fill_slot)


def _fill_slot(_slot_id, pathname, search):
    return export_links(pathname, search) if may_export() else None
