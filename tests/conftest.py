"""Session fixtures shared by the top-level tests: one strict build of the real site."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.sitebuild import build, copy_project
from tests.support import REPO


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The real project built once with --strict; tests read the HTML and the build's output."""
    site = tmp_path_factory.mktemp("site")
    result = build(REPO, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site, result


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A copy of the project that a test may break on purpose."""
    return copy_project(tmp_path / "project")
