"""Injected defects (tests/checks/defects): realistic mistakes that AWS, Kubernetes, Heroku, npm or
Node.js refuse or break on at run time, each one in a copy of a clean base (DEFECTS.yaml says why,
with the documentation). At least 95% must be caught as errors, with a code the defect calls for;
the clean bases must give no finding at all.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from checks.model import Finding
from checks.runner import run
from tests.checks.conftest import need_tools

DEFECTS = Path(__file__).parent / "defects"
REQUIRED_RATE = 0.95

pytestmark = pytest.mark.xdist_group("checks-defects")


@pytest.fixture(scope="module")
def by_file() -> dict[str, list[Finding]]:
    need_tools()
    outcome = run([str(DEFECTS)])
    assert not outcome.missing and not outcome.not_regular
    found: defaultdict[str, list[Finding]] = defaultdict(list)
    for finding in outcome.findings:
        found[Path(finding.path).resolve().relative_to(DEFECTS.resolve()).as_posix()].append(finding)
    return found


def _defects() -> list[dict]:
    return yaml.safe_load((DEFECTS / "DEFECTS.yaml").read_text(encoding="utf-8"))["defects"]


def test_every_defect_directory_is_described() -> None:
    directories = {p.name for p in DEFECTS.iterdir() if p.is_dir()} - {"clean"}
    described = [d["id"] for d in _defects()]
    assert sorted(described) == sorted(directories)
    assert len(described) >= 80
    for defect in _defects():
        assert (DEFECTS / defect["id"] / defect["file"]).is_file(), defect["id"]
        assert defect["expect"] and len(defect["why"]) > 20, defect["id"]


def test_clean_bases_give_no_finding(by_file: dict[str, list[Finding]]) -> None:
    found = [f.format() for path, findings in by_file.items() if path.startswith("clean/") for f in findings]
    assert found == []


def test_defects_are_caught_as_errors(by_file: dict[str, list[Finding]]) -> None:
    missed = []
    for defect in _defects():
        findings = by_file.get(f"{defect['id']}/{defect['file']}", [])
        if not any(f.severity == "error" and f.code in defect["expect"] for f in findings):
            missed.append(f"{defect['id']}: expected an error {defect['expect']}, got {[f.format() for f in findings]}")
    caught = 1 - len(missed) / len(_defects())
    assert caught >= REQUIRED_RATE, f"caught {caught:.0%} as errors; missed:\n" + "\n".join(missed)
