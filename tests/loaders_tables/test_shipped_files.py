"""The example files committed under data/reference/ are exactly what the code writes."""
from __future__ import annotations

import zipfile

import pytest

from loaders.reference_tables import SHIPPED_CSV_DIR, SHIPPED_DIR, write_shipped_examples

from .conftest import SHARED_CSV_DIR


def zip_contents(path) -> dict[str, bytes]:
    # compare what is inside, not the compressed bytes (zlib builds may compress differently)
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_committed_examples_are_regenerated_identically(tmp_path):
    written = write_shipped_examples(tmp_path)
    assert set(written) == {"roadmap", "readiness", "progress", "subareas"}
    for path in written.values():
        committed = SHIPPED_DIR / path.name
        assert committed.exists(), f"run `python -m loaders.reference_tables` to write {path.name}"
        assert zip_contents(committed) == zip_contents(path), path.name


@pytest.mark.skipif(not SHARED_CSV_DIR.is_dir(), reason="shared reference folder not present")
def test_repository_copy_of_the_csvs_matches_the_shared_reference():
    for shared in sorted(SHARED_CSV_DIR.glob("*.csv")):
        assert (SHIPPED_CSV_DIR / shared.name).read_bytes() == shared.read_bytes()
