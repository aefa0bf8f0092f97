"""Log-in that holds under attack, against the app as deployed (gunicorn, 2 workers, SQLite):
the lock-out is atomic under parallel attempts, log-out ends the session on the server, the
session's lifetime is absolute, hashes are bounded, attempts are rate-limited."""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from live_gunicorn import Client
from upload_helpers import PASSWORD, Browserless, make_app


def test_parallel_wrong_passwords_cannot_beat_the_lockout(served):
    clients = [Client(served.url) for _ in range(19)]
    tokens = [c.csrf() for c in clients]

    def attempt(i):
        return clients[i].post_form("/kirjaudu", {"username": "lappi", "password": f"väärä-{i}",
                                                  "csrf_token": tokens[i]})
    with ThreadPoolExecutor(19) as pool:
        answers = list(pool.map(attempt, range(19)))
    assert all(a.status in (401, 429) for a in answers)
    checked = sum("väärin" in a.text for a in answers)
    # the 5th failure locks: at most 4 plain "wrong password" answers, however parallel
    assert checked <= 4, [a.status for a in answers]
    right = Client(served.url).login("lappi", PASSWORD)
    assert right.status != 302 and "lukittu" in right.text


def test_a_cookie_copied_before_log_out_is_refused_after_it(served):
    browser = Client(served.url)
    assert browser.login("koordinaattori", PASSWORD).status == 302
    assert browser.get("/").status == 200
    stolen = browser.cookie()
    logout = browser.post_form("/uloskirjautuminen", {"csrf_token": _csrf_of(browser)})
    assert logout.status == 302
    replay = Client(served.url)
    replay.opener.addheaders = [("Cookie", f"tilannekuva_session={stolen}")]
    answer = replay.get("/")
    assert answer.status == 302 and "/kirjaudu" in answer.headers["Location"]
    assert replay.get("/_dash-layout").status == 401
    events = [(e["event"], e.get("outcome"), e["user"]) for e in served.audit_lines()]
    assert ("login", "ok", "koordinaattori") in events
    assert ("logout", None, "koordinaattori") in events


def _csrf_of(browser: Client) -> str:
    """The session's CSRF token: the log-in page shows the same session token to a logged-in
    browser (one token per session)."""
    import re

    return re.search(r'name="csrf_token" value="([^"]+)"', browser.get("/kirjaudu").text).group(1)


def test_failed_log_ins_and_lock_outs_are_logged(served):
    browser = Client(served.url)
    browser.login("kainuu", "väärin-väärin")
    browser.login("eiole", "väärin-väärin")
    lines = served.audit_lines()
    failed = [e for e in lines if e["event"] == "login" and e["outcome"] == "failed"]
    assert {e["user"] for e in failed} == {"kainuu", "eiole"}
    assert all(e["time"] and e["addr"] == "127.0.0.1" for e in failed)


def test_session_lifetime_is_absolute(upload_db, monkeypatch):
    monkeypatch.setenv("TILANNEKUVA_SESSION_HOURS", str(3 / 3600))  # 3 seconds
    web = Browserless(make_app_fresh(upload_db))
    assert web.login("koordinaattori").status_code == 302
    renewed = web.client.get("/")
    assert renewed.status_code == 200
    assert "Set-Cookie" not in renewed.headers  # no sliding renewal on use
    time.sleep(3.2)
    assert web.client.get("/").status_code == 302  # over: log in again


def make_app_fresh(url):
    """A new Flask app (the lifetime setting is read when the app is built)."""
    return make_app(url)


def test_concurrent_hashes_are_bounded_and_the_rest_get_429(upload_db, monkeypatch):
    from dashboard import accounts

    web = Browserless(make_app(upload_db))
    monkeypatch.setattr(accounts, "HASH_WAIT_SECONDS", 0.2)
    taken = 0
    while accounts._hash_slots.acquire(blocking=False):
        taken += 1
    try:
        assert taken == accounts.MAX_CONCURRENT_HASHES
        busy = web.login("kainuu")
        assert busy.status_code == 429 and "kuormitettu" in busy.get_data(as_text=True)
    finally:
        for _ in range(taken):
            accounts._hash_slots.release()
    assert web.login("kainuu").status_code == 302  # nothing was counted against the account


@pytest.mark.parametrize("setting, names", [
    ("TILANNEKUVA_LOGIN_LIMIT_ADDRESS", ["a1-user", "a2-user", "a3-user", "a4-user"]),
    ("TILANNEKUVA_LOGIN_LIMIT_ACCOUNT", ["eiole"] * 4),
])
def test_log_ins_are_rate_limited_per_address_and_per_account(upload_db, monkeypatch,
                                                              setting, names):
    monkeypatch.setenv(setting, "3")
    web = Browserless(make_app(upload_db))
    answers = [web.login(name, "väärin-väärin").status_code for name in names]
    assert answers == [401, 401, 401, 429]
    if setting.endswith("ADDRESS"):
        assert web.login("koordinaattori").status_code == 429  # even the right password
