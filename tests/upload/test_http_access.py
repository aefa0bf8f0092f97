"""Log-in, roles and the upload flow through the HTTP interface of the real app (Flask test
client), including hand-made Dash callback requests for another region and another user's token."""
import json

import pytest
from sqlalchemy import select

import hostile_files
from upload_helpers import PASSWORD, Browserless, dump, filled_sheet, make_app
from domain import db
from domain.schema import Upload, User


@pytest.fixture
def web(upload_db):
    return Browserless(make_app(upload_db))


def text_of(response) -> str:
    return json.dumps(response.get_json(), ensure_ascii=False)


def token_of(response) -> str | None:
    return response.get_json()["response"]["upload-token"]["data"]


def test_login_sets_a_hardened_session_cookie(web):
    response = web.login("kainuu")
    assert response.status_code == 302 and response.headers["Location"].endswith("/lataus")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # off by default (plain http on 127.0.0.1)


def test_secure_cookie_is_a_setting(upload_db, monkeypatch):
    monkeypatch.setenv("TILANNEKUVA_SECURE_COOKIES", "1")
    web = Browserless(make_app(upload_db))
    assert "Secure" in web.login("kainuu").headers["Set-Cookie"]


def test_login_needs_the_csrf_token_and_the_right_password(web):
    no_token = web.client.post("/kirjaudu", data={"username": "kainuu", "password": PASSWORD})
    assert no_token.status_code == 400
    wrong = web.login("kainuu", "väärä-salasana")
    assert wrong.status_code == 401 and "väärin" in wrong.get_data(as_text=True)
    unknown = web.login("eiole", "väärä-salasana")
    assert unknown.status_code == 401  # same answer: usernames cannot be probed
    assert unknown.get_data(as_text=True).count("väärin") == 1


def test_repeated_failures_lock_the_account(web, upload_db):
    for _ in range(5):
        last = web.login("lappi", "väärä-salasana")
    assert "lukittu" in last.get_data(as_text=True)
    refused = web.login("lappi")  # the right password does not help while locked
    assert refused.status_code == 401 and "lukittu" in refused.get_data(as_text=True)
    from dashboard import accounts
    with db.transaction(upload_db) as s:
        accounts.reset_password(s, "lappi", PASSWORD + "-uusi")
    assert web.login("lappi", PASSWORD + "-uusi").status_code == 302


def test_next_parameter_never_redirects_off_site(web):
    csrf = web.csrf()
    response = web.client.post("/kirjaudu", data={
        "username": "koordinaattori", "password": PASSWORD, "csrf_token": csrf,
        "next": "//evil.example/x"})
    assert response.headers["Location"] == "/"


def test_anonymous_users_cannot_upload_or_download(web, upload_db):
    before = dump(upload_db, ("snapshot", "submission", "upload"))
    assert web.client.get("/lataus/pohja?region=kainuu").status_code == 302
    assert web.client.get("/lataus/loki/1/alkuperainen").status_code == 302
    # a non-demo database is closed: an anonymous callback never reaches the upload code
    response = web.upload("kainuu.xlsx", filled_sheet(upload_db, "kainuu", "2021-11"))
    assert response.status_code == 401
    assert web.page("/lataus").status_code == 401
    assert dump(upload_db, ("snapshot", "submission", "upload")) == before


def test_an_uploader_gets_only_its_own_template(web):
    web.login("kainuu")
    own = web.client.get("/lataus/pohja?lang=sv")
    assert own.status_code == 200 and own.data[:2] == b"PK"
    assert "kainuu" in own.headers["Content-Disposition"]
    assert web.client.get("/lataus/pohja?region=lappi&lang=fi").status_code == 403


def test_handmade_callback_for_another_region_is_refused(web, upload_db):
    web.login("kainuu")
    before = dump(upload_db)
    response = web.upload("lappi.xlsx", filled_sheet(upload_db, "lappi", "2021-11"))
    assert response.status_code == 200
    assert "Lappi" in text_of(response) and token_of(response) is None
    assert dump(upload_db) == before
    with db.session_factory(upload_db)() as s:
        assert [u.result for u in s.scalars(select(Upload))] == ["rejected"]


def test_another_users_token_is_refused(web, upload_db):
    coordinator = Browserless(web.app)
    coordinator.login("koordinaattori")
    token = token_of(coordinator.upload("lappi.xlsx", filled_sheet(upload_db, "lappi", "2021-11")))
    assert token
    web.login("kainuu")
    before = dump(upload_db)
    refused = web.confirm(token)
    assert "vanhentunut" in text_of(refused) or "ei löytynyt" in text_of(refused)
    assert dump(upload_db) == before
    assert "Tallennettu" in text_of(coordinator.confirm(token))


def test_full_flow_over_http_and_the_log(web, upload_db):
    web.login("kainuu")
    data = filled_sheet(upload_db, "kainuu", "2021-11", "Valmis")
    preview = web.upload("kainuu marraskuu.xlsx", data)
    assert "Esikatselu" in text_of(preview)
    saved = web.confirm(token_of(preview))
    assert "Tallennettu" in text_of(saved) and "versio 1" in text_of(saved)
    second = web.confirm(token_of(preview))  # replaying the confirmation writes nothing
    assert "Tallennettu" not in text_of(second)
    again = web.upload("kainuu marraskuu v2.xlsx", filled_sheet(upload_db, "kainuu", "2021-11", "Käynnissä"))
    assert "versio 1" in text_of(again)  # the preview says it replaces revision 1
    assert "versio 2" in text_of(web.confirm(token_of(again)))

    # the uploader may not see the log or fetch originals
    assert "oikeutta" in text_of(web.page("/lataus/loki"))
    with db.session_factory(upload_db)() as s:
        first_id = min(u.id for u in s.scalars(select(Upload)))
    assert web.client.get(f"/lataus/loki/{first_id}/alkuperainen").status_code == 403

    coordinator = Browserless(web.app)
    coordinator.login("koordinaattori")
    log = text_of(coordinator.page("/lataus/loki"))
    assert log.count("hyväksytty") == 2 and "kainuu marraskuu v2.xlsx" in log
    original = coordinator.client.get(f"/lataus/loki/{first_id}/alkuperainen")
    assert original.status_code == 200 and original.data == data


@pytest.mark.parametrize("case", hostile_files.corpus(), ids=[c[0] for c in hostile_files.corpus()])
def test_hostile_files_over_http(case, web, upload_db):
    _id, name, data, key = case
    from domain.i18n import t
    web.login("kainuu")
    before = dump(upload_db)
    response = web.upload(name, data)
    assert response.status_code == 200
    body = text_of(response)
    expected = t(key, "fi", size="X", limit="X", suffix="X", part="X", rows="X", cells="X").split("X")[0][:25]
    assert expected in body and token_of(response) is None
    assert "Traceback" not in body and "/work/main" not in body and "/tmp/" not in body
    assert dump(upload_db) == before  # the data is untouched
    with db.session_factory(upload_db)() as s:
        logged = s.scalars(select(Upload)).all()
        assert [(u.result, u.error_count, u.size) for u in logged] == [("rejected", 1, len(data))]
    assert web.client.get("/").status_code == 200  # the server stays up


def test_errors_never_show_a_trace_or_a_path(web):
    web.login("kainuu")
    broken = web.client.post("/_dash-update-component", data=b"{not json",
                             headers={"Content-Type": "application/json"})
    body = broken.get_data(as_text=True)
    assert broken.status_code >= 400
    assert "Traceback" not in body and "/work/main" not in body and ".py\"" not in body
    odd = web.client.post("/_dash-update-component", json={"output": "nothing.children",
                                                           "inputs": [], "changedPropIds": []})
    assert "Traceback" not in odd.get_data(as_text=True)
    assert web.client.get("/lataus/loki/999999/alkuperainen").status_code == 403


def test_login_can_be_required_for_the_dashboards(upload_db, monkeypatch):
    monkeypatch.setenv("TILANNEKUVA_REQUIRE_LOGIN", "1")
    web = Browserless(make_app(upload_db))
    assert web.client.get("/").status_code == 302
    assert web.client.get("/_dash-layout").status_code == 401
    assert web.client.get("/kirjaudu").status_code == 200
    web.login("koordinaattori")
    assert web.client.get("/").status_code == 200
    assert web.client.get("/_dash-layout").status_code == 200


def test_a_real_database_is_closed_by_default(web):
    assert web.client.get("/").status_code == 302
    assert web.client.get("/_dash-layout").status_code == 401
    assert web.client.get("/_dash-dependencies").status_code == 401
    assert web.client.get("/vienti/paketti.zip?period=2021-11").status_code == 302
    assert web.client.get("/healthz").status_code == 200  # the health check stays open


def test_a_demo_database_is_open_with_a_notice(web, upload_db):
    from domain.auth_store import DEMO, mark_kind

    with db.transaction(upload_db) as s:
        mark_kind(s, DEMO)
    assert web.client.get("/").status_code == 200
    assert web.client.get("/_dash-layout").status_code == 200
    assert "Esimerkkitietokanta" in text_of(web.page("/"))


def test_disabling_a_user_ends_their_session(web, upload_db):
    web.login("kainuu")
    assert web.client.get("/lataus/pohja").status_code == 200
    from dashboard import accounts
    with db.transaction(upload_db) as s:
        accounts.set_active(s, "kainuu", False)
    assert web.client.get("/lataus/pohja").status_code == 302


def _admin_upload(browser, kind, name, data, **state):
    import base64
    contents = "data:application/octet-stream;base64," + base64.b64encode(data).decode()
    states = {f"admin-{kind}-file.filename": name, "url.search": "?lang=fi"}
    states.update({f"admin-{k}.value": v for k, v in state.items()})
    return browser.callback(f"admin-{kind}-file", "contents", contents, states)


def test_admin_imports_roadmap_and_summary_tables(web, upload_db, tmp_path):
    from loaders.reference_tables import SHIPPED_CSV_DIR as REFERENCE_CSV_DIR
    from loaders.reference_tables import write_reference_workbooks
    from loaders.roadmap_workbook import write_roadmap_workbook

    roadmap = write_roadmap_workbook(tmp_path / "tiekartta.xlsx").read_bytes()
    tables = write_reference_workbooks(REFERENCE_CSV_DIR, tmp_path / "tables")
    readiness = tables["readiness"].read_bytes()

    # not for uploaders or coordinators: refused, nothing written
    for username in ("kainuu", "koordinaattori"):
        other = Browserless(web.app)
        other.login(username)
        before = dump(upload_db, ("snapshot", "submission", "figure", "task", "upload"))
        assert "oikeutta" in text_of(other.page("/yllapito/tuonti"))
        refused = _admin_upload(other, "summary", "t.xlsx", readiness, period="2021-10")
        assert "oikeutta" in text_of(refused)
        assert dump(upload_db, ("snapshot", "submission", "figure", "task", "upload")) == before

    web.login("yllapito")
    assert "Tiekartan ja koostetaulukoiden tuonti" in text_of(web.page("/yllapito/tuonti"))
    done = _admin_upload(web, "roadmap", "tiekartta.xlsx", roadmap)
    assert "Tuotu:" in text_of(done), text_of(done)[:500]
    no_period = _admin_upload(web, "summary", "valmius.xlsx", readiness, period=None)
    assert "VVVV-KK" in text_of(no_period)
    imported = _admin_upload(web, "summary", "valmius.xlsx", readiness, period="2021-10")
    assert "Tuotu:" in text_of(imported), text_of(imported)[:800]
    with db.session_factory(upload_db)() as s:
        from domain import queries
        hm = queries.heatmap(s, "2021-10", "readiness")
        assert hm.cell("etela-karjala", hm.columns[0].key).percent is not None
        assert [u.result for u in s.scalars(select(Upload).order_by(Upload.id))] == [
            "accepted", "rejected", "accepted"]
    hostile = _admin_upload(web, "roadmap", "pommi.xlsx", hostile_files.ratio_bomb_xlsx())
    assert "purkautuu" in text_of(hostile)
