"""Load on one SQLite file: all 23 regions upload in the same minute while 50 dashboard users read.

Writers run in several OS processes (as a multi-worker web server would), each with threads;
every writer goes the web upload's way: `dashboard.uploads.preview` (safety checks, the CLI's
loader, diff against the previous month, log row with the original) then `confirm` (one write
transaction). Readers are threads in other processes reading the overview heatmap and region
figures in a loop until the writers are done. All start at the same moment.

Prints uploads accepted, any error (a 'database is locked' would show here), and p50/p95/max
latencies of preview, confirm and reads.

    .venv/bin/python bench/concurrency_bench.py                  # 23 writers, 50 readers
    .venv/bin/python bench/concurrency_bench.py --small          # tiny task list (fast)
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

BASE_PERIOD = "2021-11"
UPLOAD_PERIOD = "2021-12"
PASSWORD = "kuormitus-salasana"


@dataclass
class Outcome:
    kind: str  # "writer" | "reader"
    timings: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    done: int = 0


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


# --- set-up ---------------------------------------------------------------------------------

def prepare(url: str, workdir: Path, small: bool) -> dict[str, bytes]:
    """Roadmap, regions, one baseline month imported, 23 uploader users; returns the 23 filled
    sheets (region code -> xlsx bytes) to upload for UPLOAD_PERIOD."""
    import io

    import openpyxl

    from dashboard import accounts
    from domain import db, queries
    from loaders import status_sheet
    from loaders.template import write_template

    db.get_engine(url)
    if small:
        _small_structure(url)
    else:
        from loaders import roadmap_workbook

        path = roadmap_workbook.write_roadmap_workbook(workdir / "tiekartta.xlsx")
        roadmap_workbook.import_roadmap(url, path)

    with db.session_factory(url)() as session:
        regions = [r.code for r in queries.regions(session)]
    statuses = ["Ei aloitettu", "Käynnissä", "Valmistuu aikataulussa", "Valmis"]

    def filled(region: str, period: str, shift: int) -> bytes:
        with db.session_factory(url)() as session:
            path = write_template(session, region, workdir / f"{region}-{period}.xlsx",
                                  lang="fi", period=period)
        wb = openpyxl.load_workbook(path)
        ws = wb.active
        header = next(r[0].row for r in ws.iter_rows(max_row=15) if any(c.value == "Tila" for c in r))
        col = next(c.column for c in ws[header] if c.value == "Tila")
        for i, row in enumerate(range(header + 1, ws.max_row + 1)):
            if ws.cell(row, 1).value:
                ws.cell(row, col).value = statuses[(i + shift) % len(statuses)]
        buffer = io.BytesIO()
        wb.save(buffer)
        return buffer.getvalue()

    from domain import store

    with db.transaction(url) as session:  # the programme office has opened both months
        for period in (BASE_PERIOD, UPLOAD_PERIOD):
            store.ensure_snapshot(session, period, round_state="open")
    for i, region in enumerate(regions):
        status_sheet.import_status(url, filled(region, BASE_PERIOD, i), source_name=f"{region}.xlsx")
    sheets = {region: filled(region, UPLOAD_PERIOD, i + 1) for i, region in enumerate(regions)}
    with db.transaction(url) as session:
        for region in regions:
            accounts.create_user(session, f"u-{region}", PASSWORD, "region_uploader", region)
    return sheets


def _small_structure(url: str) -> None:
    import datetime as dt

    from domain import db, store
    from domain.schema import Task

    with db.transaction(url) as session:
        position = 0
        for stream, area in store.install_reference_structure(session):
            for j, due in enumerate((dt.date(2021, 12, 31), dt.date(2022, 6, 30))):
                position += 1
                session.add(Task(code=f"{stream.code.upper()}-{area.letter}-{j + 1:03d}",
                                 workstream_id=stream.id, sub_area_id=area.id,
                                 title_fi=f"Tehtävä {position}", due_date=due,
                                 due_label="Q4/2021" if j == 0 else "Q2/2022", position=position))


# --- workers --------------------------------------------------------------------------------

def _writer_process(url: str, jobs: list[tuple[str, bytes]], start_at: float, queue) -> None:
    from sqlalchemy import select

    from dashboard import uploads
    from dashboard.auth import SessionUser
    from domain import db
    from domain.schema import User

    outcome = Outcome("writer", {"preview": [], "confirm": [], "upload": []})
    actors = {}
    with db.session_factory(url)() as session:
        for region, _ in jobs:
            actors[region] = SessionUser.of(
                session.scalar(select(User).where(User.username == f"u-{region}")))
    lock = threading.Lock()

    def one(region: str, data: bytes) -> None:
        time.sleep(max(0.0, start_at - time.time()))
        try:
            t0 = time.perf_counter()
            result = uploads.preview(url, actors[region], f"{region}-{UPLOAD_PERIOD}.xlsx", data)
            t1 = time.perf_counter()
            if not isinstance(result, uploads.Preview):
                raise RuntimeError(f"{region}: rejected {result.rows('en')}")
            uploads.confirm(url, actors[region], result.token)
            t2 = time.perf_counter()
            with lock:
                outcome.timings["preview"].append(t1 - t0)
                outcome.timings["confirm"].append(t2 - t1)
                outcome.timings["upload"].append(t2 - t0)
                outcome.done += 1
        except Exception as error:  # recorded and reported: the bench must show every failure
            with lock:
                outcome.errors.append(f"{region}: {type(error).__name__}: {error}\n"
                                      + traceback.format_exc(limit=3))

    threads = [threading.Thread(target=one, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put(outcome)


def _reader_process(url: str, readers: int, start_at: float, stop, queue,
                    think: float = 0.05) -> None:
    from domain import db, queries

    outcome = Outcome("reader", {"read": []})
    lock = threading.Lock()
    factory = db.session_factory(url)
    with factory() as session:
        codes = [r.code for r in queries.regions(session)]

    def loop(n: int) -> None:
        time.sleep(max(0.0, start_at - time.time()))
        i = n
        while not stop.is_set():
            i += 1
            try:
                t0 = time.perf_counter()
                with factory() as session:
                    period = UPLOAD_PERIOD if queries.snapshot(session, UPLOAD_PERIOD) else BASE_PERIOD
                    heat = queries.heatmap(session, period, "readiness")
                    heat.cell(codes[i % len(codes)], "htt:readiness_active")
                    queries.region_figures(session, BASE_PERIOD, codes[i % len(codes)])
                with lock:
                    outcome.timings["read"].append(time.perf_counter() - t0)
                    outcome.done += 1
            except Exception as error:
                with lock:
                    outcome.errors.append(f"reader: {type(error).__name__}: {error}")
            time.sleep(think)  # 0.05 s: stress; ~1 s: a person clicking through pages

    threads = [threading.Thread(target=loop, args=(n,)) for n in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put(outcome)


@dataclass
class Report:
    uploads_ok: int
    uploads_expected: int
    reads: int
    errors: list[str]
    timings: dict[str, list[float]]
    wall: float
    current_submissions: int
    accepted_in_log: int

    @property
    def locked_errors(self) -> list[str]:
        return [e for e in self.errors if "locked" in e.lower()]

    def lines(self) -> list[str]:
        out = [f"uploads accepted: {self.uploads_ok}/{self.uploads_expected} "
               f"(current submissions for {UPLOAD_PERIOD}: {self.current_submissions}, "
               f"accepted in upload log: {self.accepted_in_log})",
               f"reads completed: {self.reads}", f"wall time: {self.wall:.1f} s",
               f"errors: {len(self.errors)} (of which 'database is locked': "
               f"{len(self.locked_errors)})"]
        for name, values in self.timings.items():
            if values:
                out.append(f"{name:8s} n={len(values):5d}  p50={_percentile(values, .5) * 1000:7.0f} ms"
                           f"  p95={_percentile(values, .95) * 1000:7.0f} ms"
                           f"  max={max(values) * 1000:7.0f} ms"
                           f"  mean={statistics.fmean(values) * 1000:7.0f} ms")
        out += [e.splitlines()[0] for e in self.errors[:10]]
        return out


def run_load(url: str, sheets: dict[str, bytes], *, writer_procs: int = 6, readers: int = 50,
             reader_procs: int = 2, start_delay: float = 4.0, think: float = 0.05) -> Report:
    from sqlalchemy import func, select

    from domain import db
    from domain.schema import Snapshot, Submission, Upload

    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    stop = ctx.Event()
    start_at = time.time() + start_delay  # spawned processes import first, then all start
    jobs = list(sheets.items())
    groups = [jobs[i::writer_procs] for i in range(writer_procs)]
    writers = [ctx.Process(target=_writer_process, args=(url, g, start_at, queue)) for g in groups if g]
    per_reader = [readers // reader_procs + (1 if i < readers % reader_procs else 0)
                  for i in range(reader_procs)]
    reading = [ctx.Process(target=_reader_process, args=(url, n, start_at, stop, queue, think))
               for n in per_reader if n]
    for process in writers + reading:
        process.start()
    outcomes = [queue.get() for _ in writers]
    wall = time.time() - start_at
    time.sleep(0.5)  # readers go on a moment after the last upload
    stop.set()
    outcomes += [queue.get() for _ in reading]
    for process in writers + reading:
        process.join(timeout=30)
    timings: dict[str, list[float]] = {}
    errors: list[str] = []
    for outcome in outcomes:
        errors += outcome.errors
        for name, values in outcome.timings.items():
            timings.setdefault(name, []).extend(values)
    with db.session_factory(url)() as session:
        current = session.scalar(
            select(func.count()).select_from(Submission).join(Snapshot)
            .where(Snapshot.period == UPLOAD_PERIOD, Submission.is_current.is_(True)))
        accepted = session.scalar(select(func.count()).select_from(Upload)
                                  .where(Upload.result == "accepted",
                                         Upload.period == UPLOAD_PERIOD))
    return Report(uploads_ok=sum(o.done for o in outcomes if o.kind == "writer"),
                  uploads_expected=len(jobs),
                  reads=sum(o.done for o in outcomes if o.kind == "reader"), errors=errors,
                  timings=timings, wall=wall, current_submissions=current or 0,
                  accepted_in_log=accepted or 0)


def baseline(url: str, sheets: dict[str, bytes], repeat: int = 3) -> list[str]:
    """The same work with nothing else running, for comparison: one region re-uploads its
    baseline month (a new revision of BASE_PERIOD, so UPLOAD_PERIOD stays untouched) and one
    reader reads."""
    from sqlalchemy import select

    from dashboard import uploads
    from dashboard.auth import SessionUser
    from domain import db, queries
    from domain.schema import User

    region = next(iter(sheets))
    with db.session_factory(url)() as session:
        who = SessionUser.of(session.scalar(select(User).where(User.username == f"u-{region}")))
    previews, confirms, reads = [], [], []
    from loaders.template import write_template
    import tempfile as _tmp
    with _tmp.TemporaryDirectory() as tmp:
        with db.session_factory(url)() as session:
            path = write_template(session, region, Path(tmp) / "b.xlsx", lang="fi", period=BASE_PERIOD)
        data = path.read_bytes()  # prefilled with the month itself: a valid sheet as is
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = uploads.preview(url, who, "baseline.xlsx", data)
        t1 = time.perf_counter()
        if not isinstance(result, uploads.Preview):
            return [f"baseline upload rejected: {result.rows('en')[:3]}"]
        uploads.confirm(url, who, result.token)
        t2 = time.perf_counter()
        previews.append(t1 - t0)
        confirms.append(t2 - t1)
        t3 = time.perf_counter()
        with db.session_factory(url)() as session:
            queries.heatmap(session, BASE_PERIOD, "readiness")
            queries.region_figures(session, BASE_PERIOD, region)
        reads.append(time.perf_counter() - t3)
    return [f"alone (median of {repeat}): preview {statistics.median(previews) * 1000:.0f} ms, "
            f"confirm {statistics.median(confirms) * 1000:.0f} ms, "
            f"read {statistics.median(reads) * 1000:.0f} ms"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--writer-procs", type=int, default=6)
    parser.add_argument("--reader-procs", type=int, default=2)
    parser.add_argument("--small", action="store_true", help="tiny task list instead of the roadmap")
    parser.add_argument("--think", type=float, default=0.05,
                        help="seconds each reader waits between page loads (0.05: stress, "
                             "1.0: people clicking)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        url = f"sqlite:///{workdir / 'load.sqlite'}"
        t0 = time.time()
        sheets = prepare(url, workdir, args.small)
        print(f"prepared {len(sheets)} regional sheets ({sum(map(len, sheets.values())) // len(sheets)} "
              f"bytes each on average) in {time.time() - t0:.1f} s", flush=True)
        for line in baseline(url, sheets):
            print(line, flush=True)
        report = run_load(url, sheets, writer_procs=args.writer_procs, readers=args.readers,
                          reader_procs=args.reader_procs, think=args.think)
        print(f"{len(sheets)} regions uploading at once, {args.readers} readers, "
              f"{args.writer_procs} writer processes, {args.reader_procs} reader processes, "
              f"reader think time {args.think} s")
        for line in report.lines():
            print(line)
        ok = (not report.errors and report.uploads_ok == report.uploads_expected
              == report.current_submissions == report.accepted_in_log)
        print("RESULT:", "OK" if ok else "FAILED")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
