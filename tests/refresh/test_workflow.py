"""The weekly freshness workflow: actions pinned by commit, least privilege, and the steps the README
promises (tests/outputs/test_workflow.py runs actionlint on every workflow, this one included)."""

from __future__ import annotations

import re

import yaml

from tests.support import REPO

WORKFLOW = REPO / ".github" / "workflows" / "freshness.yml"
TEXT = WORKFLOW.read_text(encoding="utf-8")
FLOW = yaml.safe_load(TEXT)


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it() -> None:
    uses = re.findall(r"uses: (\S+)(.*)", TEXT)
    assert len(uses) == 5
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), f"{action}: no version comment"


def test_it_runs_weekly_with_least_privilege() -> None:
    triggers = FLOW[True]  # PyYAML reads the key `on` as a boolean
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    [schedule] = triggers["schedule"]
    assert re.fullmatch(r"\d+ \d+ \* \* \d", schedule["cron"])  # one day a week
    assert FLOW["permissions"] == {}
    [job] = FLOW["jobs"].values()
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    assert job["steps"][0]["with"]["persist-credentials"] is False


def test_it_opens_a_pull_request_with_the_diff_or_updates_one_issue() -> None:
    [job] = FLOW["jobs"].values()
    steps = {step.get("name", step.get("uses", "")): step for step in job["steps"]}
    assert "make refresh" in steps["Re-check every source and link"]["run"]
    pull = steps["Open or update the pull request"]
    assert pull["uses"].startswith("peter-evans/create-pull-request@")
    assert pull["with"]["body-path"] == "dist/refresh/pr-body.md" and pull["with"]["add-paths"] == "data/"
    assert "data == 'true'" in pull["if"]
    issue = steps["Update the review issue"]
    assert "data == 'false'" in issue["if"] and "reviews != '0'" in issue["if"]
    assert "gh issue edit" in issue["run"] and "gh issue create" in issue["run"]
