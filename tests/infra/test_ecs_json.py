"""The JSON definitions in snippets/ecs (for AWS CLI users) say what the CDK stack deploys.

Both describe one deployment, so they must agree on everything that changes behaviour: image,
command, ports, environment and secret names (and JSON keys), health checks, CPU and memory,
logging, and the service settings. Where the stack has a value only CloudFormation knows (an ARN, the
database's host name), the JSON's placeholder may be anything; every literal must be equal.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.support import SNIPPETS

pytestmark = pytest.mark.xdist_group("infra")

ECS = SNIPPETS / "ecs"
# JSON files with nothing to compare to in the stack, and why.
NOT_IN_STACK = {"nginx-task-definition.json": "a static-site example on the ECS page, not part of the app's stack"}
TOKEN = "\0"  # a value CloudFormation resolves at deploy time; matches any placeholder
TASK_KEYS = ("family", "cpu", "memory", "networkMode", "requiresCompatibilities", "runtimePlatform")
SERVICE_KEYS = (
    "serviceName",
    "desiredCount",
    "capacityProviderStrategy",
    "healthCheckGracePeriodSeconds",
    "deploymentController",
    "deploymentConfiguration",
    "enableExecuteCommand",
    "enableECSManagedTags",
    "propagateTags",
)


def camel(value: Any) -> Any:
    """CloudFormation's PascalCase keys as the ECS API's camelCase; option maps keep their own keys."""
    if isinstance(value, dict):
        return {
            key[:1].lower() + key[1:]: (item if key in {"Options", "options"} else camel(item))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [camel(item) for item in value]
    return value


class Renderer:
    """Template expressions as strings: names the stack sets literally, TOKEN for what AWS decides."""

    def __init__(self, template: dict[str, Any]) -> None:
        self.resources = template["Resources"]
        self.parameters = template.get("Parameters", {})

    def __call__(self, value: Any) -> Any:
        if isinstance(value, dict) and len(value) == 1:
            (function, argument), *_ = value.items()
            if function == "Ref":
                return self.ref(argument)
            if function == "Fn::Join":
                return argument[0].join(str(self(part)) for part in argument[1])
            if function.startswith("Fn::"):
                return TOKEN
        if isinstance(value, dict):
            return {key: self(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self(item) for item in value]
        return value

    def ref(self, name: str) -> str:
        if name in self.parameters:
            return str(self.parameters[name].get("Default", TOKEN))
        properties = self.resources.get(name, {}).get("Properties", {})
        for key in ("LogGroupName", "RepositoryName", "AlarmName"):
            if isinstance(properties.get(key), str):
                return properties[key]
        return TOKEN


def agree(stack: Any, snippet: Any, where: str) -> list[str]:
    """Differences between the stack's value (TOKEN = any text) and the JSON's."""
    if isinstance(stack, dict) and isinstance(snippet, dict):
        problems = [
            f"{where}.{key}: only in {'the stack' if key in stack else 'the JSON'}"
            for key in stack.keys() ^ snippet.keys()
        ]
        for key in stack.keys() & snippet.keys():
            problems += agree(stack[key], snippet[key], f"{where}.{key}")
        return problems
    if isinstance(stack, list) and isinstance(snippet, list):
        if len(stack) != len(snippet):
            return [f"{where}: {len(stack)} items in the stack, {len(snippet)} in the JSON"]
        return [p for i, (a, b) in enumerate(zip(stack, snippet, strict=True)) for p in agree(a, b, f"{where}[{i}]")]
    if isinstance(stack, str) and TOKEN in stack and isinstance(snippet, str):
        pattern = ".+".join(re.escape(part) for part in stack.split(TOKEN))
        return [] if re.fullmatch(pattern, snippet) else [f"{where}: {snippet!r} is not {stack.replace(TOKEN, '…')!r}"]
    return [] if stack == snippet else [f"{where}: stack {stack!r}, JSON {snippet!r}"]


def by_name(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {item["name"]: item for item in items}


def container_view(container: dict[str, Any]) -> dict[str, Any]:
    view = dict(container)
    for key in ("environment", "secrets"):
        if key in view:
            view[key] = by_name(view[key])  # order carries no meaning
    return view


def snippets(kind: str) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted(ECS.glob("*.json")):
        document = json.loads(path.read_text())
        is_task = "containerDefinitions" in document
        if path.name not in NOT_IN_STACK and (kind == "task") == is_task:
            found.append((path.name, document))
    return found


def stack_resources(template: dict[str, Any], kind: str, name_key: str) -> dict[str, dict[str, Any]]:
    render = Renderer(template)
    return {
        str(resource["Properties"][name_key]): camel(render(resource["Properties"]))
        for resource in template["Resources"].values()
        if resource["Type"] == kind
    }


def test_every_json_definition_has_its_counterpart(template: dict[str, Any]) -> None:
    families = stack_resources(template, "AWS::ECS::TaskDefinition", "Family")
    services = stack_resources(template, "AWS::ECS::Service", "ServiceName")
    assert [name for name, doc in snippets("task") if doc["family"] not in families] == []
    assert [name for name, doc in snippets("service") if doc["serviceName"] not in services] == []
    assert len(snippets("task")) >= 2 and len(snippets("service")) >= 2


def test_task_definitions_agree(template: dict[str, Any]) -> None:
    families = stack_resources(template, "AWS::ECS::TaskDefinition", "Family")
    problems = []
    for name, document in snippets("task"):
        stack = families[document["family"]]
        problems += agree({k: stack.get(k) for k in TASK_KEYS}, {k: document.get(k) for k in TASK_KEYS}, name)
        mine, theirs = by_name(stack["containerDefinitions"]), by_name(document["containerDefinitions"])
        problems += agree(
            {n: container_view(c) for n, c in mine.items()}, {n: container_view(c) for n, c in theirs.items()}, name
        )
        assert ("executionRoleArn" in stack) == ("executionRoleArn" in document), f"{name}: executionRoleArn"
    assert problems == []


def test_services_agree(template: dict[str, Any]) -> None:
    services = stack_resources(template, "AWS::ECS::Service", "ServiceName")
    problems = []
    for name, document in snippets("service"):
        stack = services[document["serviceName"]]
        problems += agree({k: stack.get(k) for k in SERVICE_KEYS}, {k: document.get(k) for k in SERVICE_KEYS}, name)
        network = ("networkConfiguration", "awsvpcConfiguration", "assignPublicIp")
        mine, theirs = stack, document
        for key in network:
            mine, theirs = mine[key], theirs[key]
        problems += agree(mine, theirs, f"{name}.assignPublicIp")
        balancers = [{k: lb[k] for k in ("containerName", "containerPort")} for lb in stack.get("loadBalancers", [])]
        wanted = [{k: lb[k] for k in ("containerName", "containerPort")} for lb in document.get("loadBalancers", [])]
        problems += agree(balancers, wanted, f"{name}.loadBalancers")
    assert problems == []


def test_the_comparison_catches_a_difference(template: dict[str, Any]) -> None:
    """The check itself: a changed health-check path and a renamed secret are both reported."""
    families = stack_resources(template, "AWS::ECS::TaskDefinition", "Family")
    name, document = next((n, d) for n, d in snippets("task") if d["family"] == "deploy-handbook-api")
    changed = json.loads(json.dumps(document).replace("/livez", "/health").replace('"PGPASSWORD"', '"DB_PASSWORD"'))
    stack = by_name(families["deploy-handbook-api"]["containerDefinitions"])
    problems = agree(
        {n: container_view(c) for n, c in stack.items()},
        {n: container_view(c) for n, c in by_name(changed["containerDefinitions"]).items()},
        name,
    )
    assert any("healthCheck" in p for p in problems) and any("PGPASSWORD" in p for p in problems), problems


def test_the_walkthrough_creates_every_log_group_the_json_uses() -> None:
    """A task whose log group does not exist cannot start; aws-deploy.sh creates them all."""
    script = (SNIPPETS / "cli" / "aws-deploy.sh").read_text()
    match = re.search(r"^LOG_GROUPS=\(([^)]*)\)$", script, re.MULTILINE)
    assert match, "aws-deploy.sh no longer lists LOG_GROUPS"
    created = set(match.group(1).split())
    used = set()
    for path in sorted(ECS.glob("*.json")):
        for container in json.loads(path.read_text()).get("containerDefinitions", []):
            options = container.get("logConfiguration", {}).get("options", {})
            used |= {options[key] for key in ("awslogs-group", "log_group_name") if key in options}
    assert used and used <= created, sorted(used - created)
