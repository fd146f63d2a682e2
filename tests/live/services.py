"""Throw-away PostgreSQL and Redis servers on 127.0.0.1 for the live tests.

Every server lives in its own temp dir on a free loopback port, so pytest-xdist workers never
share one. Waits are bounded in time; nothing listens on anything but 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from tests.support import need, need_tool

HOST = "127.0.0.1"
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def wait_for(check: Callable[[], T | None], timeout: float, what: str, interval: float = 0.1) -> T:
    """Poll `check` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(interval)


def port_open(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=0.5):
        return True
    return False


def run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run a command, failing the test with its output (not a bare CalledProcessError)."""
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=kwargs.pop("timeout", 60), **kwargs)
    assert proc.returncode == 0, f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc


@dataclass(frozen=True)
class Certs:
    """A throw-away CA and a server certificate for 127.0.0.1/localhost signed by it."""

    ca: Path
    cert: Path
    key: Path
    other_ca: Path  # an unrelated CA: verifying against it must fail

    @classmethod
    def make(cls, directory: Path) -> Certs:
        openssl = need_tool("openssl")
        directory.mkdir(parents=True, exist_ok=True)
        ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        for name in ("ca", "other-ca"):
            run(
                [
                    openssl,
                    "req",
                    "-x509",
                    *ec,
                    "-days",
                    "2",
                    "-subj",
                    f"/CN=live-test-{name}",
                    "-keyout",
                    str(directory / f"{name}.key"),
                    "-out",
                    str(directory / f"{name}.crt"),
                ]
            )
        run(
            [
                openssl,
                "req",
                *ec,
                "-subj",
                "/CN=localhost",
                "-keyout",
                str(directory / "server.key"),
                "-out",
                str(directory / "server.csr"),
            ]
        )
        ext = directory / "san.cnf"
        ext.write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
        run(
            [
                openssl,
                "x509",
                "-req",
                "-in",
                str(directory / "server.csr"),
                "-days",
                "2",
                "-CA",
                str(directory / "ca.crt"),
                "-CAkey",
                str(directory / "ca.key"),
                "-CAcreateserial",
                "-extfile",
                str(ext),
                "-out",
                str(directory / "server.crt"),
            ]
        )
        return cls(directory / "ca.crt", directory / "server.crt", directory / "server.key", directory / "other-ca.crt")


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
        self.prefix: list[str] = []
        self.owner: tuple[int, int] | None = None
        if os.geteuid() == 0:  # initdb refuses to run as root
            self.prefix = [need_tool("runuser"), "-u", "postgres", "--"]
            pw = pwd.getpwnam("postgres")
            self.owner = (pw.pw_uid, pw.pw_gid)
        tls = self.dir / "tls"
        tls.mkdir()
        shutil.copy(certs.cert, tls / "server.crt")
        shutil.copy(certs.key, tls / "server.key")
        (tls / "server.key").chmod(0o600)  # PostgreSQL refuses a key others can read
        self._give(self.dir, tls, tls / "server.crt", tls / "server.key")
        self._as_owner(
            [str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]
        )
        hba = self.data / "pg_hba.conf"
        hba.write_text(
            "hostssl all tls_only 127.0.0.1/32 trust\n"
            "hostnossl all tls_only 127.0.0.1/32 reject\n"
            "host all all 127.0.0.1/32 trust\n"
        )
        self._give(hba)
        self.start()
        self.psql("CREATE ROLE tls_only LOGIN SUPERUSER")

    def _give(self, *paths: Path) -> None:
        if self.owner:
            for path in paths:
                os.chown(path, *self.owner)

    def _as_owner(self, cmd: list[str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return run([*self.prefix, *cmd], timeout=timeout)

    def start(self) -> None:
        opts = (
            f"-p {self.port} -c listen_addresses={HOST} -c unix_socket_directories='' -c fsync=off "
            f"-c ssl=on -c ssl_cert_file={self.dir}/tls/server.crt -c ssl_key_file={self.dir}/tls/server.key"
        )
        self._as_owner(
            [
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.dir / "log"),
                "-o",
                opts,
                "-w",
                "-t",
                "30",
                "start",
            ]
        )

    def stop(self) -> None:
        # fast = roll back open transactions and disconnect clients, like a failover would.
        self._as_owner([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "-t", "30", "stop"])

    def psql(self, sql: str, db: str = "postgres") -> str:
        cmd = [
            str(self.bin / "psql"),
            "-h",
            HOST,
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "-d",
            db,
            "-v",
            "ON_ERROR_STOP=1",
            "-Atc",
            sql,
        ]
        return run(cmd, timeout=30).stdout.strip()

    def url(self, db: str, user: str = "postgres") -> str:
        return f"postgresql://{user}@{HOST}:{self.port}/{db}"

    def close(self) -> None:
        with contextlib.suppress(AssertionError):
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class Redis:
    """redis-server from Debian, in-memory only. `tls=True` listens on a TLS port only."""

    def __init__(self, directory: Path, certs: Certs | None = None) -> None:
        self.exe = need_tool("redis-server", hint="apt-get install redis-server")
        self.dir = directory
        self.dir.mkdir(parents=True, exist_ok=True)
        self.certs = certs
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.start()

    def start(self) -> None:
        args = [self.exe, "--bind", HOST, "--save", "", "--appendonly", "no", "--dir", str(self.dir)]
        if self.certs:
            args += [
                "--port",
                "0",
                "--tls-port",
                str(self.port),
                "--tls-cert-file",
                str(self.certs.cert),
                "--tls-key-file",
                str(self.certs.key),
                "--tls-ca-cert-file",
                str(self.certs.ca),
                "--tls-auth-clients",
                "no",
            ]
        else:
            args += ["--port", str(self.port)]
        log = (self.dir / "redis.log").open("ab")
        self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT)
        wait_for(lambda: self.ping(), 10, f"redis-server on port {self.port}")

    def ping(self) -> bool:
        try:
            return self.command("PING") == "PONG"
        except OSError:
            assert self.proc is not None
            assert self.proc.poll() is None, f"redis-server exited; see {self.dir / 'redis.log'}"
            return False

    def kill(self) -> None:
        """SIGKILL: no clean disconnect, no chance to save, like a crashed or replaced node."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def close(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)

    def url(self, db: int = 0) -> str:
        return f"{'rediss' if self.certs else 'redis'}://{HOST}:{self.port}/{db}"

    def command(self, *args: str | int, db: int = 0) -> Any:
        """Send one command (after SELECT db) using RESP; enough for the tests' checks."""
        raw = socket.create_connection((HOST, self.port), timeout=5)
        if self.certs:
            raw = ssl.create_default_context(cafile=str(self.certs.ca)).wrap_socket(raw, server_hostname=HOST)
        with raw as sock, sock.makefile("rb") as reader:
            for cmd in (("SELECT", db), args):
                payload = f"*{len(cmd)}\r\n".encode()
                for arg in cmd:
                    data = str(arg).encode()
                    payload += b"$%d\r\n%s\r\n" % (len(data), data)
                sock.sendall(payload)
                reply = _read_reply(reader)
            return reply


def _read_reply(reader: Any) -> Any:
    line = reader.readline().rstrip(b"\r\n")
    if not line:
        raise ConnectionError("redis closed the connection")
    kind, rest = line[:1], line[1:].decode()
    if kind == b"+":
        return rest
    if kind == b"-":
        raise AssertionError(f"redis error: {rest}")
    if kind == b":":
        return int(rest)
    if kind == b"$":
        return None if rest == "-1" else reader.read(int(rest) + 2)[:-2].decode()
    if kind == b"*":
        return None if rest == "-1" else [_read_reply(reader) for _ in range(int(rest))]
    raise AssertionError(f"unexpected redis reply {line!r}")
