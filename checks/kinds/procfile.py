"""Heroku Procfiles, read strictly: Heroku silently ignores lines it cannot parse, so we do not.

The grammar is honcho's (`heroku local` runs honcho's rules, the same regular expression as Heroku's
own parser); a line it would drop gets PROC001/PROC002 here instead of vanishing.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from honcho.environ import PROCFILE_LINE

from .. import templates
from ..model import CODES as MODEL_CODES
from ..model import CodeTable, Finding, Kind, Source, apply_rules

CODES = CodeTable(
    ("PROC001", "error", "a line that is not `name: command` (Heroku would silently ignore it)"),
    ("PROC002", "error", "a process type name other than letters, digits, '_' and '-'"),
    ("PROC003", "error", "the same process type twice"),
    ("PROC004", "warning", "the app serves HTTP but the Procfile has no web process"),
    ("PROC005", "error", "a command refers to a file or npm script that does not exist"),
    ("PROC006", "error", "the Procfile defines no process type at all (empty): Heroku runs nothing"),
)
# A line shaped like `name: command` whose name honcho's grammar may still refuse (PROC002).
LOOKS_LIKE_ENTRY = re.compile(r"^\s*([^:\s]+):\s*(\S.*)$")
SCRIPT = re.compile(r"\.(?:js|mjs|cjs|ts|py|rb|sh|php)$")
# Paths that exist only on the dyno: installed by a buildpack (bin/start-nginx, vendor/bin/heroku-php-apache2,
# .heroku/...) or built during the slug compile (target/, build/, dist/).
ON_THE_DYNO = re.compile(r"^(?:\./)?(?:bin/start-|vendor/|\.heroku/|\.apt/|target/|build/|dist/)")
CHAIN = {"&&", "||", ";", "|"}
HTTP_PACKAGES = {"express", "fastify", "koa", "@hapi/hapi", "hapi", "next", "nestjs", "@nestjs/core", "restify"}
HTTP_CODE = re.compile(r"\.listen\(|createServer\(")


@dataclass(frozen=True)
class Entry:
    line: int
    name: str
    command: str


def entries(text: str) -> list[Entry]:
    """The process types the platform runs, with their lines: honcho's grammar, first definition wins."""
    found: dict[str, Entry] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        match = PROCFILE_LINE.match(raw)
        if match and match.group(1) not in found:
            found[match.group(1)] = Entry(number, match.group(1), match.group(2))
    return list(found.values())


def _package(root: Path) -> dict | None:
    try:
        data = json.loads((root / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def serves_http(root: Path) -> bool:
    """The app listens for HTTP: an HTTP framework dependency or a .listen()/createServer() call."""
    package = _package(root) or {}
    if HTTP_PACKAGES & set(package.get("dependencies") or {}):
        return True
    return any(
        HTTP_CODE.search(p.read_text(encoding="utf-8", errors="replace"))
        for p in sorted(root.glob("*.[cm]js")) + sorted(root.glob("*.js"))
    )


def _references(src: Source, number: int, command: str) -> list[Finding]:
    """Files and npm scripts the command names, resolved where it runs: `cd api && node server.js`
    looks for api/server.js."""
    root = src.path.parent
    try:
        words = shlex.split(command)
    except ValueError as exc:
        return [CODES.finding(src, number, "PROC001", f"command cannot be parsed: {exc}")]
    findings = []
    cwd = root
    for index, word in enumerate(words):
        if word in CHAIN or word.startswith(("-", "$")) or "=" in word or "://" in word:
            continue
        if word == "cd" and index + 1 < len(words):
            target = words[index + 1]
            cwd = root if target.startswith(("$", "~", "/")) else (cwd / target)
            continue
        if ON_THE_DYNO.match(word):
            continue
        if (SCRIPT.search(word) or word.startswith(("./", "bin/"))) and not (cwd / word).exists():
            where = "next to the Procfile" if cwd == root else f"in {cwd.relative_to(root).as_posix()}/"
            findings.append(CODES.finding(src, number, "PROC005", f"{word!r} does not exist {where}"))
        if word == "npm" and index + 1 < len(words):
            verb = words[index + 1]
            script = (
                words[index + 2]
                if verb in {"run", "run-script"} and index + 2 < len(words)
                else (verb if verb in {"start", "test"} else None)
            )
            if script and script.startswith("-"):
                continue
            scripts = (_package(cwd) or {}).get("scripts") or {}
            if script and script not in scripts and not (script == "start" and (cwd / "server.js").exists()):
                findings.append(CODES.finding(src, number, "PROC005", f"npm script {script!r} is not in package.json"))
    return findings


def _line_rules(src: Source) -> list[Finding]:
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(src.text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        match = PROCFILE_LINE.match(raw)
        if match is None:
            shaped = LOOKS_LIKE_ENTRY.match(raw)
            if shaped is None:
                findings.append(CODES.finding(src, number, "PROC001", f"{raw.strip()[:60]!r} is not `name: command`"))
            elif raw[:1].isspace():
                findings.append(CODES.finding(src, number, "PROC001", "an indented line is ignored: start at column 1"))
            else:
                findings.append(
                    CODES.finding(
                        src, number, "PROC002", f"process type {shaped.group(1)!r}: use letters, digits, _ and -"
                    )
                )
            continue
        name, command = match.groups()
        if name in seen:
            findings.append(
                CODES.finding(src, number, "PROC003", f"process type {name!r} is already on line {seen[name]}")
            )
            continue
        seen[name] = number
        findings += _references(src, number, command)
    return findings


def _web_rule(src: Source) -> list[Finding]:
    if any(e.name == "web" for e in entries(src.text)) or not serves_http(src.path.parent):
        return []
    return [
        CODES.finding(
            src,
            1,
            "PROC004",
            "the app listens for HTTP but there is no `web:` process; only web dynos receive HTTP traffic",
        )
    ]


def check(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    for src in sources:
        template = templates.template_syntax(src.text)
        if template:
            message = f"templated ({template[:40]!r}): not checked; check the Procfile it renders to"
            findings.append(MODEL_CODES.finding(src, 1, "TPL001", message))
            continue
        if not any(line.strip() and not line.lstrip().startswith("#") for line in src.text.splitlines()):
            findings.append(CODES.finding(src, 1, "PROC006", "the Procfile is empty: Heroku starts no dyno from it"))
            continue
        findings += apply_rules(src, (_line_rules, _web_rule), src)
    return findings


KIND = Kind(
    name="Procfile",
    description="Heroku process types",
    recognised_by="Procfile",
    tools=("Procfile rules",),
    codes=CODES,
    matches=lambda src: src.name == "Procfile",
    check=check,
)
