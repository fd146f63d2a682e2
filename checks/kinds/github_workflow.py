"""GitHub Actions workflows: actionlint, then each step's `uses:` and `with:` against that action's own action.yml.

actionlint checks the workflow language, expressions and the shell of `run:` steps, but it does not
know most actions' inputs, nor whether an action is pinned to a commit; the rules below read the
action's real metadata, vendored with its commit under checks/vendor/github-actions/OWNER/REPO/.
The `aws`/`heroku` lines of `run:` steps are checked like those of any shell script.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from handbook.located import Located

from .. import tools
from ..commandlines import CODES as COMMAND_CODES
from ..commandlines import check_command_lines
from ..model import Finding, Kind, Source, apply_rules, tool_severity
from ..parsed import load_yaml

VENDORED = Path(__file__).resolve().parent.parent / "vendor" / "github-actions"

CODES = COMMAND_CODES.extend(
    ("GHA001", "error", "an action is not pinned to a full commit SHA (a tag or branch can be moved)"),
    ("GHA002", "error", "no vendored action.yml for this action at the pinned commit, so its inputs are unchecked"),
    ("GHA003", "error", "a `with:` input that the action's action.yml does not declare"),
    ("GHA004", "error", "an input the action's action.yml marks required (with no default) is missing"),
    ("GHA005", "warning", "the version comment after the SHA is not the tag the vendored commit belongs to"),
)
USES = re.compile(r"^(?P<action>[^@\s]+)@(?P<ref>\S+)$")
FULL_SHA = re.compile(r"^[0-9a-f]{40}$")


@functools.cache
def vendored(action: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(SOURCE.yml, action.yml) of a vendored action `owner/repo`, or None."""
    folder = VENDORED / action
    if not (folder / "action.yml").is_file():
        return None
    source = yaml.safe_load((folder / "SOURCE.yml").read_text(encoding="utf-8"))
    return source, yaml.safe_load((folder / "action.yml").read_text(encoding="utf-8"))


def _is_workflow(src: Source) -> bool:
    if src.path.suffix not in {".yml", ".yaml"}:
        return False
    docs = load_yaml(src)
    if not isinstance(docs, list) or len(docs) != 1 or not isinstance(docs[0].data, dict):
        return False
    data = docs[0].data
    return "jobs" in data and ("on" in data or True in data)  # YAML 1.1 reads the key `on` as true


def _steps(doc: Located) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    """(key path, step) for every step of every job."""
    out = []
    for job, body in (doc.data.get("jobs") or {}).items():
        for index, step in enumerate((body or {}).get("steps") or []):
            if isinstance(step, dict):
                out.append((("jobs", job, "steps", index), step))
    return out


def _version_comment(src: Source, line: int) -> str | None:
    match = re.search(r"#\s*(\S+)", src.text.splitlines()[line - 1].split("@", 1)[-1])
    return match.group(1) if match else None


def check_uses(src: Source, doc: Located) -> list[Finding]:
    findings: list[Finding] = []
    for path, step in _steps(doc):
        uses = step.get("uses")
        if not isinstance(uses, str) or uses.startswith(("./", "docker://")):
            continue
        line = doc.line(*path, "uses")
        match = USES.match(uses)
        if not match or not FULL_SHA.match(match["ref"]):
            findings.append(CODES.finding(src, line, "GHA001", f"{uses}: pin it as OWNER/REPO@<40-hex SHA> # vX.Y.Z"))
            continue
        action = "/".join(match["action"].split("/")[:2])
        meta = vendored(action)
        if meta is None or meta[0].get("commit") != match["ref"]:
            have = f" (vendored: {meta[0].get('commit')})" if meta else ""
            findings.append(CODES.finding(src, line, "GHA002", f"{action}@{match['ref']}: vendor its action.yml{have}"))
            continue
        source, metadata = meta
        comment = _version_comment(src, line)
        if comment != source.get("tag"):
            findings.append(
                CODES.finding(src, line, "GHA005", f"{action}: commit is {source.get('tag')}, comment says {comment}")
            )
        # Input names are case-insensitive: the runner passes each one as the variable INPUT_<NAME>.
        declared = {str(k).lower(): v for k, v in (metadata.get("inputs") or {}).items()}
        given = step.get("with") or {}
        for name in given:
            if str(name).lower() not in declared:
                findings.append(
                    CODES.finding(
                        src,
                        doc.line(*path, "with", name),
                        "GHA003",
                        f"{action} has no input {name!r} (inputs: {', '.join(declared)})",
                    )
                )
        for name, spec in declared.items():
            spec = spec or {}
            if spec.get("required") is True and "default" not in spec and name not in {str(g).lower() for g in given}:
                findings.append(CODES.finding(src, line, "GHA004", f"{action} needs input {name!r}"))
    return findings


def check_run_commands(src: Source, doc: Located) -> list[Finding]:
    """The heroku/aws command lines of `run:` steps, at their real lines in the file."""
    findings: list[Finding] = []
    for path, step in _steps(doc):
        script = step.get("run")
        if not isinstance(script, str):
            continue
        key_line = doc.line(*path, "run")
        first = key_line + 1 if "\n" in script.rstrip("\n") or script.endswith("\n") else key_line
        lines = [(first + offset, text) for offset, text in enumerate(script.splitlines())]
        findings += check_command_lines(src, CODES, lines)
    return findings


def _actionlint(sources: Sequence[Source]) -> list[Finding]:
    by_path = {str(s.path.resolve()): s for s in sources}
    report = tools.run_json([tools.find("actionlint"), "-no-color", "-format", "{{json .}}", *by_path])
    for error in report or []:  # actionlint names files relative to the working directory
        error["filepath"] = str((Path.cwd() / error["filepath"]).resolve())
    return [
        Finding(
            by_path[e["filepath"]].display,
            int(e["line"]),
            tool_severity("error"),
            f"ACTIONLINT-{e['kind'].upper()}",
            f"{e['message']} (actionlint)",
        )
        for e in report or []
        if e["filepath"] in by_path
    ]


def check(sources: Sequence[Source]) -> list[Finding]:
    if not sources:
        return []
    findings = _actionlint(sources)
    for src in sources:
        docs = load_yaml(src)
        if isinstance(docs, list) and docs:
            findings += apply_rules(src, (check_uses, check_run_commands), src, docs[0])
    return findings


KIND = Kind(
    name="GitHub Actions workflow",
    description="workflow YAML",
    recognised_by="*.yml/*.yaml with `on:` and `jobs:`",
    tools=("actionlint", "action.yml inputs (vendored)", "heroku/aws command tables"),
    codes=CODES,
    matches=_is_workflow,
    check=check,
    tool_codes="actionlint's kinds as ACTIONLINT-KIND",
)
