"""SYNTHETIC filled regional monthly sheets for the demo: all 23 regions (HUS too), one xlsx per
region and month, written with the template writer so they are exactly what a region sends.

They continue from each region's REAL 10/21 figures: in the first month (2021-11) each region ×
workstream's share *käynnissä* / *valmis* is within a few points of the 10/21 readiness table,
and the share of tasks due by Q4/2021 that are started is close to the 10/21 progress table.
HUS (no real data) starts at the national median. From there each task's status evolves month by
month (ei aloitettu → käynnissä / valmistuu aikataulussa → valmis; rare regressions; a few
"ei koske aluetta"), most regions near-complete by 12/2022, the slides' laggards (Länsi-Uusimaa,
Varsinais-Suomi, Itä-Uusimaa) slower. Everything is driven by a fixed seed: the same database
gives the same statuses and the same file bytes.

Nothing here is real data; the sheets say so in their heading row and the demo imports them
with `is_synthetic=True`.
"""
from __future__ import annotations

import csv
import datetime as dt
import multiprocessing
import os
import random
import statistics
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from domain import queries
from domain.metrics import Measure, View
from domain.reference import WORKSTREAMS
from domain.schema import Region, Task
from domain.vocabulary import Status

from .reference_tables import SHIPPED_CSV_DIR
from .template import build_workbook, roadmap_tasks, save_workbook

SEED = 20211209  # the date of the slides; any fixed number would do
REAL_PERIOD = "2021-10"
END_PERIOD = "2022-12"  # the last month before the target date 1.1.2023
DUE_HORIZON_2021 = dt.date(2021, 12, 31)  # the 10/21 progress slide looks at tasks due by Q4/2021
LAGGARDS = ("lansi-uusimaa", "varsinais-suomi", "ita-uusimaa")  # slowest on the slides

NOTES = {
    "fi": {
        Status.NOT_STARTED: ("Odottaa aluehallituksen linjausta", "Aloitetaan keväällä 2022",
                             "Resurssit vielä sopimatta", "Riippuu kansallisesta ohjeistuksesta"),
        Status.IN_PROGRESS: ("Valmistelu työryhmässä", "Kartoitus kunnissa käynnissä",
                             "Viivästyy resurssipulan vuoksi", "Yhteistyössä kuntien kanssa",
                             "Odottaa aluehallituksen päätöstä", "Hankinta kilpailutuksessa"),
        Status.ON_SCHEDULE: ("Etenee suunnitellusti", "Luonnos kommenteilla",
                             "Käsittelyyn aluehallitukseen ensi kuussa", "Aikataulu pitää"),
        Status.DONE: ("Hyväksytty aluevaltuustossa", "Päätös tehty aluehallituksessa",
                      "Valmis, viestitty henkilöstölle", "Sopimukset allekirjoitettu"),
        Status.NOT_APPLICABLE: ("Ei koske aluetta: tehtävä hoidetaan kansallisesti",
                                "Ei koske: alueella ei ole kyseistä palvelua"),
    },
    "sv": {
        Status.NOT_STARTED: ("Väntar på riktlinjer från välfärdsområdesstyrelsen",
                             "Inleds våren 2022", "Resurserna ännu inte avtalade",
                             "Beror på nationella anvisningar"),
        Status.IN_PROGRESS: ("Beredning i arbetsgruppen", "Kartläggning i kommunerna pågår",
                             "Försenad på grund av resursbrist", "I samarbete med kommunerna",
                             "Väntar på styrelsens beslut", "Upphandling pågår"),
        Status.ON_SCHEDULE: ("Framskrider enligt plan", "Utkast på remiss",
                             "Till styrelsen nästa månad", "Tidsplanen håller"),
        Status.DONE: ("Godkänd av välfärdsområdesfullmäktige", "Beslut fattat av styrelsen",
                      "Klar, kommunicerad till personalen", "Avtalen undertecknade"),
        Status.NOT_APPLICABLE: ("Gäller inte området: sköts nationellt",
                                "Gäller inte: tjänsten finns inte i området"),
    },
}


# --- the real 10/21 starting point -----------------------------------------------------------

@dataclass(frozen=True)
class Baseline:
    """A region × workstream's 10/21 figures, in percent (None: the region reported nothing)."""

    active: float | None
    done: float | None
    progress: float | None


def _baseline_from_db(session: Session, regions: list[Region]) -> dict | None:
    try:
        readiness = queries.heatmap(session, REAL_PERIOD, View.READINESS)
        progress = queries.heatmap(session, REAL_PERIOD, View.PROGRESS)
    except (LookupError, ValueError):
        return None
    out = {}
    for region in regions:
        for ws in WORKSTREAMS:
            out[(region.code, ws.code)] = Baseline(
                readiness.cell(region.code, f"{ws.code}:{Measure.READINESS_ACTIVE.value}").percent,
                readiness.cell(region.code, f"{ws.code}:{Measure.READINESS_DONE.value}").percent,
                progress.cell(region.code, f"{ws.code}:{Measure.PROGRESS.value}").percent)
    if all(b.active is None for b in out.values()):
        return None
    return out


def _number(text: str) -> float | None:
    text = (text or "").strip()
    return float(text) if text else None


def _baseline_from_csv(regions: list[Region], folder: Path = SHIPPED_CSV_DIR) -> dict:
    by_name = {r.name_fi: r.code for r in regions}
    ws_by_name = {w.fi: w.code for w in WORKSTREAMS}
    values: dict[tuple[str, str], dict[str, float | None]] = {}
    with open(folder / "readiness.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = by_name.get(row["region"])
            for column, text in row.items():
                if code and " | " in column:
                    name, measure = column.rsplit(" | ", 1)
                    key = "active" if measure == "Käynnissä" else "done"
                    values.setdefault((code, ws_by_name[name]), {})[key] = _number(text)
    with open(folder / "progress.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = by_name.get(row["region"])
            for column, text in row.items():
                if code and column in ws_by_name:
                    values.setdefault((code, ws_by_name[column]), {})["progress"] = _number(text)
    return {key: Baseline(v.get("active"), v.get("done"), v.get("progress"))
            for key, v in values.items()}


def baselines(session: Session, regions: list[Region]) -> dict[tuple[str, str], Baseline]:
    """10/21 figures per (region code, workstream code), from the imported 2021-10 snapshot if
    the database has it, else from the reference CSVs; regions without data (HUS) get the
    national median."""
    found = _baseline_from_db(session, regions) or _baseline_from_csv(regions)
    out = {}
    for ws in WORKSTREAMS:
        rows = [found.get((r.code, ws.code)) for r in regions]
        rows = [b for b in rows if b is not None and b.active is not None]
        median = Baseline(*(statistics.median(getattr(b, f) for b in rows)
                            for f in ("active", "done", "progress"))) if rows else Baseline(20, 5, 40)
        for region in regions:
            b = found.get((region.code, ws.code))
            if b is None or b.active is None or b.done is None:
                b = median
            elif b.progress is None:
                b = Baseline(b.active, b.done, median.progress)
            out[(region.code, ws.code)] = b
    return out


# --- evolving statuses -------------------------------------------------------------------------

def month_index(period: str) -> int:
    """Months since 10/2021 (2021-11 -> 1)."""
    return (int(period[:4]) - 2021) * 12 + int(period[5:]) - 10


HORIZON = month_index(END_PERIOD)


@dataclass
class _Plan:
    """A region × workstream's course: started and done shares from 10/21 to 12/2022."""

    s0: float
    d0: float
    s_end: float
    d_end: float
    alpha: float  # >1: slow start
    beta: float

    def started(self, k: float) -> float:
        x = min(max(k, 0.0), HORIZON) / HORIZON
        return self.s0 + (self.s_end - self.s0) * x ** self.alpha

    def done(self, k: float) -> float:
        x = min(max(k, 0.0), HORIZON) / HORIZON
        return min(self.d0 + (self.d_end - self.d0) * x ** self.beta, self.started(k))


@dataclass
class _TaskState:
    status: Status
    note: str | None = None
    since: int = 0  # month index of the last change


@dataclass
class _Region:
    region: Region
    lang: str
    rng: random.Random
    states: dict[int, _TaskState] = field(default_factory=dict)
    plans: dict[str, _Plan] = field(default_factory=dict)


def _plan(b: Baseline, laggard: bool, rng: random.Random) -> _Plan:
    s0 = min(1.0, (b.active + b.done) / 100)
    d0 = min(s0, b.done / 100)
    if laggard:
        s_end, d_end, alpha, beta = rng.uniform(0.82, 0.9), rng.uniform(0.5, 0.65), 1.35, 1.8
    else:
        s_end, d_end, alpha, beta = rng.uniform(0.96, 1.0), rng.uniform(0.8, 0.95), 1.15, 1.5
    return _Plan(s0, d0, max(s_end, s0), max(d_end, d0), alpha, beta)


def _pick(rng: random.Random, tasks: list[Task], count: int, jitter_days: int = 120,
          since: dict[int, int] | None = None) -> list[Task]:
    """`count` tasks, earliest due (and longest under way) first, with some randomness."""
    if count <= 0:
        return []
    since = since or {}
    keyed = sorted(tasks, key=lambda t: (t.due_date.toordinal() + 30 * since.get(t.id, 0)
                                         + rng.uniform(0, jitter_days), t.position))
    return keyed[:count]


def _active_status(rng: random.Random) -> Status:
    return Status.ON_SCHEDULE if rng.random() < 0.45 else Status.IN_PROGRESS


def _start(state: _Region, by_ws: dict[str, list[Task]], baseline: dict, k: int) -> None:
    """The first month: statuses matching the region's 10/21 figures."""
    rng = state.rng
    for ws_code, tasks in by_ws.items():
        b = baseline[(state.region.code, ws_code)]
        plan = state.plans[ws_code] = _plan(b, state.region.code in LAGGARDS, rng)
        later = [t for t in tasks if t.due_date > DUE_HORIZON_2021]
        na = set(t.id for t in rng.sample(later, k=min(len(later), rng.choice((0, 0, 1, 1, 2)))))
        applicable = [t for t in tasks if t.id not in na]
        due = [t for t in applicable if t.due_date <= DUE_HORIZON_2021]
        not_due = [t for t in applicable if t.due_date > DUE_HORIZON_2021]
        n, m = len(applicable), len(due)
        started = round(plan.started(k) * n)
        done = min(round(plan.done(k) * n), started)
        started_due = min(round(min(1.0, b.progress / 100 + 0.02) * m), started, m)
        started_later = started - started_due
        if started_later > len(not_due):
            started_later = len(not_due)
            started_due = started - started_later
        chosen = _pick(rng, due, started_due) + _pick(rng, not_due, started_later)
        finished = {t.id for t in _pick(rng, chosen, done, jitter_days=200)}
        chosen_ids = {t.id for t in chosen}
        for task in tasks:
            if task.id in na:
                status = Status.NOT_APPLICABLE
            elif task.id in finished:
                status = Status.DONE
            elif task.id in chosen_ids:
                status = _active_status(rng)
            else:
                status = Status.NOT_STARTED
            state.states[task.id] = _TaskState(status, since=k)


def _advance(state: _Region, by_ws: dict[str, list[Task]], k: int) -> None:
    """One month on: a few regressions, new starts and completions to follow the plan."""
    rng = state.rng
    pace = rng.uniform(-0.35, 0.35)  # some months go faster than others
    for ws_code, tasks in by_ws.items():
        plan = state.plans[ws_code]
        st = {t.id: state.states[t.id] for t in tasks}
        applicable = [t for t in tasks if st[t.id].status.is_applicable]
        n = len(applicable)
        # rare regressions: a finished task reopened, a started one paused
        regressed = False
        for task in applicable:
            s = st[task.id]
            if regressed:
                break
            if s.status is Status.DONE and rng.random() < 0.0015:
                s.status, s.since, regressed = Status.IN_PROGRESS, k, True
            elif s.status.is_active and k - s.since > 2 and rng.random() < 0.003:
                s.status, s.since, regressed = Status.NOT_STARTED, k, True
        started_now = sum(st[t.id].status.is_started for t in applicable)
        done_now = sum(st[t.id].status is Status.DONE for t in applicable)
        want_started = max(started_now, round(plan.started(k + pace) * n))
        want_done = max(done_now, round(plan.done(k + pace) * n))
        want_started = max(want_started, want_done)
        waiting = [t for t in applicable if st[t.id].status is Status.NOT_STARTED]
        for task in _pick(rng, waiting, want_started - started_now):
            st[task.id].status, st[task.id].since = _active_status(rng), k
        active = [t for t in applicable if st[t.id].status.is_active]
        # tasks started earlier finish first; a task may also go from start to done in a month
        for task in _pick(rng, active, want_done - done_now, jitter_days=150,
                          since={t.id: st[t.id].since for t in active}):
            st[task.id].status, st[task.id].since = Status.DONE, k
        for task in applicable:
            s = st[task.id]
            if s.status is Status.IN_PROGRESS and s.since < k and rng.random() < 0.1:
                s.status = Status.ON_SCHEDULE
            elif s.status is Status.ON_SCHEDULE and s.since < k and rng.random() < 0.04:
                s.status = Status.IN_PROGRESS


def _update_notes(state: _Region, k: int) -> None:
    rng = state.rng
    texts = NOTES[state.lang]
    for s in state.states.values():
        changed = s.since == k
        if changed and rng.random() < 0.2:
            s.note = rng.choice(texts[s.status])
        elif s.note and (changed or rng.random() < 0.3):
            s.note = None  # an old remark is dropped when things move on
        elif not s.note and rng.random() < 0.02:
            s.note = rng.choice(texts[s.status])


def synthetic_statuses(session: Session, periods: list[str],
                       ) -> dict[str, dict[str, dict[int, tuple[Status, str | None]]]]:
    """{period: {region code: {task id: (status, note)}}} for the requested periods, simulated
    month by month from 2021-11 (so any subset of months is consistent with the full run)."""
    regions = queries.regions(session)
    tasks = roadmap_tasks(session)
    by_ws: dict[str, list[Task]] = {}
    for task in tasks:
        by_ws.setdefault(task.workstream.code, []).append(task)
    baseline = baselines(session, regions)
    wanted = sorted(set(periods))
    # months up to 2021-11 all show the first simulated month
    by_month: dict[int, list[str]] = {}
    for period in wanted:
        by_month.setdefault(max(1, month_index(period)), []).append(period)
    last = max(by_month, default=0)
    out: dict[str, dict[str, dict[int, tuple[Status, str | None]]]] = {p: {} for p in wanted}
    for region in regions:
        state = _Region(region, "sv" if region.reports_in_swedish else "fi",
                        random.Random(f"{SEED}:{region.code}"))
        for k in range(1, last + 1):
            if k == 1:
                _start(state, by_ws, baseline, k)
            else:
                _advance(state, by_ws, k)
            _update_notes(state, k)
            for period in by_month.get(k, ()):
                out[period][region.code] = {
                    task_id: (s.status, s.note) for task_id, s in state.states.items()}
    return out


def write_synthetic_sheets(session: Session, out_dir: str | Path, periods: list[str], *,
                           workers: int | None = None) -> list[Path]:
    """Write one filled sheet per region and period into `out_dir` (named
    `<period>_<region code>.xlsx`); returns the paths, month by month in the slides' region order.
    Swedish-speaking regions get Swedish sheets.

    Writing ~350 styled workbooks with openpyxl is most of the demo's build time and each file
    is independent, so they are written by one process per core (`workers`, default: the
    machine's cores, at most 4); the statuses are simulated once, here."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    statuses = synthetic_statuses(session, periods)
    jobs = [(period, region.code, statuses[period][region.code])
            for period in sorted(statuses) for region in queries.regions(session)]
    url = session.get_bind().url
    n = workers if workers is not None else min(os.cpu_count() or 1, 4)
    if n <= 1 or len(jobs) < 2 * n or url.get_backend_name() == "sqlite" and \
            url.database in (None, "", ":memory:"):  # an in-memory database is not shareable
        _write_sheets(session, out_dir, jobs)
    else:
        context = multiprocessing.get_context("spawn")  # no forked database connections
        with ProcessPoolExecutor(n, mp_context=context) as pool:
            list(pool.map(_write_share, [url.render_as_string(hide_password=False)] * n,
                          [out_dir] * n, [jobs[i::n] for i in range(n)]))
    return [_sheet_path(out_dir, period, code) for period, code, _ in jobs]


def _sheet_path(out_dir: Path, period: str, region_code: str) -> Path:
    return out_dir / f"{period}_{region_code}.xlsx"


def _write_sheets(session: Session, out_dir: Path, jobs: list[tuple]) -> None:
    regions = {region.code: region for region in queries.regions(session)}
    tasks = roadmap_tasks(session)
    for period, code, region_statuses in jobs:
        region = regions[code]
        lang = "sv" if region.reports_in_swedish else "fi"
        workbook = build_workbook(tasks, region, lang, period, region_statuses, synthetic=True)
        save_workbook(workbook, _sheet_path(out_dir, period, code))


def _write_share(url: str, out_dir: Path, jobs: list[tuple]) -> None:
    """One worker process's share of the sheets (its own database session, read only)."""
    from domain import db

    with db.session_factory(url)() as session:
        _write_sheets(session, out_dir, jobs)
