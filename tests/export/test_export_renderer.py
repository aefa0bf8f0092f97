"""The kept-browser renderer: real kaleido, real Chromium, and honest failure paths (a missing
browser, a "browser" that never answers, a browser that hangs or dies between images)."""
from __future__ import annotations

import os
import signal
import threading
import time

import plotly.graph_objects as go
import pytest

from dashboard.export.renderer import (
    BrowserMissing, BrowserStartTimeout, RenderTimeout, SlideRenderer, find_browser,
)

from .conftest import png_stats

pytestmark = pytest.mark.browser


def small_figure(title: str = "Testi") -> go.Figure:
    fig = go.Figure(go.Heatmap(z=[[1, 2, 3], [3, 2, 1]], text=[["a", "b", "c"], ["d", "e", "f"]],
                               texttemplate="%{text}", showscale=False))
    fig.update_layout(title=title)
    return fig


def test_debian_chromium_is_found():
    assert find_browser() is not None


def test_missing_browser_is_a_clear_error_at_once():
    renderer = SlideRenderer("/nonexistent/chromium", start_timeout=5)
    began = time.monotonic()
    with pytest.raises(BrowserMissing) as caught:
        renderer.render(small_figure())
    assert time.monotonic() - began < 2
    fi = caught.value.message("fi")
    assert "apt-get install chromium" in fi and "/nonexistent/chromium" in fi
    assert "Chromium" in caught.value.message("sv") and "apt-get" in caught.value.message("en")
    assert caught.value.http_status == 503
    assert not renderer.is_running()


def test_a_browser_that_never_answers_times_out_and_leaves_nothing_behind(tmp_path):
    fake = tmp_path / "fake-chromium"
    marker = f"tilannekuva-fake-{os.getpid()}"
    fake.write_text(f"#!/bin/bash\nexec -a {marker} sleep 600\n")
    fake.chmod(0o755)
    renderer = SlideRenderer(str(fake), start_timeout=3)
    began = time.monotonic()
    with pytest.raises(BrowserStartTimeout) as caught:
        renderer.render(small_figure())
    assert time.monotonic() - began < 3 + 5  # start deadline + bounded clean-up
    assert "3" in caught.value.message("fi") and str(fake) in caught.value.message("fi")
    time.sleep(0.5)
    leftovers = [line for line in os.popen("ps -eo args").read().splitlines()
                 if line.startswith(marker)]
    assert leftovers == []


def test_render_gives_a_full_hd_png_that_is_not_blank(renderer):
    png = renderer.render(small_figure())
    size, colours, spread = png_stats(png)
    assert size == (1920, 1080)
    assert colours > 10 and spread > 5
    assert renderer.render(small_figure(), width=800, height=450)[:8] == b"\x89PNG\r\n\x1a\n"
    assert png_stats(renderer.render(small_figure(), width=800, height=450))[0] == (800, 450)


def test_the_browser_is_kept_between_images(renderer):
    renderer.render(small_figure())
    starts = renderer.starts
    for i in range(3):
        renderer.render(small_figure(f"Kuva {i}"))
    assert renderer.starts == starts and renderer.is_running()


def test_renders_from_many_threads_are_serialised_and_all_succeed(renderer):
    results: dict[int, bytes] = {}
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            results[i] = renderer.render(small_figure(f"Säie {i}"), width=640, height=360)
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sorted(results) == [0, 1, 2, 3]
    assert all(png_stats(png)[0] == (640, 360) for png in results.values())


@pytest.mark.slow
def test_a_hung_or_dead_browser_is_replaced(tmp_path):
    with SlideRenderer(timeout=4, start_timeout=90) as renderer:
        renderer.render(small_figure(), width=640, height=360)
        assert renderer.starts == 1

        # Crashed between images: the next render notices and starts a new browser.
        os.killpg(renderer._session.process().pid, signal.SIGKILL)  # noqa: SLF001
        time.sleep(0.5)
        assert png_stats(renderer.render(small_figure(), width=640, height=360))[0] == (640, 360)
        assert renderer.starts == 2

        # Hung (stopped) browser: a clear error within the timeout, never a hang...
        os.killpg(renderer._session.process().pid, signal.SIGSTOP)  # noqa: SLF001
        began = time.monotonic()
        with pytest.raises(RenderTimeout) as caught:
            renderer.render(small_figure(), width=640, height=360)
        assert time.monotonic() - began < 4 + 3
        assert "4" in caught.value.message("fi")
        # ...and the next image comes from a fresh browser.
        assert png_stats(renderer.render(small_figure(), width=640, height=360))[0] == (640, 360)
        assert renderer.starts == 3
    assert not renderer.is_running()


def test_an_idle_browser_is_released_and_restarted_on_demand():
    """The web app's renderer shuts its Chromium down after `idle_close` seconds without a
    render (memory), and the next export starts a new one."""
    with SlideRenderer(timeout=60, start_timeout=90, idle_close=1.0) as r:
        r.render(small_figure(), width=400, height=300)
        process = r._session.process()
        assert r.is_running()
        deadline = time.monotonic() + 20
        while r.is_running() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not r.is_running()
        process.wait(timeout=15)  # the browser's process is gone, not only forgotten
        assert r.render(small_figure(), width=400, height=300)[:4] == b"\x89PNG"
        assert r.starts == 2
