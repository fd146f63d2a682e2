"""The worker applies every queued job exactly once, also when it is killed mid-job."""

from __future__ import annotations

import json
import signal
import time

import pytest

from tests.live.apprun import NodeProcess
from tests.live.conftest import Stack
from tests.servers import wait_for

pytestmark = pytest.mark.xdist_group("live-worker")


def note_state(stack: Stack, note_id: int) -> tuple[int, str]:
    """(process_count, word_count) of a note; process_count > 1 would mean a job ran twice."""
    count, words = stack.sql(f"SELECT process_count, coalesce(word_count, -1) FROM notes WHERE id = {note_id}").split(
        "|"
    )
    return int(count), words


def queue_len(stack: Stack, key: str) -> int:
    return int(stack.redis.command("LLEN", key, db=stack.redis_db))


def wait_processed(stack: Stack, note_id: int, worker: NodeProcess) -> None:
    wait_for(lambda: note_state(stack, note_id)[0] > 0, 10, f"note {note_id} to be processed\n{worker.output()}")


def test_worker_survives_kill_mid_job(stack: Stack) -> None:
    web = stack.start("server.js")
    web.wait_health(200)
    processing = "jobs:processing:worker.kill-test"
    # A slow first run: the job sits inside its open transaction when the worker is killed.
    slow = stack.start("worker.js", web=False, WORKER_ID="worker.kill-test", WORKER_TEST_DELAY_MS="20000")
    status, note = web.post("/notes", {"text": "one two three"})
    assert status == 201
    wait_for(lambda: "waiting for jobs" in slow.output(), 10, f"the worker to start\n{slow.output()}")
    open_tx = (
        "SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction' AND datname = current_database()"
    )
    wait_for(
        lambda: stack.sql(open_tx) == "1",
        10,
        "the job transaction to be open",
    )
    assert queue_len(stack, processing) == 1
    slow.stop(signal.SIGKILL)
    assert note_state(stack, note["id"]) == (0, "-1")  # the open transaction was rolled back
    assert queue_len(stack, processing) == 1  # ...and the job was not lost

    worker = stack.start("worker.js", web=False, WORKER_ID="worker.kill-test")
    wait_processed(stack, note["id"], worker)
    assert "requeued 1 unfinished job(s)" in worker.output()
    assert note_state(stack, note["id"]) == (1, "3")
    wait_for(lambda: queue_len(stack, processing) == 0, 5, "the job to be acknowledged")
    code, seconds = worker.stop()
    assert code == 0 and seconds < 10, worker.output()
    assert "worker: stopped" in worker.output()
    assert web.stop()[0] == 0


def test_redelivery_after_commit_is_skipped(stack: Stack) -> None:
    """A worker that died after COMMIT but before acknowledging: the redelivered job is a no-op."""
    note_id = int(stack.sql("INSERT INTO notes (body) VALUES ('already done') RETURNING id").splitlines()[0])
    job = json.dumps({"jobId": f"wordcount:{note_id}", "noteId": note_id})
    # State left behind by the dead worker: effect and idempotency record committed, job unacknowledged.
    stack.sql(
        f"UPDATE notes SET process_count = 1, word_count = 2, processed_at = now() WHERE id = {note_id};"
        f"INSERT INTO processed_jobs (job_id) VALUES ('wordcount:{note_id}')"
    )
    stack.redis.command("LPUSH", "jobs:processing:worker.replay", job, db=stack.redis_db)
    stack.redis.command("LPUSH", "jobs", job, db=stack.redis_db)  # and a duplicate delivery
    worker = stack.start("worker.js", web=False, WORKER_ID="worker.replay")
    wait_for(lambda: worker.output().count(f"wordcount:{note_id} duplicate, skipped") == 2, 10, worker.output())
    assert note_state(stack, note_id) == (1, "2")
    assert queue_len(stack, "jobs:processing:worker.replay") == 0
    assert worker.stop()[0] == 0


def test_new_worker_id_recovers_a_killed_workers_job(stack: Stack) -> None:
    """ECS/Kubernetes: the replacement has another ID (host name); the dead worker's expired heartbeat frees its job."""
    ttl = "3"  # WORKER_HEARTBEAT_SECONDS, short so the test does not wait the default
    web = stack.start("server.js")
    web.wait_health(200)
    dead_list, heartbeat = "jobs:processing:task-a", "jobs:heartbeat:task-a"
    slow = stack.start(
        "worker.js", web=False, WORKER_ID="task-a", WORKER_HEARTBEAT_SECONDS=ttl, WORKER_TEST_DELAY_MS="60000"
    )
    wait_for(lambda: "waiting for jobs" in slow.output(), 10, f"the first worker to start\n{slow.output()}")
    status, note = web.post("/notes", {"text": "claimed by a task that dies"})
    assert status == 201
    wait_for(lambda: queue_len(stack, dead_list) == 1, 10, f"task-a to claim the job\n{slow.output()}")

    other = stack.start("worker.js", web=False, WORKER_ID="task-b", WORKER_HEARTBEAT_SECONDS=ttl)
    wait_for(lambda: "waiting for jobs" in other.output(), 10, f"the second worker to start\n{other.output()}")
    time.sleep(float(ttl) + 1)  # longer than the TTL: a live worker's heartbeat keeps its job its own
    assert queue_len(stack, dead_list) == 1 and "stopped worker" not in other.output()
    assert note_state(stack, note["id"]) == (0, "-1")  # task-a still holds the note's lock

    slow.stop(signal.SIGKILL)  # no clean exit: the heartbeat key stays until its TTL runs out
    wait_for(
        lambda: "requeued 1 job(s) of stopped worker task-a" in other.output(),
        float(ttl) + 5,
        f"task-b to recover task-a's job\n{other.output()}",
    )
    wait_processed(stack, note["id"], other)
    assert queue_len(stack, dead_list) == 0
    assert stack.redis.command("EXISTS", heartbeat, db=stack.redis_db) == 0
    # Exactly once: start-up also queued the unprocessed note again, and redeliveries were skipped.
    wait_for(lambda: queue_len(stack, "jobs") == 0 and queue_len(stack, "jobs:processing:task-b") == 0, 10, "idle")
    assert note_state(stack, note["id"]) == (1, "6")
    code, _ = other.stop()
    assert code == 0, other.output()
    assert stack.redis.command("EXISTS", "jobs:heartbeat:task-b", db=stack.redis_db) == 0  # removed on a clean stop
    assert web.stop()[0] == 0


def test_failing_jobs_are_dead_lettered_and_later_jobs_go_on(stack: Stack) -> None:
    """A job that cannot be valid goes to jobs:dead at once; one that keeps failing is retried with
    backoff, out of the queue's way, then dead-lettered; the jobs behind them are processed."""
    web = stack.start("server.js")
    web.wait_health(200)
    poison = ['{"jobId":"poison","noteId":"abc"}', "not json", '{"jobId":"wordcount:999999","noteId":999999}']
    for raw in poison:  # queued first, so they are ahead of the note's job
        stack.redis.command("LPUSH", "jobs", raw, db=stack.redis_db)
    status, note = web.post("/notes", {"text": "behind the poison"})
    assert status == 201
    worker = stack.start("worker.js", web=False, WORKER_ID="worker.poison", WORKER_MAX_ATTEMPTS="3")
    dead = lambda: stack.redis.command("LRANGE", "jobs:dead", 0, -1, db=stack.redis_db)  # noqa: E731
    wait_for(lambda: len(dead()) == 3, 20, f"the three poison jobs to be dead-lettered\n{worker.output()}")
    assert sorted(dead()) == sorted(poison), worker.output()
    assert note_state(stack, note["id"]) == (1, "3")
    log = worker.output()
    for raw in poison:
        assert log.count(f"gave up on job {raw}") == 1, log  # one line per dead job
    assert "invalid job: noteId must be a positive 32-bit integer" in log and "invalid job: not JSON" in log
    assert "note 999999 does not exist" in log and "attempt 2 of 3" in log and "after 3 attempt(s)" in log
    # The note behind them did not wait for the retries to run out.
    assert log.index(f"wordcount:{note['id']} done") < log.index('gave up on job {"jobId":"wordcount:999999"')
    for key in ("jobs", "jobs:retry", "jobs:attempts", "jobs:processing:worker.poison"):
        assert stack.redis.command("EXISTS", key, db=stack.redis_db) == 0, key
    assert worker.stop()[0] == 0
    assert web.stop()[0] == 0
