from __future__ import annotations

import datetime as dt

import pytest

from domain.i18n import LANGS, catalogue, format_date, format_percent, format_signed, t
from domain.vocabulary import Status, allowed_status_labels, parse_status


@pytest.mark.parametrize("text, status", [
    ("Ei aloitettu", Status.NOT_STARTED), ("  käynnissä ", Status.IN_PROGRESS),
    ("VALMISTUU  AIKATAULUSSA", Status.ON_SCHEDULE), ("valmis", Status.DONE),
    ("Ei koske aluetta", Status.NOT_APPLICABLE), ("Inte påbörjad", Status.NOT_STARTED),
    ("Pågår", Status.IN_PROGRESS), ("Blir klar enligt tidsplan", Status.ON_SCHEDULE),
    ("Klar", Status.DONE), ("Gäller inte området", Status.NOT_APPLICABLE),
    ("valmis\u00a0", Status.DONE),
])
def test_statuses_in_finnish_and_swedish(text, status):
    assert parse_status(text) is status


@pytest.mark.parametrize("text", ["", None, "valmiina", "50 %", "Kesken"])
def test_unknown_statuses(text):
    assert parse_status(text) is None


def test_counting_rules():
    assert Status.ON_SCHEDULE.is_active and Status.IN_PROGRESS.is_active
    assert not Status.DONE.is_active and Status.DONE.is_started
    assert not Status.NOT_APPLICABLE.is_applicable
    assert allowed_status_labels("sv")[0] == "Inte påbörjad"


def test_every_message_has_every_language():
    for key, texts in catalogue().items():
        for lang in LANGS:
            assert texts[lang].strip(), (key, lang)


def test_number_and_date_formats():
    assert format_percent(36, "fi") == "36\u00a0%"
    assert format_percent(36, "sv") == "36\u00a0%"
    assert format_percent(36, "en") == "36%"
    assert format_percent(None, "fi", no_data="ei tietoa") == "ei tietoa"
    assert format_date(dt.date(2021, 12, 9)) == "9.12.2021"
    assert format_signed(-3) == "\u22123" and format_signed(0) == "±0"
    assert t("tasks_count", "fi", n=25, total=69) == "25 / 69 tehtävää"


def test_stored_utc_times_are_shown_in_finnish_local_time():
    from domain.i18n import format_datetime

    assert format_datetime(dt.datetime(2022, 1, 10, 12, 5, 0)) == "10.1.2022 14.05.00"  # UTC+2
    assert format_datetime(dt.datetime(2022, 6, 10, 12, 5, 0)) == "10.6.2022 15.05.00"  # kesäaika
