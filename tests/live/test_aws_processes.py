"""What the AWS stack (snippets/infra) runs besides the web and worker processes, run for real.

The stack gives the app PGHOST, PGUSER, PGPASSWORD ... instead of DATABASE_URL, checks the worker
with worker-health.js, scales it on the metric queue-depth.js prints, and runs prune.js nightly.
"""

from __future__ import annotations

import json
import subprocess
from urllib.parse import urlsplit

import pytest

from tests.live.apprun import pinned_node
from tests.live.conftest import Stack
from tests.live.services import free_port, wait_for

pytestmark = pytest.mark.xdist_group("live-aws-processes")


def run_script(stack: Stack, script: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(pinned_node()), script],
        cwd=stack.app_dir,
        env=stack.env(**env),
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_app_connects_with_libpq_variables_instead_of_database_url(stack: Stack) -> None:
    url = urlsplit(stack.pg.url(stack.database))
    libpq = {
        "PGHOST": url.hostname or "",
        "PGPORT": str(url.port),
        "PGDATABASE": url.path.lstrip("/"),
        "PGUSER": url.username or "",
        "PGPASSWORD": "unused-with-trust-auth",
    }
    web = stack.start("server.js", DATABASE_URL="", **libpq)
    web.wait_health(200)
    status, note = web.post("/notes", {"text": "from libpq variables"})
    assert status == 201, note
    assert web.get(f"/notes/{note['id']}") == (200, {**note, "word_count": None, "processed_at": None})


def test_worker_health_follows_the_heartbeat(stack: Stack) -> None:
    worker = stack.start("worker.js", web=False, WORKER_ID="health-check")
    wait_for(lambda: "waiting for jobs" in worker.output(), 10, f"the worker to start\n{worker.output()}")
    fresh = run_script(stack, "worker-health.js", WORKER_ID="health-check")
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert "is fresh" in fresh.stdout

    assert worker.stop()[0] == 0  # a stopped worker deletes its heartbeat at once
    stale = run_script(stack, "worker-health.js", WORKER_ID="health-check")
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert "expired" in stale.stdout


def test_worker_health_passes_when_redis_is_down(stack: Stack) -> None:
    unreachable = f"redis://127.0.0.1:{free_port()}/0"
    result = run_script(stack, "worker-health.js", WORKER_ID="health-check", REDIS_URL=unreachable)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Redis unreachable" in result.stdout


def test_queue_depth_prints_the_embedded_metric_format(stack: Stack) -> None:
    stack.redis.command("DEL", "jobs", db=stack.redis_db)
    stack.redis.command("RPUSH", "jobs", "a", "b", "c", db=stack.redis_db)
    reporter = stack.start("queue-depth.js", web=False, QUEUE_DEPTH_INTERVAL_SECONDS="1")
    wait_for(lambda: "QueueDepth" in reporter.output(), 10, f"a metric line\n{reporter.output()}")
    assert reporter.stop()[0] == 0
    stack.redis.command("DEL", "jobs", db=stack.redis_db)
    line = json.loads(next(line for line in reporter.output().splitlines() if "QueueDepth" in line))
    directive = line["_aws"]["CloudWatchMetrics"][0]
    assert directive["Namespace"] == "DeployHandbook"
    assert directive["Metrics"] == [{"Name": "QueueDepth", "Unit": "Count"}]
    # Every dimension named in the directive is a member of the line, as the format requires.
    assert all(name in line for dimensions in directive["Dimensions"] for name in dimensions)
    assert (line["Queue"], line["QueueDepth"]) == ("jobs", 3)
    assert isinstance(line["_aws"]["Timestamp"], int)


def test_prune_deletes_only_old_idempotency_records(stack: Stack) -> None:
    stack.sql(
        "INSERT INTO processed_jobs (job_id, processed_at) VALUES"
        " ('prune:old', now() - interval '31 days'), ('prune:new', now() - interval '29 days')"
    )
    result = run_script(stack, "prune.js", PRUNE_AFTER_DAYS="30")
    assert result.returncode == 0, result.stderr
    assert stack.sql("SELECT string_agg(job_id, ',') FROM processed_jobs WHERE job_id LIKE 'prune:%'") == "prune:new"
    again = run_script(stack, "prune.js", PRUNE_AFTER_DAYS="30")
    assert "deleted 0 " in again.stdout


def test_prune_refuses_a_retention_that_is_not_whole_days(stack: Stack) -> None:
    result = run_script(stack, "prune.js", PRUNE_AFTER_DAYS="0.5")
    assert result.returncode == 1
    assert "PRUNE_AFTER_DAYS" in result.stderr
