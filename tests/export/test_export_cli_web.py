"""`tilannekuva export` exit codes and files, and the web routes and links on the Dash server."""
from __future__ import annotations

import io
import time
import zipfile

import pytest
from click.testing import CliRunner
from pptx import Presentation

from dashboard.export import web
from dashboard.export.renderer import SlideRenderer
from tilannekuva.cli import cli

from .conftest import png_stats

pytestmark = pytest.mark.browser


def run(db_url: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db_url, *args], catch_exceptions=False)


# --- CLI ---------------------------------------------------------------------------------

@pytest.mark.parametrize("args,words", [
    (["--period", "2021-13"], "VVVV-KK"),
    (["--period", "2030-01"], "2021-10, 2021-11, 2021-12"),
    (["--period", "2021-12", "--regions", "lappi,narnia"], "narnia"),
])
def test_cli_invalid_input_exits_2_and_writes_nothing(export_db, tmp_path, args, words):
    out = tmp_path / "briefing"
    result = run(export_db, "export", *args, "--out", str(out))
    assert result.exit_code == 2
    assert words in result.output
    assert not out.exists()


def test_cli_without_a_browser_exits_3_at_once_with_what_to_install(export_db, tmp_path):
    out = tmp_path / "briefing"
    began = time.monotonic()
    result = run(export_db, "export", "--period", "2021-12", "--out", str(out),
                 "--browser", "/nonexistent/chromium")
    assert time.monotonic() - began < 15
    assert result.exit_code == 3
    assert "apt-get install chromium" in result.output
    assert not out.exists()


@pytest.mark.slow
def test_cli_writes_the_swedish_pack_with_deck_and_zip(export_db, tmp_path):
    out = tmp_path / "briefing"
    result = run(export_db, "export", "--period", "2021-11", "--out", str(out), "--lang", "sv",
                 "--pptx", "--zip", "--regions", "pohjanmaa")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert "alue_pohjanmaa_2021-11_sv.png" in names
    assert "valmiusaste_2021-11_sv.png" in names
    assert "tiedotepaketti_2021-11_sv.pptx" in names and "tiedotepaketti_2021-11_sv.zip" in names
    pngs = [n for n in names if n.endswith(".png")]
    assert len(pngs) == 2 + 5 + 1 + 10
    assert all(png_stats((out / n).read_bytes())[0] == (1920, 1080) for n in pngs)
    deck = Presentation(str(out / "tiedotepaketti_2021-11_sv.pptx"))
    assert len(deck.slides) == len(pngs) + 1
    first = "\n".join(s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame)
    assert "Lägesbilden 11/2021 i korthet" in first
    assert "Största förändringarna sedan föregående lägesbild (10/2021)" in first
    with zipfile.ZipFile(out / "tiedotepaketti_2021-11_sv.zip") as archive:
        assert len(archive.namelist()) == len(pngs) + 1
    assert "Skrev 20 filer" in result.output  # messages in the asked language too


# --- web ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client(export_db, renderer):
    from dashboard.app import create_app

    app = create_app(export_db)
    app.server.config[web.RENDERER_KEY] = renderer
    return app.server.test_client()


def test_slide_png_route_gives_the_page_view_as_a_named_full_hd_png(client):
    response = client.get("/vienti/kuva.png?view=subareas&workstream=htt&period=2021-12&lang=sv")
    assert response.status_code == 200
    assert response.mimetype == "image/png"
    assert response.headers["Content-Disposition"] == \
        'attachment; filename="osa-alueet_htt_2021-12_sv.png"'
    size, colours, _ = png_stats(response.data)
    assert size == (1920, 1080) and colours > 20


def test_region_and_trend_slides_default_to_the_latest_snapshot(client):
    response = client.get("/vienti/kuva.png?view=region&region=lappi")
    assert response.status_code == 200
    assert 'filename="alue_lappi_2021-12_fi.png"' in response.headers["Content-Disposition"]
    response = client.get("/vienti/kuva.png?view=bands&workstream=yp&lang=en")
    assert 'filename="alueluokat_progress_yp_2021-12_en.png"' in \
        response.headers["Content-Disposition"]


@pytest.mark.parametrize("query,words", [
    ("view=region&region=narnia", "Tuntematon alue narnia"),
    ("view=region", "tarvitsee alueen"),
    ("view=pie", "Tuntematon näkymä pie"),
    ("view=readiness&period=2030-01", "Tilannekuvaa 2030-01 ei ole"),
    ("view=readiness&period=maaliskuu", "VVVV-KK"),
])
def test_bad_parameters_get_a_translated_400_page(client, query, words):
    response = client.get(f"/vienti/kuva.png?{query}")
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert words in body and "Traceback" not in body


def test_without_chromium_the_server_says_what_to_install_and_the_app_still_works(export_db):
    from dashboard.app import create_app

    app = create_app(export_db)
    app.server.config[web.RENDERER_KEY] = SlideRenderer("/nonexistent/chromium")
    c = app.server.test_client()
    began = time.monotonic()
    response = c.get("/vienti/kuva.png?view=readiness&lang=sv")
    assert time.monotonic() - began < 10
    assert response.status_code == 503
    body = response.get_data(as_text=True)
    assert "apt-get install chromium" in body and "Chromium" in body and "Traceback" not in body
    assert c.get("/vienti/paketti.zip?period=2021-12").status_code == 503
    assert c.get("/").status_code == 200  # the dashboard itself is unaffected


def test_page_links_carry_the_page_state():
    links = web.page_image_links("/", web.parse("?view=subareas&workstream=htt&period=2021-11"
                                                "&sort=value&deltas=1&lang=sv"))
    assert links == [("Exportera som bild (PNG)", "/vienti/kuva.png?view=subareas&period=2021-11"
                      "&lang=sv&workstream=htt&sort=value&deltas=1")]
    (label, href), = web.page_image_links("/alue/lappi", web.parse("?period=2021-10"))
    assert label == "Vie diaksi (PNG)"
    assert href == "/vienti/kuva.png?view=region&region=lappi&period=2021-10&lang=fi"
    trend = web.page_image_links("/trendit", web.parse("?measure=readiness_done&workstream=yp"))
    assert [h for _, h in trend] == [
        "/vienti/kuva.png?view=trend&measure=readiness_done&workstream=yp&lang=fi",
        "/vienti/kuva.png?view=bands&measure=readiness_done&workstream=yp&lang=fi"]
    assert web.pack_href("2021-11", "sv") == "/vienti/paketti.zip?period=2021-11&lang=sv"


def test_export_slot_callback_fills_the_page_header(client):
    payload = {
        "output": "overview-export-slot.children",
        "outputs": {"id": "overview-export-slot", "property": "children"},
        "inputs": [{"id": "overview-export-slot", "property": "id",
                    "value": "overview-export-slot"}],
        "state": [{"id": "url", "property": "pathname", "value": "/"},
                  {"id": "url", "property": "search", "value": "?view=progress&period=2021-11"}],
        "changedPropIds": []}
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "Vie diaksi (PNG)" in text and "Tiedotepaketti (zip)" in text
    assert "view=progress\\u0026period=2021-11" in text or "view=progress&period=2021-11" in text


@pytest.mark.slow
def test_briefing_pack_route_returns_the_zip(client):
    response = client.get("/vienti/paketti.zip?period=2021-10&lang=fi&regions=hus")
    assert response.status_code == 200
    assert 'filename="tiedotepaketti_2021-10_fi.zip"' in response.headers["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        names = archive.namelist()
    assert "tiedotepaketti_2021-10_fi/alue_hus_2021-10_fi.png" in names
    assert "tiedotepaketti_2021-10_fi/tiedotepaketti_2021-10_fi.pptx" in names
    assert len(names) == 2 + 5 + 1 + 10 + 1


def test_with_log_in_required_only_coordinators_export(export_db, renderer, monkeypatch):
    from dashboard.accounts import create_user, find_user
    from dashboard.app import create_app
    from domain import db as domain_db

    monkeypatch.setenv("TILANNEKUVA_REQUIRE_LOGIN", "1")
    monkeypatch.setenv("TILANNEKUVA_SECRET_KEY", "test-secret")
    with domain_db.transaction(export_db) as s:
        for name, role, region in (("vienti-koord", "coordinator", None),
                                   ("vienti-lappi", "region_uploader", "lappi")):
            if find_user(s, name) is None:
                create_user(s, name, "Salasana-123456", role, region)
    app = create_app(export_db)
    app.server.config[web.RENDERER_KEY] = renderer
    url = "/vienti/kuva.png?view=readiness&period=2021-12"

    anonymous = app.server.test_client()
    assert anonymous.get(url).status_code == 302  # to the log-in page

    def logged_in(name):
        client = app.server.test_client()
        client.get("/kirjaudu")
        with client.session_transaction() as sess:
            token = sess["csrf"]
        response = client.post("/kirjaudu", data={"username": name, "password": "Salasana-123456",
                                                   "csrf_token": token})
        assert response.status_code == 302, response.get_data(as_text=True)[:300]
        return client

    uploader = logged_in("vienti-lappi")
    response = uploader.get(url)
    assert response.status_code == 403
    assert "koordinaattoreiden" in response.get_data(as_text=True)
    coordinator = logged_in("vienti-koord")
    response = coordinator.get(url)
    assert response.status_code == 200 and response.mimetype == "image/png"
