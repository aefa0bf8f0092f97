"""Cost of hostile uploads on the app as deployed (gunicorn, 2 workers, a temporary SQLite file):
the 1.2 MB workbook hiding a 95 MB cell sent through the upload callback, and the file checks
alone for it and for a million whitespace-in-tag cells. Prints time, the server's memory
before/peak, the answer's size, and how fast another user's requests were answered meanwhile.

    .venv/bin/python bench/upload_cost_bench.py
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "security")]

from hostile_large import hidden_large_cell_xlsx, whitespace_cell_flood_xlsx  # noqa: E402
from live_gunicorn import Client, Gunicorn, while_watching  # noqa: E402

PASSWORD = "bench-salasana-123"


def prepare(folder: Path) -> str:
    from dashboard import accounts
    from domain import db, store

    url = f"sqlite:///{folder / 'bench.sqlite'}"
    with db.transaction(url) as session:
        store.install_reference_structure(session)
        from domain.schema import SubArea, Task

        area = session.query(SubArea).first()
        session.add(Task(code="HTT-A-001", workstream_id=area.workstream_id, sub_area_id=area.id,
                         title_fi="Tehtävä", due_date=__import__("datetime").date(2021, 12, 31),
                         due_label="Q4/2021", position=1))
        accounts.create_user(session, "kainuu", PASSWORD, "region_uploader", "Kainuu")
        accounts.create_user(session, "paakayttaja", PASSWORD, "admin")
    return url


def checks_alone() -> None:
    from loaders.file_safety import UnsafeFile, check_upload

    for name, data in (("hidden 95 MB cell", hidden_large_cell_xlsx(95)),
                       ("1 000 000 cells <c\\t…>", whitespace_cell_flood_xlsx())):
        started = time.perf_counter()
        try:
            check_upload(data, "x.xlsx")
            verdict = "PASSED (bad)"
        except UnsafeFile as refused:
            verdict = refused.key
        print(f"check_upload  {name:24s} {len(data) / 1e6:5.2f} MB  "
              f"{(time.perf_counter() - started) * 1000:7.0f} ms  {verdict}")


def through_the_server() -> None:
    import base64

    with tempfile.TemporaryDirectory() as tmp:
        server = Gunicorn(prepare(Path(tmp)), Path(tmp))
        try:
            uploader, other = Client(server.url), Client(server.url)
            uploader.login("kainuu", PASSWORD)
            other.login("paakayttaja", PASSWORD)
            data = hidden_large_cell_xlsx(95)
            contents = "data:application/octet-stream;base64," + base64.b64encode(data).decode()
            payload = {"output": "..upload-result.children...upload-token.data...upload-file.contents..",
                       "outputs": [{"id": "upload-result", "property": "children"},
                                   {"id": "upload-token", "property": "data"},
                                   {"id": "upload-file", "property": "contents"}],
                       "inputs": [{"id": "upload-file", "property": "contents", "value": contents}],
                       "changedPropIds": ["upload-file.contents"],
                       "state": [{"id": "upload-file", "property": "filename", "value": "k.xlsx"},
                                 {"id": "url", "property": "search", "value": "?lang=fi"},
                                 {"id": "upload-correction", "property": "value", "value": None}]}
            time.sleep(1)
            seen = while_watching(
                server, other, lambda: uploader.post_json("/_dash-update-component", payload))
            answer, base, peak = seen.result, seen.baseline_mb, seen.peak_mb
            print(f"upload via gunicorn: {len(data) / 1e6:.2f} MB file, HTTP {answer.status}, "
                  f"{seen.elapsed:.2f} s, server memory {base:.0f} MB → peak {peak:.0f} MB "
                  f"(+{peak - base:.0f} MB), answer {len(answer.body)} bytes, other "
                  f"user's requests max {seen.slowest_other * 1000:.0f} ms")
        finally:
            server.stop()


if __name__ == "__main__":
    checks_alone()
    through_the_server()
