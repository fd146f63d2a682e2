"""The checker's building blocks: locating lines, reading command lines, module modes, quotes, ignores."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import commands, dockerfile, ecs, javascript
from checks.locate import ParseError, parse_json, parse_yaml_documents
from macros.loader import cached_data
from tests.checks.conftest import need_tools


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
        ("{\n  \"a\": \u2018x\u2019\n}", 2, "typographic quote"),
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
        (2, "  --query Account --output text)\""),
        (3, "aws ecr get-login-password | docker login --password-stdin x && heroku apps:info -a web"),
        (4, "# aws not-a-command here"),
        (5, "sudo AWS_PAGER= aws s3 ls"),
    ]
    found = [(c.line, c.words[:2]) for c in commands.command_lines(script)]
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
    assert commands.markdown_command_lines(text) == [(2, "heroku ps -a web"), (11, "aws ecs list-clusters")]


def test_module_mode_follows_extension_and_package_type(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"type": "module"}', encoding="utf-8")
    (tmp_path / "lib").mkdir()
    assert javascript.module_mode(tmp_path / "lib" / "a.js") == "module"
    assert javascript.module_mode(tmp_path / "a.cjs") == "commonjs"
    assert javascript.module_mode(Path("/nonexistent-root/x.mjs")) == "module"


def test_smart_quotes_in_strings_and_comments_are_fine() -> None:
    code = "// it\u2019s fine\nconst a = \"it\u2019s fine\";\nconst b = require(\u2018x\u2019);\n/* \u201cok\u201d */\n"
    assert javascript.smart_quotes(code) == [3]


@pytest.mark.parametrize(
    ("path", "patterns", "excluded"),
    [
        ("server.js", [(False, "*.js")], True),
        ("server.js", [(False, "*.js"), (True, "server.js")], False),
        ("src/a/b.js", [(False, "src")], True),
        ("src/a/b.js", [(False, "**/*.js")], True),
        ("package.json", [(False, "node_modules")], False),
    ],
)
def test_dockerignore_matching(path: str, patterns: list[tuple[bool, str]], excluded: bool) -> None:
    assert dockerfile.ignored(path, patterns) is excluded


def test_fargate_sizes_come_from_the_data_table() -> None:
    sizes = ecs.fargate_sizes()
    rows = cached_data().table("fargate-task-sizes").rows
    assert sorted(sizes) == sorted(int(r.values["cpu"]) for r in rows)
    assert sizes[256] == [512, 1024, 2048]
    assert 122880 in sizes[16384]


def _check(kind_check, files: dict[str, str], root: Path) -> list[str]:
    from checks.model import Source

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
    assert _check(commands.check_markdown, {"README.md": f"```bash\n{line}\n```\n"}, tmp_path) == []


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("FROM node:24.21.0-alpine3.24\nCMD [\"node\"]\n", True),
        ("FROM node:24.21.0-alpine3.24 AS base\nUSER node\nFROM base\nCMD [\"node\"]\n", False),
        ("FROM node:24.21.0-alpine3.24 AS base\nUSER node\nFROM base\nUSER root\n", True),
        ("FROM gcr.io/distroless/nodejs24-debian12:nonroot\nCMD [\"server.js\"]\n", False),
    ],
)
def test_final_stage_user_follows_stages(text: str, root: bool, tmp_path: Path) -> None:
    from checks.model import Source

    path = tmp_path / "Dockerfile"
    path.write_text(text, encoding="utf-8")
    _, stages = dockerfile.parse(text)
    codes = [f.code for f in dockerfile._stage_rules(Source(path, "Dockerfile"), stages)]
    assert ("DOCK001" in codes) is root


def test_a_wildcard_copy_may_leave_ignored_files_out(tmp_path: Path) -> None:
    from checks.model import Source

    (tmp_path / "a.js").write_text("", encoding="utf-8")
    (tmp_path / "a.test.js").write_text("", encoding="utf-8")
    (tmp_path / ".dockerignore").write_text("*.test.js\n", encoding="utf-8")
    src = Source(tmp_path / "Dockerfile", "Dockerfile")
    cases = (("COPY *.js ./", []), ("COPY a.test.js ./", ["DOCK005"]), ("COPY *.test.js ./", ["DOCK005"]))
    for copy, expected in cases:
        args, stages = dockerfile.parse(f"FROM node:24.21.0-alpine3.24\n{copy}\n")
        assert [f.code for f in dockerfile._copy_rules(src, stages, args)] == expected, copy


def test_node_version_follows_args_and_stages(tmp_path: Path) -> None:
    from checks import manifests

    (tmp_path / "Dockerfile").write_text(
        "ARG NODE=22.22.0\nFROM node:${NODE}-alpine3.24 AS base\nFROM base AS runtime\nUSER 1000\n", encoding="utf-8"
    )
    assert manifests.dockerfile_node_version(tmp_path) == ("Dockerfile", "22.22.0")
