"""Region names and dates follow the UI language in the reporting round's texts (issue 10,
part 4): the upload's "wrong region" refusal, the round refusals, the submission board (page and
downloads), the upload page's round panel and history, and the correction notes.
Finnish and Swedish write d.m.yyyy; the English UI writes ISO dates, as everywhere else."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from dashboard import round_panels, uploads
from dashboard.pages import board
from dashboard.pages.region import correction_notes
from domain import db, queries, rounds
from domain.i18n import t
from domain.reference import TARGET_DATE
from loaders.status_sheet import import_status
from status_helpers import task_rows, write_sheet
from upload_helpers import actor, filled_sheet

ISO_TIME = re.compile(r"\b20\d\d-\d\d-\d\d \d\d:\d\d:\d\d\b")
FI_TIME = re.compile(r"\b\d{1,2}\.\d{1,2}\.20\d\d \d\d\.\d\d\.\d\d\b")


def text_of(component) -> str:
    """Every string inside a Dash component tree, joined."""
    if component is None:
        return ""
    if isinstance(component, (str, int, float)):
        return str(component)
    if isinstance(component, (list, tuple)):
        return " ".join(text_of(c) for c in component)
    return text_of(getattr(component, "children", None))


@pytest.fixture
def sent_march(rounds_db, tmp_path):
    """March 2022 open (deadline 20.4.2022), Pohjois-Savo has sent its sheet."""
    with db.transaction(rounds_db) as s:
        rounds.open_round(s, "2022-03", dt.date(2022, 4, 20), dt.date(2022, 4, 11), by="test")
    import_status(rounds_db, write_sheet(tmp_path / "ps.xlsx", task_rows()))
    return rounds_db


def test_upload_wrong_region_names_both_regions_in_the_ui_language(sent_march):
    kainuu = actor(sent_march, "kainuu")
    result = uploads.preview(sent_march, kainuu, "lappi.xlsx",
                             filled_sheet(sent_march, "lappi", "2022-03"))
    assert isinstance(result, uploads.Rejection)
    messages = {lang: result.rows(lang)[0]["message"] for lang in ("fi", "sv", "en")}
    assert "Lappi" in messages["fi"] and "Kainuu" in messages["fi"]
    assert "Lappland" in messages["sv"] and "Kajanaland" in messages["sv"]
    assert "Lapland" in messages["en"] and "Lappi" not in messages["en"]


def test_round_refusals_name_regions_and_dates_in_the_ui_language(rounds_db):
    with db.session_factory(rounds_db)() as s:
        kainuu, lappi = queries.region(s, "kainuu").id, queries.region(s, "lappi").id
        wrong, = rounds.submission_problems(s, "2022-03", lappi, role="region_uploader",
                                            own_region_id=kainuu)[:1]
    assert "Lappland" in wrong.render("sv") and "Kajanaland" in wrong.render("sv")
    assert "Lapland" in wrong.render("en")
    assert "Lappi" in wrong.render("fi") and "Kainuun" not in wrong.render("fi")
    with pytest.raises(rounds.RoundRefused) as refused:
        with db.transaction(rounds_db) as s:
            rounds.open_round(s, "2022-03", dt.date(2022, 4, 1), dt.date(2022, 4, 10))
    assert "1.4.2022" in refused.value.render("fi")[0]
    assert "10.4.2022" in refused.value.render("sv")[0]
    english = refused.value.render("en")[0]
    assert "2022-04-01" in english and "2022-04-10" in english and "1.4.2022" not in english


def test_board_page_and_downloads_use_iso_dates_in_english_and_local_names(sent_march):
    with db.session_factory(sent_march)() as s:
        status = rounds.round_status(s, "2022-03")
    sent = next(row for row in board.board_rows(status, "en") if row[2])
    assert ISO_TIME.fullmatch(sent[3]), sent
    assert FI_TIME.fullmatch(next(row for row in board.board_rows(status, "fi") if row[2])[3])
    table = board.board_table(status, "en")
    assert "2022-04-20" in table.title and "20.4.2022" not in table.title
    assert ISO_TIME.search(table.source)
    assert "20.4.2022" in board.board_table(status, "sv").title
    missing_sv = text_of(board._board_body(status, "sv"))
    assert "Lappland" in missing_sv and "Kajanaland" in missing_sv
    assert "Lapland" in text_of(board._board_body(status, "en"))


def test_upload_page_round_panel_and_history_use_the_ui_language(sent_march):
    with db.session_factory(sent_march)() as s:
        region = queries.region(s, "pohjois-savo")
        panel_en = text_of(round_panels.round_panel(s, region, "en"))
        history_en = text_of(round_panels.history_panel(s, region, "en"))
        panel_fi = text_of(round_panels.round_panel(s, region, "fi"))
    assert "2022-04-20" in panel_en and "20.4.2022" not in panel_en
    assert ISO_TIME.search(panel_en) and not FI_TIME.search(panel_en)
    assert ISO_TIME.search(history_en) and not FI_TIME.search(history_en)
    assert "20.4.2022" in panel_fi and FI_TIME.search(panel_fi)
    assert "North Savo" in history_en


def test_correction_notes_and_the_target_date_follow_the_ui_language():
    when = dt.datetime(2023, 2, 3, 8, 0)
    assert "2023-02-03" in text_of(correction_notes([(when, "syy")], "en"))
    assert "3.2.2023" in text_of(correction_notes([(when, "syy")], "sv"))
    assert t("a11y.header.transferred", "en", date=TARGET_DATE).endswith("on 2023-01-01")
    assert t("a11y.header.transferred", "fi", date=TARGET_DATE).endswith("1.1.2023")


def _ids(component) -> list[str]:
    if isinstance(component, (list, tuple)):
        return [i for c in component for i in _ids(c)]
    if component is None or isinstance(component, (str, int, float)):
        return []
    own = [component.id] if getattr(component, "id", None) else []
    return own + _ids(getattr(component, "children", None))


def test_two_open_rounds_give_the_upload_panel_unique_ids(sent_march):
    """Two months open at once: each has its own line, and no id repeats (invalid HTML)."""
    with db.transaction(sent_march) as s:
        rounds.open_round(s, "2022-04", dt.date(2022, 5, 20), dt.date(2022, 5, 11), by="test")
    with db.session_factory(sent_march)() as s:
        panels = [round_panels.round_panel(s, queries.region(s, code), "fi")
                  for code in ("pohjois-savo", "kainuu")]  # sent March / sent neither
    for panel in panels:
        ids = _ids(panel)
        assert len(ids) == len(set(ids)), ids
        text = text_of(panel)
        assert "3/2022" in text and "4/2022" in text
