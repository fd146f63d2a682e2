"""Session services (PostgreSQL, Redis, the installed app) and a per-module database."""

from __future__ import annotations

import fcntl
import itertools
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.live.apprun import NodeProcess, copy_app, node_env, npm_ci, pinned_node, start_node
from tests.live.services import Postgres, Redis
from tests.servers import Certs, run

_stacks = itertools.count(1)


@pytest.fixture(scope="session")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return Certs.make(tmp_path_factory.mktemp("certs"))


@pytest.fixture(scope="session")
def pg(certs: Certs) -> Iterator[Postgres]:
    server = Postgres(certs)
    yield server
    server.close()


@pytest.fixture(scope="session")
def redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Redis]:
    server = Redis(tmp_path_factory.mktemp("redis"))
    yield server
    server.close()


@pytest.fixture(scope="session")
def redis_tls(tmp_path_factory: pytest.TempPathFactory, certs: Certs) -> Iterator[Redis]:
    server = Redis(tmp_path_factory.mktemp("redis-tls"), certs)
    yield server
    server.close()


@pytest.fixture(scope="session")
def app_dir(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A copy of snippets/app with its dependencies installed from the committed lockfile.

    Installed once per run and shared by the xdist workers (npm ci is the slowest step).
    """
    pinned_node()
    base = tmp_path_factory.getbasetemp()
    shared = base if worker_id == "master" else base.parent  # the parent is this run's, not global
    with (shared / "app.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the first worker installs, the others wait
        directory = shared / "app"
        if not (directory / ".installed").exists():
            shutil.rmtree(directory, ignore_errors=True)
            copy_app(directory)
            npm_ci(directory)
            (directory / ".installed").touch()
    return directory


@dataclass
class Stack:
    """The app wired to a fresh database and Redis db index; tracks processes to clean up."""

    app_dir: Path
    pg: Postgres
    redis: Redis
    database: str
    redis_db: int
    logs: Path
    procs: list[NodeProcess] = field(default_factory=list)

    def env(self, **extra: str) -> dict[str, str]:
        base = {"DATABASE_URL": self.pg.url(self.database), "REDIS_URL": self.redis.url(self.redis_db)}
        return node_env(**{**base, **extra})

    def start(self, script: str, web: bool = True, **extra: str) -> NodeProcess:
        log = self.logs / f"{script}-{len(self.procs)}.log"
        proc = start_node(self.app_dir, script, self.env(**extra), log, web=web)
        self.procs.append(proc)
        return proc

    def sql(self, query: str) -> str:
        return self.pg.psql(query, db=self.database)

    def close(self) -> None:
        for proc in self.procs:
            proc.kill()


@pytest.fixture(scope="module")
def stack(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, pg: Postgres, redis: Redis, app_dir: Path
) -> Iterator[Stack]:
    # A module can be set up twice on one xdist worker (its tests may interleave with others'),
    # so every set-up gets fresh names.
    number = next(_stacks)
    database = f"live_{request.module.__name__.rsplit('.', 1)[-1]}_{number}"
    pg.psql(f"CREATE DATABASE {database}")
    made = Stack(app_dir, pg, redis, database, number % 16, tmp_path_factory.mktemp("logs"))
    # Redis has 16 databases: after that many stacks in one worker an index comes round again, and the
    # jobs an earlier module left there name notes this module's database does not have.
    redis.command("FLUSHDB", db=made.redis_db)
    # The release command, as Heroku would run it before the new release goes live.
    run([str(pinned_node()), "migrate.js"], cwd=app_dir, env=made.env(), timeout=30)
    yield made
    made.close()
