"""The checker in other people's tooling: JSON and SARIF output (GitHub code scanning), and pre-commit.

The SARIF document is validated against the official SARIF 2.1.0 JSON schema (OASIS, copied unchanged
into tests/checks/upstream/, source in upstream/SOURCES.yaml); the hook manifest by pre-commit itself.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

from checks.registry import all_codes
from tests.checks.conftest import FIXTURES, need_tools, run_cli
from tests.support import REPO, need

UPSTREAM = Path(__file__).parent / "upstream"
SARIF_SCHEMA = UPSTREAM / "sarif-schema-2.1.0.json"


def test_json_output_has_every_finding_of_the_text_output() -> None:
    need_tools()
    bad = str(FIXTURES / "ECS004" / "bad")
    text, as_json = run_cli(bad), run_cli("--format", "json", bad)
    assert as_json.returncode == text.returncode == 1
    findings = json.loads(as_json.stdout)["findings"]
    lines = [f"{f['path']}:{f['line']}: {f['severity']} {f['code']} {f['message']}" for f in findings]
    assert lines == text.stdout.splitlines()


def test_sarif_output_is_valid_sarif_2_1_0() -> None:
    need_tools()
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    result = run_cli("--format", "sarif", str(FIXTURES / "ECS004" / "bad"), str(FIXTURES / "DL3007" / "bad"))
    document = json.loads(result.stdout)
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert errors == [], "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    run = document["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert rules["ECS004"]["shortDescription"]["text"] == all_codes()["ECS004"].summary
    assert "DL3007" in rules  # a tool's code has a rule entry too, or code scanning drops the result
    for found in run["results"]:
        assert found["ruleId"] == run["tool"]["driver"]["rules"][found["ruleIndex"]]["id"]
        location = found["locations"][0]["physicalLocation"]
        assert not location["artifactLocation"]["uri"].startswith("/"), "code scanning wants repository-relative URIs"
        assert location["region"]["startLine"] >= 1


def test_the_sarif_schema_copy_names_its_source() -> None:
    sources = yaml.safe_load((UPSTREAM / "SOURCES.yaml").read_text(encoding="utf-8"))["files"]
    entry = next(s for s in sources if s["file"] == SARIF_SCHEMA.name)
    assert entry["repository"] == "oasis-tcs/sarif-spec" and len(entry["commit"]) == 40
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")


def test_pre_commit_accepts_the_hook_manifest() -> None:
    pre_commit = Path(sys.executable).parent / "pre-commit"
    need(pre_commit.is_file(), "pre-commit is missing: pip install -r requirements/checks.txt")
    result = subprocess.run(
        [str(pre_commit), "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert all(hook["entry"].startswith("handbook-checks --skip-unknown") for hook in hooks)


def test_pre_commit_style_runs_skip_files_no_checker_knows(tmp_path: Path) -> None:
    """pre-commit names every changed file: with --skip-unknown a README does not fail the commit."""
    need_tools()
    (tmp_path / "README.txt").write_text("notes\n", encoding="utf-8")
    procfile = tmp_path / "Procfile"
    procfile.write_text("web node server.js\n", encoding="utf-8")
    result = run_cli("--skip-unknown", "--strict", str(tmp_path / "README.txt"), str(procfile))
    assert result.returncode == 1
    assert "KIND001" not in result.stdout and "PROC001" in result.stdout
