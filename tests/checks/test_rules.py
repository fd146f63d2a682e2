"""Every rule code has a failing fixture (`fixtures/CODE/bad`) and its corrected twin (`fixtures/CODE/good`).

A bad directory must report its code; a good directory must report nothing at all, not even a
warning, so each twin is also proof that the fix does not trade one finding for another.
"""

from __future__ import annotations

import pytest

from checks.model import Finding
from checks.registry import all_codes
from tests.checks.conftest import FIXTURES

pytestmark = pytest.mark.xdist_group("checks-fixtures")  # one checker run per worker that gets these

FIXTURE_CODES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
# Codes of the field's own tools that checks/README.md promises by name (exec-form CMD, pinned tags, shell
# quoting, ESLint): fixtures prove the tool really runs and its code reaches our output.
TOOL_CODES = {"DL3007", "DL3025", "SC2086", "ESLINT-NO-UNDEF"}
# Not files in a directory: test_cli.py covers TOOL001 by hiding a tool, INTERNAL by breaking a rule,
# KIND001 and KIND002 by naming files on the command line (found in a directory they are skipped
# quietly), FILE001 with a generated file over the size limit, and PUB001 in a --published run.
NOT_FIXTURES = {"TOOL001", "INTERNAL", "KIND001", "KIND002", "FILE001", "PUB001"}


def test_every_code_has_fixtures() -> None:
    ours = set(all_codes())
    assert set(FIXTURE_CODES) - TOOL_CODES == ours - NOT_FIXTURES
    for code in FIXTURE_CODES:
        assert {p.name for p in (FIXTURES / code).iterdir()} == {"bad", "good"}, code


@pytest.mark.parametrize("code", FIXTURE_CODES)
def test_bad_fixture_reports_its_code(code: str, fixture_findings: dict[str, list[Finding]]) -> None:
    found = fixture_findings.get(f"{code}/bad", [])
    assert any(f.code == code for f in found), f"{code}/bad reported only: {[f.format() for f in found]}"
    for finding in found:
        assert finding.line >= 1


@pytest.mark.parametrize("code", FIXTURE_CODES)
def test_good_twin_is_clean(code: str, fixture_findings: dict[str, list[Finding]]) -> None:
    found = fixture_findings.get(f"{code}/good", [])
    assert not found, "\n".join(f.format() for f in found)
