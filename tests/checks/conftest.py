"""Shared by the checker's tests: one run of the checker over all fixtures, and a CLI runner."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from checks import tools
from checks.model import Finding
from checks.runner import run
from tests.support import REPO, need

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def fixture_findings() -> dict[str, list[Finding]]:
    """Findings per fixture directory ('CODE/bad', 'CODE/good'), from a single run over all of them."""
    need_tools()
    outcome = run([str(FIXTURES)])
    assert not outcome.missing and not outcome.not_regular
    by_dir: defaultdict[str, list[Finding]] = defaultdict(list)
    for finding in outcome.findings:
        rel = Path(finding.path).resolve().relative_to(FIXTURES.resolve())
        by_dir["/".join(rel.parts[:2])].append(finding)
    return by_dir


def need_tools() -> None:
    """The fixtures exercise every tool: skip locally without them, fail under CI=true."""
    for name in ("hadolint", "node", "eslint", "shellcheck", "bash", "dash"):
        try:
            tools.find(name)
        except tools.ToolMissing as exc:
            need(False, str(exc))


def run_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checks", *args], capture_output=True, text=True, cwd=cwd, timeout=300, check=False
    )
