"""PostgreSQL and Redis for the live tests, started through tests/servers.py.

Every server lives in its own temp dir on a free loopback port, so pytest-xdist workers never
share one. Waits are bounded in time; nothing listens on anything but 127.0.0.1.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import tempfile
from pathlib import Path
from typing import Any

import redis as redis_client

from tests.servers import HOST, Certs, Service, as_postgres_user, free_port, run, wait_for
from tests.support import need, need_tool


class Postgres:
    """A PostgreSQL cluster from the Debian packages, with TLS on (plain TCP still accepted).

    The role `tls_only` may connect over TLS only, so a test using it proves TLS is in use.
    """

    def __init__(self, certs: Certs) -> None:
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        need(bool(found), "PostgreSQL server binaries missing: apt-get install postgresql")
        self.bin = Path(found[-1]).parent
        self.port = free_port()
        # Not under pytest's tmp dir: the postgres user must be able to reach this directory.
        self.dir = Path(tempfile.mkdtemp(prefix="live-pg-"))
        self.data = self.dir / "data"
        self.user = as_postgres_user()
        tls = self.dir / "tls"
        tls.mkdir()
        shutil.copy(certs.cert, tls / "server.crt")
        shutil.copy(certs.key, tls / "server.key")
        (tls / "server.key").chmod(0o600)  # PostgreSQL refuses a key others can read
        self._give(self.dir, tls, tls / "server.crt", tls / "server.key")
        initdb = [str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]
        run([*initdb, "--no-sync"], user=self.user, timeout=60)
        hba = self.data / "pg_hba.conf"
        hba.write_text(
            "hostssl all tls_only 127.0.0.1/32 trust\n"
            "hostnossl all tls_only 127.0.0.1/32 reject\n"
            "host all all 127.0.0.1/32 trust\n"
        )
        self._give(hba)
        self.server = Service(
            [
                str(self.bin / "postgres"),
                "-D",
                str(self.data),
                "-p",
                str(self.port),
                "-c",
                f"listen_addresses={HOST}",
                "-c",
                "unix_socket_directories=",
                "-c",
                "fsync=off",
                "-c",
                "ssl=on",
                "-c",
                f"ssl_cert_file={tls / 'server.crt'}",
                "-c",
                f"ssl_key_file={tls / 'server.key'}",
            ],
            self.dir / "log",
            port=self.port,
            user=self.user,
            timeout=30,
        )
        self.start()
        self.psql("CREATE ROLE tls_only LOGIN SUPERUSER")

    def _give(self, *paths: Path) -> None:
        if self.user:
            owner = pwd.getpwnam(self.user)
            for path in paths:
                os.chown(path, owner.pw_uid, owner.pw_gid)

    def start(self) -> None:
        self.server.start()
        # The port opens before recovery ends; wait until queries are accepted.
        wait_for(self._accepts_queries, 30, f"PostgreSQL on port {self.port}\n{self.server.output()[-2000:]}")

    def _accepts_queries(self) -> bool:
        try:
            return self.psql("SELECT 1") == "1"
        except AssertionError:
            return False

    def stop(self) -> None:
        # SIGINT is PostgreSQL's fast shutdown: roll back open transactions and disconnect clients,
        # like a failover would.
        self.server.stop(signal.SIGINT, timeout=30)

    def psql(self, sql: str, db: str = "postgres") -> str:
        cmd = [str(self.bin / "psql"), "-h", HOST, "-p", str(self.port), "-U", "postgres", "-d", db]
        return run([*cmd, "-v", "ON_ERROR_STOP=1", "-Atc", sql], timeout=30).stdout.strip()

    def url(self, db: str, user: str = "postgres") -> str:
        return f"postgresql://{user}@{HOST}:{self.port}/{db}"

    def owned_database(self, db: str, owner: str) -> str:
        """A database owned by a new LOGIN role that is not a superuser, as an app gets on RDS or Heroku
        Postgres; returns the URL that connects as that role."""
        self.psql(f"CREATE ROLE {owner} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE")
        self.psql(f"CREATE DATABASE {db} OWNER {owner}")
        return self.url(db, owner)

    def close(self) -> None:
        if self.server.alive():
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class Redis:
    """redis-server from Debian, in-memory only. With `certs`, it listens on a TLS port only."""

    def __init__(self, directory: Path, certs: Certs | None = None) -> None:
        exe = need_tool("redis-server", hint="apt-get install redis-server")
        directory.mkdir(parents=True, exist_ok=True)
        self.certs = certs
        self.port = free_port()
        args = [exe, "--bind", HOST, "--save", "", "--appendonly", "no", "--dir", str(directory)]
        if certs:
            args += ["--port", "0", "--tls-port", str(self.port), "--tls-cert-file", str(certs.cert)]
            args += ["--tls-key-file", str(certs.key), "--tls-ca-cert-file", str(certs.ca), "--tls-auth-clients", "no"]
        else:
            args += ["--port", str(self.port)]
        self.server = Service(args, directory / "redis.log", port=self.port)
        self.server.start()

    def kill(self) -> None:
        """SIGKILL: no clean disconnect, no chance to save, like a crashed or replaced node."""
        self.server.stop(signal.SIGKILL)

    def start(self) -> None:
        self.server.start()

    def pause(self) -> None:
        """SIGSTOP: connected but silent, like a server stuck in a long fork or behind a dead network path."""
        self.server.send(signal.SIGSTOP)

    def resume(self) -> None:
        self.server.send(signal.SIGCONT)

    def close(self) -> None:
        if self.server.alive():
            self.resume()  # a paused server would not act on SIGTERM
            self.server.stop()

    def url(self, db: int = 0) -> str:
        return f"{'rediss' if self.certs else 'redis'}://{HOST}:{self.port}/{db}"

    def command(self, *args: str | int, db: int = 0) -> Any:
        """Run one command on database `db` and return its decoded reply."""
        tls: dict[str, Any] = {"ssl": True, "ssl_ca_certs": str(self.certs.ca)} if self.certs else {}
        with redis_client.Redis(HOST, self.port, db=db, decode_responses=True, socket_timeout=5, **tls) as client:
            return client.execute_command(*args)
