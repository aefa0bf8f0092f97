"""The upload service (no HTTP): preview, confirm, revisions, access, the log."""
import pytest
from sqlalchemy import select

from upload_helpers import actor, dump, filled_sheet
from dashboard import uploads
from domain import db, queries
from domain.schema import Submission, Upload, UploadFile
from domain.vocabulary import Status


def test_preview_then_confirm_writes_one_new_revision(upload_db):
    kainuu = actor(upload_db, "kainuu")
    data = filled_sheet(upload_db, "kainuu", "2021-11", "Käynnissä")
    before = dump(upload_db)
    result = uploads.preview(upload_db, kainuu, "kainuu-11.xlsx", data)
    assert isinstance(result, uploads.Preview), getattr(result, "problems", None)
    assert result.region.code == "kainuu" and result.period == "2021-11"
    assert result.baseline_period is None and result.current_revision is None
    htt = result.workstreams[0]
    assert htt.after["readiness_active"].percent == 100
    assert htt.before["readiness_active"].share is None
    assert dump(upload_db) == before  # nothing written by the preview but the log row

    done = uploads.confirm(upload_db, kainuu, result.token)
    assert done.revision == 1
    with db.session_factory(upload_db)() as s:
        hm = queries.heatmap(s, "2021-11", "readiness")
        assert hm.cell("kainuu", "htt:readiness_active").percent == 100
        log = queries.upload_log(s)
        assert [(u.result, u.submission_id) for u in log] == [("accepted", done.submission_id)]
        assert s.get(UploadFile, log[0].upload_id if hasattr(log[0], "upload_id") else log[0].id).content == data

    # the token is spent
    with pytest.raises(uploads.UploadRefused):
        uploads.confirm(upload_db, kainuu, result.token)

    # a second upload for the same month: preview compares with it, confirm makes revision 2
    data2 = filled_sheet(upload_db, "kainuu", "2021-11", "Valmis")
    second = uploads.preview(upload_db, kainuu, "kainuu-11-korjattu.xlsx", data2)
    assert second.baseline_period == "2021-11" and second.current_revision == 1
    assert second.changes and all(c.before is Status.IN_PROGRESS and c.after is Status.DONE
                                  for c in second.changes)
    assert second.workstreams[0].before["readiness_done"].percent == 0
    assert second.workstreams[0].after["readiness_done"].percent == 100
    assert uploads.confirm(upload_db, kainuu, second.token).revision == 2
    with db.session_factory(upload_db)() as s:
        subs = s.scalars(select(Submission).order_by(Submission.id)).all()
        assert [(x.revision, x.is_current, x.imported_by) for x in subs] == [
            (1, False, "kainuu"), (2, True, "kainuu")]
        assert len(queries.upload_log(s)) == 2


def test_an_uploader_cannot_send_another_regions_sheet(upload_db):
    kainuu = actor(upload_db, "kainuu")
    data = filled_sheet(upload_db, "lappi", "2021-11")
    before = dump(upload_db)
    result = uploads.preview(upload_db, kainuu, "lappi.xlsx", data)
    assert isinstance(result, uploads.Rejection)
    assert "Lappi" in result.rows("fi")[0]["message"]
    assert dump(upload_db) == before
    with db.session_factory(upload_db)() as s:
        assert [u.result for u in queries.upload_log(s)] == ["rejected"]


def test_a_token_is_bound_to_its_user(upload_db):
    coordinator = actor(upload_db, "koordinaattori")
    data = filled_sheet(upload_db, "lappi", "2021-11")
    result = uploads.preview(upload_db, coordinator, "lappi.xlsx", data)
    before = dump(upload_db)
    with pytest.raises(uploads.UploadRefused):
        uploads.confirm(upload_db, actor(upload_db, "lappi"), result.token)
    assert dump(upload_db) == before
    assert uploads.confirm(upload_db, coordinator, result.token).revision == 1


def test_invalid_sheet_lists_every_problem(upload_db):
    def spoil(ws, header, cols):
        ws.cell(header + 1, cols["Tila"]).value = "Melkein valmis"
        ws.cell(header + 2, cols["Tila"]).value = "=1+1"
    data = filled_sheet(upload_db, "kainuu", "2021-11", edit=spoil)
    before = dump(upload_db)
    result = uploads.preview(upload_db, actor(upload_db, "kainuu"), "virheet.xlsx", data)
    assert isinstance(result, uploads.Rejection)
    rows = result.rows("fi")
    assert len(rows) >= 2
    bad = next(r for r in rows if "Melkein" in r["value"])
    assert bad["row"] and bad["column"] == "Tila" and "Valmis" in bad["message"]
    formula = next(r for r in rows if r["value"] == "=1+1")
    assert formula["column"] == "Tila" and f"F{formula['row']}" in formula["message"]
    assert dump(upload_db) == before


def test_preview_warns_of_a_column_not_imported_and_confirm_reuses_the_parse(upload_db):
    from dashboard.pages.upload import render_preview

    kainuu = actor(upload_db, "kainuu")

    def extra_column(ws, header_row, columns):
        col = max(columns.values()) + 2
        ws.cell(header_row, col).value = "Vastuuhenkilö"
        ws.cell(header_row + 1, col).value = "Matti"

    data = filled_sheet(upload_db, "kainuu", "2021-12", "Valmis", edit=extra_column)
    result = uploads.preview(upload_db, kainuu, "k.xlsx", data)
    assert isinstance(result, uploads.Preview), getattr(result, "problems", None)
    assert [w.message for w in result.warnings] == ["sheet_checks.unknown_column"]
    assert "'Vastuuhenkilö'" in str(render_preview(result, "fi"))
    assert uploads._PARSED._items  # the preview's parse is kept for the confirm
    assert uploads.confirm(upload_db, kainuu, result.token).revision == 1
    assert not uploads._PARSED._items
