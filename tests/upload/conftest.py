import sys
from pathlib import Path

# the hostile-file builders are a plain module next to the tests
sys.path.insert(0, str(Path(__file__).parent))
