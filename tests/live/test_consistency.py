"""One port and one Node.js line across the Dockerfile, the app and the deployment snippets."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from checks.dockerfiles import read
from handbook.lookups import node_releases
from tests.live.apprun import APP_SRC, pinned_node
from tests.live.dockerfile import rds_ca_destination
from tests.support import SNIPPETS, need

pytestmark = pytest.mark.xdist_group("live-static")

DOCKERFILE = APP_SRC / "Dockerfile"
# Our image is pushed to a private ECR repository; sidecars and proxies (fluent-bit, nginx)
# come from public registries and listen on their own ports.
APP_IMAGE = re.compile(r"\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com/")


def exposed_port() -> int:
    exposes = read(DOCKERFILE).stages[-1].all("EXPOSE")
    assert len(exposes) == 1, "the final stage must EXPOSE exactly one port"
    return int(exposes[0].args.split("/")[0])


def default_port() -> int:
    found = re.findall(r"process\.env\.PORT \|\| (\d+)", (APP_SRC / "server.js").read_text())
    assert len(found) == 1, "server.js must read PORT with one numeric default"
    return int(found[0])


def containers(document: Any) -> Iterator[dict[str, Any]]:
    """Every container spec in a parsed ECS task definition or Kubernetes manifest."""
    if isinstance(document, dict):
        for key, value in document.items():
            if key in {"containerDefinitions", "containers"} and isinstance(value, list):
                yield from (c for c in value if isinstance(c, dict))
            else:
                yield from containers(value)
    elif isinstance(document, list):
        for item in document:
            yield from containers(item)


def app_ports(container: dict[str, Any]) -> list[int]:
    """containerPort values plus a PORT environment value, if set."""
    mappings = container.get("portMappings") or container.get("ports") or []
    ports = [int(m["containerPort"]) for m in mappings if "containerPort" in m]
    ports += [
        int(e["value"]) for e in container.get("environment") or container.get("env") or [] if e.get("name") == "PORT"
    ]
    return ports


def deployment_ports() -> dict[str, list[int]]:
    """{file: ports of the app's containers} for snippets/ecs/*.json and snippets/k8s/*.yaml."""
    found: dict[str, list[int]] = {}
    for path, documents in deployment_documents():
        ports = [
            port for c in containers(documents) if APP_IMAGE.search(str(c.get("image", ""))) for port in app_ports(c)
        ]
        for doc in documents:  # an ECS service definition names the container port of its load balancer
            if isinstance(doc, dict):
                ports += [int(lb["containerPort"]) for lb in doc.get("loadBalancers", []) if "containerPort" in lb]
        if ports:
            found[str(path.relative_to(SNIPPETS))] = ports
    return found


def test_ports_agree() -> None:
    expected = exposed_port()
    assert default_port() == expected, f"server.js defaults to {default_port()}, the Dockerfile exposes {expected}"
    found = deployment_ports()
    assert any(f.startswith("ecs/") for f in found), "no ECS task definition with the app's containerPort"
    assert any(f.startswith("k8s/") for f in found), "no Kubernetes manifest with the app's containerPort"
    wrong = {f: ports for f, ports in found.items() if set(ports) != {expected}}
    assert not wrong, f"ports differ from EXPOSE {expected}: {wrong}"


def deployment_documents() -> list[tuple[Path, list[Any]]]:
    """(file, parsed documents) for snippets/ecs/*.json and snippets/k8s/*.yaml."""
    found: list[tuple[Path, list[Any]]] = [(p, [json.loads(p.read_text())]) for p in (SNIPPETS / "ecs").glob("*.json")]
    found += [(p, list(yaml.safe_load_all(p.read_text()))) for p in (SNIPPETS / "k8s").glob("*.y*ml")]
    return found


def test_verified_database_tls_uses_the_bundle_in_the_image() -> None:
    """Every container that verifies the database's certificate reads the CA file the Dockerfile adds."""
    bundle = rds_ca_destination(DOCKERFILE)
    checked = []
    for path, documents in deployment_documents():
        for container in containers(documents):
            env = {e["name"]: e.get("value") for e in container.get("environment") or container.get("env") or []}
            if env.get("DATABASE_SSL") == "verify":
                where = f"{path.relative_to(SNIPPETS)}: {container['name']}"
                assert env.get("DATABASE_CA_CERT") == bundle, f"{where}: DATABASE_CA_CERT must be {bundle}"
                checked.append(where)
    assert any(c.startswith("ecs/") for c in checked) and any(c.startswith("k8s/") for c in checked), checked


def test_node_versions_agree_and_are_supported() -> None:
    images = {stage.image for stage in read(DOCKERFILE).stages}
    tags = {image.partition(":")[2].split("-")[0] for image in images}
    assert len(tags) == 1, f"all stages must use one Node version, found {sorted(images)}"
    image_version = tags.pop()
    engines = json.loads((APP_SRC / "package.json").read_text())["engines"]["node"]
    assert re.fullmatch(r"\d+\.x", engines), f'engines.node should name one major line like "24.x", not {engines!r}'
    runtime = subprocess.run([str(pinned_node()), "--version"], capture_output=True, text=True, check=True)
    runtime_version = runtime.stdout.strip().lstrip("v")
    majors = {"Dockerfile": image_version.split(".")[0], "engines.node": engines.split(".")[0]}
    majors["test runtime"] = runtime_version.split(".")[0]
    assert len(set(majors.values())) == 1, f"Node majors disagree: {majors}"
    assert image_version == runtime_version, f"Dockerfile pins {image_version}, the tests run {runtime_version}"

    releases = node_releases()
    major = int(majors["Dockerfile"])
    assert str(major) in releases, f"Node {major} is not in data/tables/node-releases.yaml"
    eol = releases[str(major)].end_of_life
    assert eol is not None and eol > dt.datetime.now(dt.UTC).date(), f"Node {major} reached end-of-life on {eol}"


def test_dockerfile_passes_hadolint() -> None:
    hadolint = Path(sys.executable).parent / "hadolint"
    need(hadolint.is_file(), "hadolint missing: pip install -r requirements/live.txt")
    result = subprocess.run([str(hadolint), str(DOCKERFILE)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_snippet_regions_are_flat_and_closed() -> None:
    """pymdownx.snippets sections in snippets/app: each opened once, closed, never nested."""
    marker = re.compile(r"^\s*(?://|#) --8<-- \[(start|end):([a-z0-9_-]+)\]\s*$")
    for path in sorted(p for p in APP_SRC.iterdir() if p.is_file()):
        open_name: str | None = None
        seen: set[str] = set()
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            match = marker.match(line)
            if "--8<--" in line:
                assert match, f"{path.name}:{number}: malformed section marker"
            if not match:
                continue
            kind, name = match.groups()
            where = f"{path.name}:{number}: {kind}:{name}"
            if kind == "start":
                assert open_name is None, f"{where} opens inside {open_name}"
                assert name not in seen, f"{where} is a duplicate"
                open_name = name
                seen.add(name)
            else:
                assert open_name == name, f"{where} does not close the open section {open_name}"
                open_name = None
        assert open_name is None, f"{path.name}: section {open_name} is never closed"
