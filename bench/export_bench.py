"""Briefing export speed: kept browser vs a fresh browser per image.

    .venv/bin/python bench/export_bench.py [--db URL] [--period 2022-03] [--naive 6] [--rebuild]

Prints (goals from issue 5, not asserted):
  * the cold first slide (browser start included) and warm slides one at a time (≤ 0.3 s);
  * the full briefing pack for 23 regions on the demo data, with its PowerPoint (≤ 15 s);
  * the naive way, in the same run: a fresh `plotly.io.to_image` per figure (kaleido starts a
    browser for every image), timed on `--naive` of the same slides, and the ratio (≥ 5×);
  * with --memory-only (issue 11): the resident memory of this process (standing for the app:
    Dash, pages and export loaded) plus its browser before a pack, right after it, and
    `--after` seconds (5 min) later, with the app's idle shutdown of the browser (goal < 400 MB),
    and the pack's time from a cold start (goal ≤ 15 s).

The demo database (real 10/21 tables + synthetic months through the loaders) is kept in
bench/out/export_demo.sqlite; --rebuild makes it again. The machine's load average is printed
too: this machine is shared, and a busy neighbour shows up in every figure.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "out"


def demo_url(rebuild: bool) -> str:
    from loaders.demo import build_demo

    path = OUT / "export_demo.sqlite"
    if rebuild or not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        for leftover in OUT.glob("export_demo.sqlite*"):
            leftover.unlink()
        began = time.perf_counter()
        build_demo(f"sqlite:///{path}", workdir=OUT / "export_demo_files")
        print(f"demo database built in {time.perf_counter() - began:.1f} s: {path}")
    return f"sqlite:///{path}"


def tree_rss_mb(pid: int | None = None) -> tuple[float, int]:
    """Resident memory of a process and all its descendants (MB), and how many processes."""
    pid = pid or os.getpid()
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, count, todo = 0, 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        count += 1
        except OSError:
            continue
        todo += children.get(current, [])
    return total / 1024, count


def memory_after_pack(url: str, period: str, lang: str, idle: float, after: float) -> None:
    """The web app's way: one shared renderer that shuts its browser down after `idle` s."""
    from dashboard.app import create_app
    from dashboard.export.pack import build_pack
    from dashboard.export.renderer import SlideRenderer

    create_app(url)  # this process stands for the app: Dash, pages and export loaded
    rss, procs = tree_rss_mb()
    print(f"memory before the pack (app, no browser): {rss:.0f} MB in {procs} process(es)")
    renderer = SlideRenderer(timeout=60, start_timeout=120, idle_close=idle)
    began = time.perf_counter()
    build_pack(url, period, lang, renderer)
    print(f"pack from a cold start with the app's renderer: {time.perf_counter() - began:.2f} s"
          f"   [goal ≤ 15 s]")
    rss, procs = tree_rss_mb()
    print(f"memory right after the pack (app + browser): {rss:.0f} MB in {procs} processes")
    time.sleep(after)
    rss, procs = tree_rss_mb()
    print(f"memory {after / 60:.0f} min after the pack (browser closed after {idle:.0f} s "
          f"idle): {rss:.0f} MB in {procs} process(es)   [goal < 400 MB]")
    renderer.close()


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None, help="database URL (default: the bench demo)")
    parser.add_argument("--period", default="2022-03")
    parser.add_argument("--lang", default="fi")
    parser.add_argument("--naive", type=int, default=6, help="slides timed the naive way")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--memory-only", action="store_true",
                        help="only the memory measurement (app + browser after a pack)")
    parser.add_argument("--idle", type=float, default=None,
                        help="seconds before the idle browser closes (default: the app's)")
    parser.add_argument("--after", type=float, default=300.0,
                        help="seconds after the pack when memory is measured")
    args = parser.parse_args()
    url = args.db or demo_url(args.rebuild)
    if args.memory_only:
        from dashboard.export.renderer import IDLE_CLOSE

        print(load())
        memory_after_pack(url, args.period, args.lang,
                          args.idle if args.idle is not None else IDLE_CLOSE, args.after)
        print(load())
        return 0

    import plotly.io as pio

    from dashboard.export.pack import build_pack, pack_slides
    from dashboard.export.renderer import SlideRenderer
    from domain import db

    print(load())
    with db.session_factory(url)() as session:
        began = time.perf_counter()
        slides = pack_slides(session, args.period, args.lang)
        making = time.perf_counter() - began
    print(f"{len(slides)} slides for {args.period}: figures made in {making:.2f} s "
          f"({1000 * making / len(slides):.0f} ms each, Python side)")

    # --- kept browser ---------------------------------------------------------------------
    renderer = SlideRenderer(timeout=60, start_timeout=120)
    began = time.perf_counter()
    renderer.render(slides[0].figure)
    cold = time.perf_counter() - began
    warm = []
    for slide in slides[1:13]:
        began = time.perf_counter()
        renderer.render(slide.figure)
        warm.append(time.perf_counter() - began)
    print(f"cold first slide (browser start included): {cold:.2f} s")
    print(f"warm slide, one at a time ({len(warm)} slides): median {statistics.median(warm):.3f} s,"
          f" mean {statistics.mean(warm):.3f} s, max {max(warm):.3f} s   [goal ≤ 0.3 s]")

    began = time.perf_counter()
    pack = build_pack(url, args.period, args.lang, renderer)
    total = time.perf_counter() - began
    n = len(pack.images)
    zip_began = time.perf_counter()
    size = len(pack.zip_bytes())
    zipping = time.perf_counter() - zip_began
    print(f"full briefing pack, 23 regions: {n} PNGs + PowerPoint in {total:.2f} s "
          f"({total / n:.3f} s per slide; figures+render {pack.timings['figures+render']:.2f} s, "
          f"pptx {pack.timings['pptx']:.2f} s), zip {size / 1e6:.1f} MB in {zipping:.2f} s"
          f"   [goal ≤ 15 s]")
    renderer.close()
    began = time.perf_counter()
    with SlideRenderer(timeout=60, start_timeout=120) as fresh:
        build_pack(url, args.period, args.lang, fresh)
    print(f"full briefing pack from a cold start (browser start included): "
          f"{time.perf_counter() - began:.2f} s")

    # --- naive: a fresh browser per image (plotly's to_image without a kept server) -------
    naive = []
    for slide in slides[:args.naive]:
        began = time.perf_counter()
        pio.to_image(slide.figure, format="png", width=1920, height=1080)
        naive.append(time.perf_counter() - began)
    per_naive = statistics.mean(naive)
    per_pack = total / n
    print(f"naive, fresh browser per image ({len(naive)} slides): mean {per_naive:.2f} s per "
          f"slide; a {n}-slide pack that way ≈ {per_naive * n:.0f} s")
    print(f"kept browser vs naive: {per_naive / statistics.median(warm):.1f}× faster one at a "
          f"time, {per_naive / per_pack:.1f}× faster per slide in the pack   [goal ≥ 5×]")
    print(load())
    return 0


if __name__ == "__main__":
    sys.exit(main())
