"""Building the site from tests: the real project, or a scratch copy that a test may break on purpose."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support import REPO

# What a build reads. Copies skip installed dependencies (snippets/app/node_modules).
PROJECT_PARTS = ["mkdocs.yml", "docs", "data", "snippets", "macros", "checks", "hooks", "overrides"]


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
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )
