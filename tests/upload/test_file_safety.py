"""Every broken or hostile file kind is refused before openpyxl sees it, with its own message."""
import io

import openpyxl
import pytest

import hostile_files
from domain.i18n import t
from loaders import file_safety
from loaders.file_safety import Limits, UnsafeFile, check_upload

CORPUS = hostile_files.corpus()


@pytest.mark.parametrize("case,name,data,key", CORPUS, ids=[c[0] for c in CORPUS])
def test_each_kind_gets_its_own_message(case, name, data, key):
    with pytest.raises(UnsafeFile) as caught:
        check_upload(data, name)
    assert caught.value.key == key
    text = caught.value.render("fi")
    assert text and "{" not in text and "/tmp" not in text
    assert caught.value.render("sv") != text


def test_messages_are_distinct_per_kind():
    keys = {key for *_, key in CORPUS}
    texts = {t(k, "fi", size="1", limit="1", suffix=".pdf", part="x", rows="1", cells="1") for k in keys}
    assert len(texts) == len(keys) >= 12


def test_a_plain_workbook_passes():
    check_upload(hostile_files.plain_xlsx(), "kainuu.xlsx")


def test_size_limit_is_configurable(monkeypatch):
    data = hostile_files.plain_xlsx()
    with pytest.raises(UnsafeFile) as caught:
        check_upload(data, "a.xlsx", Limits(max_bytes=1000))
    assert caught.value.key == "upload.file.too_large"
    monkeypatch.setenv("TILANNEKUVA_MAX_UPLOAD_BYTES", "1000")
    with pytest.raises(UnsafeFile):
        check_upload(data, "a.xlsx")


def test_total_uncompressed_size_is_limited():
    data = hostile_files.plain_xlsx()
    with pytest.raises(UnsafeFile) as caught:
        check_upload(data, "a.xlsx", Limits(max_uncompressed=2000))
    assert caught.value.key == "upload.file.zip_bomb"


def test_openpyxl_parses_through_defusedxml():
    """Second line of defence: even without the pre-scan, entity expansion is refused."""
    assert file_safety.openpyxl_uses_defusedxml()
    for build in (hostile_files.billion_laughs_xlsx, hostile_files.external_entity_xlsx):
        with pytest.raises(Exception) as caught:
            openpyxl.load_workbook(io.BytesIO(build()))
        assert "EntitiesForbidden" in repr(caught.value.__cause__ or caught.value.__context__)


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"a\")", "+1+2", "-3+cmd|' /C calc'!A0",
                                  "@SUM(A1)", "\t=1"])
def test_exported_text_never_becomes_a_formula(text, tmp_path):
    assert file_safety.safe_text(text).startswith("'")
    wb = openpyxl.Workbook()
    file_safety.write_text_cell(wb.active["A1"], text)
    path = tmp_path / "x.xlsx"
    wb.save(path)
    cell = openpyxl.load_workbook(path).active["A1"]
    assert cell.data_type == "s" and cell.value == text


def test_ordinary_text_passes_unchanged():
    assert file_safety.safe_text("Valmis ajallaan") == "Valmis ajallaan"
    assert file_safety.safe_text(12) == 12
