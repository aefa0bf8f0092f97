"""Rounds through the real app's HTTP interface (Flask test client): hand-made Dash callback
POSTs that try to write a month with no open round, a published month, or another region's
data are refused on the server with nothing written; who sees an open round; the submission
board, its downloads and its actions for coordinators only."""
from __future__ import annotations

import datetime as dt
import io
import json
import re

import openpyxl
import pytest
from sqlalchemy import select, text

from domain import db, rounds
from domain.schema import Upload
from upload_helpers import Browserless, filled_sheet, make_app


@pytest.fixture
def web(rounds_db):
    return Browserless(make_app(rounds_db))


def open_to_anonymous(url: str) -> None:
    """Only a database marked as a demo can be read without logging in (issue 9): these tests
    check what anonymous readers of such an open database see of an open round."""
    from domain import db
    from domain.auth_store import DEMO, mark_kind

    with db.transaction(url) as session:
        mark_kind(session, DEMO)


def text_of(response) -> str:
    return json.dumps(response.get_json(), ensure_ascii=False)


def token_of(response):
    return response.get_json()["response"]["upload-token"]["data"]


def dump(url):
    with db.get_engine(url).connect() as conn:
        return {t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1"))]
                for t in ("snapshot", "reporting_round", "submission", "task_status", "figure")}


def open_round(url, period, deadline=dt.date(2030, 1, 31)):
    with db.transaction(url) as s:
        rounds.open_round(s, period, deadline)


def publish(url, period):
    with db.transaction(url) as s:
        rounds.publish_round(s, period)


def route(web, path, search=""):
    payload = {"output": "page-root.children",
               "outputs": {"id": "page-root", "property": "children"},
               "inputs": [{"id": "url", "property": "pathname", "value": path},
                          {"id": "url", "property": "search", "value": search}],
               "changedPropIds": ["url.pathname"]}
    return json.dumps(web.client.post("/_dash-update-component", json=payload).get_json(),
                      ensure_ascii=False)


def test_handmade_upload_into_a_month_with_no_open_round_is_refused(web, rounds_db):
    sheet = filled_sheet(rounds_db, "kainuu", "2022-03")
    web.login("kainuu")
    page = route(web, "/lataus", "?lang=fi")
    assert "Yhtään raportointikierrosta ei ole nyt auki" in page
    assert "ohjelmatoimisto avaa kuukauden" in page  # the next step is named
    before = dump(rounds_db)
    response = web.upload("kainuu.xlsx", sheet)
    assert response.status_code == 200 and token_of(response) is None
    assert "Kuukaudelle 3/2022 ei ole avointa raportointikierrosta" in text_of(response)
    assert dump(rounds_db) == before
    coordinator = Browserless(web.app)
    coordinator.login("koordinaattori")
    assert token_of(coordinator.upload("kainuu.xlsx", sheet)) is None  # nobody may
    assert dump(rounds_db) == before
    with db.session_factory(rounds_db)() as s:
        assert [(u.result, u.error_count) for u in s.scalars(select(Upload))] == \
            [("rejected", 1), ("rejected", 1)]


def test_handmade_upload_for_another_region_into_an_open_round_is_refused(web, rounds_db):
    open_round(rounds_db, "2022-03")
    web.login("kainuu")
    before = dump(rounds_db)
    response = web.upload("lappi.xlsx", filled_sheet(rounds_db, "lappi", "2022-03"))
    assert token_of(response) is None
    assert "Tiedosto koskee aluetta Lappi" in text_of(response)
    assert dump(rounds_db) == before


def test_a_region_sends_into_the_open_round_but_never_into_a_published_one(web, rounds_db):
    open_round(rounds_db, "2022-03")
    web.login("kainuu")
    page = route(web, "/lataus", "?lang=fi")
    assert "Avoin raportointikierros: 3/2022, määräpäivä 31.1.2030." in page
    assert "Alue Kainuu ei ole vielä lähettänyt kuukautta 3/2022." in page
    preview = web.upload("kainuu maaliskuu.xlsx", filled_sheet(rounds_db, "kainuu", "2022-03"))
    assert "Tiedosto kainuu maaliskuu.xlsx menee raportointikierrokseen 3/2022 (avoin" \
        in text_of(preview)
    # the office publishes between the preview and the confirmation: refused at confirm
    publish(rounds_db, "2022-03")
    before = dump(rounds_db)
    refused = web.confirm(token_of(preview))
    assert "on julkaistu, eikä sitä voi enää muuttaa" in text_of(refused)
    assert dump(rounds_db) == before
    again = web.upload("kainuu.xlsx", filled_sheet(rounds_db, "kainuu", "2022-03", "Valmis"),
                       lang="sv")
    assert token_of(again) is None and "är publicerad och kan inte längre ändras" in text_of(again)
    # even a hand-made correction reason does not open it for an uploader
    crafted = web.callback("upload-file", "contents", "data:x;base64," + __import__("base64")
                           .b64encode(filled_sheet(rounds_db, "kainuu", "2022-03")).decode(),
                           {"upload-file.filename": "k.xlsx", "url.search": "?lang=fi",
                            "upload-correction.value": "minä korjaan"})
    assert token_of(crafted) is None
    assert dump(rounds_db) == before


def test_a_coordinator_corrects_a_published_month_only_with_a_reason(web, rounds_db):
    open_round(rounds_db, "2022-03")
    publish(rounds_db, "2022-03")
    web.login("koordinaattori")
    sheet = filled_sheet(rounds_db, "lappi", "2022-03", "Valmis")
    no_reason = web.upload("lappi.xlsx", sheet, lang="en")
    assert token_of(no_reason) is None and "needs a reason" in text_of(no_reason)
    state = {"upload-file.filename": "lappi.xlsx", "url.search": "?lang=fi",
             "upload-correction.value": "Lapin luvut korjattu puhelimessa sovitusti"}
    import base64
    contents = "data:x;base64," + base64.b64encode(sheet).decode()
    preview = web.callback("upload-file", "contents", contents, state)
    token = token_of(preview)
    assert token
    saved = web.callback("upload-confirm", "n_clicks", 1,
                         {"upload-token.data": token, "url.search": "?lang=fi",
                          "upload-correction.value": state["upload-correction.value"]})
    assert "Tallennettu" in text_of(saved)
    region_page = route(web, "/alue/lappi", "?period=2022-03")
    today = rounds.local_date(dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
    assert f"korjattu {today.day}.{today.month}.{today.year}: Lapin luvut korjattu " \
           f"puhelimessa sovitusti" in region_page


def test_only_coordinators_see_an_open_round(web, rounds_db, tmp_path):
    open_round(rounds_db, "2022-02")
    publish_sheet = filled_sheet(rounds_db, "kainuu", "2022-02")
    from loaders.status_sheet import import_status
    import_status(rounds_db, io.BytesIO(publish_sheet))
    publish(rounds_db, "2022-02")
    open_round(rounds_db, "2022-03")
    import_status(rounds_db, io.BytesIO(filled_sheet(rounds_db, "kainuu", "2022-03", "Valmis")))

    open_to_anonymous(rounds_db)
    anonymous = route(web, "/", "?period=2022-03")  # asks for the open round by hand
    assert "Tilannekuva 2/2022" in anonymous
    assert "kesken" not in anonymous and "3/2022" not in anonymous
    web.login("kainuu")  # a region uploader is no coordinator either
    assert "kesken" not in route(web, "/", "?period=2022-03")
    assert "board-forbidden" in route(web, "/raportointitilanne")
    assert web.client.get("/raportointitilanne/lataa.csv?period=2022-03").status_code == 403
    assert "Raportointitilanne" not in route(web, "/")  # not in the nav

    coordinator = Browserless(web.app)
    coordinator.login("koordinaattori")
    default = route(coordinator, "/")
    assert "Tilannekuva 2/2022" in default and "kesken" not in default  # default: published
    chosen = route(coordinator, "/", "?period=2022-03")
    assert "Tilannekuva 3/2022" in chosen and "kesken – 1/23 raportoinut" in chosen
    assert "Raportointitilanne" in chosen  # linked in the nav


def test_board_downloads_and_actions_for_coordinators(web, rounds_db):
    web.login("koordinaattori")
    from dashboard.pages import board
    from dashboard.auth import SessionUser
    from domain.schema import User

    with db.session_factory(rounds_db)() as s:
        coordinator = SessionUser.of(s.scalar(select(User).where(User.username == "koordinaattori")))
        uploader = SessionUser.of(s.scalar(select(User).where(User.username == "kainuu")))
    before = dump(rounds_db)
    note, href = board.handle_open(uploader, rounds_db, "2022-03", "20.4.2022", "", "fi")
    assert href is None and dump(rounds_db) == before
    note, href = board.handle_open(coordinator, rounds_db, "2100-12", "1.1.2101", "", "sv")
    assert href is None and "utanför programmets månader" in str(note)
    note, href = board.handle_open(coordinator, rounds_db, "2022-03", "20.4.2022", "", "fi")
    assert href == "/raportointitilanne?lang=fi&period=2022-03"
    board_page = route(web, "/raportointitilanne", "?period=2022-03")
    assert "avoin · määräpäivä 20.4.2022 · raportoinut 0/23, puuttuu 23" in board_page
    csv = web.client.get("/raportointitilanne/lataa.csv?period=2022-03&lang=fi")
    assert csv.status_code == 200 and csv.data.startswith(b"\xef\xbb\xbf")
    lines = csv.data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Alue;Lähetetty;Versio;Milloin;Lähettäjä;Myöhässä;Hylätyt yritykset (ongelmia)"
    assert lines[1] == "Etelä-Karjala;ei;;;;;" and len(lines) == 24
    xlsx = web.client.get("/raportointitilanne/lataa.xlsx?period=2022-03&lang=en")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.data)).active
    assert sheet["A1"].value.startswith("Reporting status 3/2022")
    assert [c.value for c in sheet[4]][:3] == ["Region", "Sent", "Revision"]
    assert sheet["A5"].value == "South Karelia" and sheet["A5"].fill.fgColor.rgb.endswith("D9D9D9")
    note, href = board.handle_publish(uploader, rounds_db, "2022-03", "fi")
    assert href is None
    note, href = board.handle_publish(coordinator, rounds_db, "2022-03", "fi")
    assert href and "julkaistu" in str(note)
    note, href = board.handle_publish(coordinator, rounds_db, "2022-03", "en")
    assert href is None and "already published" in str(note)


def test_an_open_round_is_not_exported_or_downloaded_for_anonymous_readers(web, rounds_db):
    open_round(rounds_db, "2022-03")
    url = "/vienti/kuva.png?view=readiness&period=2022-03&lang=fi"
    assert web.client.get(url).status_code == 302  # a real database: log in first
    open_to_anonymous(rounds_db)
    response = web.client.get(url)
    assert response.status_code == 400
    assert re.search("2022-03", response.get_data(as_text=True))
    data = web.client.get("/lataa/yleiskuva.csv?period=2022-03&lang=fi")
    assert data.status_code == 400
    coordinator = Browserless(web.app)
    coordinator.login("koordinaattori")
    assert coordinator.client.get("/lataa/yleiskuva.csv?period=2022-03&lang=fi").status_code == 200


def test_the_issues_reproduction_on_the_demo_is_refused(demo_template, tmp_path):
    """The issue's steps: a region uploader sends 12/2100 and overwrites Kainuu's real 10/2021
    figures. Both are refused now; the real figure and everyone's default view stay."""
    from dashboard import accounts
    from domain import queries
    from tests.conftest import copy_demo
    from upload_helpers import PASSWORD

    url = copy_demo(demo_template, tmp_path / "demo")
    with db.transaction(url) as s:
        accounts.create_user(s, "kainuu", PASSWORD, "region_uploader", "kainuu", "Kainuu")
    web = Browserless(make_app(url))
    web.login("kainuu")
    with db.session_factory(url)() as s:
        real = queries.heatmap(s, "2021-10", "readiness").cell("kainuu", "htt:readiness_done")
        default = queries.latest_published(s).period
    assert real.percent == 8 and default == "2021-12"
    before = dump(url)
    for period in ("2021-10", "2100-12"):
        sheet = filled_sheet(url, "kainuu", period, "Valmis")
        response = web.upload(f"kainuu-{period}.xlsx", sheet)
        assert token_of(response) is None, period
    assert dump(url) == before
    assert "Tilannekuva 12/2021" in route(web, "/")
    with db.session_factory(url)() as s:
        assert queries.heatmap(s, "2021-10", "readiness").cell(
            "kainuu", "htt:readiness_done").percent == 8


def test_handmade_board_callbacks_of_a_region_user_are_refused(web, rounds_db):
    web.login("kainuu")
    before = dump(rounds_db)
    opened = web.callback("board-open", "n_clicks", 1, {
        "board-open-period.value": "2022-03", "board-open-deadline.value": "20.4.2022",
        "board-open-report.value": "", "url.search": "?lang=en"})
    assert opened.status_code == 200
    assert "programme office's view" in text_of(opened)
    assert dump(rounds_db) == before
    open_round(rounds_db, "2022-03")
    before = dump(rounds_db)
    published = web.callback("board-publish", "n_clicks", 1, {
        "board-period.value": "2022-03", "url.search": "?lang=fi"})
    assert "ohjelmatoimiston" in text_of(published)
    assert dump(rounds_db) == before
    anonymous = Browserless(web.app)
    refused = anonymous.callback("board-publish", "n_clicks", 1, {
        "board-period.value": "2022-03", "url.search": "?lang=fi"})
    assert refused.status_code in (200, 401) and dump(rounds_db) == before
