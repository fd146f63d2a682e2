"""The GitHub Pages workflow: actionlint-clean, and it builds strictly and deploys with the
permissions Pages needs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

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


USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[^@\s]+)@(?P<ref>\S+)(?P<comment>\s+#.*)?$", re.MULTILINE)


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    """A tag can be moved to other code; a full commit SHA cannot. The comment says which release it is."""
    found = []
    for path in sorted(WORKFLOWS.glob("*.y*ml")):
        for match in USES.finditer(path.read_text(encoding="utf-8")):
            found.append(match["action"])
            assert re.fullmatch(r"[0-9a-f]{40}", match["ref"]), f"{path.name}: {match[0].strip()} is not a commit SHA"
            assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", match["comment"] or ""), f"{path.name}: {match[0].strip()}"
    assert "actions/checkout" in found


# What each workflow's jobs may be granted beyond the top level's read access, and why. A new
# workflow must be added here, which makes its permissions a reviewed decision.
JOB_GRANTS = {
    "pages.yml": {"pages", "id-token"},  # deploy-pages publishes with an OIDC token
    "freshness.yml": {"contents", "pull-requests", "issues"},  # pushes the weekly PR's branch, updates one issue
    "review-age.yml": set(),
}


def test_workflows_grant_least_privilege() -> None:
    """Nothing by default: the top level grants at most read access, each job only what it needs."""
    for path in sorted(WORKFLOWS.glob("*.y*ml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert workflow["permissions"] in ({}, {"contents": "read"}), f"{path.name}: top-level permissions"
        assert path.name in JOB_GRANTS, f"{path.name}: say in JOB_GRANTS what its jobs may be granted"
        for name, job in workflow["jobs"].items():
            granted = job.get("permissions", {})
            assert set(granted) <= JOB_GRANTS[path.name], f"{path.name}: job {name} asks for {granted}"


def test_review_age_runs_weekly_and_pages_builds_from_full_history() -> None:
    review_age = yaml.safe_load((WORKFLOWS / "review-age.yml").read_text(encoding="utf-8"))
    (cron,) = [entry["cron"] for entry in review_age[True]["schedule"]]  # PyYAML reads the key `on` as True
    assert cron.split()[2:] == ["*", "*", "1"], f"not weekly: {cron}"
    assert any(step.get("run") == "make check-fresh" for step in review_age["jobs"]["check-fresh"]["steps"])
    checkout = yaml.safe_load(PAGES.read_text(encoding="utf-8"))["jobs"]["build"]["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["fetch-depth"] == 0
