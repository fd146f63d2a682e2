"""Amazon ECS service definitions (the JSON given to CreateService): botocore's model, then our rules."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Finding, Kind, Source
from .ecs_task import CODES as TASK_CODES
from .ecs_task import arn_rules, load_definition, model_rules

CODES = TASK_CODES.subset("ECS001", "ECS016", "ECS017")


def _is_service(src: Source) -> bool:
    data = src.json_head() if src.path.suffix == ".json" else None
    return isinstance(data, dict) and "serviceName" in data and bool({"taskDefinition", "cluster"} & set(data))


def check_services(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    for src in sources:
        doc = load_definition(src, findings)
        if doc is None:
            continue
        findings += model_rules(src, doc, "CreateService")[0] + arn_rules(src, doc)
        data = doc.data
        strategy = data.get("capacityProviderStrategy") or []
        fargate = data.get("launchType") == "FARGATE" or any(
            isinstance(s, dict) and str(s.get("capacityProvider", "")).startswith("FARGATE") for s in strategy
        )
        network = data.get("networkConfiguration")
        if fargate and not (isinstance(network, dict) and network.get("awsvpcConfiguration")):
            findings.append(
                CODES.finding(
                    src,
                    doc.line("launchType") if "launchType" in data else 1,
                    "ECS017",
                    "a Fargate service needs networkConfiguration.awsvpcConfiguration (subnets and security groups)",
                )
            )
    return findings


KIND = Kind(
    name="ECS service definition",
    description="CreateService input",
    recognised_by="*.json with serviceName and taskDefinition or cluster",
    tools=("botocore CreateService model", "ECS service rules"),
    codes=CODES,
    matches=_is_service,
    check=check_services,
)
