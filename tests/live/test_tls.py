"""TLS paths of db.js and redis.js against servers with a throw-away CA.

PostgreSQL's role `tls_only` is refused without TLS, so a healthy app as that role proves TLS
is in use; a wrong CA must make verification fail, proving verification is on.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.live.apprun import start_node
from tests.live.conftest import Stack
from tests.live.services import Redis
from tests.servers import Certs

pytestmark = pytest.mark.xdist_group("live-tls")


@dataclass(frozen=True)
class Case:
    db_ssl: str  # DATABASE_SSL
    db_ca: str  # "", "ca" or "other": which CA file DATABASE_CA_CERT points to
    redis_tls: bool  # rediss:// to the TLS-only Redis
    redis_ca: str
    redis_mode: str  # REDIS_TLS
    database: str  # expected /health fields
    redis: str


CASES = {
    "pg-no-verify": Case("no-verify", "", False, "", "", "ok", "ok"),
    "pg-verify-ca": Case("verify", "ca", False, "", "", "ok", "ok"),
    "pg-verify-wrong-ca": Case("verify", "other", False, "", "", "down", "ok"),
    "pg-off-refused": Case("off", "", False, "", "", "down", "ok"),
    "rediss-verify-ca": Case("verify", "ca", True, "ca", "", "ok", "ok"),
    "rediss-wrong-ca": Case("verify", "ca", True, "other", "", "ok", "down"),
    "rediss-no-verify": Case("verify", "ca", True, "", "no-verify", "ok", "ok"),
}


def ca_path(certs: Certs, which: str) -> str:
    return {"": "", "ca": str(certs.ca), "other": str(certs.other_ca)}[which]


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_tls(stack: Stack, certs: Certs, redis_tls: Redis, case: Case) -> None:
    env = stack.env(
        DATABASE_URL=stack.pg.url(stack.database, user="tls_only"),
        DATABASE_SSL=case.db_ssl,
        DATABASE_CA_CERT=ca_path(certs, case.db_ca),
        REDIS_URL=redis_tls.url(stack.redis_db) if case.redis_tls else stack.redis.url(stack.redis_db),
        REDIS_CA_CERT=ca_path(certs, case.redis_ca),
        REDIS_TLS=case.redis_mode,
    )
    web = start_node(stack.app_dir, "server.js", env, stack.logs / "tls.log")
    stack.procs.append(web)
    healthy = case.database == case.redis == "ok"
    web.wait_health(200 if healthy else 503)
    status, body = web.get("/health")
    assert (body["database"], body["redis"]) == (case.database, case.redis), web.output()
    if healthy:
        status, note = web.post("/notes", {"text": "over TLS"})
        assert status == 201
        assert web.get(f"/notes/{note['id']}")[1]["body"] == "over TLS"
    assert web.stop()[0] == 0, web.output()


def test_unknown_ssl_mode_is_rejected(stack: Stack) -> None:
    env = stack.env(DATABASE_SSL="require")  # a libpq word, deliberately not accepted
    web = start_node(stack.app_dir, "migrate.js", env, stack.logs / "bad-mode.log", web=False)
    stack.procs.append(web)
    assert web.process.wait(timeout=10) != 0
    assert "DATABASE_SSL must be off, no-verify or verify" in web.output()
