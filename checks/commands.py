"""`heroku` and `aws` command lines in shell scripts and Markdown code fences, checked against the CLIs' own tables.

heroku: the oclif manifests shipped in the npm `heroku` package and its core plugins (commands,
aliases and hidden aliases, flags). aws: the AWS CLI's command table (awscli.clidriver), which has
the CLI-only commands (`ecs wait`, `ecr get-login-password`, `s3 cp`, `deploy` ...) next to every
API operation. Shell scripts also go through `bash -n` and ShellCheck.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import shlex
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from . import awsmodel, tools
from .model import CodeTable, Finding, Kind, Source, tool_severity

CODES = CodeTable(
    ("CMD001", "error", "`heroku` command unknown to the heroku CLI's command manifest"),
    ("CMD002", "error", "a flag that this heroku command does not have"),
    ("CMD003", "error", "`aws` service (command group) unknown to the AWS CLI"),
    ("CMD004", "error", "`aws` operation or subcommand unknown for that service"),
    ("CMD005", "error", "an option that this aws command does not have"),
)
SHELL_CODES = CodeTable(
    *((c.code, c.severity, c.summary) for c in CODES),
    ("SH001", "error", "the script does not parse (bash -n)"),
)
MD_CODES = CodeTable(*((c.code, c.severity, c.summary) for c in CODES))
# Commands whose words after the first argument belong to the program they run (`heroku run node -v`).
HEROKU_PASSTHROUGH = {"run", "run:detached", "run:inside", "rake", "local:run", "container:run", "ps:exec"}
# AWS CLI v2 global options that the v1 command table (PyPI awscli) lacks; the handbook targets v2.
AWS_V2_GLOBALS = {
    "no-cli-pager": False,
    "cli-binary-format": True,
    "cli-auto-prompt": False,
    "no-cli-auto-prompt": False,
}
# AWS CLI v2 customizations missing from v1's table: command -> its options (value-taking or not is irrelevant).
AWS_V2_COMMANDS: dict[tuple[str, ...], set[str]] = {
    ("logs", "tail"): {
        "since",
        "follow",
        "no-follow",
        "format",
        "filter-pattern",
        "log-stream-names",
        "log-stream-name-prefix",
    },
    ("logs", "start-live-tail"): {
        "log-group-identifiers",
        "log-stream-names",
        "log-stream-name-prefixes",
        "log-event-filter-pattern",
        "mode",
        "color",
        "cli-input-json",
    },
    ("configure", "sso"): {"sso-session", "use-device-code", "no-browser"},
    ("configure", "sso-session"): set(),
    ("configure", "export-credentials"): {"format"},
    ("configure", "list-profiles"): set(),
    ("configure", "import"): {"csv", "skip-invalid", "profile-prefix"},
    ("sso", "login"): {"sso-session", "use-device-code", "no-browser"},
}
SEPARATORS = {"|", "||", "&&", ";", "&", "(", ")", ";;", "|&", "$(", "`"}
PREFIXES = {"sudo", "env", "time", "exec", "command", "nohup", "then", "do", "else", "if", "while", "until", "!"}
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([\w+-]*)")
SHELL_FENCES = {"", "bash", "sh", "shell", "console", "shell-session", "zsh"}


@dataclass(frozen=True)
class CommandLine:
    line: int
    words: list[str]


# ---------------------------------------------------------------- extracting command lines


def _logical_lines(lines: list[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Join backslash continuations; skip comments and heredoc bodies."""
    buffer, start, heredoc = "", 0, None
    for number, raw in lines:
        if heredoc:
            if raw.strip() == heredoc:
                heredoc = None
            continue
        if not buffer:
            start = number
            if raw.lstrip().startswith("#"):
                continue
        if raw.rstrip().endswith("\\"):
            buffer += raw.rstrip()[:-1] + " "
            continue
        buffer += raw
        marker = re.search(r"(?<!<)<<-?(?!<)\s*['\"]?(\w+)", buffer)  # a heredoc, not <<< or $((a << b))
        heredoc = marker.group(1) if marker else None
        yield start, buffer
        buffer = ""
    if buffer:
        yield start, buffer


def _substitutions(text: str) -> tuple[str, list[str]]:
    """Text with each `$( ... )` outside single quotes replaced by a placeholder, and the inner texts.

    Inner commands run too, even inside double quotes (`ARN="$(aws ecs ...)"`), so they are checked.
    """
    outer, inner, i, quote = "", [], 0, ""
    while i < len(text):
        char = text[i]
        if char == "'" and quote != '"':
            quote = "" if quote == "'" else "'"
        elif char == '"' and quote != "'":
            quote = "" if quote == '"' else '"'
        if quote != "'" and text.startswith("$(", i) and not text.startswith("$((", i):
            depth, j = 1, i + 2
            while j < len(text) and depth:
                depth += {"(": 1, ")": -1}.get(text[j], 0)
                j += 1
            inner.append(text[i + 2 : j - 1])
            outer += "SUBSTITUTION"
            i = j
            continue
        outer += char
        i += 1
    return outer, inner


def _simple_commands(text: str) -> list[list[str]]:
    text, inner = _substitutions(text)
    nested = [words for part in inner for words in _simple_commands(part)]
    lexer = shlex.shlex(text.replace("`", " ` "), posix=True, punctuation_chars=";&|()")
    lexer.whitespace_split = True
    lexer.commenters = "#"
    try:
        tokens = list(lexer)
    except ValueError:
        return nested  # unbalanced quotes: bash -n reports it for scripts
    commands, current = [], []
    for token in tokens:
        if token in SEPARATORS or set(token) <= set(";&|()"):
            commands.append(current)
            current = []
        else:
            current.append(token)
    commands.append(current)
    return [c for c in commands if c] + nested


def command_lines(lines: list[tuple[int, str]]) -> list[CommandLine]:
    """Every `heroku ...` / `aws ...` invocation, wherever it stands in a pipeline, list or substitution."""
    found = []
    for start, text in _logical_lines(lines):
        for words in _simple_commands(text):
            while words and (words[0] in PREFIXES or re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0])):
                words = words[1:]
            if words and words[0] in {"heroku", "aws"}:
                found.append(CommandLine(start, words))
    return found


def markdown_command_lines(text: str) -> list[tuple[int, str]]:
    """(line, shell text) of command lines in shell-like fences; in `console` fences only `$ ` lines."""
    out: list[tuple[int, str]] = []
    fence: tuple[str, str] | None = None
    continuing = False
    for number, raw in enumerate(text.splitlines(), start=1):
        match = FENCE.match(raw)
        if fence is None:
            if match:
                fence = (match.group(2), match.group(3).lower())
            continue
        if match and raw.strip().startswith(fence[0][0] * len(fence[0])) and not match.group(3):
            fence, continuing = None, False
            continue
        if fence[1] not in SHELL_FENCES:
            continue
        line = raw.strip()
        if fence[1] in {"console", "shell-session"} and not continuing:
            if not line.startswith("$ "):
                continue
            line = line[2:]
        elif line.startswith("$ "):
            line = line[2:]
        continuing = line.endswith("\\")
        out.append((number, line))
    return out


# ---------------------------------------------------------------- heroku


@functools.cache
def heroku_commands() -> dict[str, dict[str, Any]]:
    """Command id, alias or hidden alias -> manifest entry, from heroku and its bundled oclif plugins."""
    manifests = [tools.NODE_MODULES / "heroku" / "oclif.manifest.json"]
    manifests += sorted((tools.NODE_MODULES / "@oclif").glob("plugin-*/oclif.manifest.json"))
    if not manifests[0].is_file():
        raise tools.ToolMissing("node_modules/heroku/oclif.manifest.json is missing: npm ci (heroku CLI package)")
    table: dict[str, dict[str, Any]] = {}
    for manifest in manifests:
        for cid, command in json.loads(manifest.read_text(encoding="utf-8"))["commands"].items():
            for name in [cid, *command.get("aliases", []), *command.get("hiddenAliases", [])]:
                table.setdefault(name, command)
    return table


def _heroku(src: Source, codes: CodeTable, cmd: CommandLine) -> list[Finding]:
    args = cmd.words[1:]
    if not args or args[0] in {"--version", "-v", "--help", "-h", "help", "version"}:
        return []
    table = heroku_commands()
    name = args[0]
    if name.startswith("-") or "$" in name:
        return []
    command = table.get(name)
    if command is None:
        hint = difflib.get_close_matches(name, table, n=1)
        return [
            codes.finding(
                src,
                cmd.line,
                "CMD001",
                f"heroku {name}: no such command{f' (did you mean {hint[0]}?)' if hint else ''}",
            )
        ]
    flags = command.get("flags") or {}
    long = {n: f for n, f in flags.items()}
    long |= {f"no-{n}": f for n, f in flags.items() if f.get("allowNo")}
    short = {f["char"]: f for f in flags.values() if f.get("char")}
    findings = []
    words = iter(args[1:])
    for word in words:
        if word == "--":
            break
        if not word.startswith("-") or word == "-":
            if command.get("id") in HEROKU_PASSTHROUGH:
                break  # the rest is argv for the command being run on the dyno
            continue
        key = word[2:].split("=", 1)[0] if word.startswith("--") else word[1:2]
        flag = long.get(key) if word.startswith("--") else short.get(key)
        if key in {"help", "h"} and flag is None:
            continue
        if flag is None:
            known = ", ".join(f"--{n}" for n in sorted(flags) if not flags[n].get("hidden"))
            findings.append(
                codes.finding(
                    src,
                    cmd.line,
                    "CMD002",
                    f"heroku {name} has no flag {word.split('=')[0]} (flags: {known or 'none'})",
                )
            )
            continue
        attached = "=" in word or (not word.startswith("--") and len(word) > 2)
        if flag.get("type") == "option" and not attached:
            next(words, None)
    return findings


# ---------------------------------------------------------------- aws


def _subcommands(command: Any) -> dict[str, Any] | None:
    if hasattr(command, "_get_command_table"):
        return command._get_command_table()
    table = getattr(command, "subcommand_table", None)
    return table or None


def _takes_value(argument: Any) -> bool:
    return getattr(argument, "cli_type_name", "string") != "boolean" and getattr(argument, "nargs", None) != 0


def _aws(src: Source, codes: CodeTable, cmd: CommandLine) -> list[Finding]:
    driver = awsmodel.cli_driver()
    globals_ = {n: _takes_value(a) for n, a in driver._get_argument_table().items()} | AWS_V2_GLOBALS
    globals_["version"] = False
    words = cmd.words[1:]
    path: list[str] = []
    options: list[str] = []
    current: Any = None
    table: dict[str, Any] | None = driver._get_command_table()
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if word.startswith("--"):
            key = word[2:].split("=", 1)[0]
            if key in globals_:
                if globals_[key] and "=" not in word:
                    index += 1
                continue
            options.append(word)
            break
        if table is None:
            continue  # a positional argument of the command (s3 cp SRC DST)
        if "$" in word or word == "help":
            return []  # a variable or a help page: nothing more to say
        if word not in table and (*path, word) in AWS_V2_COMMANDS:
            return _v2_options(src, codes, cmd, (*path, word), words[index:], globals_)
        if word not in table:
            code, what = ("CMD003", "service") if not path else ("CMD004", "command")
            hint = difflib.get_close_matches(word, table, n=1)
            return [
                codes.finding(
                    src,
                    cmd.line,
                    code,
                    f"aws {' '.join([*path, word])}: no such {what}{f' (did you mean {hint[0]}?)' if hint else ''}",
                )
            ]
        path.append(word)
        current = table[word]
        table = _subcommands(current)
    if current is None or (table is not None and not options):
        return []  # `aws`, `aws ecs` alone: a help request
    arguments = getattr(current, "arg_table", {}) or {}
    findings = []
    for word in [*options, *words[index:]]:
        if not word.startswith("--") or word == "--":
            continue
        key = word[2:].split("=", 1)[0]
        if key not in arguments and key not in globals_:
            hint = difflib.get_close_matches(key, list(arguments), n=1)
            findings.append(
                codes.finding(
                    src,
                    cmd.line,
                    "CMD005",
                    f"aws {' '.join(path)} has no option --{key}{f' (did you mean --{hint[0]}?)' if hint else ''}",
                )
            )
    return findings


def _v2_options(
    src: Source, codes: CodeTable, cmd: CommandLine, path: tuple[str, ...], rest: list[str], globals_: dict[str, bool]
) -> list[Finding]:
    allowed = AWS_V2_COMMANDS[path]
    return [
        codes.finding(src, cmd.line, "CMD005", f"aws {' '.join(path)} has no option {word.split('=')[0]}")
        for word in rest
        if word.startswith("--") and word[2:].split("=")[0] not in allowed | set(globals_)
    ]


def check_command_lines(src: Source, codes: CodeTable, lines: list[tuple[int, str]]) -> list[Finding]:
    findings = []
    for cmd in command_lines(lines):
        findings += _heroku(src, codes, cmd) if cmd.words[0] == "heroku" else _aws(src, codes, cmd)
    return findings


# ---------------------------------------------------------------- kinds


def _is_shell(src: Source) -> bool:
    if src.path.suffix in {".sh", ".bash"}:
        return True
    if src.path.suffix:
        return False
    try:
        with src.path.open("rb") as handle:
            first = handle.readline(200)
    except OSError:
        return False
    return bool(re.match(rb"#!\s*(/usr)?/bin/(env\s+)?(ba)?sh\b", first))


def _shellcheck(sources: Sequence[Source]) -> list[Finding]:
    by_path = {str(s.path): s for s in sources}
    out = tools.run([tools.find("shellcheck"), "--format=json1", "--shell=bash", *by_path])
    try:
        comments = json.loads(out.stdout or "{}").get("comments", [])
    except ValueError:
        raise tools.ToolMissing(f"shellcheck failed: {out.stderr.strip()[:200]}") from None
    return [
        Finding(
            by_path[c["file"]].display,
            int(c["line"]),
            tool_severity(c["level"]),
            f"SC{c['code']}",
            f"{c['message']} (shellcheck)",
        )
        for c in comments
        if c["file"] in by_path
    ]


def check_shell(sources: Sequence[Source]) -> list[Finding]:
    if not sources:
        return []
    findings = _shellcheck(sources)
    bash = tools.find("bash")
    for src in sources:
        out = tools.run([bash, "-n", str(src.path)])
        for match in re.finditer(r"line (\d+): (.*)", out.stderr):
            findings.append(SHELL_CODES.finding(src, int(match.group(1)), "SH001", match.group(2)))
        findings += check_command_lines(src, SHELL_CODES, list(enumerate(src.text.splitlines(), start=1)))
    return findings


def check_markdown(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    for src in sources:
        findings += check_command_lines(src, MD_CODES, markdown_command_lines(src.text))
    return findings


SHELL_KIND = Kind(
    name="shell script",
    description="bash/sh scripts",
    recognised_by="*.sh, *.bash, or a #!/bin/sh / bash shebang",
    tools=("bash -n", "ShellCheck", "heroku/aws command tables"),
    codes=SHELL_CODES,
    matches=_is_shell,
    check=check_shell,
    tool_codes="ShellCheck's SC####",
)

MARKDOWN_KIND = Kind(
    name="Markdown",
    description="command lines in code fences",
    recognised_by="*.md: heroku/aws lines in bash, sh, shell, console or unlabeled fences ($ prompts stripped)",
    tools=("heroku/aws command tables",),
    codes=MD_CODES,
    matches=lambda src: src.path.suffix in {".md", ".markdown"},
    check=check_markdown,
)
