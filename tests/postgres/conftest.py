"""A throwaway PostgreSQL server (Debian's postgresql package) for the tests that prove the
same code works on PostgreSQL by URL. It listens on a Unix socket in a temporary folder only."""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time

import pytest


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        pytest.fail("PostgreSQL server binaries not found: `make test` installs Debian's "
                    "postgresql package (apt-get install postgresql)")
    return found[-1]


def _as_postgres(args: list[str]) -> list[str]:
    # The server refuses to run as root; Debian's package creates the `postgres` user.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@pytest.fixture(scope="session")
def pg_server():
    root = tempfile.mkdtemp(prefix="tilannekuva-pg-")
    data, sock = os.path.join(root, "data"), os.path.join(root, "sock")
    os.makedirs(sock)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
    subprocess.run(_as_postgres([_bin("initdb"), "-D", data, "-U", "postgres", "-A", "trust",
                                 "-E", "UTF8", "--no-locale"]),
                   check=True, capture_output=True)
    port = "54329"
    subprocess.run(_as_postgres([_bin("pg_ctl"), "-D", data, "-w", "-l",
                                 os.path.join(root, "log"), "-o",
                                 f"-k {sock} -p {port} -c listen_addresses=''", "start"]),
                   check=True, capture_output=True)
    try:
        yield {"socket": sock, "port": port}
    finally:
        subprocess.run(_as_postgres([_bin("pg_ctl"), "-D", data, "-m", "fast", "stop"]),
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server):
    """A new, empty database on the throwaway server."""
    import psycopg

    name = f"t{int(time.time() * 1000) % 10**9}{os.getpid()}"
    conninfo = f"host={pg_server['socket']} port={pg_server['port']} user=postgres dbname=postgres"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return (f"postgresql+psycopg://postgres@/{name}"
            f"?host={pg_server['socket']}&port={pg_server['port']}")
