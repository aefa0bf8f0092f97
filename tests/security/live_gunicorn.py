"""The app as deployed: `python app.py` serving it with gunicorn and 2 worker processes on a
free port, for the HTTP tests (SQLite here, PostgreSQL in tests/postgres/). Plain `requests`-
free HTTP with urllib, one cookie jar per simulated browser."""
from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    def __init__(self, db_url: str, tmp: Path, env: dict | None = None, workers: int = 2):
        self.db_url, self.port = db_url, free_port()
        self.stderr_path = tmp / f"gunicorn-{self.port}.log"
        environ = dict(os.environ, TILANNEKUVA_SECRET_KEY_FILE=str(tmp / "secret_key"),
                       PYTHONUNBUFFERED="1")
        environ.pop("DATABASE_URL", None)
        environ.update(env or {})
        self.stderr = open(self.stderr_path, "w")
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py"), "--db", db_url, "--port", str(self.port),
             "--workers", str(workers)],
            cwd=ROOT, env=environ, stdout=subprocess.DEVNULL, stderr=self.stderr,
            start_new_session=True)
        self._wait_ready()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _wait_ready(self, timeout: float = 90) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited:\n" + self.log())
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as r:
                    if r.status == 200 and len(self.worker_pids()) >= 1:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer /healthz:\n" + self.log())

    def log(self) -> str:
        self.stderr.flush()
        return self.stderr_path.read_text(errors="replace")

    def audit_lines(self) -> list[dict]:
        import json

        out = []
        for line in self.log().splitlines():
            if line.startswith("{") and '"event"' in line:
                out.append(json.loads(line))
        return out

    def worker_pids(self) -> list[int]:
        try:
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
            return [int(p) for p in children.read_text().split()]
        except OSError:
            return []

    def rss_mb(self) -> float:
        """Resident memory of the master and its workers together, in MB."""
        total = 0
        for pid in [self.process.pid, *self.worker_pids()]:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        return total / 1024

    def stop(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)  # our own gunicorn master only
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.stderr.close()


class Client:
    """One browser: its own cookies; no redirects followed (the tests look at them)."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), self._NoRedirect)

    def request(self, method: str, path: str, data: bytes | None = None,
                headers: dict | None = None, timeout: float = 60):
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers=headers or {})
        try:
            response = self.opener.open(req, timeout=timeout)
        except urllib.error.HTTPError as error:
            response = error
        body = response.read()
        return Response(response.status, dict(response.headers), body)

    def get(self, path: str, **kw):
        return self.request("GET", path, **kw)

    def post_form(self, path: str, fields: dict):
        return self.request("POST", path, urllib.parse.urlencode(fields).encode(),
                            {"Content-Type": "application/x-www-form-urlencoded"})

    def post_json(self, path: str, payload, timeout: float = 60):
        import json

        return self.request("POST", path, json.dumps(payload).encode(),
                            {"Content-Type": "application/json"}, timeout=timeout)

    def csrf(self) -> str:
        page = self.get("/kirjaudu").text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def login(self, username: str, password: str):
        return self.post_form("/kirjaudu", {"username": username, "password": password,
                                            "csrf_token": self.csrf()})

    def cookie(self, name: str = "tilannekuva_session") -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)


class Response:
    def __init__(self, status: int, headers: dict, body: bytes):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self):
        import json

        return json.loads(self.body)


@dataclass
class Watched:
    """What `while_watching` saw: the action's result and time, the server's memory before and
    at its peak, and another user's `/healthz` answers meanwhile (status, seconds)."""

    result: object
    elapsed: float
    baseline_mb: float
    peak_mb: float
    others: list[tuple[int, float]] = field(default_factory=list)

    @property
    def slowest_other(self) -> float:
        return max((t for _, t in self.others), default=0.0)


def while_watching(server: "Gunicorn", other: "Client", action) -> Watched:
    """Run `action()` while another user polls `/healthz` and the server's memory is sampled
    every 50 ms: how a heavy request weighs on the served app (tests and bench/)."""
    baseline = server.rss_mb()
    peak, others, done = [baseline], [], threading.Event()

    def watch():  # one sample at least, however fast the action
        while True:
            peak.append(server.rss_mb())
            started = time.perf_counter()
            status = other.get("/healthz").status
            others.append((status, time.perf_counter() - started))
            if done.wait(0.05):
                return
    watcher = threading.Thread(target=watch)
    watcher.start()
    started = time.perf_counter()
    try:
        result = action()
    finally:
        elapsed = time.perf_counter() - started
        done.set()
        watcher.join()
    return Watched(result, elapsed, baseline, max(peak), others)
