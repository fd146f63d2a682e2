"""The checker's building blocks: locating lines, reading command lines, module modes, quotes, ignores."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from checks import commandlines, dockerfiles
from checks.kinds import dockerfile, javascript, markdown, package_json
from checks.model import Finding, Source, apply_rules
from handbook.located import ParseError, parse_json, parse_yaml_documents
from tests.checks.conftest import need_tools

UPSTREAM = Path(__file__).parent / "upstream"


def test_json_lines_point_at_keys_and_items() -> None:
    doc = parse_json('{\n  "a": [\n    {"b": 1},\n    {\n      "c": 2\n    }\n  ]\n}\n')
    assert doc.data == {"a": [{"b": 1}, {"c": 2}]}
    assert (doc.line("a"), doc.line("a", 0, "b"), doc.line("a", 1, "c")) == (2, 3, 5)
    assert doc.line("a", 1, "missing") == 4  # a missing key points at its parent


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ('{"a": 1,\n}', 2, "trailing comma"),
        ('{\n  // note\n  "a": 1\n}', 2, "JSON has no comments"),
        ('{"a": 1,\n "a": 2}', 2, "duplicate key"),
        ('{\n  "a": \u2018x\u2019\n}', 2, "typographic quote"),
    ],
)
def test_json_errors_name_line_and_reason(text: str, line: int, reason: str) -> None:
    with pytest.raises(ParseError) as error:
        parse_json(text)
    assert error.value.line == line
    assert reason in error.value.reason


def test_yaml_documents_keep_lines_and_tolerate_app_tags() -> None:
    docs = parse_yaml_documents("a: 1\n---\nb:\n  c: !ENV [X, y]\n")
    assert [d.data for d in docs] == [{"a": 1}, {"b": {"c": ["X", "y"]}}]
    assert docs[1].line("b", "c") == 4


def test_command_lines_in_pipes_substitutions_and_continuations() -> None:
    script = [
        (1, 'ACCOUNT="$(aws sts get-caller-identity \\'),
        (2, '  --query Account --output text)"'),
        (3, "aws ecr get-login-password | docker login --password-stdin x && heroku apps:info -a web"),
        (4, "# aws not-a-command here"),
        (5, "sudo AWS_PAGER= aws s3 ls"),
    ]
    found = [(c.line, c.words[:2]) for c in commandlines.command_lines(script)]
    assert found == [
        (1, ["aws", "sts"]),
        (3, ["aws", "ecr"]),
        (3, ["heroku", "apps:info"]),
        (5, ["aws", "s3"]),
    ]


def test_markdown_console_fences_keep_only_prompt_lines() -> None:
    text = (
        "```console\n$ heroku ps -a web\nweb.1: up\n```\n\n"
        "```python\naws = 1\n```\n\n"
        "```bash\naws ecs list-clusters\n```\n"
    )
    assert commandlines.markdown_command_lines(text) == [(2, "heroku ps -a web"), (11, "aws ecs list-clusters")]


def test_module_mode_follows_extension_and_package_type(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"type": "module"}', encoding="utf-8")
    (tmp_path / "lib").mkdir()
    assert javascript.module_mode(tmp_path / "lib" / "a.js") == "module"
    assert javascript.module_mode(tmp_path / "a.cjs") == "commonjs"
    assert javascript.module_mode(Path("/nonexistent-root/x.mjs")) == "module"


def test_smart_quotes_in_strings_and_comments_are_fine() -> None:
    code = '// it\u2019s fine\nconst a = "it\u2019s fine";\nconst b = require(\u2018x\u2019);\n/* \u201cok\u201d */\n'
    assert javascript.smart_quotes(code) == [3]


def _moby_cases() -> list[tuple[list[str], str, bool]]:
    """Docker's own test table for .dockerignore matching (moby/patternmatcher, vendored with its commit)."""
    cases = []
    for line in (UPSTREAM / "moby-patternmatcher-cases.go.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        strings = [json.loads(s) for s in re.findall(r'"(?:[^"\\]|\\.)*"', line)]
        expected = re.search(r",\s*(true|false)\}", line).group(1) == "true"  # type: ignore[union-attr]
        cases.append((strings[:-1], strings[-1], expected))
    return cases


@pytest.mark.parametrize(("patterns", "path", "excluded"), _moby_cases())
def test_dockerignore_matches_as_docker_does(patterns: list[str], path: str, excluded: bool) -> None:
    compiled = [dockerfiles.compile_pattern(p) for p in patterns]
    assert dockerfiles.ignored(path, compiled) is excluded


@pytest.mark.parametrize(
    ("lines", "path", "excluded"),
    [
        ("*.js", "server.js", True),
        ("*.js\n!server.js", "server.js", False),
        ("src", "src/a/b.js", True),
        ("**/*.js", "src/a/b.js", True),
        ("node_modules", "package.json", False),
        ("[a-c].md", "b.md", True),  # used to crash the checker with re.error
        ("[a-c].md", "d.md", False),
        ("[a-z]*.md", "readme.md", True),  # used to be mistranslated: matched z].md, not readme.md
        ("[!x].md", "!.md", True),  # Go's classes negate with ^; '!' is a plain character
        ("[^x].md", "a.md", True),
        ("?.md", "a.md", True),
        ("?.md", "ab.md", False),
        ("docs\n!docs/README.md", "docs/README.md", False),
        ("/build/", "build/out.js", True),
        ("# a comment\n\n  *.log  ", "x.log", True),
    ],
)
def test_dockerignore_cases_that_broke(lines: str, path: str, excluded: bool) -> None:
    patterns, problems = dockerfiles.read_ignore(lines.replace("\\n", "\n"))
    assert problems == []
    assert dockerfiles.ignored(path, patterns) is excluded


@pytest.mark.parametrize(
    ("line", "reason"),
    [("[a-c", "without a closing"), ("foo\\", "lone backslash"), ("!", "not a pattern"), ("[]", "without a closing")],
)
def test_dockerignore_patterns_docker_refuses(line: str, reason: str) -> None:
    patterns, problems = dockerfiles.read_ignore(line)
    assert patterns == [] and len(problems) == 1 and reason in problems[0][2]


def test_a_crashing_rule_is_an_internal_finding_and_the_other_rules_run(tmp_path: Path) -> None:
    src = Source(tmp_path / "x.json", "x.json")

    def broken(_: Source) -> list[Finding]:
        raise KeyError("memory_mib")

    def fine(source: Source) -> list[Finding]:
        return [Finding(source.display, 3, "error", "ECS002", "still reported")]

    findings = apply_rules(src, (broken, fine), src)
    assert [(f.code, f.severity) for f in findings] == [("INTERNAL", "error"), ("ECS002", "error")]
    assert "broken crashed: KeyError" in findings[0].message and findings[0].path == "x.json"


def _check(kind_check, files: dict[str, str], root: Path) -> list[str]:
    sources = []
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        sources.append(Source(path, name))
    return sorted(f"{f.path}:{f.line}:{f.code}" for f in kind_check(sources))


def test_top_level_await_depends_on_module_mode(tmp_path: Path) -> None:
    need_tools()
    tla = 'import { setTimeout } from "node:timers/promises";\n\nawait setTimeout(1);\n'
    cjs = '"use strict";\n\nconst { setTimeout } = require("node:timers/promises");\n\nawait setTimeout(1);\n'
    (tmp_path / "esm").mkdir()
    (tmp_path / "esm" / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    files = {"a.mjs": tla, "esm/b.js": tla, "c.cjs": cjs, "d.js": cjs}
    assert _check(javascript.check, files, tmp_path) == ["c.cjs:5:JS001", "d.js:5:JS001"]


@pytest.mark.parametrize(
    "line",
    [
        "aws ecs wait services-stable --cluster c --services web",
        "aws ecr get-login-password --region us-east-1",
        "aws s3 cp ./site s3://bucket/ --recursive --no-cli-pager",
        "aws logs tail /ecs/web --follow --since 10m",
        "aws --region us-east-1 ecs describe-services --cluster c --services web --query 'services[0]'",
        "heroku create example --stack heroku-24",
        "heroku addons:add heroku-redis:mini -a example",
        "heroku run node -v --app example",
    ],
)
def test_cli_only_commands_aliases_and_hidden_aliases_are_valid(line: str, tmp_path: Path) -> None:
    need_tools()
    assert _check(markdown.check, {"README.md": f"```bash\n{line}\n```\n"}, tmp_path) == []


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ('FROM node:24.21.0-alpine3.24\nCMD ["node"]\n', True),
        ('FROM node:24.21.0-alpine3.24 AS base\nUSER node\nFROM base\nCMD ["node"]\n', False),
        ("FROM node:24.21.0-alpine3.24 AS base\nUSER node\nFROM base\nUSER root\n", True),
        ('FROM gcr.io/distroless/nodejs24-debian12:nonroot\nCMD ["server.js"]\n', False),
    ],
)
def test_final_stage_user_follows_stages(text: str, root: bool, tmp_path: Path) -> None:
    path = tmp_path / "Dockerfile"
    path.write_text(text, encoding="utf-8")
    codes = [f.code for f in dockerfile._stage_rules(Source(path, "Dockerfile"), dockerfiles.parse(text))]
    assert ("DOCK001" in codes) is root


def test_a_wildcard_copy_may_leave_ignored_files_out(tmp_path: Path) -> None:
    (tmp_path / "a.js").write_text("", encoding="utf-8")
    (tmp_path / "a.test.js").write_text("", encoding="utf-8")
    (tmp_path / ".dockerignore").write_text("*.test.js\n", encoding="utf-8")
    src = Source(tmp_path / "Dockerfile", "Dockerfile")
    cases = (("COPY *.js ./", []), ("COPY a.test.js ./", ["DOCK005"]), ("COPY *.test.js ./", ["DOCK005"]))
    for copy, expected in cases:
        parsed = dockerfiles.parse(f"FROM node:24.21.0-alpine3.24\n{copy}\n")
        assert [f.code for f in dockerfile._copy_rules(src, parsed)] == expected, copy


def test_node_version_follows_args_and_stages(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(
        "ARG NODE=22.22.0\nFROM node:${NODE}-alpine3.24 AS base\nFROM base AS runtime\nUSER 1000\n", encoding="utf-8"
    )
    assert package_json.dockerfile_node_version(tmp_path) == ("Dockerfile", "22.22.0")
