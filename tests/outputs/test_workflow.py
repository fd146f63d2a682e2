"""The workflows: actionlint-clean, every action pinned to a commit SHA, least-privilege permissions;
the Pages workflow builds strictly and deploys with the permissions Pages needs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support import REPO, need

WORKFLOWS = REPO / ".github" / "workflows"
PAGES = WORKFLOWS / "pages.yml"


def actionlint() -> str:
    found = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))
    need(found is not None, "actionlint is not installed (pip install -r requirements/outputs.txt)")
    assert found is not None
    return found


def test_workflows_pass_actionlint() -> None:
    files = sorted(str(p) for p in WORKFLOWS.glob("*.y*ml"))
    assert files, "no workflow files"
    result = subprocess.run([actionlint(), "-no-color", *files], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pages_workflow_builds_and_deploys() -> None:
    text = PAGES.read_text(encoding="utf-8")
    for needed in [
        "make site",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
        "pages: write",
        "id-token: write",
        "concurrency:",
        'python-version: "3.11"',
    ]:
        assert needed in text, f"pages.yml lacks {needed!r}"


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    """The lint is real: an undefined step output in a copy of the workflow is reported."""
    broken = tmp_path / "pages.yml"
    broken.write_text(PAGES.read_text(encoding="utf-8").replace("steps.pages.outputs", "steps.nope.outputs"))
    result = subprocess.run([actionlint(), "-no-color", str(broken)], capture_output=True, text=True)
    assert result.returncode != 0 and "nope" in result.stdout


# owner/repo[/path]@<full commit SHA>, then a comment naming the release: `# v4.4.0`.
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}\s+#\s*v?\d+(?:\.\d+)*\S*$")
USES = re.compile(r"^\s*(?:-\s*)?uses:\s*(?P<ref>.+?)\s*$", re.MULTILINE)


def workflow_files() -> list[Path]:
    files = sorted(WORKFLOWS.glob("*.y*ml"))
    assert files, "no workflow files"
    return files


def unpinned_uses(text: str) -> list[str]:
    """Every `uses:` that is not a local action, a docker image by digest, or an action at a full commit SHA
    with its version in a comment."""
    bad = []
    for match in USES.finditer(text):
        ref = match["ref"].strip("'\"")
        if ref.startswith("./") or re.fullmatch(r"docker://\S+@sha256:[0-9a-f]{64}(\s+#.*)?", ref):
            continue
        if not PINNED.match(ref):
            bad.append(ref)
    return bad


def test_every_action_is_pinned_to_a_commit_sha() -> None:
    found = {path.name: unpinned_uses(path.read_text(encoding="utf-8")) for path in workflow_files()}
    assert not any(found.values()), f"pin these to a full commit SHA with a `# vX.Y.Z` comment: {found}"


@pytest.mark.parametrize(
    "line",
    [
        "- uses: actions/checkout@v4",
        "- uses: actions/checkout@main",
        "- uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262",  # no version comment
        "- uses: actions/checkout@11d5960  # v4.4.0",  # a short SHA can collide
        "  uses: docker://alpine:3.20",
    ],
)
def test_the_pin_rule_refuses_tags_branches_and_short_shas(line: str) -> None:
    assert unpinned_uses(f"steps:\n  {line}\n"), line


# The most each workflow's jobs may be granted, and why. A new workflow must be added here, which
# makes its permissions a reviewed decision.
JOB_GRANTS = {
    # configure-pages reads the Pages settings; deploy-pages publishes with an OIDC token.
    "pages.yml": {"contents": "read", "pages": "write", "id-token": "write"},
    # pushes the weekly pull request's branch and opens it, or updates one issue.
    "freshness.yml": {"contents": "write", "pull-requests": "write", "issues": "write"},
    "review-age.yml": {"contents": "read"},
}
LEVEL = {"none": 0, "read": 1, "write": 2}


def test_workflows_grant_least_privilege() -> None:
    """Nothing by default: the top level grants at most read access, each job only what it needs."""
    for path in sorted(WORKFLOWS.glob("*.y*ml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert workflow["permissions"] in ({}, {"contents": "read"}), f"{path.name}: top-level permissions"
        assert path.name in JOB_GRANTS, f"{path.name}: say in JOB_GRANTS what its jobs may be granted"
        allowed = JOB_GRANTS[path.name]
        for name, job in workflow["jobs"].items():
            for scope, level in job.get("permissions", {}).items():
                assert LEVEL[level] <= LEVEL[allowed.get(scope, "none")], f"{path.name}: job {name}: {scope}: {level}"


def test_review_age_runs_weekly_and_pages_builds_from_full_history() -> None:
    review_age = yaml.safe_load((WORKFLOWS / "review-age.yml").read_text(encoding="utf-8"))
    (cron,) = [entry["cron"] for entry in review_age[True]["schedule"]]  # PyYAML reads the key `on` as True
    assert cron.split()[2:] == ["*", "*", "1"], f"not weekly: {cron}"
    assert any(step.get("run") == "make check-fresh" for step in review_age["jobs"]["check-fresh"]["steps"])
    checkout = yaml.safe_load(PAGES.read_text(encoding="utf-8"))["jobs"]["build"]["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["fetch-depth"] == 0
