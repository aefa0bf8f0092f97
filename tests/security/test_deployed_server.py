"""The app as deployed (gunicorn, 2 workers, a real SQLite file): closed by default, health
check, security headers, the "too large" page, and the hidden-large-cell upload refused in
bounded time and memory while pages keep answering."""
from __future__ import annotations

import base64
import http.client
import re
import time

from hostile_large import hidden_large_cell_xlsx
from live_gunicorn import Client, while_watching
from upload_helpers import PASSWORD


def test_a_real_database_needs_a_log_in_for_everything(served):
    anonymous = Client(served.url)
    for path in ("/", "/alue/kainuu", "/trendit", "/lataus/loki", "/vienti/paketti.zip"):
        answer = anonymous.get(path)
        assert answer.status == 302 and answer.headers["Location"].startswith("/kirjaudu"), path
    for path in ("/_dash-layout", "/_dash-dependencies"):
        assert anonymous.get(path).status == 401
    callback = anonymous.post_json("/_dash-update-component", {"output": "page-root.children"})
    assert callback.status == 401
    reader = Client(served.url)
    assert reader.login("koordinaattori", PASSWORD).status == 302
    assert reader.get("/_dash-layout").status == 200


def test_health_check_reads_the_database(served):
    answer = Client(served.url).get("/healthz")
    assert answer.status == 200 and answer.json() == {"status": "ok", "database": "ok"}


def test_security_headers_and_no_server_version(served):
    headers = Client(served.url).get("/kirjaudu").headers
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "'unsafe-eval'" not in csp and "script-src 'self' 'sha256-" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert not re.search(r"\d", headers.get("Server", "")), headers.get("Server")
    assert "werkzeug" not in headers.get("Server", "").lower()


def _post_streamed(port: int, path: str, size: int, content_type: str, cookie: str = ""):
    """POST `size` bytes without holding them in memory."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.putrequest("POST", path)
    conn.putheader("Content-Type", content_type)
    conn.putheader("Content-Length", str(size))
    if cookie:
        conn.putheader("Cookie", cookie)
    conn.endheaders()
    block = b"x" * (1024 * 1024)
    sent = 0
    try:
        while sent < size:
            conn.send(block[: min(len(block), size - sent)])
            sent += min(len(block), size - sent)
    except (BrokenPipeError, ConnectionResetError):
        pass
    response = conn.getresponse()
    body = response.read().decode("utf-8", errors="replace")
    conn.close()
    return response.status, response.getheader("Content-Type"), body


def test_an_oversized_request_gets_the_translated_too_large_page(served):
    browser = Client(served.url)
    assert browser.login("kainuu", PASSWORD).status == 302
    cookie = f"tilannekuva_session={browser.cookie()}"
    size = 280 * 1024 * 1024
    status, kind, body = _post_streamed(served.port, "/kirjaudu?lang=fi", size,
                                        "application/x-www-form-urlencoded", cookie)
    assert status == 413 and kind.startswith("text/html")
    assert "Lähetys on liian suuri" in body and "Traceback" not in body
    status, kind, body = _post_streamed(served.port, "/_dash-update-component", 40 * 1024 * 1024,
                                        "application/json", cookie)
    assert status == 413 and "liian suuri" in body.encode().decode("unicode_escape")


def test_an_anonymous_oversized_request_gets_the_too_large_page_too(served):
    """On a closed database an anonymous sender once got a 401 before the body was read (a
    broken connection); now the body is drained in 1 MB chunks and the 413 page is sent."""
    before = served.rss_mb()
    status, kind, body = _post_streamed(served.port, "/?lang=sv", 120 * 1024 * 1024,
                                        "application/x-www-form-urlencoded")
    assert status == 413 and kind.startswith("text/html"), (status, body[:200])
    assert "413" in body and "Traceback" not in body and 'lang=\'sv\'' in body
    status, kind, body = _post_streamed(served.port, "/_dash-update-component?lang=en",
                                        40 * 1024 * 1024, "application/json")
    assert status == 413 and kind.startswith("application/json"), (status, body[:200])
    assert served.rss_mb() - before < 100  # never the whole body in memory


def _upload_payload(data: bytes) -> dict:
    contents = ("data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,"
                + base64.b64encode(data).decode())
    return {"output": "..upload-result.children...upload-token.data...upload-file.contents..",
            "outputs": [{"id": "upload-result", "property": "children"},
                        {"id": "upload-token", "property": "data"},
                        {"id": "upload-file", "property": "contents"}],
            "inputs": [{"id": "upload-file", "property": "contents", "value": contents}],
            "changedPropIds": ["upload-file.contents"],
            "state": [{"id": "upload-file", "property": "filename", "value": "kainuu.xlsx"},
                      {"id": "url", "property": "search", "value": "?lang=fi"},
                      {"id": "upload-correction", "property": "value", "value": None}]}


def test_a_hidden_95_mb_cell_is_refused_fast_in_bounded_memory(served):
    """The 1.2 MB workbook hiding a 95 MB cell: refused in under 2 s, the server's memory grows
    by less than 100 MB, the answer quotes no huge value, other users' pages keep answering."""
    data = hidden_large_cell_xlsx(95)
    assert len(data) < 2 * 1024 * 1024
    uploader, reader = Client(served.url), Client(served.url)
    assert uploader.login("kainuu", PASSWORD).status == 302
    assert reader.login("koordinaattori", PASSWORD).status == 302
    reader.get("/_dash-layout")
    payload = _upload_payload(data)
    uploader.post_json("/_dash-update-component", _upload_payload(b"warm-up"))  # import paths
    time.sleep(0.5)
    seen = while_watching(served, reader,
                          lambda: uploader.post_json("/_dash-update-component", payload))
    answer, elapsed = seen.result, seen.elapsed
    growth = seen.peak_mb - seen.baseline_mb
    print(f"\nrefused in {elapsed:.2f} s; memory {seen.baseline_mb:.0f} MB + {growth:.0f} MB; "
          f"response {len(answer.body)} bytes; pages answered in max "
          f"{seen.slowest_other * 1000:.0f} ms")
    assert answer.status == 200, answer.text[:300]
    assert "32\u00a0767" in answer.text.encode().decode("unicode_escape")
    assert elapsed < 2.0
    assert growth < 100
    assert len(answer.body) < 50_000  # no echo of the value
    assert seen.others and all(status == 200 for status, _ in seen.others)
    assert seen.slowest_other < 2.0
    rejected = [e for e in served.audit_lines() if e["event"] == "upload.reject"]
    assert rejected and rejected[-1]["user"] == "kainuu" and rejected[-1]["region"] == "kainuu"


def test_the_whitespace_in_tag_cell_flood_is_counted():
    """A million cells written as `<c\\tr=…/>` (1.7 MB file): counted and refused."""
    from hostile_large import whitespace_cell_flood_xlsx
    from loaders.file_safety import UnsafeFile, check_upload

    data = whitespace_cell_flood_xlsx()
    assert len(data) < 10 * 1024 * 1024
    try:
        check_upload(data, "solut.xlsx")
    except UnsafeFile as refused:
        assert refused.key == "upload.file.too_many_rows"
    else:
        raise AssertionError("a million cells passed the cell-count limit")


def test_a_refused_original_is_quarantined_never_served_back(upload_db):
    """Refused files: kept only under the size cap, never downloadable again (a macro workbook
    would otherwise come back as it was sent)."""
    import hostile_files
    from sqlalchemy import select

    from dashboard import uploads
    from domain import db
    from domain.schema import Upload, UploadFile
    from upload_helpers import actor

    coordinator = actor(upload_db, "koordinaattori")
    macro = uploads.preview(upload_db, coordinator, "makrot.xlsx", hostile_files.macro_xlsx())
    big = uploads.preview(upload_db, coordinator, "iso.xlsx",
                          b"PK\x03\x04" + b"\x00" * (uploads.QUARANTINE_MAX_BYTES + 10))
    assert isinstance(macro, uploads.Rejection) and isinstance(big, uploads.Rejection)
    with db.session_factory(upload_db)() as s:
        kept = set(s.scalars(select(UploadFile.upload_id)))
        assert macro.upload_id in kept and big.upload_id not in kept  # over the cap: not kept
        assert s.get(Upload, big.upload_id).size == uploads.QUARANTINE_MAX_BYTES + 14
    try:
        uploads.original(upload_db, coordinator, macro.upload_id)
    except uploads.UploadRefused as refused:
        assert refused.key == "security.quarantined"
    else:
        raise AssertionError("a refused macro workbook was served back")
    import datetime as dt

    with db.transaction(upload_db) as s:
        assert uploads.purge_quarantine(s, at=dt.datetime.now() + dt.timedelta(days=31)) == 1
