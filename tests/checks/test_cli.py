"""`python -m checks` as users run it: output format, exit codes, --strict, --help, bad input."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from checks import runner, tools
from checks.registry import all_codes
from tests.checks.conftest import FIXTURES, need_tools, run_cli
from tests.support import DOCS, REPO, need_tool

LINE = re.compile(r"^[^:]+:\d+: (error|warning|note) [A-Z0-9-]+ .+$")


def test_output_format_and_exit_code_on_errors() -> None:
    need_tools()
    result = run_cli(str(FIXTURES / "ECS004" / "bad"), str(FIXTURES / "JS002" / "bad"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines
    assert all(LINE.match(line) for line in lines), lines
    assert any(" error ECS004 " in line and "task-definition.json:" in line for line in lines)


def test_clean_files_exit_zero_and_print_nothing() -> None:
    need_tools()
    result = run_cli("--strict", str(FIXTURES / "ECS004" / "good"), str(FIXTURES / "DOCK006" / "good"))
    assert (result.returncode, result.stdout) == (0, "")


def test_warnings_fail_only_with_strict() -> None:
    need_tools()
    bad = str(FIXTURES / "DOCK003" / "bad")  # DOCK003 is a warning
    plain, strict = run_cli(bad), run_cli("--strict", bad)
    assert " warning DOCK003 " in plain.stdout
    assert plain.returncode == 0
    assert strict.returncode == 1


def test_malformed_json_is_a_finding_with_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "task-definition.json"
    broken.write_text('{\n  "family": "web",\n  "cpu": "256",\n}\n', encoding="utf-8")
    result = run_cli(str(broken))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(r"task-definition\.json:4: error PARSE001 invalid JSON: trailing comma", result.stdout)


def test_malformed_yaml_is_a_finding_with_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "deployment.yaml"
    broken.write_text("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: [web\n", encoding="utf-8")
    result = run_cli(str(broken))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(r"deployment\.yaml:5: error PARSE001 invalid YAML", result.stdout), result.stdout


def test_unknown_kind_is_reported_when_named(tmp_path: Path) -> None:
    (tmp_path / "nginx.conf").write_text("server { listen 80; }\n", encoding="utf-8")
    result = run_cli("--strict", str(tmp_path / "nginx.conf"))
    assert re.search(r"nginx\.conf:1: warning KIND001 ", result.stdout)
    assert result.returncode == 1


def test_unknown_kind_in_a_directory_is_skipped_quietly_and_listed_with_verbose(tmp_path: Path) -> None:
    (tmp_path / "nginx.conf").write_text("server { listen 80; }\n", encoding="utf-8")
    quiet, verbose = run_cli("--strict", str(tmp_path)), run_cli("--strict", "--verbose", str(tmp_path))
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    assert (verbose.returncode, verbose.stdout) == (0, "")
    assert "nginx.conf: not checked: no checker knows this kind of file" in verbose.stderr


def test_minified_javascript_is_skipped_and_a_note_when_named(tmp_path: Path) -> None:
    need_tools()
    library = tmp_path / "vendor.min.js"
    library.write_text("/*! lib v1 */\n!function(){var a=1;window.x=a}();\n", encoding="utf-8")
    named, found = run_cli("--strict", str(library)), run_cli("--strict", "--verbose", str(tmp_path))
    assert re.search(r"vendor\.min\.js:1: note KIND002 JavaScript not checked: minified", named.stdout)
    assert named.returncode == 0
    assert found.stdout == "" and "vendor.min.js: not checked: minified" in found.stderr


def test_node_modules_are_skipped(tmp_path: Path) -> None:
    need_tools()
    installed = tmp_path / "node_modules" / "dep"
    installed.mkdir(parents=True)
    (installed / "index.js").write_text("await x(\n", encoding="utf-8")
    (tmp_path / "Procfile").write_text("web: node index.js\n", encoding="utf-8")
    (tmp_path / "index.js").write_text('"use strict";\n\nconsole.log("ok");\n', encoding="utf-8")
    result = run_cli("--strict", str(tmp_path))
    assert (result.returncode, result.stdout) == (0, "")


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli(str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "no such file or directory" in result.stderr


def test_help_lists_every_kind_and_code() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for code in all_codes():
        assert re.search(rf"^\s+{code} (error|warning|note): ", result.stdout, re.MULTILINE), code
    for kind in ("ECS task definition", "Dockerfile", "Procfile", "Kubernetes manifest", "JavaScript", "Markdown"):
        assert kind in result.stdout


def test_a_missing_tool_is_reported_not_passed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text('FROM node:24.21.0-alpine3.24\nUSER 1000\nCMD ["node", "-v"]\n', encoding="utf-8")

    def missing(name: str) -> str:
        raise tools.ToolMissing(f"`{name}` is not installed: test")

    monkeypatch.setattr(tools, "find", missing)
    findings = runner.run([str(dockerfile)]).findings
    assert [(f.code, f.severity) for f in findings] == [("TOOL001", "error")]
    assert "hadolint" in findings[0].message


def test_a_crashing_rule_is_reported_and_the_run_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule bug must never read as a pass: it becomes INTERNAL for that file, and every other rule
    and file is still checked."""
    need_tools()
    from checks.kinds import ecs_task

    def _broken_rule(task: object) -> None:
        raise AttributeError("'list' object has no attribute 'get'")

    monkeypatch.setattr(ecs_task, "TASK_RULES", (_broken_rule, *ecs_task.TASK_RULES))
    findings = runner.run([str(FIXTURES / "ECS002" / "bad"), str(FIXTURES / "DOCK001" / "bad")]).findings
    internal = [f for f in findings if f.code == "INTERNAL"]
    assert len(internal) == 1 and internal[0].severity == "error"
    assert "task-definition.json" in internal[0].path
    assert "_broken_rule crashed: AttributeError" in internal[0].message
    assert {"ECS002", "DOCK001"} <= {f.code for f in findings}


def test_a_crashing_kind_is_reported_for_each_of_its_files(monkeypatch: pytest.MonkeyPatch) -> None:
    need_tools()
    from checks.kinds import procfile

    def _explode(*args: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(procfile, "apply_rules", _explode)  # fails outside any single rule
    findings = runner.run([str(FIXTURES / "PROC004" / "bad"), str(FIXTURES / "DOCK001" / "bad")]).findings
    assert any(f.code == "INTERNAL" and f.path.endswith("Procfile") and "boom" in f.message for f in findings)
    assert "DOCK001" in {f.code for f in findings}


def test_every_snippet_passes_strict() -> None:
    """The handbook's promise: `python -m checks --strict --published snippets` (make checks) is clean."""
    need_tools()
    result = run_cli("--strict", "--published", "snippets")
    assert result.returncode == 0, result.stdout + result.stderr


def test_published_refuses_what_the_site_must_not_publish_and_does_not_read_it(tmp_path: Path) -> None:
    """The build's publishing policy (handbook/confine.py), held by the checker too: one PUB001 each."""
    need_tools()
    root = tmp_path / "snippets"
    (root / "cli").mkdir(parents=True)
    (root / "app" / ".ssh").mkdir(parents=True)
    (root / "cli" / "notes.sh").symlink_to("/etc/passwd")
    (root / "app" / ".env").write_text("DATABASE_URL=postgres://app:s3cr3tpass@db.example.com/app\n", encoding="utf-8")
    (root / "app" / ".ssh" / "id_rsa").write_text("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1L\n")
    (root / "app" / ".dockerignore").write_text("node_modules\n", encoding="utf-8")
    (root / "cli" / "deploy.sh").write_text("#!/bin/bash\nAWS_ACCESS_KEY_ID=AKIAZZZZZZZZZZZZZZZZ\necho hi\n")
    result = run_cli("--published", str(root))
    pub = sorted(line.split(":")[0].rsplit("/", 2)[-2:] for line in result.stdout.splitlines() if " PUB001 " in line)
    assert pub == [["app", ".env"], ["app", ".ssh"], ["cli", "deploy.sh"], ["cli", "notes.sh"]], result.stdout
    assert result.returncode == 1
    assert "root:x:0:0" not in result.stdout + result.stderr  # /etc/passwd was never read
    assert "outside snippets/" in result.stdout and "AWS Access Key on line 2" in result.stdout
    assert "PUB001" not in run_cli(str(root)).stdout  # the policy applies only when asked for


def test_odd_input_becomes_findings_not_tracebacks(tmp_path: Path) -> None:
    need_tools()
    (tmp_path / "task.json").write_text(
        '{"family": "x", "requiresCompatibilities": "FARGATE", "volumes": {"a": 1}, "containerDefinitions": '
        '[{"name": "a", "healthCheck": "no", "dependsOn": "b", "linuxParameters": [1]}]}',
        encoding="utf-8",
    )
    (tmp_path / "deployment.yaml").write_text(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  template: [1]\n", encoding="utf-8"
    )
    deep = '{"containerDefinitions": ' + "[" * 5000 + "]" * 5000 + "}"  # a task definition gone wrong
    (tmp_path / "deep.json").write_text(deep, encoding="utf-8")
    (tmp_path / "Dockerfile").write_text('FROM node:24.21.0-alpine3.24\nCOPY ["a", "b"\nUSER 1000\n', encoding="utf-8")
    result = run_cli(str(tmp_path))
    assert result.returncode == 1
    assert result.stderr == ""
    assert all(LINE.match(line) for line in result.stdout.splitlines())
    assert "deep.json:1: error PARSE001 invalid JSON: nested too deeply" in result.stdout
    assert "deployment.yaml:5: error K8S001" in result.stdout


def test_git_ignored_files_are_skipped_inside_a_work_tree(tmp_path: Path) -> None:
    git = need_tool("git")
    subprocess.run([git, "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("dist/\n", encoding="utf-8")
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "task.json").write_text('{"containerDefinitions": [', encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"containerDefinitions": [', encoding="utf-8")
    result = run_cli(str(tmp_path))
    assert "broken.json:1: error PARSE001" in result.stdout
    assert "dist" not in result.stdout


def test_command_lines_on_the_pages_pass() -> None:
    """Commands typed on the pages themselves (heroku/aws lines in shell fences) must exist, flags included."""
    need_tools()
    pages = sorted(str(p.relative_to(REPO)) for p in DOCS.rglob("*.md"))
    result = run_cli("--strict", *pages)
    assert result.returncode == 0, result.stdout + result.stderr


def test_installed_command_and_module_work_from_any_directory(tmp_path: Path) -> None:
    """`make` installs the project editable: no need to stand in the repository."""
    need_tools()
    bad = str(FIXTURES / "ECS004" / "bad")
    command = Path(sys.executable).parent / "handbook-checks"
    assert command.is_file(), "handbook-checks is missing: run make (pip install -e .)"
    for argv in ([str(command), bad], [sys.executable, "-m", "checks", bad]):
        result = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)
        assert result.returncode == 1 and " error ECS004 " in result.stdout, result.stdout + result.stderr
    usage = subprocess.run([str(command), "--help"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert usage.stdout.startswith("usage: handbook-checks")


def test_no_module_edits_sys_path() -> None:
    """The project is installed, so no hook, script or package reaches for sys.path."""
    offenders = [
        str(path.relative_to(REPO))
        for folder in ("handbook", "macros", "checks", "hooks", "scripts")
        for path in (REPO / folder).rglob("*.py")
        if "sys.path" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


# --- Hostile or broken input (reliability review, section C): one finding each, the run goes on -----------------


def test_fifos_sockets_and_link_loops_are_never_opened(tmp_path: Path) -> None:
    """A FIFO in a checked folder used to block the run forever; a symlink loop raised a traceback."""
    need_tools()
    os.mkfifo(tmp_path / "task.json")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "app.sock"))
    (tmp_path / "l1").symlink_to(tmp_path / "l2")
    (tmp_path / "l2").symlink_to(tmp_path / "l1")
    (tmp_path / "Procfile").write_text("web node server.js\n", encoding="utf-8")
    try:
        result = run_cli(str(tmp_path))
    finally:
        listener.close()
    assert result.returncode == 1, result.stderr
    assert "Procfile:1: error PROC001" in result.stdout
    assert "task.json: skipped, a FIFO (named pipe)" in result.stderr
    assert "app.sock: skipped, a socket" in result.stderr
    assert "l1: skipped, a symbolic-link loop" in result.stderr
    assert "Traceback" not in result.stderr


def test_special_files_named_on_the_command_line_are_a_usage_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "Dockerfile")
    result = run_cli(str(tmp_path / "Dockerfile"), "/dev/null")
    assert result.returncode == 2
    assert "Dockerfile: skipped, a FIFO (named pipe)" in result.stderr
    assert "/dev/null: skipped, a character device" in result.stderr


def test_a_script_that_is_not_utf8_does_not_hide_the_other_files(tmp_path: Path) -> None:
    """A byte that is not UTF-8 used to end the run in a traceback and lose the other files' findings."""
    need_tools()
    (tmp_path / "x.sh").write_bytes(b"echo hi )\xff\n")
    (tmp_path / "Dockerfile").write_text("FROM node:latest\n", encoding="utf-8")
    result = run_cli(str(tmp_path))
    assert "Traceback" not in result.stderr
    assert re.search(r"x\.sh:1: warning FILE002 not UTF-8 text: byte 0xff on line 1", result.stdout)
    assert re.search(r"x\.sh:1: error SH001", result.stdout)
    assert re.search(r"Dockerfile:1: warning DL3007", result.stdout)


def test_a_huge_file_is_one_finding_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "task-definition.json").write_text('{"family": "' + "x" * (20 * 2**20) + '"}', encoding="utf-8")
    (tmp_path / "Procfile").write_text("web node server.js\n", encoding="utf-8")
    result = run_cli(str(tmp_path))
    assert re.search(r"task-definition\.json:1: warning FILE001 20\.0 MB is over the 10 MB limit", result.stdout)
    assert "Procfile:1: error PROC001" in result.stdout


def test_deep_yaml_and_alias_bombs_are_refused_without_parsing(tmp_path: Path) -> None:
    """libyaml used to segfault (exit 139) at 10^5 levels during kind detection, and an alias bomb
    ran for 40 s into MemoryError. Both must be one PARSE001 line."""
    deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: " + "[" * 100_000 + "]" * 100_000
    (tmp_path / "deep.yaml").write_text(deep, encoding="utf-8")
    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    bomb = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n" + "".join(f"  {x}\n" for x in levels)
    (tmp_path / "bomb.yaml").write_text(bomb, encoding="utf-8")
    result = run_cli(str(tmp_path / "deep.yaml"), str(tmp_path / "bomb.yaml"))
    assert result.returncode == 1, result.stderr
    assert re.search(r"deep\.yaml:4: error PARSE001 invalid YAML: nested more than 500 levels", result.stdout)
    assert re.search(
        r"bomb\.yaml:\d+: error PARSE001 invalid YAML: aliases expand to more than [\d,]+ extra nodes", result.stdout
    )


def test_a_template_placeholder_is_a_note_not_a_crash(tmp_path: Path) -> None:
    """The issue's crash: `{{value}}` in a YAML file aborted the whole run, printing nothing."""
    need_tools()
    (tmp_path / "deployment.yaml").write_text(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{value}}\ndata: {}\n", encoding="utf-8"
    )
    (tmp_path / "Procfile").write_text("web node server.js\n", encoding="utf-8")
    result = run_cli(str(tmp_path))
    assert "deployment.yaml:1: note TPL001 templated ('{{value}}')" in result.stdout
    assert "Procfile:1: error PROC001" in result.stdout


def test_empty_files_are_one_finding_where_empty_is_wrong(tmp_path: Path) -> None:
    need_tools()
    for name in ("Dockerfile", "Procfile", "package.json", "task-definition.json", "empty.sh", "empty.js"):
        (tmp_path / name).write_text("", encoding="utf-8")
    result = run_cli(*(str(tmp_path / name) for name in sorted(os.listdir(tmp_path))))
    codes = {line.split(" ")[0].rsplit("/", 1)[-1]: line.split(" ")[2] for line in result.stdout.splitlines()}
    assert codes == {
        "Dockerfile:1:": "DOCK007",
        "Procfile:1:": "PROC006",
        "package.json:1:": "PARSE001",
        "task-definition.json:1:": "PARSE001",
    }, result.stdout
