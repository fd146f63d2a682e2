"""Throw-away servers for the tests, one way for all of them: PostgreSQL, Redis, nginx and the app.

Every server runs on a free 127.0.0.1 port with its output in a log file, is started and awaited by
mirakuru (its executors also stop the whole process group), and is stopped by the test that
started it. Certificates come from trustme. Nothing listens on anything but 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import trustme
from mirakuru import SimpleExecutor, TCPExecutor
from mirakuru.base import ENV_UUID
from mirakuru.exceptions import ProcessExitedWithError, TimeoutExpired

HOST = "127.0.0.1"
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def port_open(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=0.5):
        return True
    return False


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


def run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run a command, failing the test with its output (not a bare CalledProcessError)."""
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=kwargs.pop("timeout", 60), **kwargs)
    assert proc.returncode == 0, f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc


@dataclass(frozen=True)
class Certs:
    """A throw-away CA and a server certificate signed by it (trustme), by default for 127.0.0.1 and localhost."""

    ca: Path
    cert: Path
    key: Path
    other_ca: Path  # an unrelated CA: verifying against it must fail

    @classmethod
    def make(cls, directory: Path, names: tuple[str, ...] = ("127.0.0.1", "localhost")) -> Certs:
        directory.mkdir(parents=True, exist_ok=True)
        ca, other = trustme.CA(), trustme.CA()
        server = ca.issue_cert(*names)
        paths = cls(
            directory / "ca.crt", directory / "server.crt", directory / "server.key", directory / "other-ca.crt"
        )
        ca.cert_pem.write_to_path(str(paths.ca))
        other.cert_pem.write_to_path(str(paths.other_ca))
        server.cert_chain_pems[0].write_to_path(str(paths.cert))
        server.private_key_pem.write_to_path(str(paths.key))
        paths.key.chmod(0o600)  # PostgreSQL refuses a key that others can read
        return paths


class Service:
    """One server or app process: started and awaited by mirakuru, its output in `log`.

    With a port, start() returns once the port accepts connections (or fails with the log's tail
    if the process exits or the wait times out); without one, once the process runs.
    """

    def __init__(
        self,
        command: Sequence[str],
        log: Path,
        *,
        port: int | None = None,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
        user: str | None = None,
        timeout: float = 20,
    ) -> None:
        self.command = list(command)
        self.log = log
        self.port = port
        self.cwd = cwd
        self.env = env
        self.user = user
        self.timeout = timeout
        self.executor: SimpleExecutor | None = None

    def start(self) -> Service:
        log = self.log.open("ab")
        kwargs: dict[str, Any] = {
            "cwd": str(self.cwd) if self.cwd else None,
            "timeout": self.timeout,
            "stdin": subprocess.DEVNULL,
            "stdout": log,
            "stderr": subprocess.STDOUT,
            # Popen's own privilege drop: PostgreSQL refuses to run as root.
            "popen_kwargs": {"user": self.user, "group": self.user} if self.user else None,
        }
        if self.port is None:
            self.executor = _exact_env(SimpleExecutor, self.env)(self.command, **kwargs)
        else:
            self.executor = _exact_env(TCPExecutor, self.env)(self.command, host=HOST, port=self.port, **kwargs)
        try:
            self.executor.start()
        except (ProcessExitedWithError, TimeoutExpired) as exc:
            self.executor.kill()
            raise AssertionError(f"{self.command[0]} did not start ({exc}):\n{self.output()[-3000:]}") from None
        finally:
            log.close()
        return self

    @property
    def process(self) -> subprocess.Popen[Any]:
        assert self.executor is not None and self.executor.process is not None, f"{self.command[0]} is not running"
        return self.executor.process

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def alive(self) -> bool:
        return self.executor is not None and self.executor.running()

    def send(self, sig: int) -> None:
        self.process.send_signal(sig)

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 10) -> tuple[int, float]:
        """Send `sig` to the process and wait; returns (exit code, seconds). Fails if it outlives `timeout`."""
        start = time.monotonic()
        process = self.process
        process.send_signal(sig)
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"still running {timeout}s after signal {sig}:\n{self.output()}") from None
        self.kill()  # reaps what the process left behind in its group, and forgets the process
        return code, time.monotonic() - start

    def kill(self) -> None:
        """SIGKILL to the whole process group (honcho and npm have children)."""
        if self.executor is not None:
            self.executor.kill()


def _exact_env(base: type[SimpleExecutor], env: dict[str, str] | None) -> type[SimpleExecutor]:
    """mirakuru starts from os.environ and adds to it; a test that hands over a complete environment
    (e.g. without the developer's own DATABASE_URL) gets exactly that, plus mirakuru's marker."""
    if env is None:
        return base

    class Executor(base):  # type: ignore[valid-type,misc]
        @property
        def envvars(self) -> dict[str, str]:
            return {**env, ENV_UUID: self._uuid}

    return Executor


def as_postgres_user() -> str | None:
    """The user PostgreSQL's programs must run as: `postgres` when we are root (they refuse root)."""
    return "postgres" if os.geteuid() == 0 else None
