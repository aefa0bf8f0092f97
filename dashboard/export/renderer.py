"""Server-side PNG rendering with kaleido 1.x and one kept Chromium.

Why not `kaleido.start_sync_server()` as such: it is a process-wide singleton whose
`call_function` waits on an unbounded queue. When the browser is missing or dies, its worker
thread ends silently and every later `write_image` waits forever; its `close()` joins that
thread, so even shutting it down can hang. We keep the same design (one `kaleido.Kaleido`
browser living in a background event-loop thread, reused for every image) but own the loop, so
that every start and every render has a deadline, a stuck browser is killed and restarted, and
the app's other users of kaleido (`fig.to_image`) are not affected.

Renders are serialised with a lock: Dash serves requests from threads, and one browser with two
tabs is all two shared cores can use anyway.
"""
from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import logging
import os
import shutil
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import plotly.graph_objects as go

from domain.i18n import t

_log = logging.getLogger(__name__)

SLIDE_WIDTH = 1920
SLIDE_HEIGHT = 1080
DEBIAN_CHROMIUM = "/usr/bin/chromium"
RELOAD_EVERY = 25  # images per tab between page reloads
BROWSER_ENV = "TILANNEKUVA_CHROMIUM"  # lets an admin point at another Chromium/Chrome
IDLE_CLOSE = 180.0  # seconds: the web app's browser is shut down after three idle minutes


class ExportUnavailable(RuntimeError):
    """The server cannot draw images right now; `message(lang)` says why in plain words."""

    key = "export.error.render_failed"
    http_status = 503

    def __init__(self, **params: object) -> None:
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str | None = "fi") -> str:
        return t(self.key, lang, **self.params)


class BrowserMissing(ExportUnavailable):
    key = "export.error.browser_missing"


class BrowserStartTimeout(ExportUnavailable):
    key = "export.error.start_timeout"


class RenderTimeout(ExportUnavailable):
    key = "export.error.render_timeout"


class RendererBusy(ExportUnavailable):
    key = "export.error.busy"


class RenderFailed(ExportUnavailable):
    key = "export.error.render_failed"


def find_browser(path: str | os.PathLike | None = None) -> str | None:
    """The Chromium to use, or None. An explicit path is taken as is (never replaced by a
    guess), so a wrong setting shows up as an error instead of silently using another browser."""
    if path is not None:
        candidate = Path(path)
        return str(candidate) if candidate.is_file() and os.access(candidate, os.X_OK) else None
    if env := os.environ.get(BROWSER_ENV):
        return find_browser(env)
    for candidate in (DEBIAN_CHROMIUM, shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    try:  # choreographer knows the usual Chrome/Edge/Brave places and kaleido's own download
        from choreographer.browsers.chromium import Chromium

        return Chromium.find_browser(skip_local=False)
    except Exception:  # noqa: BLE001 - best effort: "not found" is the answer
        return None


def _kaleido_class():
    import kaleido

    class _KeptKaleido(kaleido.Kaleido):
        """Kaleido that does not reload a tab's page (which re-parses the 4.6 MB plotly.js,
        about as much browser CPU as drawing a slide) after every image. plotly.js's
        `toImage` draws each figure in a fresh element and purges it, so nothing carries over
        between images; a tab is still reloaded every `RELOAD_EVERY` images, in the background,
        to bound memory. After any failed render the whole browser is restarted instead."""

        _pending_reloads: set
        _uses: dict

        async def _return_kaleido_tab(self, tab):  # kaleido 1.x private hook
            if not hasattr(self, "_pending_reloads"):
                self._pending_reloads, self._uses = set(), {}
            uses = self._uses[id(tab)] = self._uses.get(id(tab), 0) + 1
            if uses % RELOAD_EVERY:
                await self.tabs_ready.put(tab)
                return
            task = asyncio.get_running_loop().create_task(super()._return_kaleido_tab(tab))
            self._pending_reloads.add(task)
            task.add_done_callback(self._reload_done)

        def _reload_done(self, task):
            self._pending_reloads.discard(task)
            if not task.cancelled() and task.exception() is not None:
                # a reload cut short by closing the browser; the tab is gone with it
                _log.debug("tab reload failed: %s", task.exception())

        async def close(self):
            for task in list(getattr(self, "_pending_reloads", ())):
                task.cancel()
            await super().close()

    return _KeptKaleido


@dataclass
class _Failure:
    error: Exception


@dataclass
class _Session:
    """One running browser: its event loop thread and kaleido object."""

    loop: asyncio.AbstractEventLoop
    thread: threading.Thread
    kaleido: object | None = None

    def submit(self, coro) -> concurrent.futures.Future:
        """Run `coro` on the browser's loop. Its error comes back as a value, so a call we
        gave up on (timeout) leaves no "exception was never retrieved" noise behind."""
        async def guarded():
            try:
                return await coro
            except Exception as exc:  # noqa: BLE001 - handed to the waiting thread
                return _Failure(exc)

        return asyncio.run_coroutine_threadsafe(guarded(), self.loop)

    def result(self, coro, timeout: float):
        value = self.submit(coro).result(timeout=timeout)
        if isinstance(value, _Failure):
            raise value.error
        return value

    def process(self):
        return getattr(self.kaleido, "subprocess", None)

    def alive(self) -> bool:
        proc = self.process()
        return self.thread.is_alive() and proc is not None and proc.poll() is None


class SlideRenderer:
    """Renders plotly figures to PNG bytes with one kept browser.

    >>> with SlideRenderer() as r:
    ...     png = r.render(fig)            # 1920×1080 by default

    `render` never waits longer than `timeout` seconds for an image (plus `start_timeout` for a
    cold start); a browser that does not answer is killed, and the next call starts a new one.
    """

    def __init__(self, browser_path: str | os.PathLike | None = None, *,
                 timeout: float = 30.0, start_timeout: float = 60.0, tabs: int = 2,
                 busy_timeout: float | None = None, idle_close: float | None = None) -> None:
        self._requested_path = browser_path
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.tabs = max(1, tabs)
        # a single slide may wait for a running pack; never forever
        self.busy_timeout = busy_timeout if busy_timeout is not None else 4 * timeout
        self._lock = threading.Lock()
        self._session: _Session | None = None
        self.starts = 0  # how many browsers this renderer has started (bench, tests)
        # Seconds without a render after which the browser is shut down (None: kept until
        # close). A kept Chromium holds ~1.5 GB in ten processes after a briefing pack; the
        # next export starts a new one (a cold pack still takes well under 15 s).
        self.idle_close = idle_close
        self._last_used = time.monotonic()
        self._idle_timer: threading.Timer | None = None
        atexit.register(self.close)

    # --- lifecycle ----------------------------------------------------------------------

    @property
    def browser_path(self) -> str | None:
        return find_browser(self._requested_path)

    def _looked_for(self) -> str:
        if self._requested_path is not None:
            return str(self._requested_path)
        return os.environ.get(BROWSER_ENV) or DEBIAN_CHROMIUM

    def is_running(self) -> bool:
        return self._session is not None and self._session.alive()

    def _start(self) -> _Session:
        path = self.browser_path
        if path is None:
            raise BrowserMissing(path=self._looked_for())
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="kaleido-browser", daemon=True)
        thread.start()
        session = _Session(loop, thread)
        cls = _kaleido_class()

        async def open_browser():
            # mathjax=False: the default loads MathJax from a CDN, which we neither need nor
            # can reach from a closed network (it would stall every page load).
            # kaleido's own per-image timeout is only a backstop behind ours (which kills and
            # restarts the browser), so it must not fire first
            k = cls(path=path, n=self.tabs, timeout=self.timeout + 10, mathjax=False)
            session.kaleido = k  # visible to _kill even if open() never returns
            await k.open()
            return k

        began = time.perf_counter()
        try:
            session.result(open_browser(), self.start_timeout)
        except concurrent.futures.TimeoutError:
            self._teardown(session, graceful=False)
            raise BrowserStartTimeout(path=path, seconds=_seconds(self.start_timeout)) from None
        except Exception as exc:  # noqa: BLE001 - a browser that exits at once, etc.
            self._teardown(session, graceful=False)
            if "not found" in str(exc).lower():
                raise BrowserMissing(path=path) from exc
            raise RenderFailed(detail=_short(exc)) from exc
        self.starts += 1
        _log.info("kaleido browser %s started in %.1f s", path, time.perf_counter() - began)
        return session

    def _teardown(self, session: _Session, *, graceful: bool) -> None:
        """Close the browser; kill it if it does not close; never wait without a bound."""
        if graceful and session.kaleido is not None and session.thread.is_alive():
            try:
                session.result(session.kaleido.close(), 10)
            except Exception:  # noqa: BLE001 - fall through to the kill
                _log.warning("kaleido browser did not close cleanly; killing it")
        t0 = time.perf_counter()
        _kill(session.process())
        t1 = time.perf_counter()
        if session.thread.is_alive():
            async def _cancel_all():
                me = asyncio.current_task()
                others = [task for task in asyncio.all_tasks() if task is not me]
                for task in others:
                    task.cancel()
                await asyncio.wait(others, timeout=2) if others else None
                asyncio.get_running_loop().stop()

            asyncio.run_coroutine_threadsafe(_cancel_all(), session.loop)
            # After a kill, choreographer's own clean-up may block the loop for a couple of
            # seconds (it joins its pipe reader); the daemon thread finishes that by itself,
            # and the caller gets its error now.
            session.thread.join(timeout=5 if graceful else 0.5)
        _log.debug("teardown: kill %.2f s, loop %.2f s", t1 - t0, time.perf_counter() - t1)
        if not session.thread.is_alive():
            session.loop.close()
        if session.kaleido is not None:  # leftover temp profile dir of a killed browser
            try:
                session.kaleido._browser_impl.clean()  # noqa: SLF001
            except Exception:  # noqa: BLE001
                pass

    def close(self) -> None:
        """Shut the browser down (also registered with atexit)."""
        acquired = self._lock.acquire(timeout=self.busy_timeout)
        try:
            if self._session is not None:
                session, self._session = self._session, None
                self._teardown(session, graceful=True)
        finally:
            if acquired:
                self._lock.release()

    def __enter__(self) -> SlideRenderer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def warm_up(self) -> None:
        """Start the browser now (e.g. at the first export link click) rather than lazily."""
        with self._locked():
            self._ensure_session()

    # --- rendering ----------------------------------------------------------------------

    def _locked(self):
        renderer = self

        class _Guard:
            def __enter__(self):
                if not renderer._lock.acquire(timeout=renderer.busy_timeout):
                    raise RendererBusy()

            def __exit__(self, *exc):
                renderer._last_used = time.monotonic()
                renderer._lock.release()
                renderer._arm_idle_timer()

        return _Guard()

    def _arm_idle_timer(self) -> None:
        if self.idle_close is None:
            return
        if self._idle_timer is not None:
            self._idle_timer.cancel()
        timer = threading.Timer(self.idle_close, self._close_if_idle)
        timer.daemon = True
        timer.name = "kaleido-idle-close"
        self._idle_timer = timer
        timer.start()

    def _close_if_idle(self) -> None:
        """Shut the browser down when nothing has been rendered for `idle_close` seconds; a
        render running now re-arms the timer when it ends."""
        if not self._lock.acquire(blocking=False):
            return
        try:
            idle = time.monotonic() - self._last_used
            if self._session is None or idle < self.idle_close - 0.05:
                return
            session, self._session = self._session, None
            self._teardown(session, graceful=True)
            _log.info("kaleido browser closed after %.0f s idle", idle)
        finally:
            self._lock.release()
        _release_freed_memory()

    def _ensure_session(self) -> _Session:
        if self._session is not None and not self._session.alive():
            _log.warning("kaleido browser died; restarting it")
            dead, self._session = self._session, None
            self._teardown(dead, graceful=False)
        if self._session is None:
            self._session = self._start()
        return self._session

    def _collect(self, session: _Session, futures: list) -> list[bytes]:
        """Wait for each submitted image in turn. Each may take `timeout` seconds after the one
        before it (they queue for the browser's tabs), so a hung browser is noticed within one
        `timeout`, however long the batch."""
        results = []
        for future in futures:
            try:
                value = future.result(timeout=self.timeout)
            except concurrent.futures.TimeoutError:
                self._abandon(session, futures)
                raise RenderTimeout(seconds=_seconds(self.timeout)) from None
            if isinstance(value, _Failure):
                # the tab's page may be in a bad state (we skip kaleido's reloads): start afresh
                self._abandon(session, futures)
                if isinstance(value.error, (TimeoutError, asyncio.TimeoutError)):
                    raise RenderTimeout(seconds=_seconds(self.timeout)) from value.error
                raise RenderFailed(detail=_short(value.error)) from value.error
            results.append(value)
        return results

    def _abandon(self, session: _Session, futures: list) -> None:
        for future in futures:
            future.cancel()
        if self._session is session:
            self._session = None
        self._teardown(session, graceful=False)

    def render(self, fig: go.Figure | dict, *, width: int = SLIDE_WIDTH,
               height: int = SLIDE_HEIGHT, scale: float = 1.0, fmt: str = "png") -> bytes:
        """One image's bytes."""
        return self.render_many([fig], width=width, height=height, scale=scale, fmt=fmt)[0]

    def render_many(self, figs: Iterable[go.Figure | dict], *, width: int = SLIDE_WIDTH,
                    height: int = SLIDE_HEIGHT, scale: float = 1.0,
                    fmt: str = "png") -> list[bytes]:
        """Images of many figures, in order. `figs` may be a generator: each figure goes to the
        browser as soon as it is made, so drawing it there overlaps with making the next one
        here (the briefing pack); the browser's tabs work through the queue in parallel."""
        opts = dict(format=fmt, width=width, height=height, scale=scale)
        with self._locked():
            session = self._ensure_session()
            futures = []
            try:
                for fig in figs:
                    futures.append(session.submit(session.kaleido.calc_fig(fig, opts=opts)))
            except BaseException:
                for future in futures:  # a figure failed to build: drop the queued renders
                    future.cancel()
                raise
            return self._collect(session, futures)


def _kill(proc, grace: float = 3.0) -> None:
    """Kill a stuck browser's whole process group at once (choreographer starts it in a new
    session). SIGKILL, not SIGTERM: choreographer's pipe wrapper handles SIGTERM by waiting
    up to 5 s for its child, and a stuck browser is beyond a polite request anyway."""
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        try:
            proc.kill()
        except ProcessLookupError:
            return
    # choreographer's watchdog thread may be blocked in proc.wait() and reap the process
    # itself; poll() then sees its returncode, where a second wait() could only time out.
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return
        time.sleep(0.02)


def _release_freed_memory() -> None:
    """Give the memory freed by a pack back to the system (glibc keeps it otherwise)."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


def _seconds(value: float) -> str:
    return f"{value:g}"


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:300]


# --- the process-wide renderer used by the web routes ------------------------------------

_shared: SlideRenderer | None = None
_shared_lock = threading.Lock()


def shared_renderer() -> SlideRenderer:
    """One renderer (one browser) per server process, started on first use."""
    global _shared
    with _shared_lock:
        if _shared is None:
            timeout = float(os.environ.get("TILANNEKUVA_EXPORT_TIMEOUT", "30"))
            idle = float(os.environ.get("TILANNEKUVA_EXPORT_IDLE_SECONDS", str(IDLE_CLOSE)))
            _shared = SlideRenderer(timeout=timeout, idle_close=idle if idle > 0 else None)
        return _shared
