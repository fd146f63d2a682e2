"""Building the site from tests: the real project, or a scratch copy that a test may break on purpose."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from scripts.site import run_mkdocs_build
from tests.support import REPO

# What a build reads. Copies skip installed dependencies (snippets/app/node_modules).
PROJECT_PARTS = [
    "mkdocs.yml",
    "handbook.yml",
    "docs",
    "data",
    "snippets",
    "handbook",
    "macros",
    "checks",
    "hooks",
    "overrides",
    "includes",
    "i18n",
]


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("node_modules", "__pycache__"))
        elif src.is_file():
            shutil.copy2(src, dest / part)
    return dest


def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project` into `site_dir`; output captured for assertions."""
    return run_mkdocs_build(project, site_dir)


def failing_build(project: Path) -> str:
    """Build a project that must fail; returns the output, for the test to find the reason in."""
    result = build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    return output
