"""The GitHub workflow and IAM policy kinds run their tools for real: a finding of actionlint or parliament
reaches the output with its own code, and the pages' "Checked by" line names them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from checks.registry import checks_for
from tests.support import REPO, SNIPPETS

WORKFLOW = SNIPPETS / "ci" / "deploy.yml"


def run_checks(*args: Path | str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "checks", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, cwd=REPO)


def test_actionlint_findings_pass_through(tmp_path: Path) -> None:
    broken = tmp_path / "deploy.yml"
    broken.write_text(WORKFLOW.read_text().replace("steps.image.outputs.uri", "steps.nope.outputs.uri"))
    result = run_checks(broken)
    assert result.returncode == 1 and "ACTIONLINT-EXPRESSION" in result.stdout, result.stdout


def test_parliament_findings_pass_through(tmp_path: Path) -> None:
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition", "Resource": "*"},
            {"Effect": "Allow", "Action": "ecs:DescribeTask", "Resource": "*"},
        ],
    }
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(policy, indent=2))
    result = run_checks(path)
    assert "warning PARLIAMENT-RESOURCE_STAR" in result.stdout, result.stdout  # RegisterTaskDefinition can be scoped
    assert "error PARLIAMENT-UNKNOWN_ACTION" in result.stdout, result.stdout


def test_the_ci_snippets_are_clean_and_labelled() -> None:
    files = sorted((SNIPPETS / "ci").glob("*"))
    result = run_checks("--strict", *files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "actionlint" in checks_for(WORKFLOW)
    assert checks_for(SNIPPETS / "ci" / "deployer-policy.json")[0] == "parliament"
