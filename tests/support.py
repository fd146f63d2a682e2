"""Helpers shared by every test module: repository paths and the CI rule for system tools.

The rule (DEVELOPERS.md): a test that needs a system tool may skip on a developer's machine
with a clear reason, but must *fail* when CI=true, so that CI can never go green by skipping.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SNIPPETS = REPO / "snippets"
DATA = REPO / "data"
DOCS = REPO / "docs"
NODE_BIN_DIR = REPO / "node_modules" / ".bin"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def need(condition: bool, reason: str) -> None:
    """Skip locally when `condition` is false; fail under CI=true."""
    if condition:
        return
    if in_ci():
        pytest.fail(f"CI=true and a required tool is missing: {reason}")
    pytest.skip(reason)


def need_tool(name: str, *, hint: str = "") -> str:
    """Return the absolute path of an executable, skipping (locally) or failing (CI) without it."""
    found = shutil.which(name) or shutil.which(name, path=str(NODE_BIN_DIR))
    need(found is not None, f"`{name}` is not installed{': ' + hint if hint else ''}")
    assert found is not None
    return found
