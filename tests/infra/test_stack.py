"""The CDK app in snippets/infra as a whole: strict types, a clean synth, cdk-nag, cfn-lint and its own assertions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from checks import tools
from checks.cdkapp import AppRun
from tests.infra.conftest import INFRA

pytestmark = pytest.mark.xdist_group("infra")


def test_typescript_is_strict_and_clean(infra: AppRun) -> None:
    assert infra.tsc_code == 0, infra.tsc_output


def test_synth_needs_no_lookups(infra: AppRun) -> None:
    assert infra.synth_code == 0, infra.synth_output
    assert infra.manifest().get("missing") is None, "the synth asked for account lookups"


def test_cdk_nag_has_no_unacknowledged_finding(infra: AppRun) -> None:
    report = infra.validation_report()
    assert report is not None, "no validation report: was cdk-nag registered with Validations.of(app)?"
    open_findings = [v["ruleName"] for p in report["pluginReports"] for v in p["violations"]]
    assert open_findings == []


def test_every_acknowledgement_has_a_reason(infra: AppRun) -> None:
    acknowledged = {
        rule: reason
        for entries in infra.construct_metadata().values()
        for entry in entries
        if entry["type"] == "aws:cdk:acknowledged-rules"
        for rule, reason in entry["data"].items()
    }
    assert acknowledged, "the stack acknowledges nothing: then the page's list of acknowledgements is stale"
    assert all(len(reason) > 40 for reason in acknowledged.values()), acknowledged


def test_cfn_lint_reports_nothing(infra: AppRun) -> None:
    """No error, and no warning either: none is kept, so there is no list of kept warnings to keep current."""
    assert infra.lint == [], [f"{i['Rule']['Id']} {i['Message']}" for i in infra.lint]


def test_the_assertions_pass(template_path: Path) -> None:
    out = tools.run(
        [tools.find("node"), "--test", "--test-reporter=spec", "test/**/*.test.ts"],
        cwd=INFRA,
        extra_env={"DEPLOY_HANDBOOK_TEMPLATE": str(template_path)},
    )
    summary = dict(re.findall(r"^ℹ (\w+) (\d+)$", out.stdout, re.MULTILINE))
    assert out.returncode == 0 and summary.get("fail") == "0", out.stdout + out.stderr
    assert int(summary.get("pass", "0")) >= 16, out.stdout


def test_the_template_has_the_whole_target(template: dict[str, Any]) -> None:
    types = {r["Type"] for r in template["Resources"].values()}
    for needed in (
        "AWS::EC2::NatGateway",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "AWS::CertificateManager::Certificate",
        "AWS::ECS::Cluster",
        "AWS::ECS::Service",
        "AWS::RDS::DBInstance",
        "AWS::ElastiCache::ReplicationGroup",
        "AWS::Scheduler::Schedule",
        "AWS::ApplicationAutoScaling::ScalingPolicy",
        "AWS::ECR::RegistryScanningConfiguration",
    ):
        assert needed in types, needed


def test_the_cost_table_counts_what_the_stack_creates(template: dict[str, Any]) -> None:
    """data/tables/cost-aws-stack.yaml prices this template: its quantities must be the template's."""
    from handbook.lookups import aws_stack_costs

    resources = list(template["Resources"].values())
    count = {kind: sum(r["Type"] == kind for r in resources) for kind in {r["Type"] for r in resources}}
    costs = {c.id: c.quantity for c in aws_stack_costs()}
    assert costs["alb"] == count["AWS::ElasticLoadBalancingV2::LoadBalancer"]
    assert costs["nat-gateway"] == count["AWS::EC2::NatGateway"]
    # One public address per NAT gateway, and one per zone for an internet-facing load balancer.
    zones = count["AWS::EC2::NatGateway"]
    assert costs["public-ipv4"] == count["AWS::EC2::EIP"] + zones * count["AWS::ElasticLoadBalancingV2::LoadBalancer"]
    (db,) = (r["Properties"] for r in resources if r["Type"] == "AWS::RDS::DBInstance")
    assert db["DBInstanceClass"] == "db.t4g.micro" and db["MultiAZ"] is True
    assert costs["rds-storage"] == int(db["AllocatedStorage"]) * 2  # primary and standby
