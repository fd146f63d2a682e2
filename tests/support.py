"""Helpers shared by every test module: repository paths and the CI rule for system tools.

The rule: a test that needs a system tool may skip on a developer's machine with a clear reason,
but must *fail* when CI=true, so that CI can never go green by skipping.
"""

from __future__ import annotations

import os
import shutil

import pytest

from handbook import paths

# The repository's parts, as the tests name them (one definition: handbook.paths).
REPO = paths.REPO
SNIPPETS = paths.SNIPPETS_DIR
DATA = paths.DATA_DIR
DOCS = paths.DOCS_DIR
NODE_BIN_DIR = paths.NODE_MODULES / ".bin"


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
