"""Replay the app image's final stage natively: production install from the lockfile, then CMD."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

import pytest

from checks.dockerfiles import Stage, read
from tests.live.apprun import APP_SRC, npm_ci, pinned_node, start_node
from tests.live.conftest import Stack
from tests.live.dockerfile import rds_ca_destination
from tests.servers import Certs, run

pytestmark = pytest.mark.xdist_group("live-docker")

DOCKERFILE = APP_SRC / "Dockerfile"


def stage_named(stages: list[Stage], name: str) -> Stage:
    found = [s for s in stages if s.name == name]
    assert found, f"no stage named {name!r} in {DOCKERFILE}"
    return found[0]


def context_file(source: str) -> Path:
    path = APP_SRC / source
    assert path.is_file(), f"{DOCKERFILE}: COPY source {source!r} does not exist next to the Dockerfile"
    return path


def install_stage(stage: Stage, root: Path) -> None:
    """Replay a dependency stage: its COPYs from the build context, then its `npm ci`."""
    workdir = stage.last("WORKDIR")
    assert workdir is not None, f"stage {stage.name} has no WORKDIR"
    target = root / workdir.args.lstrip("/")
    target.mkdir(parents=True)
    for copy in stage.all("COPY"):
        assert "from" not in copy.flags
        for source in copy.words[:-1]:
            shutil.copy(context_file(source), target)
    runs = [cmd.strip() for run in stage.all("RUN") for cmd in run.args.split("&&")]
    installs = [shlex.split(cmd) for cmd in runs if cmd.startswith("npm ci")]
    assert installs == [["npm", "ci", "--omit=dev"]], f"stage {stage.name} must run exactly `npm ci --omit=dev`"
    npm_ci(target, *installs[0][2:])


def test_final_stage_runs_natively(stack: Stack, certs: Certs, tmp_path: Path) -> None:
    stages = read(DOCKERFILE).stages
    final = stages[-1]
    workdir = final.last("WORKDIR")
    assert workdir is not None
    root = tmp_path / "image"
    app = root / workdir.args.lstrip("/")
    app.mkdir(parents=True)
    # The tests have no internet, so the RDS bundle cannot be downloaded, and the test database
    # is not RDS anyway: the test's own CA (which signed the test PostgreSQL's certificate) stands
    # in for it, at the path the Dockerfile writes, with the mode it sets.
    bundle = root / rds_ca_destination(DOCKERFILE).lstrip("/")
    bundle.parent.mkdir(parents=True)
    shutil.copy(certs.ca, bundle)
    bundle.chmod(0o444)
    for copy in final.all("COPY"):
        flags, sources, dest = copy.flags, copy.words[:-1], copy.words[-1]
        if "from" in flags:
            stage_root = tmp_path / flags["from"]
            install_stage(stage_named(stages, flags["from"]), stage_root)
            for source in sources:
                shutil.copytree(stage_root / source.lstrip("/"), app / dest)
        else:
            assert dest.endswith("/") or len(sources) == 1
            for source in sources:
                shutil.copy(context_file(source), app)

    # Dev dependencies never reach the final stage.
    lock = json.loads((APP_SRC / "package-lock.json").read_text())
    dev = [name for name, meta in lock["packages"].items() if name and meta.get("dev")]
    assert not [name for name in dev if (app / name).exists()], "devDependencies in the runtime stage"
    installed = sorted(p.name for p in (app / "node_modules").iterdir() if not p.name.startswith("."))
    assert {"express", "pg", "redis"} <= set(installed)

    # The image also runs the worker and the migration (ECS/Kubernetes command overrides).
    shipped = {p.name for p in app.glob("*.js")}
    assert shipped == {p.name for p in APP_SRC.glob("*.js")}, "every .js file of the app must be copied"

    user = final.last("USER")
    assert user is not None and user.args.split(":")[0] not in {"root", "0"}, "the image must not run as root"
    entrypoint, cmd = final.last("ENTRYPOINT"), final.last("CMD")
    assert cmd is not None and cmd.exec_form(), "CMD must be in exec form"
    assert entrypoint is not None and entrypoint.exec_form() == ["dumb-init", "--"]
    argv = cmd.exec_form() or []
    assert argv[0] == "node"
    env = {k: v for e in final.all("ENV") for k, _, v in [e.args.partition("=")]}
    run([str(pinned_node()), "migrate.js"], cwd=app, env=stack.env(**env))  # one-off release task
    # Configured as on ECS and EKS: verified TLS against the bundle in the image, as a role that
    # PostgreSQL admits over TLS only.
    tls = {"DATABASE_SSL": "verify", "DATABASE_CA_CERT": str(bundle)}
    database = stack.pg.url(stack.database, user="tls_only")
    proc = start_node(app, argv[1], stack.env(**env, **tls, DATABASE_URL=database), stack.logs / "image.log")
    stack.procs.append(proc)
    proc.wait_health(200)
    assert proc.stop()[0] == 0


def test_every_stage_uses_a_pinned_node_alpine_image() -> None:
    for stage in read(DOCKERFILE).stages:
        repo, _, tag = stage.image.partition(":")
        assert repo == "node" and tag.split("-")[0].count(".") == 2, f"{stage.image}: pin node:<x.y.z>-alpine..."
        assert "alpine" in tag and "latest" not in tag


def test_dockerignore_keeps_local_files_out() -> None:
    ignored = set((APP_SRC / ".dockerignore").read_text().split())
    assert {"node_modules", ".git", ".env"} <= ignored
