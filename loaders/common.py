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
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from domain.i18n import t
from domain.metrics import period_of
from domain.reference import official_names
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

    def __init__(self, problems: Iterable[Problem], source: str | None = None, *,
                 total: int | None = None, warnings: Iterable[Problem] = ()):
        self.problems = list(problems)
        self.source = source
        # `problems` may end with a "…and N more" line; `count` is the true number of problems
        self.count = total if total is not None else len(self.problems)
        self.warnings = list(warnings)
        super().__init__(f"{self.count} problem(s) in {source or 'input'}")

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
    warnings: list[Problem] = field(default_factory=list)  # shown, but did not stop the import


def sha256_of(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_MONTH_WORDS = {
    # Finnish stems (tammikuu, tammikuussa, tammik.), Swedish and English names and short forms
    **{w: i for i, w in enumerate(("tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä",
                                   "elo", "syys", "loka", "marras", "joulu"), start=1)},
    **{w: i for i, w in enumerate(("januari", "februari", "mars", "april", "maj", "juni", "juli",
                                   "augusti", "september", "oktober", "november", "december"),
                                  start=1)},
    **{w: i for i, w in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                   "august", "september", "october", "november", "december"),
                                  start=1)},
    **{w: i for i, w in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                   "oct", "nov", "dec"), start=1)},
    "okt": 10, "sept": 9, "maj": 5,
}
_FI_MONTH = re.compile(r"^(tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)"
                       r"(?:kuu\w*|k)?$")
_DATE_TEXT = (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"),  # 1.1.2023 -> month 1
              re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?$"))


def _month_word(word: str) -> int | None:
    word = word.rstrip(".").casefold()
    if match := _FI_MONTH.match(word):
        return _MONTH_WORDS[match.group(1)]
    return _MONTH_WORDS.get(word)


def _period_from_text(text: str) -> str | None:
    """A month written as a date ('1.1.2023', '2023-01-31') or in words ('tammikuu 2023',
    'januari 2023', 'January 2023', 'Jan 2023', '2023 tammikuu')."""
    lowered = text.casefold()
    match = _DATE_TEXT[0].match(lowered)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return _valid(year, month, day)
    match = _DATE_TEXT[1].match(lowered)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _valid(year, month, day)
    words = [w for w in re.split(r"[\s/,.-]+", lowered) if w]
    if len(words) == 2:
        for name, year in (words, words[::-1]):
            month = _month_word(name)
            if month and year.isdigit() and len(year) == 4:
                return _valid(int(year), month, 1)
    return None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}" if 2000 <= year <= 2100 else None


def parse_period(value: object) -> str | None:
    """The month a cell or option names, as 'YYYY-MM'; None when it names none.

    Accepted: '2021-10', '10/2021', '10/21', '10.2021', a date or datetime (its month), dates as
    text ('1.10.2021', '2021-10-31'), and a month name with the year in Finnish, Swedish or
    English ('lokakuu 2021', 'oktober 2021', 'October 2021', 'Oct 2021')."""
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.year:04d}-{value.month:02d}"
    if value is None:
        return None
    text = str(value).strip()
    compact = text.replace(" ", "")
    candidates = [compact]
    for sep in ("/", "."):
        if sep in compact:
            month, _, year = compact.partition(sep)
            if month.isdigit() and year.isdigit():
                year_i = int(year) + (2000 if len(year) == 2 else 0)
                candidates.append(f"{year_i:04d}-{int(month):02d}")
    for candidate in candidates:
        try:
            year, month = period_of(candidate)
        except ValueError:
            continue
        return f"{year:04d}-{month:02d}"
    return _period_from_text(text)


def reference_version(session: Session) -> tuple:
    """A stamp that changes whenever the roadmap loader (or anything adding or removing
    regions, aliases, tasks, workstreams or sub-areas) changes the reference data: the
    roadmap's import time and each table's row count and largest id, in one query. Reference
    data read for every import is kept per process under this stamp (`RegionResolver`, the
    status loader's roadmap index)."""
    return (str(session.get_bind().url),) + tuple(
        session.execute(_reference_version_statement()).one())


@lru_cache(maxsize=1)
def _reference_version_statement():
    """Built once: constructing its twelve subqueries cost more CPU than running them."""
    from domain.schema import RegionAlias, Roadmap, SubArea, Task, Workstream

    columns = [select(func.max(Roadmap.id)).scalar_subquery(),
               select(func.max(Roadmap.imported_at)).scalar_subquery()]
    for model in (Region, RegionAlias, Task, Workstream, SubArea):
        columns += [select(func.count()).select_from(model).scalar_subquery(),
                    select(func.max(model.id)).scalar_subquery()]
    return select(*columns)


_KEPT: dict[tuple, object] = {}  # (kind, reference_version) -> plain data; a few entries
_KEPT_LOCK = threading.Lock()


def kept(kind: str, version: tuple, build):
    """`build()`'s result, kept per process for this reference version."""
    key = (kind, version)
    with _KEPT_LOCK:
        if key in _KEPT:
            return _KEPT[key]
    value = build()
    with _KEPT_LOCK:
        if len(_KEPT) > 16:
            _KEPT.clear()
        _KEPT[key] = value
    return value


class RegionResolver:
    """Matches region names as people type them: case, spacing and hyphen/dash variants do not
    matter; Finnish, Swedish and English names, codes, aliases and official names are known.
    The name keys are plain data kept per reference version; `resolve` returns the session's
    own `Region`."""

    def __init__(self, session: Session, version: tuple | None = None):
        self.session = session
        self._by_key, self._name_fi = kept("regions", version or reference_version(session),
                                           lambda: self._keys(session))

    @staticmethod
    def _keys(session: Session) -> tuple[dict[str, int], dict[int, str]]:
        by_key: dict[str, int] = {}
        name_fi: dict[int, str] = {}
        regions = session.scalars(
            select(Region).options(selectinload(Region.aliases)).order_by(Region.position))
        for region in regions:
            name_fi[region.id] = region.name_fi
            names = [region.code, region.name_fi, region.name_sv, region.name_en]
            names += [a.alias for a in region.aliases]
            names += official_names(region.code, region.name_en)
            for name in names:
                by_key.setdefault(normalise_text(name), region.id)
        return by_key, name_fi

    def resolve(self, name: object) -> Region | None:
        if name is None:
            return None
        key = normalise_text(name)
        # A space typed for the hyphen ('Etelä Karjala') is the same name.
        region_id = self._by_key.get(key) or self._by_key.get(key.replace(" ", "-"))
        return self.session.get(Region, region_id) if region_id is not None else None

    def suggest(self, name: object) -> str | None:
        """The closest known Finnish region name, for 'did you mean' in error messages."""
        if name is None:
            return None
        keys = list(self._by_key)
        match = difflib.get_close_matches(normalise_text(name), keys, n=1, cutoff=0.5)
        return self._name_fi[self._by_key[match[0]]] if match else None

    def unknown_problem(self, name: object, **where) -> Problem:
        suggestion = self.suggest(name)
        if suggestion:
            return Problem("problem.unknown_region_suggest", value=name,
                           params={"suggestion": suggestion}, **where)
        return Problem("problem.unknown_region", value=name, **where)
