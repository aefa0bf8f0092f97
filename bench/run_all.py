"""Run every benchmark in this folder one after another and print their figures.

    .venv/bin/python bench/run_all.py            # all
    .venv/bin/python bench/run_all.py import     # only those whose file name contains 'import'
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    wanted = sys.argv[1:]
    failures = 0
    for script in sorted(HERE.glob("*_bench.py")):
        if wanted and not any(w in script.name for w in wanted):
            continue
        print(f"\n=== {script.name} ===", flush=True)
        failures += subprocess.call([sys.executable, str(script)], cwd=HERE.parent) != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
