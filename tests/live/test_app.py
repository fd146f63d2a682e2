"""The web process against real PostgreSQL and Redis: happy path, outages, graceful shutdown."""

from __future__ import annotations

import http.client
import json
import re
import signal
import socket
import threading
import time
from typing import Any

import pytest

from tests.live.apprun import APP_SRC
from tests.live.conftest import Stack
from tests.servers import HOST, port_open, wait_for

pytestmark = pytest.mark.xdist_group("live-app")

# Read from the app, so the test follows the documented cap instead of a copy of it.
_CAP = re.search(r"const BACKOFF_CAP_MS = (\d+);", (APP_SRC / "redis.js").read_text())
assert _CAP, "snippets/app/redis.js must define BACKOFF_CAP_MS"
BACKOFF_CAP_S = int(_CAP[1]) / 1000


def test_health_and_write_read_back(stack: Stack) -> None:
    web = stack.start("server.js")
    web.wait_health(200)
    status, body = web.get("/health")
    assert body == {"status": "ok", "database": "ok", "redis": "ok"}
    status, note = web.post("/notes", {"text": "hello deploy handbook"})
    assert status == 201, note
    status, read = web.get(f"/notes/{note['id']}")
    assert status == 200 and read["body"] == "hello deploy handbook"
    # The write also queued a job for the worker.
    assert stack.redis.command("LLEN", "jobs", db=stack.redis_db) >= 1
    assert web.post("/notes", {"text": ""})[0] == 400
    assert web.post("/notes", {})[0] == 400
    assert web.post("/notes", "not an object")[0] == 400
    assert web.get("/notes/abc")[0] == 400
    assert web.get("/notes/999999")[0] == 404
    assert web.stop()[0] == 0


def test_redis_crash_and_reconnect(stack: Stack) -> None:
    web = stack.start("server.js")
    web.wait_health(200)
    status, before = web.post("/notes", {"text": "written before the crash"})
    assert status == 201
    stack.redis.kill()
    try:
        web.wait_health(503, timeout=5)
        status, body = web.post("/notes", {"text": "during the outage"})
        assert status == 503 and "error" in body  # refused, not acknowledged
        assert web.get(f"/notes/{before['id']}")[0] == 200  # reads need only PostgreSQL
        time.sleep(1.5)  # let a few reconnect attempts fail so the backoff grows
    finally:
        stack.redis.start()  # same port, empty: --save '' keeps nothing
    took = web.wait_health(200, timeout=BACKOFF_CAP_S + 3)
    assert took <= BACKOFF_CAP_S + 1, f"reconnected after {took:.1f}s, above the backoff cap"
    status, after = web.post("/notes", {"text": "written after the restart"})
    assert status == 201
    for note in (before, after):  # every acknowledged write is still there
        assert web.get(f"/notes/{note['id']}")[1]["body"] == note["body"]
    assert web.alive()
    # The restarted Redis lost the queued job of `before`; the worker queues it again at start-up.
    worker = stack.start("worker.js", web=False, WORKER_ID="worker.after-crash")
    done = f"SELECT count(*) FROM notes WHERE id IN ({before['id']}, {after['id']}) AND process_count = 1"
    wait_for(lambda: stack.sql(done) == "2", 10, f"both notes to be processed once\n{worker.output()}")
    assert worker.stop()[0] == 0
    assert web.stop()[0] == 0


def test_liveness_ignores_dependencies(stack: Stack) -> None:
    """/livez (ECS healthCheck, liveness probe) stays 200 while /health (readiness) reports the outage."""
    web = stack.start("server.js")
    web.wait_health(200)
    assert web.get("/livez") == (200, {"status": "ok"})
    stack.redis.kill()
    stack.pg.stop()
    try:
        status, health = web.get("/health")
        assert status == 503 and health["database"] == "down" and health["redis"] == "down", health
        for _ in range(3):  # not a lucky first answer: liveness holds for the whole outage
            assert web.get("/livez") == (200, {"status": "ok"})
            time.sleep(0.5)
        assert web.alive()
    finally:
        stack.pg.start()
        stack.redis.start()
    web.wait_health(200, timeout=BACKOFF_CAP_S + 5)
    assert web.stop()[0] == 0


def test_readiness_and_liveness_fail_while_draining(stack: Stack) -> None:
    """After SIGTERM both endpoints answer 503 on a connection that is still in use."""
    web = stack.start("server.js", ENABLE_TEST_ROUTES="1")
    web.wait_health(200)
    assert web.port is not None
    with socket.create_connection((HOST, web.port), timeout=10) as sock:
        sock.sendall(b"GET /__test/slow HTTP/1.1\r\nHost: app\r\n\r\n")
        sleeping = "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'"
        wait_for(lambda: stack.sql(sleeping) == "1", 5, "the slow request to reach PostgreSQL")
        web.send(signal.SIGTERM)
        wait_for(lambda: not port_open(web.port), 2, "the server to stop accepting connections")
        # Idle keep-alive sockets are closed at SIGTERM; this one is busy, so it can still ask.
        sock.sendall(
            b"GET /health HTTP/1.1\r\nHost: app\r\n\r\nGET /livez HTTP/1.1\r\nHost: app\r\nConnection: close\r\n\r\n"
        )
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    statuses = re.findall(rb"HTTP/1\.1 (\d{3}) ", received)  # bodies end without a newline
    assert statuses == [b"200", b"503", b"503"], received.decode(errors="replace")
    assert received.count(b'{"status":"shutting down"}') == 2
    assert web.process.wait(timeout=10) == 0, web.output()


def test_postgres_restart_gives_503_not_a_crash(stack: Stack) -> None:
    web = stack.start("server.js")
    web.wait_health(200)
    status, note = web.post("/notes", {"text": "survives a database restart"})
    assert status == 201
    stack.pg.stop()
    try:
        status, body = web.get(f"/notes/{note['id']}")
        assert status == 503 and body == {"error": "service unavailable"}
        assert web.post("/notes", {"text": "while the database is down"})[0] == 503
        status, health = web.get("/health")
        assert status == 503 and health["database"] == "down" and health["redis"] == "ok"
        assert web.alive()
    finally:
        stack.pg.start()
    web.wait_health(200, timeout=10)
    assert web.get(f"/notes/{note['id']}")[0] == 200  # the pool replaced its dead connections
    assert web.stop()[0] == 0


def test_sigterm_drains_in_flight_request(stack: Stack) -> None:
    web = stack.start("server.js", ENABLE_TEST_ROUTES="1")
    web.wait_health(200)
    assert web.port is not None
    # A keep-alive client, like a load balancer: it does not close the connection itself.
    conn = http.client.HTTPConnection(HOST, web.port, timeout=10)
    result: dict[str, Any] = {}

    def slow_request() -> None:
        try:
            conn.request("GET", "/__test/slow")
            response = conn.getresponse()
            result["response"] = (response.status, json.loads(response.read()))
        except OSError as err:  # recorded for the assertion below
            result["error"] = err

    client = threading.Thread(target=slow_request)
    client.start()
    try:
        sleeping = "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'"
        wait_for(lambda: stack.sql(sleeping) == "1", 5, "the slow request to reach PostgreSQL")
        start = time.monotonic()
        web.send(signal.SIGTERM)
        wait_for(lambda: not port_open(web.port), 2, "the server to stop accepting connections")
        client.join(timeout=10)
        assert result.get("response") == (200, {"status": "done"}), result
        code = web.process.wait(timeout=10)
        elapsed = time.monotonic() - start
    finally:
        conn.close()
    assert code == 0, web.output()
    assert elapsed < 10
    assert "web: shutdown complete" in web.output()
    # pool.end() ran: no connection of this app is left on the server.
    others = f"datname = '{stack.database}' AND pid <> pg_backend_pid()"
    leftover = stack.sql(f"SELECT count(*) FROM pg_stat_activity WHERE {others}")
    assert leftover == "0"
