"""What must hold for the AWS-side pages (aws, ecs, containerizing, app-code, eks) and their examples.

Checked on the Markdown sources and snippet files, so these tests need no build: numbers in prose
come from data/ (never typed), every promised pitfall is on its page, every example is shown, and
the examples agree with each other and with the example app (names, ports, images, architectures).
Whether each example is valid for its own tool is `python -m checks`' job, not repeated here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
import yaml

from handbook.lookups import node_releases
from handbook.snippets import regions
from tests.prose import bare_numbers, prose
from tests.support import DOCS, SNIPPETS

PAGES = ["aws.md", "aws-stack.md", "ecs.md", "containerizing.md", "app-code.md", "eks.md"]

# The seed articles' real-world mistakes, each shown as a pitfall next to the right way.
PITFALLS: dict[str, list[str]] = {
    "aws.md": ["Graviton's price performance", "Local Zones and Outposts"],
    "aws-stack.md": ["ECS Exec on a read-only root filesystem", "private subnets with no way out"],
    "ecs.md": [
        "one row's maximum for Fargate's maximum memory",
        "`tmpfs` on a Fargate task",
        "`awslogs-create-group`",
        "unhealthy container is killed and restarted",
        "`secrets` without an execution role",
        "FireLens router that receives nothing",
        "empty `host` volume on Fargate",
        "bounces between PENDING and RUNNING",
        "stuck in PROVISIONING",
        "binpack",
        "health check that tests dependencies",
        "partial secret ARN",
        "load balancer health check only takes a task out",
    ],
    "containerizing.md": [
        "node:20-alpine",
        "devDependencies in the production image",
        "non-root user",
        "health check that tests dependencies",
    ],
    "app-code.md": [
        "typographic quotes",
        "`req.body` without a body parser",
        "linear backoff called exponential",
        "no TLS to ElastiCache or Heroku Key-Value Store",
        "top-level `await` in a CommonJS file",
        "`client.quit()`",
    ],
    "eks.md": ["liveness probe alone", "health check that tests dependencies"],
}

# Snippet files these pages own; each must be shown through the snippet macro.
OWN_SNIPPETS = sorted(
    p.relative_to(SNIPPETS).as_posix()
    for pattern in ("ecs/*", "k8s/*", "cli/aws-deploy.sh")
    for p in SNIPPETS.glob(pattern)
    if p.is_file()
)

SNIPPET_CALL = re.compile(r"""\{\{\s*snippet\(\s*"([^"]+)"(?:\s*,\s*"([^"]+)")?""")
PITFALL_TITLE = re.compile(r'^!!! danger "Pitfall: (.+)"$', re.MULTILINE)


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def snippet_json(rel: str) -> dict[str, Any]:
    return json.loads((SNIPPETS / rel).read_text(encoding="utf-8"))


def manifests() -> dict[str, dict[str, Any]]:
    docs = [d for p in sorted((SNIPPETS / "k8s").glob("*.yaml")) for d in yaml.safe_load_all(p.read_text()) if d]
    return {d["kind"]: d for d in docs}


def app_default_port() -> int:
    match = re.search(r"process\.env\.PORT \|\| (\d+)", (SNIPPETS / "app/server.js").read_text())
    assert match, "snippets/app/server.js no longer reads PORT with a default"
    return int(match.group(1))


def containers(task_definition: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in task_definition["containerDefinitions"]}


# --- Pages ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [*PAGES, *(p.replace(".md", ".zh.md") for p in PAGES)])
def test_prose_has_no_typed_numbers(name: str) -> None:
    # Names such as EC2, S3, ARM64 or v5 are words; a free-standing number must come from data/.
    found = bare_numbers(page(name))
    assert found == [], f"docs/{name}: numbers typed into prose; use fact() or table():\n" + "\n".join(found)


@pytest.mark.parametrize("name", PAGES)
def test_every_promised_pitfall_is_on_its_page(name: str) -> None:
    titles = PITFALL_TITLE.findall(page(name))
    missing = [p for p in PITFALLS[name] if not any(p.lower() in t.lower() for t in titles)]
    assert missing == [], f"docs/{name}: pitfalls missing: {missing}"


@pytest.mark.parametrize("name", PAGES)
def test_headings_have_stable_anchors(name: str) -> None:
    headings = re.findall(r"^#{2,4} .+$", page(name), flags=re.MULTILINE)
    assert headings, f"docs/{name} has no sections"
    loose = [h for h in headings if not re.search(r"\{ #[a-z0-9-]+ \}$", h)]
    assert loose == [], f"docs/{name}: headings without an explicit anchor: {loose}"


def test_every_own_snippet_and_region_is_shown() -> None:
    calls = {(m.group(1), m.group(2)) for name in PAGES for m in SNIPPET_CALL.finditer(page(name))}
    shown = {path for path, _ in calls}
    assert OWN_SNIPPETS, "no snippets found under snippets/ecs, snippets/k8s, snippets/cli"
    assert sorted(set(OWN_SNIPPETS) - shown) == [], "snippets no AWS-side page shows"
    for rel in OWN_SNIPPETS:
        defined = set(regions((SNIPPETS / rel).read_text(), rel))
        used = {region for path, region in calls if path == rel and region}
        assert sorted(defined - used) == [], f"{rel}: regions not shown on any AWS-side page"


def test_diagrams_have_sources_and_renders() -> None:
    for name in PAGES:
        for target in re.findall(r"!\[[^\]]+\]\((diagrams/[^)]+\.svg)\)", page(name)):
            svg = DOCS / target
            assert svg.with_suffix(".mmd").is_file(), f"docs/{name}: {target} has no Mermaid source"
            assert svg.is_file(), f"docs/{name}: {target} is not rendered; run `make diagrams`"
    assert "diagrams/ecs-concepts.svg" in page("ecs.md")
    assert "diagrams/ecs-task-lifecycle.svg" in page("ecs.md")


def test_containerizing_shows_every_node_line_still_supported() -> None:
    """The page shows a chosen set of rows; a line that is still supported may not be missing from it."""
    shown = re.search(r'table\("node-releases", rows=\[([^\]]*)\]\)', page("containerizing.md"))
    assert shown, "containerizing.md shows node-releases with rows=[...]"
    ids = set(re.findall(r'"([^"]+)"', shown.group(1)))
    supported = {f"node-{r.line}" for r in node_releases().values() if r.end_of_life >= dt.date.today()}
    assert supported <= ids, f"add {sorted(supported - ids)} to the table on containerizing.md"


def test_containerizing_names_the_dockerfiles_node_line() -> None:
    dockerfile = (SNIPPETS / "app/Dockerfile").read_text()
    majors = re.findall(r"^FROM node:(\d+)", dockerfile, flags=re.MULTILINE)
    assert majors, "snippets/app/Dockerfile has no node base image"
    release = node_releases().get(majors[-1])
    assert release, f"Node {majors[-1]} is not in data/tables/node-releases.yaml"
    codename = release.codename
    assert codename and f"**{codename}**" in page("containerizing.md"), (
        f"containerizing.md must name the Dockerfile's Node line ({codename})"
    )


# --- Examples agree with each other and with the app -----------------------------------------------


def test_api_task_definition_routes_logs_through_firelens_started_first() -> None:
    task = snippet_json("ecs/api-task-definition.json")
    router, *others = task["containerDefinitions"]
    assert router.get("firelensConfiguration", {}).get("type") == "fluentbit", "the log router comes first"
    assert router["image"].startswith("public.ecr.aws/aws-observability/aws-for-fluent-bit:")
    assert router["logConfiguration"]["logDriver"] == "awslogs", "the router's own logs must stay readable"
    app = containers(task)["api"]
    assert app in others
    assert app["logConfiguration"]["logDriver"] == "awsfirelens"
    assert {"containerName": router["name"], "condition": "START"} in app["dependsOn"]


def test_api_task_definition_has_both_roles_and_secrets() -> None:
    task = snippet_json("ecs/api-task-definition.json")
    assert re.fullmatch(r"arn:aws:iam::111122223333:role/.+", task["executionRoleArn"])
    assert re.fullmatch(r"arn:aws:iam::111122223333:role/.+", task["taskRoleArn"])
    assert task["executionRoleArn"] != task["taskRoleArn"]
    app = containers(task)["api"]
    # The database password is its own key of the RDS-managed secret, which RDS can rotate.
    assert {s["name"] for s in app["secrets"]} == {"PGUSER", "PGPASSWORD", "REDIS_URL"}
    for secret in app["secrets"]:
        # Secrets Manager secrets by full ARN: the name, a hyphen and AWS's six random characters.
        assert re.fullmatch(
            r"arn:aws:secretsmanager:[a-z0-9-]+:111122223333:secret:.+-[A-Za-z0-9]{6}(:.*)?", secret["valueFrom"]
        )


def test_task_definitions_leave_init_to_the_image() -> None:
    # The image's ENTRYPOINT is dumb-init; a second init from initProcessEnabled would be redundant.
    assert re.search(r'^ENTRYPOINT \["dumb-init", "--"\]$', (SNIPPETS / "app/Dockerfile").read_text(), re.MULTILINE)
    for rel in ("ecs/api-task-definition.json", "ecs/worker-task-definition.json"):
        for container in snippet_json(rel)["containerDefinitions"]:
            assert "initProcessEnabled" not in container.get("linuxParameters", {}), f"{rel}: {container['name']}"


def test_container_health_check_is_liveness_only() -> None:
    # ECS replaces a task whose container healthCheck fails: it must not depend on PostgreSQL or Redis.
    command = " ".join(containers(snippet_json("ecs/api-task-definition.json"))["api"]["healthCheck"]["command"])
    assert "/livez" in command and "/health" not in command
    assert "app.get('/livez'" in (SNIPPETS / "app/server.js").read_text()


def test_api_task_definition_listens_where_the_app_does() -> None:
    app = containers(snippet_json("ecs/api-task-definition.json"))["api"]
    port = app_default_port()
    assert [m["containerPort"] for m in app["portMappings"]] == [port]
    assert {"name": "PORT", "value": str(port)} in app["environment"]
    assert re.fullmatch(r"111122223333\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com/deploy-handbook-api:[\w.-]+", app["image"])


def test_worker_task_definition_runs_the_procfile_worker_from_the_api_image() -> None:
    worker = containers(snippet_json("ecs/worker-task-definition.json"))["worker"]
    procfile = dict(line.split(":", 1) for line in (SNIPPETS / "app/Procfile").read_text().splitlines() if ":" in line)
    assert " ".join(worker["command"]) == procfile["worker"].strip()
    assert worker["image"] == containers(snippet_json("ecs/api-task-definition.json"))["api"]["image"]
    assert "portMappings" not in worker, "the worker serves no traffic"
    # Each task keeps its own host name as worker ID; a shared fixed ID would make every new task
    # take back the jobs its running siblings are working on. Heartbeats recover a gone task's jobs.
    assert "WORKER_ID" not in {e["name"] for e in worker["environment"]}


def test_service_definition_matches_its_task_definition() -> None:
    task = snippet_json("ecs/api-task-definition.json")
    service = snippet_json("ecs/api-service-definition.json")
    family, _, revision = service["taskDefinition"].partition(":")
    assert family == task["family"] and revision.isdigit()
    by_name = containers(task)
    for target in service["loadBalancers"]:
        ports = [m["containerPort"] for m in by_name[target["containerName"]]["portMappings"]]
        assert target["containerPort"] in ports
    breaker = service["deploymentConfiguration"]["deploymentCircuitBreaker"]
    assert breaker == {"enable": True, "rollback": True}
    if any(s["capacityProvider"] == "FARGATE_SPOT" for s in service.get("capacityProviderStrategy", [])):
        # Fargate Spot runs Linux X86_64 tasks only.
        assert task["runtimePlatform"]["cpuArchitecture"] == "X86_64"


def test_walkthrough_deploys_the_definitions_shown_on_the_page() -> None:
    script = (SNIPPETS / "cli/aws-deploy.sh").read_text()
    service = snippet_json("ecs/api-service-definition.json")
    for rel in ("ecs/api-task-definition.json", "ecs/api-service-definition.json"):
        assert f"snippets/{rel}" in script
    assert f'CLUSTER="{service["cluster"]}"' in script
    assert f'SERVICE="{service["serviceName"]}"' in script
    assert script.startswith("#!/usr/bin/env bash\n") and "set -euo pipefail" in script
    network = service["networkConfiguration"]["awsvpcConfiguration"]
    assert f'SUBNETS="{",".join(network["subnets"])}"' in script, "one-off tasks use the service's subnets"
    assert f'SECURITY_GROUPS="{",".join(network["securityGroups"])}"' in script


def test_kubernetes_manifests_fit_together_and_match_the_app() -> None:
    kinds = manifests()
    deployment, service, hpa = kinds["Deployment"], kinds["Service"], kinds["HorizontalPodAutoscaler"]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert service["spec"]["selector"].items() <= labels.items()
    assert hpa["apiVersion"] == "autoscaling/v2"
    assert hpa["spec"]["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": deployment["metadata"]["name"],
    }
    assert "replicas" not in deployment["spec"], "the autoscaler owns the replica count"
    pod = deployment["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    (container,) = pod["containers"]
    assert container["ports"] == [{"name": "http", "containerPort": app_default_port()}]
    probes = {probe: container[probe]["httpGet"] for probe in ("startupProbe", "readinessProbe", "livenessProbe")}
    assert probes == {
        "startupProbe": {"path": "/livez", "port": "http"},  # the process is up
        "readinessProbe": {"path": "/health", "port": "http"},  # its dependencies answer
        "livenessProbe": {"path": "/livez", "port": "http"},  # restart only a stuck process
    }
    ecs_image = containers(snippet_json("ecs/api-task-definition.json"))["api"]["image"]
    assert container["image"] == ecs_image, "EKS and ECS run the same image"


def test_nginx_example_runs_the_current_stable_line() -> None:
    from handbook.loader import cached_data

    stable = cached_data().fact("ecs.nginx_stable_line").value
    (nginx,) = snippet_json("ecs/nginx-task-definition.json")["containerDefinitions"]
    assert nginx["image"] == f"public.ecr.aws/nginx/nginx:{stable}-alpine"


def test_prose_filter_catches_typed_numbers() -> None:
    # The prose filter must not hide what it is meant to find.
    sample = 'Fargate tops out at 30 GB. `node:20` {{ fact("x.y") }} [EC2](aws.md#ec2) on ARM64 and S3.'
    assert re.findall(r"\b\d[\d.,]*", prose(sample)) == ["30"]


def test_pages_are_written() -> None:
    for name in PAGES:
        assert len(page(name).splitlines()) > 20, f"docs/{name} is still a stub"
