"""A throwaway PostgreSQL cluster from Debian's binaries, for tests and benchmarks.

``temporary_cluster()`` runs ``initdb`` and ``pg_ctl`` from ``/usr/lib/postgresql/*/bin`` in a
fresh temporary directory, listening on a free loopback port only, with durability switched off
(the data is thrown away). Run as root, PostgreSQL refuses to start, so the commands then run as
the ``postgres`` user through ``runuser`` in a directory that user owns.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV_URL = "DATELINE_TEST_POSTGRES_URL"


class ClusterUnavailable(RuntimeError):
    """PostgreSQL cannot be started here; the message says why."""


def postgres_bin() -> Path:
    """The newest installed server's bin directory."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if not found:
        raise ClusterUnavailable(
            "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
        )
    return Path(found[-1]).parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _runner() -> tuple[list[str], int | None, int | None]:
    """The prefix to run server commands with, and the uid/gid to own the directory."""
    if os.geteuid() != 0:
        return [], None, None
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        raise ClusterUnavailable(
            "running as root and there is no 'postgres' user to run the server"
        ) from None
    runuser = shutil.which("runuser")
    if runuser is None:
        raise ClusterUnavailable("running as root and 'runuser' is missing, so the server cannot drop root")
    return [runuser, "-u", "postgres", "--"], user.pw_uid, user.pw_gid


def _run(command: list[str], what: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0:
        raise ClusterUnavailable(
            f"{what} failed ({result.returncode}): {(result.stderr or result.stdout).strip()[-800:]}"
        )


@contextmanager
def temporary_cluster() -> Iterator[str]:
    """Start a cluster, yield its URL (postgresql://postgres@127.0.0.1:PORT/postgres), stop and delete it."""
    bindir = postgres_bin()
    prefix, uid, gid = _runner()
    root = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
    data, sockets, logfile = root / "data", root / "sockets", root / "server.log"
    sockets.mkdir()
    if uid is not None and gid is not None:
        for path in (root, sockets):
            os.chown(path, uid, gid)
    port = free_port()
    started = False
    try:
        _run(
            [*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
             "-E", "UTF8", "--locale=C", "--no-sync"],
            "initdb",
        )  # fmt: skip
        options = (
            f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        _run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(logfile), "-w", "-t", "60", "start"],
            "pg_ctl start",
        )  # fmt: skip
        started = True
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        if started:
            subprocess.run(
                [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                capture_output=True,
                timeout=60,
                check=False,
            )
        shutil.rmtree(root, ignore_errors=True)


def reset_database(url: str) -> None:
    """Drop everything in the database's public schema: a clean slate for the next test or run."""
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")
