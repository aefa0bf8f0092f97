"""23 regions upload in the same minute while 50 dashboard users read, on one real SQLite file:
no upload is lost and no 'database is locked' appears. Writers are separate OS processes (as
in a multi-worker server), readers threads in two more processes. Figures: bench/."""
import pytest

from bench.concurrency_bench import UPLOAD_PERIOD, prepare, run_load


@pytest.mark.slow
def test_23_concurrent_uploads_with_50_readers(tmp_path):
    url = f"sqlite:///{tmp_path / 'load.sqlite'}"
    sheets = prepare(url, tmp_path, small=True)
    assert len(sheets) == 23
    report = run_load(url, sheets, writer_procs=6, readers=50, reader_procs=2)
    print("\n".join(report.lines()))
    assert report.locked_errors == []
    assert report.errors == []
    assert report.uploads_ok == 23
    assert report.current_submissions == 23  # one current revision per region for the month
    assert report.accepted_in_log == 23
    assert report.reads > 50  # every reader got through at least once
    assert UPLOAD_PERIOD == "2021-12"
