"""The onboarding exercise `make local-app` (snippets/cli/local-app.sh): the example app under the
real `heroku local` (the CLI pinned in package.json) against the throwaway PostgreSQL and Redis the
script starts; Ctrl-C (SIGINT to its process group) stops everything and deletes both servers."""

from __future__ import annotations

import glob
import os
import re
import signal
from pathlib import Path

import pytest

from tests.live.apprun import NodeProcess, copy_app, node_env
from tests.servers import free_port, port_open, wait_for
from tests.support import NODE_BIN_DIR, SNIPPETS, need, need_tool

pytestmark = pytest.mark.xdist_group("live-local-app")
SCRIPT = SNIPPETS / "cli" / "local-app.sh"


def test_local_app_runs_under_heroku_local_and_cleans_up(tmp_path: Path) -> None:
    need_tool("redis-server", hint="apt-get install redis-server")
    need_tool("npm")
    need(bool(glob.glob("/usr/lib/postgresql/*/bin/initdb")), "PostgreSQL server binaries missing")
    need((NODE_BIN_DIR / "heroku").exists(), "the heroku CLI is missing: npm ci at the repository root")
    app = copy_app(tmp_path / "app")
    port, pg_port, redis_port = free_port(), free_port(), free_port()
    env = node_env(PORT=str(port), PG_PORT=str(pg_port), REDIS_PORT=str(redis_port))
    env["PATH"] = f"{env['PATH']}{os.pathsep}{NODE_BIN_DIR}"  # `heroku` as a reader has it on PATH
    # npm ci from the lockfile comes first, then the servers, then the app binds its port.
    run = NodeProcess([str(SCRIPT), str(app)], app, env, tmp_path / "local-app.log", port, timeout=180)
    try:
        run.wait_health(200, timeout=30)
        assert "[OKAY] Loaded ENV" in run.output(), "not started by heroku local:\n" + run.output()
        status, note = run.post("/notes", {"text": "three words here"})
        assert status == 201, note

        def counted() -> bool:
            found = run.get(f"/notes/{note['id']}")[1]
            return isinstance(found, dict) and found["word_count"] == 3 and found["processed_at"] is not None

        wait_for(counted, 20, f"the worker to count note {note['id']}'s words\n{run.output()}")
        os.killpg(run.process.pid, signal.SIGINT)  # what Ctrl-C sends: to the script, heroku local and the app
        run.process.wait(timeout=30)
    finally:
        run.kill()
    log = run.output()
    assert not port_open(pg_port) and not port_open(redis_port), "a server outlived the script:\n" + log
    work = re.search(r"Loaded ENV (\S+)/\.env", log)
    assert work and not Path(work[1]).exists(), f"the servers' directory was not deleted:\n{log}"
