"""The CI/CD example (snippets/ci/deploy.yml) deploys what the CDK stack creates: the same cluster,
services, task families and image repository (tests/test_ci_deploy.py ties it to snippets/ecs/*.json,
which tests/infra/test_ecs_json.py ties to the stack)."""

from __future__ import annotations

import json
from typing import Any

import yaml

from tests.support import SNIPPETS

WORKFLOW_ENV: dict[str, str] = yaml.safe_load((SNIPPETS / "ci" / "deploy.yml").read_text(encoding="utf-8"))["env"]


def names(template: dict[str, Any], resource_type: str, key: str) -> set[str]:
    found = {r["Properties"].get(key) for r in template["Resources"].values() if r["Type"] == resource_type}
    assert all(isinstance(name, str) for name in found), f"{resource_type}.{key} must be a literal name: {found}"
    return found


def test_the_workflow_names_the_stacks_cluster_services_and_repository(template: dict[str, Any]) -> None:
    assert names(template, "AWS::ECS::Cluster", "ClusterName") == {WORKFLOW_ENV["ECS_CLUSTER"]}
    services = names(template, "AWS::ECS::Service", "ServiceName")
    assert {WORKFLOW_ENV["API_SERVICE"], WORKFLOW_ENV["WORKER_SERVICE"]} <= services
    assert WORKFLOW_ENV["ECR_REPOSITORY"] in names(template, "AWS::ECR::Repository", "RepositoryName")


def test_the_task_definitions_it_renders_are_the_stacks_families(template: dict[str, Any]) -> None:
    families = names(template, "AWS::ECS::TaskDefinition", "Family")
    for key in ("API_TASK_DEFINITION", "WORKER_TASK_DEFINITION"):
        rendered = json.loads((SNIPPETS.parent / WORKFLOW_ENV[key]).read_text(encoding="utf-8"))
        assert rendered["family"] in families, f"{WORKFLOW_ENV[key]}: family {rendered['family']!r}"
