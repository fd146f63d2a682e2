"""`heroku` command lines against the oclif manifests shipped in the npm `heroku` package and its
core plugins (commands, aliases and hidden aliases, flags)."""

from __future__ import annotations

import difflib
import functools
import json
from typing import Any

from handbook.paths import NODE_MODULES

from .. import tools
from ..model import CodeTable, Finding, Source
from .extract import CommandLine

# Commands whose words after the first argument belong to the program they run (`heroku run node -v`).
HEROKU_PASSTHROUGH = {"run", "run:detached", "run:inside", "rake", "local:run", "container:run", "ps:exec"}


@functools.cache
def heroku_commands() -> dict[str, dict[str, Any]]:
    """Command id, alias or hidden alias -> manifest entry, from heroku and its bundled oclif plugins."""
    manifests = [NODE_MODULES / "heroku" / "oclif.manifest.json"]
    manifests += sorted((NODE_MODULES / "@oclif").glob("plugin-*/oclif.manifest.json"))
    if not manifests[0].is_file():
        raise tools.ToolMissing("node_modules/heroku/oclif.manifest.json is missing: npm ci (heroku CLI package)")
    table: dict[str, dict[str, Any]] = {}
    for manifest in manifests:
        for cid, command in json.loads(manifest.read_text(encoding="utf-8"))["commands"].items():
            for name in [cid, *command.get("aliases", []), *command.get("hiddenAliases", [])]:
                table.setdefault(name, command)
    return table


def check(src: Source, codes: CodeTable, cmd: CommandLine) -> list[Finding]:
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
