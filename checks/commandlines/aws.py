"""`aws` command lines against the AWS CLI's own command table (awscli.clidriver), which has the
CLI-only commands (`ecs wait`, `ecr get-login-password`, `s3 cp`, `deploy` ...) next to every API operation."""

from __future__ import annotations

import difflib
from typing import Any

from .. import awsmodel
from ..model import CodeTable, Finding, Source
from .extract import CommandLine

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


def check(src: Source, codes: CodeTable, cmd: CommandLine) -> list[Finding]:
    globals_ = awsmodel.global_options() | AWS_V2_GLOBALS
    globals_["version"] = False
    words = cmd.words[1:]
    path: list[str] = []
    options: list[str] = []
    current: Any = None
    table: dict[str, Any] | None = awsmodel.services()
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
        table = awsmodel.subcommands(current)
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
