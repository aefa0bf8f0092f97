"""Security tests: the app served by gunicorn with 2 workers (tests/security/live_gunicorn.py)
on real SQLite files; the upload fixtures (users of every role) come from tests/upload."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "upload"))

from upload_helpers import _secret_key, upload_db  # noqa: E402,F401  (fixtures)
from live_gunicorn import Gunicorn  # noqa: E402


@pytest.fixture
def served(upload_db, tmp_path):
    """gunicorn, 2 workers, on the upload test database (users of every role, a task list)."""
    server = Gunicorn(upload_db, tmp_path)
    yield server
    server.stop()
