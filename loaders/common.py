"""What every loader shares: collected problems, the rejection they make, region and period
matching, and hashing of source files.

A loader reads the whole file, collects *every* problem as a `Problem` (sheet, Excel row number,
column header, the bad value, what is allowed), and raises `ValidationFailed` with all of them
before anything is written.
"""
from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.i18n import t
from domain.metrics import period_of
from domain.schema import Region
from domain.vocabulary import normalise_text


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input file. `message` is a key of the loaders' catalogue
    (`domain/messages/loaders.py`); `params` fill it in."""

    message: str
    sheet: str | None = None
    row: int | None = None  # as Excel shows it (1-based)
    column: str | None = None  # the column's header text, or a header cell's label
    value: object = None
    params: dict = field(default_factory=dict)

    def render(self, lang: str = "fi") -> str:
        where = []
        if self.sheet is not None:
            where.append(t("problem.sheet", lang, sheet=self.sheet))
        if self.row is not None:
            where.append(t("problem.row", lang, row=self.row))
        if self.column is not None:
            where.append(t("problem.column", lang, column=self.column))
        text = t(self.message, lang, value=_show(self.value, lang), **self.params)
        return f"{', '.join(where)}: {text}" if where else text


QUOTE_MAX = 60  # characters of a bad value quoted back in a message


def short_quote(value: object, limit: int = QUOTE_MAX) -> str:
    """At most `limit` characters of a value (with "…" when cut): a message never echoes a
    huge cell back to the sender."""
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _show(value: object, lang: str) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return t("problem.empty_value", lang)
    return f"'{short_quote(value)}'" if isinstance(value, str) else short_quote(value)


class ValidationFailed(Exception):
    """The file was rejected; `problems` lists everything wrong with it. Nothing was written."""

    def __init__(self, problems: Iterable[Problem], source: str | None = None):
        self.problems = list(problems)
        self.source = source
        super().__init__(f"{len(self.problems)} problem(s) in {source or 'input'}")

    def render(self, lang: str = "fi") -> list[str]:
        return [p.render(lang) for p in self.problems]


@dataclass
class ImportResult:
    """What an import wrote, for the CLI's report and the upload log."""

    kind: str  # "roadmap" | "status" | "summary"
    source: str
    period: str | None = None
    regions: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    submission_ids: list[int] = field(default_factory=list)
    revision: int | None = None


def sha256_of(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def parse_period(value: object) -> str | None:
    """'2021-10', '10/2021', '10/21', '10.2021', a date or datetime -> '2021-10'; else None."""
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.year:04d}-{value.month:02d}"
    if value is None:
        return None
    text = str(value).strip().replace(" ", "")
    candidates = [text]
    for sep in ("/", "."):
        if sep in text:
            month, _, year = text.partition(sep)
            if month.isdigit() and year.isdigit():
                year_i = int(year) + (2000 if len(year) == 2 else 0)
                candidates.append(f"{year_i:04d}-{int(month):02d}")
    for candidate in candidates:
        try:
            year, month = period_of(candidate)
        except ValueError:
            continue
        return f"{year:04d}-{month:02d}"
    return None


class RegionResolver:
    """Matches region names as people type them: case, spacing and hyphen/dash variants do not
    matter; Finnish, Swedish and English names, codes and aliases are known."""

    def __init__(self, session: Session):
        self.regions = list(session.scalars(select(Region).order_by(Region.position)))
        self._by_key: dict[str, Region] = {}
        for region in self.regions:
            names = [region.code, region.name_fi, region.name_sv, region.name_en]
            names += [a.alias for a in region.aliases]
            for name in names:
                self._by_key.setdefault(normalise_text(name), region)

    def resolve(self, name: object) -> Region | None:
        if name is None:
            return None
        key = normalise_text(name)
        # A space typed for the hyphen ('Etelä Karjala') is the same name.
        return self._by_key.get(key) or self._by_key.get(key.replace(" ", "-"))

    def suggest(self, name: object) -> str | None:
        """The closest known Finnish region name, for 'did you mean' in error messages."""
        if name is None:
            return None
        keys = list(self._by_key)
        match = difflib.get_close_matches(normalise_text(name), keys, n=1, cutoff=0.5)
        return self._by_key[match[0]].name_fi if match else None

    def unknown_problem(self, name: object, **where) -> Problem:
        suggestion = self.suggest(name)
        if suggestion:
            return Problem("problem.unknown_region_suggest", value=name,
                           params={"suggestion": suggestion}, **where)
        return Problem("problem.unknown_region", value=name, **where)
