"""Fixtures of the upload tests (helpers live in upload_helpers.py: a uniquely named module, so
the whole suite can run together with other folders' conftest modules)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from upload_helpers import _secret_key, upload_db  # noqa: E402,F401  (fixtures)
