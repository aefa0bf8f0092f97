"""The regional monthly status sheet's layout: header labels and column names in Finnish and
Swedish. The reader (`loaders.status_sheet`) and the template writer (`loaders.template`) both
take them from here, so what the template writes is always what the reader accepts.

Layout (rows are found by their labels, not by fixed numbers):

    Alue        | Pohjois-Savo            (Swedish: Område)
    Ajankohta   | 3/2022                  (Swedish: Tidpunkt)
    ...
    Tunnus | Valmisteluryhmä | Osa-alue | Tehtävä | Määräaika | Tila | Huomiot   <- header row
    HTT-A-001 | …                                                 | Käynnissä | …
"""
from __future__ import annotations

from dataclasses import dataclass

from .sheet_cells import label_key

LANGS = ("fi", "sv")


@dataclass(frozen=True)
class ColumnDef:
    key: str
    fi: str  # written by the Finnish template
    sv: str  # written by the Swedish template
    also: tuple[str, ...] = ()  # further labels the reader accepts (English, variants)
    width: int = 14  # template column width (characters)
    required: bool = False  # the header row is recognised by its required columns

    def label(self, lang: str) -> str:
        return self.sv if lang == "sv" else self.fi

    def accepted(self) -> tuple[str, ...]:
        return (self.fi, self.sv) + self.also


# What people rename 'Huomiot' to; a note column under any of these is still read.
NOTE_SYNONYMS = (
    "Huomio", "Huomautus", "Huomautukset", "Lisätiedot", "Lisätietoja", "Lisätieto", "Kommentit",
    "Kommentti", "Selite", "Selitys", "Tarkennukset", "Tarkennus", "Perustelut", "Muistiinpanot",
    "Anmärkning", "Kommentarer", "Kommentar", "Tilläggsuppgifter", "Tilläggsinformation",
    "Anteckningar", "Notes", "Note", "Comments", "Comment", "Remarks", "Additional information")

ID, WORKSTREAM, SUB_AREA, TITLE, DUE, STATUS, NOTE = (
    "id", "workstream", "sub_area", "title", "due", "status", "note")

COLUMNS: tuple[ColumnDef, ...] = (
    ColumnDef(ID, "Tunnus", "Beteckning", ("Id", "Tehtävän tunnus", "Task id"), 13, True),
    ColumnDef(WORKSTREAM, "Valmisteluryhmä", "Beredningsgrupp", ("Workstream",), 30),
    ColumnDef(SUB_AREA, "Osa-alue", "Delområde", ("Sub-area",), 34),
    ColumnDef(TITLE, "Tehtävä", "Uppgift", ("Task",), 60),
    ColumnDef(DUE, "Määräaika", "Tidsfrist", ("Due",), 12),
    ColumnDef(STATUS, "Tila", "Status", ("Tilanne",), 26, True),
    ColumnDef(NOTE, "Huomiot", "Anmärkningar", NOTE_SYNONYMS, 50),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}

# Labelled header cells above the table; the value is in the next filled cell to the right.
REGION_LABEL = {"fi": "Alue", "sv": "Område"}
PERIOD_LABEL = {"fi": "Ajankohta", "sv": "Tidpunkt"}
_REGION_ALSO = ("Hyvinvointialue", "Välfärdsområde", "Region")
_PERIOD_ALSO = ("Kuukausi", "Månad", "Period")

# Texts written into the sheet itself (title, instructions) are in the catalogue
# `domain/messages/loaders_status.py` under "sheet.*".
SHEET_TITLE = {"fi": "Tilannekuva", "sv": "Lägesbild"}

HEADER_SEARCH_ROWS = 40  # the table header must start within this many rows
HEADER_SEARCH_COLS = 30


def _keys(labels) -> set[str]:
    return {label_key(label) for label in labels}


# "Alue:" and "Tila *" are the same labels as "Alue" and "Tila" (`label_key`).
_REGION_KEYS = _keys(tuple(REGION_LABEL.values()) + _REGION_ALSO)
_PERIOD_KEYS = _keys(tuple(PERIOD_LABEL.values()) + _PERIOD_ALSO)
_COLUMN_KEYS: dict[str, str] = {}
for _column in COLUMNS:
    for _label in _column.accepted():
        _COLUMN_KEYS.setdefault(label_key(_label), _column.key)
_SV_KEYS = _keys([c.sv for c in COLUMNS] + [REGION_LABEL["sv"], PERIOD_LABEL["sv"]])
_FI_KEYS = _keys([c.fi for c in COLUMNS] + [REGION_LABEL["fi"], PERIOD_LABEL["fi"]])


def column_key(text: object) -> str | None:
    """Which column a header cell names (any accepted label), or None."""
    if not isinstance(text, str):
        return None
    return _COLUMN_KEYS.get(label_key(text))


def is_region_label(text: object) -> bool:
    return isinstance(text, str) and label_key(text) in _REGION_KEYS


def is_period_label(text: object) -> bool:
    return isinstance(text, str) and label_key(text) in _PERIOD_KEYS


def language_of(labels) -> str:
    """'sv' when the sheet's labels are more Swedish than Finnish, else 'fi'."""
    keys = [label_key(x) for x in labels if isinstance(x, str)]
    sv = sum(k in _SV_KEYS and k not in _FI_KEYS for k in keys)
    fi = sum(k in _FI_KEYS and k not in _SV_KEYS for k in keys)
    return "sv" if sv > fi else "fi"


def required_labels(lang: str = "fi") -> list[str]:
    return [c.label(lang) for c in COLUMNS if c.required]


def all_labels(lang: str = "fi") -> list[str]:
    return [c.label(lang) for c in COLUMNS]
