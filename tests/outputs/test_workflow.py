"""The GitHub Pages workflow: actionlint-clean, and it builds strictly and deploys with the
permissions Pages needs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

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
