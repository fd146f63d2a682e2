"""The synthesized CDK app, once per test session (checks.cdkapp caches it by content across processes)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checks import tools
from checks.cdkapp import AppRun, run_app
from tests.support import SNIPPETS, need

INFRA = SNIPPETS / "infra"
STACK = "DeployHandbook"


def need_toolchain() -> None:
    """node, cfn-lint and snippets/infra's npm packages: skip locally without them, fail under CI=true."""
    for name in ("node", "cfn-lint"):
        try:
            tools.find(name)
        except tools.ToolMissing as exc:
            need(False, str(exc))
    need((INFRA / "node_modules" / "aws-cdk-lib").is_dir(), "snippets/infra/node_modules is missing: run `make infra`")


@pytest.fixture(scope="session")
def infra() -> AppRun:
    need_toolchain()
    return run_app(INFRA)


@pytest.fixture(scope="session")
def template_path(infra: AppRun) -> Path:
    assert infra.synth_code == 0, infra.synth_output
    return infra.assembly_dir / f"{STACK}.template.json"


@pytest.fixture(scope="session")
def template(template_path: Path) -> dict[str, Any]:
    return json.loads(template_path.read_text())
