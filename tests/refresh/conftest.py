"""Fixtures for the refresher's tests: no test touches the network.

Every name but the loopback resolves to "no such host" (the failure a machine without network sees),
and the recorded responses in recorded/ are served by a real local HTTP server (pytest-httpserver).
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from refresh.client import Clock, HttpClient
from refresh.fetchers import Context
from tests.support import DATA

RECORDED = Path(__file__).parent / "recorded"
LOCAL_NAMES = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.getaddrinfo

    def loopback_only(host: Any, *args: Any, **kwargs: Any) -> Any:
        if str(host) not in LOCAL_NAMES:
            raise socket.gaierror(socket.EAI_NONAME, f"the tests resolve no public name ({host})")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)


class FakeClock(Clock):
    """Time that only moves when the client sleeps (or a test advances it); records every sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        super().__init__(monotonic=lambda: self.now, sleep=self._sleep, wall=lambda: 1_790_000_000.0 + self.now)

    def _sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def client(clock: FakeClock) -> HttpClient:
    return HttpClient(clock=clock, timeout_s=2, interval_s=0.5, retries=2)


def serve_tree(server: HTTPServer, root: Path) -> None:
    """Serve every file under root at its path relative to root (the URL layout of the real API)."""
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        kind = "application/json" if path.suffix == ".json" else "text/html; charset=utf-8"
        server.expect_request(f"/{path.relative_to(root).as_posix()}").respond_with_data(
            path.read_bytes(), content_type=kind
        )


@pytest.fixture
def ctx(client: HttpClient, httpserver: HTTPServer, tmp_path: Path) -> Context:
    """Every fetcher pointed at the local server."""
    base = httpserver.url_for("").rstrip("/")
    endpoints = {
        "node-release-schedule": f"{base}/nodejs/schedule.json",
        "aws-price-list": base,
        "npm": f"{base}/npm",
        "pypi": f"{base}/pypi-api",
    }
    return Context(client, tmp_path / "work", endpoints)


@pytest.fixture
def data_copy(tmp_path: Path) -> Iterator[Path]:
    """A copy of the repository's data/ that a test may edit."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    yield target
