"""The routing table: which page module answers which path.

A page module exposes
    PATH: str                      "/" or "/trendit", or a prefix such as "/alue/"
    PREFIX: bool (optional)        True when PATH is a prefix ("/alue/<code>")
    NAV: str | None (optional)     i18n key of its top-navigation link; None keeps it out of the nav
    layout(request: PageRequest)   -> Dash component (the page body, header bar excluded)
    register_callbacks(app)        registers the page's callbacks (called once per app)

To add a page (login, upload, upload log…): write the module and append it with `add_page()`
(or edit PAGES below). Guards (`add_guard`) may replace a page's body, e.g. by a log-in form when
a route needs an authenticated user: a guard returns None to let the page render.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import Callable

from .state import State


@dataclass(frozen=True)
class PageRequest:
    pathname: str
    rest: str  # the part after a prefix PATH ("pirkanmaa" for "/alue/pirkanmaa"), else ""
    state: State
    search: str
    db_url: str
    # the months whose round is open, as the router read them (None: not read yet)
    open_periods: frozenset[str] | None = None


# Module names, in navigation order. Others append their pages with add_page().
PAGE_MODULES: list[str] = [
    "dashboard.pages.overview",
    "dashboard.pages.region",
    "dashboard.pages.trends",
    "dashboard.pages.board",  # submission board (coordinators and admins; in their nav only)
    "dashboard.pages.upload",  # monthly upload (log-in needed)
    "dashboard.pages.upload_log",  # upload log (coordinators; linked from the upload page)
    "dashboard.pages.admin_imports",  # roadmap / summary imports (admins; linked from upload)
]

Guard = Callable[[ModuleType, PageRequest], object | None]
GUARDS: list[Guard] = []


def add_page(module_name: str) -> None:
    if module_name not in PAGE_MODULES:
        PAGE_MODULES.append(module_name)


def add_guard(guard: Guard) -> None:
    if guard not in GUARDS:
        GUARDS.append(guard)


def pages() -> list[ModuleType]:
    return [importlib.import_module(name) for name in PAGE_MODULES]


def match(pathname: str | None) -> tuple[ModuleType | None, str]:
    """The page for a path and the rest after its prefix; (None, "") when nothing matches."""
    path = pathname or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    for page in pages():
        if getattr(page, "PREFIX", False):
            prefix = page.PATH
            if path.startswith(prefix) and len(path) > len(prefix):
                return page, path[len(prefix):]
        elif path == page.PATH:
            return page, ""
    return None, ""


def nav_pages() -> list[ModuleType]:
    return [p for p in pages() if getattr(p, "NAV", None)]
