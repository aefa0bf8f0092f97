"""Server time of every dashboard page at municipal scale, on SQLite and PostgreSQL, at three
sizes with growth ratios.

    .venv/bin/python bench/callbacks_bench.py [--size 368] [--months 36] [--tasks 400]
                                              [--backend sqlite|postgres|both] [--repeat 20]
                                              [--rebuild]

`--size N` is the largest number of organisations; the bench runs N/16, N/4 and N (368 → 23,
92, 368: the 23 real regions, then synthetic organisations 'Organisaatio 024' …). Each size has
`--tasks` tasks and `--months` monthly snapshots (368 × 400 × 36 = 5.3 M task statuses).

Datasets are written straight through `domain.store.record_task_submission` (the loaders' write
side, without generating and parsing thousands of xlsx files) once, and kept under bench/out/
(SQLite files, and a PostgreSQL data folder served on a Unix socket while the bench runs);
--rebuild makes them again. While building, the time of each import is recorded: the "build ms
per import" column shows whether an import costs the same whatever the number of organisations.

Per page, the server time of the router callback through Flask's test client (routing, queries,
layout, JSON), wall clock p50/p95 in ms. The goal: every page p95 ≤ 100 ms at the largest size,
and the sub-area view flat as history grows. Load average is printed: 2 shared cores make wall
clock noisy.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from domain import db  # noqa: E402
from domain.metrics import month_periods  # noqa: E402

OUT = ROOT / "bench" / "out"
GOAL_MS = 100.0


# --- datasets --------------------------------------------------------------------------------

def build(url: str, orgs: int, months: int, tasks: int) -> list[float]:
    """Write the dataset; return the milliseconds of each import (one region × month)."""
    from domain import store
    from domain.schema import Region
    from tests.dashboard.seed import evolve, seed_reference

    with db.transaction(url) as session:
        seed_reference(session, total_tasks=tasks)
        for n in range(23, orgs):
            session.add(Region(code=f"org-{n + 1:03d}", position=n, name_fi=f"Organisaatio {n + 1:03d}",
                               name_sv=f"Organisation {n + 1:03d}", name_en=f"Organisation {n + 1:03d}"))
    rng = random.Random(11)
    state: dict = {}
    times: list[float] = []
    with db.session_factory(url)() as session:
        task_rows = store.load_task_rows(session)
    for period in month_periods("2020-01", months):
        with db.transaction(url) as session:
            regions = list(session.query(Region).order_by(Region.position))
            snap = store.ensure_snapshot(session, period, is_synthetic=True)
            for region in regions:
                statuses = {}
                for task in task_rows:
                    status = evolve(state.get((region.id, task.id)), rng, 0.08)
                    state[(region.id, task.id)] = status
                    statuses[task.id] = (status, "Huomio" if rng.random() < 0.03 else None)
                t0 = time.perf_counter()
                store.record_task_submission(session, region=region, snapshot=snap,
                                             statuses=statuses, is_synthetic=True, tasks=task_rows)
                session.flush()
                times.append((time.perf_counter() - t0) * 1000)
        print(f"    {period}: {len(times)} imports, median {statistics.median(times):.1f} ms",
              flush=True)
    with db.get_engine(url).begin() as conn:  # what an operator runs after a bulk load
        from sqlalchemy import text
        conn.execute(text("ANALYZE"))
    return times


class Postgres:
    """A PostgreSQL server on a Unix socket, its data folder kept under bench/out/pg."""

    def __init__(self, root: Path):
        self.root, self.data, self.sock = root, root / "data", root / "sock"
        self.port = "54339"

    def _bin(self, name: str) -> str:
        found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
        if not found:
            raise SystemExit("PostgreSQL server binaries not found (apt-get install postgresql)")
        return found[-1]

    def _run(self, args: list[str]) -> None:
        if os.geteuid() == 0:
            args = ["runuser", "-u", "postgres", "--", *args]
        subprocess.run(args, check=True, capture_output=True)

    def start(self) -> None:
        self.sock.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.sock, "postgres")
        if (self.data / "postmaster.pid").exists():  # left running by an interrupted run
            try:
                self._run([self._bin("pg_ctl"), "-D", str(self.data), "status"])
                return
            except subprocess.CalledProcessError:
                pass
        if not (self.data / "PG_VERSION").exists():
            self._run([self._bin("initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                       "-E", "UTF8", "--no-locale"])
        self._run([self._bin("pg_ctl"), "-D", str(self.data), "-w", "-l",
                   str(self.root / "log"), "-o",
                   f"-k {self.sock} -p {self.port} -c listen_addresses='' "
                   f"-c shared_buffers=256MB -c fsync=off", "start"])

    def stop(self) -> None:
        self._run([self._bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"])

    def url(self, name: str, create: bool) -> str:
        import psycopg

        conninfo = f"host={self.sock} port={self.port} user=postgres dbname=postgres"
        with psycopg.connect(conninfo, autocommit=True) as conn:
            if create:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
                conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@/{name}?host={self.sock}&port={self.port}"

    def exists(self, name: str) -> bool:
        import psycopg

        conninfo = f"host={self.sock} port={self.port} user=postgres dbname=postgres"
        with psycopg.connect(conninfo, autocommit=True) as conn:
            return bool(conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                     (name,)).fetchone())


def dataset(backend: str, orgs: int, args, pg: Postgres | None) -> tuple[str, list[float] | None]:
    """The dataset's URL, built if missing (with its per-import build times)."""
    name = f"callbacks_{orgs}x{args.months}x{args.tasks}"
    marker = OUT / f"{name}.{backend}.built.json"
    if backend == "sqlite":
        path = OUT / f"{name}.sqlite"
        url = f"sqlite:///{path}"
        fresh = args.rebuild or not path.exists() or not marker.exists()
        if fresh:
            for p in OUT.glob(f"{name}.sqlite*"):
                p.unlink()
    else:
        fresh = args.rebuild or not pg.exists(name) or not marker.exists()
        url = pg.url(name, create=fresh)
    if fresh:
        print(f"  building {backend} {orgs} organisations × {args.tasks} tasks × "
              f"{args.months} months …", flush=True)
        times = build(url, orgs, args.months, args.tasks)
        marker.write_text(json.dumps(times))
    return url, json.loads(marker.read_text())


# --- timing ---------------------------------------------------------------------------------

def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def router_payload(pathname: str, search: str) -> dict:
    return {
        "output": "page-root.children",
        "outputs": {"id": "page-root", "property": "children"},
        "inputs": [{"id": "url", "property": "pathname", "value": pathname},
                   {"id": "url", "property": "search", "value": search}],
        "changedPropIds": ["url.search"], "state": [],
    }


def pages(months: list[str]) -> list[tuple[str, str, str]]:
    last, mid = months[-1], months[len(months) // 2]
    return [
        ("overview readiness", "/", f"?period={last}"),
        ("overview progress + deltas", "/", f"?period={mid}&view=progress&deltas=1"),
        ("overview sub-areas, by value", "/", f"?period={last}&view=subareas&workstream=htt&sort=value"),
        ("overview sub-areas, oldest month", "/", f"?period={months[0]}&view=subareas&workstream=yp"),
        ("region page", "/alue/pirkanmaa", f"?period={last}"),
        ("region page, late only, sv", "/alue/lappi", f"?period={mid}&late=1&lang=sv"),
        ("trends page", "/trendit", "?measure=progress&workstream=ict&highlight=lappi"),
    ]


def measure(url: str, months: list[str], repeat: int) -> dict[str, tuple[float, float]]:
    from dashboard.app import create_app

    app = create_app(url)
    client = app.server.test_client()
    client.get("/")  # first request initialises Dash
    out = {}
    for name, path, search in pages(months):
        body = json.dumps(router_payload(path, search))
        times, cpu = [], []
        for i in range(repeat + 2):
            t0, c0 = time.perf_counter(), time.process_time()
            r = client.post("/_dash-update-component", data=body, content_type="application/json")
            elapsed = (time.perf_counter() - t0) * 1000
            assert r.status_code == 200, (name, r.status_code)
            if i >= 2:  # warm-up: imports, caches
                times.append(elapsed)
                cpu.append((time.process_time() - c0) * 1000)
        out[name] = (statistics.median(times), pct(times, 0.95), pct(cpu, 0.95))
    return out


def report(backend: str, sizes: list[int], results: dict, builds: dict) -> None:
    small, big = sizes[0], sizes[-1]
    print(f"\n{backend}: server time per page (router callback over HTTP), ms; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    head = "".join(f"{f'p95 @{s}':>11}" for s in sizes)
    print("wall p95 (queueing for a core included) | CPU p95 of the app process (the "
          "database server's own CPU not included for PostgreSQL)")
    print(f"{'page':36}{head}{'growth':>9} |{head}{'growth':>9}  goal p95 ≤ {GOAL_MS:.0f} ms")
    worst = 0.0
    for name in results[small]:
        p95s = [results[s][name][1] for s in sizes]
        cpus = [results[s][name][2] for s in sizes]
        worst = max(worst, p95s[-1])
        print(f"{name:36}" + "".join(f"{x:11.1f}" for x in p95s)
              + f"{p95s[-1] / max(p95s[0], 1e-9):8.2f}× |" + "".join(f"{x:11.1f}" for x in cpus)
              + f"{cpus[-1] / max(cpus[0], 1e-9):8.2f}×  {'ok' if p95s[-1] <= GOAL_MS else 'OVER'}")
    builds_med = [statistics.median(builds[s]) if builds.get(s) else float("nan") for s in sizes]
    print(f"{'build ms per import (median)':36}" + "".join(f"{x:11.1f}" for x in builds_med)
          + f"{builds_med[-1] / builds_med[0]:8.2f}×")
    print(f"worst page p95 at {big} organisations: {worst:.1f} ms "
          f"({'met' if worst <= GOAL_MS else 'missed'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=368, help="largest number of organisations")
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--tasks", type=int, default=400)
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    sizes = sorted({max(1, args.size // 16), max(1, args.size // 4), args.size})
    months = month_periods("2020-01", args.months)
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    pg = Postgres(OUT / "pg") if "postgres" in backends else None
    if pg:
        pg.start()
    try:
        for backend in backends:
            results, builds = {}, {}
            for orgs in sizes:
                url, builds[orgs] = dataset(backend, orgs, args, pg)
                results[orgs] = measure(url, months, args.repeat)
                print(f"  measured {backend} at {orgs} organisations", flush=True)
            report(backend, sizes, results, builds)
    finally:
        if pg:
            pg.stop()


if __name__ == "__main__":
    main()
