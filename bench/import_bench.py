"""Import speed of regional status sheets at national scale, and the heatmap query at that size.

Generates 23 regions × 400 tasks × 36 monthly snapshots as real xlsx files (each region's
template from `loaders.template`, filled in with openpyxl as a region would), imports every one
through `loaders.status_sheet.import_status`, and prints per sheet (issue 11's goals: a full
import ≤ 5× a bare python-calamine read measured in the same run, `import-status` as a process
≤ 0.6 s, the demo built in ≤ 30 s with --demo):

- the import time (read + validate + store as a new revision with its figures),
- a bare read of the same file with openpyxl in read-only mode, and the ratio import/bare read,
- for reference, a bare read with python-calamine;

then the time of the aggregated heatmap query (`domain.queries.heatmap`) on the full database.

    .venv/bin/python bench/import_bench.py [--months 36] [--tasks 400] [--out bench/out/import]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from domain import db, queries, store  # noqa: E402
from domain.metrics import View, month_periods  # noqa: E402
from domain.schema import Task  # noqa: E402
from domain.vocabulary import Status, status_label  # noqa: E402
from loaders import sheet_format, status_sheet, template  # noqa: E402


def build_structure(url: str, n_tasks: int) -> None:
    """Bench set-up: the real workstreams and regions, and `n_tasks` synthetic tasks."""
    rng = random.Random(7)
    with db.transaction(url) as s:
        areas = store.install_reference_structure(s)
        for n in range(n_tasks):
            stream, area = areas[n % len(areas)]
            year, quarter = 2020 + rng.randrange(3), rng.randrange(1, 5)
            due = dt.date(year, quarter * 3, 30 if quarter in (2, 3) else 31)
            s.add(Task(code=f"{stream.code.upper()}-{area.letter}-{n + 1:03d}",
                       workstream_id=stream.id, sub_area_id=area.id,
                       title_fi=f"Synteettinen tehtävä {n + 1}", due_date=due,
                       due_label=f"Q{quarter}/{year}", position=n))


def fill_sheet(template_path: Path, out: Path, period: str, rng: random.Random,
               progress: float) -> None:
    wb = openpyxl.load_workbook(template_path)
    ws = wb.active
    header_row, columns = None, {}
    for row in ws.iter_rows(min_row=1, max_row=30):
        keys = {sheet_format.column_key(c.value): c.column for c in row if c.value}
        if sheet_format.STATUS in keys and sheet_format.ID in keys:
            header_row, columns = row[0].row, keys
            break
    lang = sheet_format.language_of(c.value for r in ws.iter_rows(max_row=header_row) for c in r)
    for row in ws.iter_rows(min_row=1, max_row=header_row):
        for cell in row:
            if sheet_format.is_period_label(cell.value):
                ws.cell(row=cell.row, column=cell.column + 1, value=period)
    choices = [Status.NOT_STARTED, Status.IN_PROGRESS, Status.ON_SCHEDULE, Status.DONE]
    for r in range(header_row + 1, ws.max_row + 1):
        if ws.cell(row=r, column=columns[sheet_format.ID]).value is None:
            continue
        x = rng.random()
        status = (Status.NOT_APPLICABLE if x < 0.02 else Status.DONE if x < progress * 0.6
                  else choices[rng.randrange(3)])
        ws.cell(row=r, column=columns[sheet_format.STATUS], value=status_label(status, lang))
    wb.save(out)


def bare_openpyxl(path: Path) -> int:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    n = sum(1 for _ in wb.active.iter_rows(values_only=True))
    wb.close()
    return n


def bare_calamine(path: Path) -> int | None:
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        return None
    wb = CalamineWorkbook.from_path(str(path))
    return len(wb.get_sheet_by_index(0).to_python())


PROCESS_GOAL_S = 0.6
RATIO_GOAL = 5.0
DEMO_GOAL_S = 30.0


def time_process(url: str, path: Path, runs: int = 7) -> list[float]:
    """Wall time of `tilannekuva import-status` as a new process (start-up included), in s."""
    import subprocess

    import resource

    cmd = [sys.executable, "-m", "tilannekuva", "--db", url, "import-status", str(path)]
    subprocess.run(cmd, check=True, capture_output=True)  # warm the OS file cache
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    # on a shared machine the wall clock includes waiting for a core; CPU time is the cost
    print(f"import-status as a process, CPU time (user + system): median "
          f"{statistics.median(cpu) * 1000:.0f} ms")
    return times


def time_demo(out: Path) -> float:
    """Wall time of `tilannekuva demo` into a new SQLite file, as a process."""
    import subprocess

    target = out / "demo"
    shutil.rmtree(target, ignore_errors=True)
    cmd = [sys.executable, "-m", "tilannekuva", "--db", f"sqlite:///{target / 'demo.sqlite'}",
           "demo", "--workdir", str(target / "files")]
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--months", type=int, default=36)
    ap.add_argument("--tasks", type=int, default=400)
    ap.add_argument("--out", type=Path, default=Path("bench/out/import"))
    ap.add_argument("--process-runs", type=int, default=7)
    ap.add_argument("--demo", action="store_true", help="also time `tilannekuva demo`")
    args = ap.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    url = f"sqlite:///{args.out / 'bench.sqlite'}"
    build_structure(url, args.tasks)
    months = month_periods("2020-01", args.months)
    rng = random.Random(11)

    t0 = time.perf_counter()
    files: list[tuple[str, Path]] = []
    with db.session_factory(url)() as s:
        regions = queries.regions(s)
        for region in regions:
            lang = "sv" if region.reports_in_swedish else "fi"
            tpl = template.write_template(s, region.code, args.out / f"{region.code}.xlsx", lang=lang)
            for i, period in enumerate(months):
                path = args.out / f"{region.code}_{period}.xlsx"
                fill_sheet(tpl, path, period, rng, progress=(i + 1) / len(months))
                files.append((region.code, path))
    print(f"generated {len(files)} sheets ({len(regions)} regions × {len(months)} months × "
          f"{args.tasks} tasks) in {time.perf_counter() - t0:.1f} s")

    with db.transaction(url) as s:  # open rounds to send into (bench months predate the
        for period in months:        # programme's, so straight through the store)
            store.ensure_snapshot(s, period, round_state="open")
    imports, reads, calamines = [], [], []
    imports_cpu, calamines_cpu = [], []  # CPU time: what a busy shared machine inflates least
    for n, (code, path) in enumerate(sorted(files, key=lambda f: f[1].name.split("_")[-1])):
        t = time.perf_counter()
        bare_openpyxl(path)
        reads.append(time.perf_counter() - t)
        t, c = time.perf_counter(), time.process_time()
        if bare_calamine(path) is not None:
            calamines.append(time.perf_counter() - t)
            calamines_cpu.append(time.process_time() - c)
        t, c = time.perf_counter(), time.process_time()
        status_sheet.import_status(url, path, source_name=path.name)
        imports.append(time.perf_counter() - t)
        imports_cpu.append(time.process_time() - c)
        if (n + 1) % 100 == 0:
            print(f"  imported {n + 1}/{len(files)}", flush=True)

    def line(name: str, xs: list[float]) -> str:
        return (f"{name:<34} median {statistics.median(xs) * 1000:7.1f} ms   "
                f"p95 {pct(xs, 0.95) * 1000:7.1f} ms")

    print(line("import per sheet", imports))
    print(line("bare read, openpyxl read-only", reads))
    if calamines:
        print(line("bare read, python-calamine", calamines))
    print(f"ratio import / bare openpyxl read (median): "
          f"{statistics.median(imports) / statistics.median(reads):.2f}×")
    if calamines:
        print(f"ratio import / bare calamine read (median): "
              f"{statistics.median(imports) / statistics.median(calamines):.2f}×")

    if calamines_cpu:
        print(line("import per sheet, CPU time", imports_cpu))
        print(line("bare read, python-calamine, CPU", calamines_cpu))
        print(f"ratio import / bare calamine read, CPU time (median): "
              f"{statistics.median(imports_cpu) / statistics.median(calamines_cpu):.2f}×")

    process_times = time_process(url, files[-1][1], runs=args.process_runs)
    print(line("import-status as a process", process_times)
          + f"   (goal ≤ {PROCESS_GOAL_S:.1f} s: "
            f"{'met' if statistics.median(process_times) <= PROCESS_GOAL_S else 'missed'})")
    if calamines:
        ratio = statistics.median(imports) / statistics.median(calamines)
        ratio_cpu = statistics.median(imports_cpu) / statistics.median(calamines_cpu)
        print(f"goal: full import ≤ {RATIO_GOAL:.0f}× a bare calamine read: wall "
              f"{'met' if ratio <= RATIO_GOAL else 'missed'} ({ratio:.2f}×), CPU time "
              f"{'met' if ratio_cpu <= RATIO_GOAL else 'missed'} ({ratio_cpu:.2f}×)")
    if args.demo:
        print(f"demo build (tilannekuva demo, a new SQLite file): {time_demo(args.out):.1f} s "
              f"(goal ≤ {DEMO_GOAL_S:.0f} s)")

    times = []
    with db.session_factory(url)() as s:
        for view, ws in ((View.READINESS, None), (View.PROGRESS, None), (View.SUBAREAS, "yp")):
            for period in months[-6:]:
                t = time.perf_counter()
                queries.heatmap(s, period, view, ws)
                times.append(time.perf_counter() - t)
    print(line(f"heatmap query ({len(files)} imports)", times))


if __name__ == "__main__":
    main()
