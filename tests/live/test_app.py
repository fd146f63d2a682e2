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


def raw_request(port: int, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None):
    """(status, headers, decoded JSON body) for a request sent exactly as given."""
    conn = http.client.HTTPConnection(HOST, port, timeout=5)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), json.loads(response.read() or b"null")
    finally:
        conn.close()


def json_bytes(body: Any) -> bytes:
    """UTF-8 JSON (an emoji is 4 bytes, not a 12-byte escape); a lone surrogate can only be sent escaped."""
    try:
        return json.dumps(body, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return json.dumps(body).encode()


BAD_INPUT = [
    # (method, path, JSON body, expected status, words of the reason)
    ("POST", "/notes", {"text": "a\u0000b"}, 400, "NUL"),
    ("POST", "/notes", {"text": "\ud800"}, 400, "lone surrogate"),
    ("POST", "/notes", {"text": "x" * 1001}, 400, "1 to 1000 characters"),
    ("POST", "/notes", {"text": "\U0001f600" * 1001}, 400, "1 to 1000 characters"),
    ("POST", "/notes", {"text": ""}, 400, "1 to 1000 characters"),
    ("POST", "/notes", {"text": ["a"]}, 400, '{"text"'),
    ("GET", "/notes/1e0", None, 400, "positive integer"),
    ("GET", "/notes/0x1", None, 400, "positive integer"),
    ("GET", "/notes/%20%201", None, 400, "positive integer"),
    ("GET", "/notes/01", None, 400, "positive integer"),
    ("GET", "/notes/-1", None, 400, "positive integer"),
    ("GET", "/notes/2147483648", None, 400, "positive integer"),
]


def test_bad_input_gets_4xx_with_a_short_reason(stack: Stack) -> None:
    web = stack.start("server.js")
    web.wait_health(200)
    assert web.port is not None
    for method, path, body, status, words in BAD_INPUT:
        payload = json_bytes(body) if body is not None else b""
        got, headers, answer = raw_request(web.port, method, path, payload, {"Content-Type": "application/json"})
        assert (got, words in answer.get("error", "")) == (status, True), (path, body, got, answer)
        assert len(answer["error"]) < 80 and "x-powered-by" not in {k.lower() for k in headers}
    # 600 emoji are 600 characters (1,200 UTF-16 code units): PostgreSQL's limit counts characters.
    status, note = web.post("/notes", {"text": "\U0001f600" * 600})
    assert status == 201 and len(note["body"]) == 600, note
    for body, status, words in [
        (b'{"text": "unclosed', 400, "body must be valid JSON"),
        (b'{"text": "' + b"x" * 11_000 + b'"}', 413, "body is larger than 10 kB"),
    ]:
        got, _, answer = raw_request(web.port, "POST", "/notes", body, {"Content-Type": "application/json"})
        assert (got, answer) == (status, {"error": words}), (got, answer)
    got, headers, answer = raw_request(web.port, "GET", "/no/such/route")
    assert (got, answer) == (404, {"error": "not found"}) and headers["Content-Type"].startswith("application/json")
    assert web.stop()[0] == 0


def test_stalled_redis_gives_quick_answers_and_the_app_recovers(stack: Stack) -> None:
    """Redis paused (SIGSTOP): connected, but silent. Every request answers within 3 s, no database
    connection is left in a transaction, and after SIGCONT everything recovers by itself."""
    web = stack.start("server.js")
    worker = stack.start("worker.js", web=False, WORKER_ID="worker.stall", WORKER_SWEEP_SECONDS="2")
    web.wait_health(200)
    wait_for(lambda: "waiting for jobs" in worker.output(), 10, f"the worker to start\n{worker.output()}")
    notes = []
    stack.redis.pause()
    try:
        status, health = web.get("/health", timeout=3)  # the 3 s is a hang guard, not a benchmark
        assert status == 503 and health["redis"] == "down" and health["database"] == "ok", health
        for number in range(7):  # more than the pool's 5 connections
            status, note = web.post("/notes", {"text": f"written while Redis is stalled {number}"}, timeout=3)
            assert status == 201, note  # stored in PostgreSQL; its job is queued late, never lost
            notes.append(note)
        assert web.get(f"/notes/{notes[0]['id']}", timeout=3)[0] == 200
        assert web.get("/livez", timeout=3)[0] == 200
        open_tx = f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{stack.database}' AND state LIKE 'idle in%'"
        assert stack.sql(open_tx) == "0"
    finally:
        stack.redis.resume()
    web.wait_health(200, timeout=10)
    ids = ", ".join(str(n["id"]) for n in notes)
    done = f"SELECT count(*) FROM notes WHERE id IN ({ids}) AND process_count = 1"
    wait_for(lambda: stack.sql(done) == str(len(notes)), 20, f"every note to be processed once\n{worker.output()}")
    status, note = web.post("/notes", {"text": "after the stall"})
    assert status == 201
    wait_for(lambda: stack.sql(f"SELECT process_count FROM notes WHERE id = {note['id']}") == "1", 10, worker.output())
    assert worker.alive() and web.alive()
    assert worker.stop()[0] == 0
    assert web.stop()[0] == 0


def test_redis_crash_and_reconnect(stack: Stack) -> None:
    web = stack.start("server.js")
    web.wait_health(200)
    status, before = web.post("/notes", {"text": "written before the crash"})
    assert status == 201
    stack.redis.kill()
    try:
        web.wait_health(503, timeout=5)
        # Stored all the same: PostgreSQL holds the note, and the worker's sweep queues its job later.
        status, during = web.post("/notes", {"text": "during the outage"})
        assert status == 201, during
        assert "not queued" in web.output()
        assert web.get(f"/notes/{before['id']}")[0] == 200  # reads need only PostgreSQL
        time.sleep(1.5)  # let a few reconnect attempts fail so the backoff grows
    finally:
        stack.redis.start()  # same port, empty: --save '' keeps nothing
    took = web.wait_health(200, timeout=BACKOFF_CAP_S + 3)
    assert took <= BACKOFF_CAP_S + 1, f"reconnected after {took:.1f}s, above the backoff cap"
    status, after = web.post("/notes", {"text": "written after the restart"})
    assert status == 201
    for note in (before, during, after):  # every acknowledged write is still there
        assert web.get(f"/notes/{note['id']}")[1]["body"] == note["body"]
    assert web.alive()
    # The restarted Redis lost the job of `before`, and `during` never had one: the worker's
    # start-up sweep queues both again.
    worker = stack.start("worker.js", web=False, WORKER_ID="worker.after-crash")
    ids = f"{before['id']}, {during['id']}, {after['id']}"
    done = f"SELECT count(*) FROM notes WHERE id IN ({ids}) AND process_count = 1"
    wait_for(lambda: stack.sql(done) == "3", 10, f"the notes to be processed once\n{worker.output()}")
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
