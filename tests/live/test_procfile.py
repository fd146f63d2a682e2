"""The Procfile under honcho (what `heroku local` does): release first, then web and worker."""

from __future__ import annotations

import shlex
import signal
import sys
from pathlib import Path

import pytest

from checks.kinds.procfile import entries
from tests.live.apprun import APP_SRC, NodeProcess, copy_app, running_in
from tests.live.conftest import Stack
from tests.servers import free_port, run, wait_for
from tests.support import need

pytestmark = pytest.mark.xdist_group("live-procfile")


def procfile() -> dict[str, str]:
    """The process types Heroku and honcho run (the checker's reader: honcho's grammar)."""
    return {entry.name: entry.command for entry in entries((APP_SRC / "Procfile").read_text())}


def test_procfile_types() -> None:
    entries = procfile()
    assert set(entries) == {"release", "web", "worker"}
    assert all(shlex.split(cmd)[0] == "node" for cmd in entries.values())


def test_procfile_under_honcho(stack: Stack, tmp_path: Path) -> None:
    honcho = Path(sys.executable).parent / "honcho"
    need(honcho.is_file(), "honcho missing: pip install -r requirements/live.txt")
    entries = procfile()
    env = stack.env()
    # A private copy, so that "no process left in this directory" concerns only this test.
    app = copy_app(tmp_path / "app", node_modules=stack.app_dir / "node_modules")
    run([str(honcho), "run", *shlex.split(entries["release"])], cwd=app, env=env)  # like release phase

    port = free_port()  # honcho gives the first process type (web) this PORT
    cmd = [str(honcho), "--no-colour", "start", "-p", str(port), "web", "worker"]
    both = NodeProcess(cmd, app, {**env, "WORKER_ID": "worker.honcho"}, tmp_path / "honcho.log", port)
    stack.procs.append(both)
    both.wait_health(200)
    status, note = both.post("/notes", {"text": "processed by the honcho worker"})
    assert status == 201
    check = f"SELECT process_count FROM notes WHERE id = {note['id']}"
    wait_for(lambda: stack.sql(check) == "1", 10, f"the worker to process the job\n{both.output()}")

    code, seconds = both.stop(signal.SIGTERM)
    log = both.output()
    # honcho exits 128+15 after a SIGTERM, and the `sh -c` wrappers it starts die from the
    # signal (rc=-15), so node's own clean exit is read from its last log lines.
    assert code in {0, 128 + signal.SIGTERM} and seconds < 10, log
    assert "web: shutdown complete" in log and "worker: stopped" in log, log
    wait_for(lambda: not running_in(app), 10, f"web and worker to exit\n{log}")
