"""The CI/CD example agrees with the ECS definitions it deploys and the IAM policies that allow it.

snippets/ci/deploy.yml, snippets/ci/deployer-policy.json and snippets/ci/github-oidc-trust-policy.json
are checked by their own tools (`python -m checks`); this test checks that they name the same cluster,
services, task families, containers, repository, roles and network as snippets/ecs/*.json and the app.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from tests.support import REPO, SNIPPETS

CI = SNIPPETS / "ci"
ECS = SNIPPETS / "ecs"


def load(path: str) -> Any:
    return json.loads((SNIPPETS / path).read_text(encoding="utf-8"))


WORKFLOW = yaml.safe_load((CI / "deploy.yml").read_text(encoding="utf-8"))
ENV: dict[str, str] = WORKFLOW["env"]
STEPS: list[dict[str, Any]] = WORKFLOW["jobs"]["deploy"]["steps"]
SERVICE = load("ecs/api-service-definition.json")
API_TASK = load("ecs/api-task-definition.json")
WORKER_TASK = load("ecs/worker-task-definition.json")
WORKER_SERVICE = load("ecs/worker-service-definition.json")
DEPLOYER = load("ci/deployer-policy.json")
TRUST = load("ci/github-oidc-trust-policy.json")
ACCOUNT, REGION = "111122223333", ENV["AWS_REGION"]


def steps_using(action: str) -> list[dict[str, Any]]:
    return [s for s in STEPS if str(s.get("uses", "")).startswith(action + "@")]


def statement(sid: str) -> dict[str, Any]:
    return next(s for s in DEPLOYER["Statement"] if s["Sid"] == sid)


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def test_workflow_deploys_the_cluster_service_and_task_definitions_of_snippets_ecs() -> None:
    assert ENV["ECS_CLUSTER"] == SERVICE["cluster"]
    assert ENV["API_SERVICE"] == SERVICE["serviceName"]
    assert (REPO / ENV["API_TASK_DEFINITION"]).resolve() == (ECS / "api-task-definition.json").resolve()
    assert (REPO / ENV["WORKER_TASK_DEFINITION"]).resolve() == (ECS / "worker-task-definition.json").resolve()
    assert ENV["WORKER_SERVICE"] == WORKER_SERVICE["serviceName"] and WORKER_SERVICE["cluster"] == SERVICE["cluster"]
    assert SERVICE["taskDefinition"].split(":")[0] == API_TASK["family"]
    assert WORKER_SERVICE["taskDefinition"].split(":")[0] == WORKER_TASK["family"]
    net = SERVICE["networkConfiguration"]["awsvpcConfiguration"]
    assert ENV["SUBNETS"].split(",") == net["subnets"] and ENV["SECURITY_GROUPS"].split(",") == net["securityGroups"]


def test_rendered_containers_exist_in_their_task_definitions() -> None:
    files = {"API_TASK_DEFINITION": API_TASK, "WORKER_TASK_DEFINITION": WORKER_TASK}
    rendered = steps_using("aws-actions/amazon-ecs-render-task-definition")
    assert len(rendered) == 2
    for step in rendered:
        task = files[step["with"]["task-definition"].removeprefix("${{ env.").removesuffix(" }}")]
        assert step["with"]["container-name"] in {c["name"] for c in task["containerDefinitions"]}
    repository = API_TASK["containerDefinitions"][1]["image"].split("/", 1)[1].split(":")[0]
    assert ENV["ECR_REPOSITORY"] == repository
    assert (REPO / ENV["APP_DIRECTORY"] / "Dockerfile").is_file()


def test_the_migration_task_runs_the_release_command_before_the_api_service() -> None:
    api, worker = steps_using("aws-actions/amazon-ecs-deploy-task-definition")
    overrides = json.loads(api["with"]["run-task-container-overrides"])
    release = (SNIPPETS / "app" / "Procfile").read_text().split("release:", 1)[1].splitlines()[0].split()
    assert overrides == [{"name": "api", "command": release}]
    assert api["with"]["wait-for-task-stopped"] is True and api["with"]["service"] == "${{ env.API_SERVICE }}"
    assert worker["with"]["service"] == "${{ env.WORKER_SERVICE }}" and "run-task" not in worker["with"]
    assert STEPS.index(api) < STEPS.index(worker)  # the worker gets new code only after a good migration


def test_deployer_policy_allows_exactly_what_the_workflow_touches() -> None:
    cluster = f"arn:aws:ecs:{REGION}:{ACCOUNT}:cluster/{ENV['ECS_CLUSTER']}"
    services = [ENV["API_SERVICE"], ENV["WORKER_SERVICE"]]
    expected_services = {f"arn:aws:ecs:{REGION}:{ACCOUNT}:service/{ENV['ECS_CLUSTER']}/{s}" for s in services}
    assert set(as_list(statement("DeployTheServices")["Resource"])) == expected_services
    families = {API_TASK["family"], WORKER_TASK["family"]}
    registered = {f"arn:aws:ecs:{REGION}:{ACCOUNT}:task-definition/{f}:*" for f in families}
    assert set(as_list(statement("RegisterTheAppsTaskDefinitions")["Resource"])) == registered
    run_task = statement("RunTheMigrationTask")
    assert run_task["Condition"]["ArnEquals"]["ecs:cluster"] == cluster
    assert (
        statement("PushTheAppImage")["Resource"] == f"arn:aws:ecr:{REGION}:{ACCOUNT}:repository/{ENV['ECR_REPOSITORY']}"
    )
    # iam:PassRole for the roles the task definitions name, and nothing else.
    roles = {t[key] for t in (API_TASK, WORKER_TASK) for key in ("executionRoleArn", "taskRoleArn") if key in t}
    pass_role = statement("PassOnlyTheTaskRoles")
    assert set(as_list(pass_role["Resource"])) == roles
    assert pass_role["Condition"]["StringEquals"]["iam:PassedToService"] == "ecs-tasks.amazonaws.com"


def test_only_the_production_environment_of_one_repository_can_assume_the_role() -> None:
    job = WORKFLOW["jobs"]["deploy"]
    assert job["permissions"]["id-token"] == "write"
    assert WORKFLOW[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads `on` as true
    condition = TRUST["Statement"][0]["Condition"]["StringEquals"]
    owner_repo = json.loads((SNIPPETS / "app" / "app.json").read_text())["repository"].split("github.com/")[1]
    assert (
        condition["token.actions.githubusercontent.com:sub"]
        == f"repo:{owner_repo}:environment:{job['environment']['name']}"
    )
    (credentials,) = steps_using("aws-actions/configure-aws-credentials")
    assert credentials["with"]["role-to-assume"].startswith(f"arn:aws:iam::{ACCOUNT}:role/")
    assert not any(k.startswith("aws-access-key") for k in credentials["with"])  # no stored keys
