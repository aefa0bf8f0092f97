"""Task status vocabulary: the five statuses of the regional sheets, in Finnish, Swedish and English.

The slides count a task as *käynnissä* when it is "käynnissä tai valmistuu aikataulussa", and as
*valmis* when done; "ei koske aluetta" leaves every denominator.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache


class Status(str, Enum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    ON_SCHEDULE = "on_schedule"
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"

    @property
    def is_active(self) -> bool:
        """Counts as *käynnissä* on the slides."""
        return self in (Status.IN_PROGRESS, Status.ON_SCHEDULE)

    @property
    def is_done(self) -> bool:
        return self is Status.DONE

    @property
    def is_applicable(self) -> bool:
        return self is not Status.NOT_APPLICABLE

    @property
    def is_started(self) -> bool:
        """In progress or done: the numerator of the progress measure."""
        return self.is_active or self.is_done


@dataclass(frozen=True)
class StatusLabels:
    fi: str
    sv: str
    en: str

    def get(self, lang: str) -> str:
        return getattr(self, lang)


STATUS_LABELS: dict[Status, StatusLabels] = {
    Status.NOT_STARTED: StatusLabels("Ei aloitettu", "Inte påbörjad", "Not started"),
    Status.IN_PROGRESS: StatusLabels("Käynnissä", "Pågår", "In progress"),
    Status.ON_SCHEDULE: StatusLabels("Valmistuu aikataulussa", "Blir klar enligt tidsplan",
                                     "Will be completed on schedule"),
    Status.DONE: StatusLabels("Valmis", "Klar", "Done"),
    Status.NOT_APPLICABLE: StatusLabels("Ei koske aluetta", "Gäller inte området",
                                        "Not applicable to the region"),
}

STATUS_ORDER: tuple[Status, ...] = tuple(STATUS_LABELS)


def normalise_text(value: object) -> str:
    """Case-, whitespace- and dash-insensitive key for matching user-typed names."""
    try:
        return _normalise_cached(value)
    except TypeError:  # unhashable: not worth caching
        return _normalise(value)


@lru_cache(maxsize=8192)
def _normalise_cached(value: object) -> str:
    # an import matches the same few hundred codes and labels every time: cache the keys
    return _normalise(value)


def _normalise(value: object) -> str:
    text = unicodedata.normalize("NFC", str(value))
    text = re.sub(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]", "-", text)
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().casefold()
    return re.sub(r"\s*-\s*", "-", text)


_STATUS_BY_KEY: dict[str, Status] = {}
for _status, _labels in STATUS_LABELS.items():
    for _label in (_labels.fi, _labels.sv, _labels.en):
        _STATUS_BY_KEY[normalise_text(_label)] = _status
# Short forms regions use in practice.
_STATUS_BY_KEY[normalise_text("Ei koske")] = Status.NOT_APPLICABLE
_STATUS_BY_KEY[normalise_text("Gäller inte")] = Status.NOT_APPLICABLE


def parse_status(value: object) -> Status | None:
    """The status a cell names (Finnish, Swedish or English), or None if it names none."""
    if value is None:
        return None
    return _STATUS_BY_KEY.get(normalise_text(value))


def status_label(status: Status | str, lang: str = "fi") -> str:
    return STATUS_LABELS[Status(status)].get(lang)


def allowed_status_labels(lang: str = "fi") -> list[str]:
    """The dropdown list of the template, and the 'allowed' part of error messages."""
    return [STATUS_LABELS[s].get(lang) for s in STATUS_ORDER]
