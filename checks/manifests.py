"""Heroku app.json, package.json and package-lock.json: schema, then consistency with their neighbours."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jsonschema

from . import common, dockerfile, procfile, tools
from .locate import Located
from .model import CodeTable, Finding, Kind, Source

CODES = CodeTable(
    ("PKG001", "error", "app.json does not match Heroku's app.json schema (unknown key, wrong type)"),
    ("PKG002", "error", "app.json formation names a process type that the Procfile does not define"),
    (
        "PKG003",
        "error",
        "package.json does not match npm's package.json rules (name, version, type, engines, dependency maps)",
    ),
    ("PKG004", "error", "package.json engines.node disagrees with the Dockerfile's Node.js version"),
    ("PKG005", "error", "package-lock.json is out of sync with package.json (npm ci would fail)"),
)

_STRINGS = {"type": "object", "additionalProperties": {"type": "string"}}
APP_JSON_SCHEMA: dict[str, Any] = {  # https://devcenter.heroku.com/articles/app-json-schema (research K7)
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "minLength": 3, "maxLength": 30},
        "description": {"type": "string"},
        "keywords": {"type": "array", "items": {"type": "string"}},
        "website": {"type": "string", "format": "uri"},
        "repository": {"type": "string"},
        "logo": {"type": "string"},
        "success_url": {"type": "string"},
        "scripts": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"postdeploy": {"type": "string"}, "pr-predestroy": {"type": "string"}},
        },
        "env": {
            "type": "object",
            "additionalProperties": {
                "oneOf": [
                    {"type": "string"},
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "description": {"type": "string"},
                            "value": {"type": "string"},
                            "required": {"type": "boolean"},
                            "generator": {"enum": ["secret"]},
                        },
                    },
                ]
            },
        },
        "formation": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {"quantity": {"type": "integer", "minimum": 0}, "size": {"type": "string"}},
            },
        },
        "image": {"type": "string"},
        "addons": {
            "type": "array",
            "items": {
                "oneOf": [
                    {"type": "string"},
                    {
                        "type": "object",
                        "required": ["plan"],
                        "additionalProperties": False,
                        "properties": {
                            "plan": {"type": "string"},
                            "as": {"type": "string"},
                            "options": {"type": "object"},
                        },
                    },
                ]
            },
        },
        "buildpacks": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["url"],
                "additionalProperties": False,
                "properties": {"url": {"type": "string"}},
            },
        },
        "environments": {"type": "object"},
        "stack": {"enum": ["heroku-22", "heroku-24", "container"]},
    },
}
PACKAGE_JSON_SCHEMA: dict[str, Any] = {  # the fields npm itself validates or acts on
    "type": "object",
    "properties": {
        "name": {"type": "string", "pattern": r"^(?:@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$", "maxLength": 214},
        "version": {"type": "string", "pattern": r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$"},
        "type": {"enum": ["commonjs", "module"]},
        "private": {"type": "boolean"},
        "main": {"type": "string"},
        "scripts": _STRINGS,
        "engines": _STRINGS,
        "dependencies": _STRINGS,
        "devDependencies": _STRINGS,
        "optionalDependencies": _STRINGS,
        "peerDependencies": _STRINGS,
    },
}


def _schema_findings(src: Source, doc: Located, schema: dict[str, Any], code: str, what: str) -> list[Finding]:
    findings = []
    for error in sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc.data), key=lambda e: list(e.path)):
        path = tuple(error.absolute_path)
        extra = re.findall(r"'([^']+)' was unexpected", error.message)
        if error.validator == "additionalProperties" and len(extra) == 1:
            path = (*path, extra[0])
        where = ".".join(map(str, path)) or "(top level)"
        message = error.message if error.validator != "oneOf" else f"{error.instance!r} is not a valid entry"
        findings.append(CODES.finding(src, doc.line(*path), code, f"{what} {where}: {message}"))
    return findings


def check_app_json(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    for src, doc in common.json_sources(sources, findings):
        findings += _schema_findings(src, doc, APP_JSON_SCHEMA, "PKG001", "app.json")
        procfile_path = src.path.parent / "Procfile"
        formation = doc.data.get("formation") if isinstance(doc.data, dict) else None
        if isinstance(formation, dict) and procfile_path.is_file():
            defined = {name for _, name, _ in procfile.entries(procfile_path.read_text(encoding="utf-8"))}
            for name in formation:
                if name not in defined:
                    findings.append(
                        CODES.finding(
                            src,
                            doc.line("formation", name),
                            "PKG002",
                            f"formation.{name}: the Procfile defines {', '.join(sorted(defined))}",
                        )
                    )
    return findings


def dockerfile_node_version(directory: Path) -> tuple[str, str] | None:
    """(Dockerfile name, Node version in the tag of the node image the final stage is built on), if any."""
    for path in sorted(directory.glob("Dockerfile*")) + sorted(directory.glob("*.Dockerfile")):
        if not dockerfile.is_dockerfile(path.name):
            continue
        args, stages = dockerfile.parse(path.read_text(encoding="utf-8"))
        if not stages:
            continue
        image = dockerfile.substitute(dockerfile.root_image(stages[-1], stages), args)
        name, _, tag = image.split("@")[0].partition(":")
        match = re.match(r"(\d+(?:\.\d+){0,2})", tag) if name.rsplit("/", 1)[-1] == "node" else None
        if match:
            return path.name, match.group(1)
    return None


def satisfies(node_range: str, version: str) -> bool:
    """Does the Dockerfile's Node (e.g. "24.21.0" or just "24") fall in engines.node? npm's own semver decides."""
    script = (
        "const s=require(process.argv[1]);const v=process.argv[3];"
        "const ok=/^\\d+$/.test(v)?s.intersects(process.argv[2],`${v}.x`):s.satisfies(v,process.argv[2]);"
        "process.exit(ok?0:1)"
    )
    out = tools.run(
        [
            tools.find("node"),
            "-e",
            script,
            str(tools.NODE_MODULES / "semver"),
            node_range,
            version if version.count(".") in (0, 2) else version + ".0",
        ]
    )
    if out.returncode not in (0, 1):
        raise tools.ToolMissing(f"semver check failed: {out.stderr.strip()[:200]}")
    return out.returncode == 0


def check_package_json(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    for src, doc in common.json_sources(sources, findings):
        findings += _schema_findings(src, doc, PACKAGE_JSON_SCHEMA, "PKG003", "package.json")
        docker = dockerfile_node_version(src.path.parent)
        if docker is None or not isinstance(doc.data, dict):
            continue
        engines = doc.data.get("engines") if isinstance(doc.data.get("engines"), dict) else {}
        wanted = engines.get("node")
        if not isinstance(wanted, str):
            findings.append(
                CODES.finding(
                    src,
                    doc.line("engines"),
                    "PKG004",
                    f"no engines.node, but {docker[0]} "
                    f"builds on Node.js {docker[1]}; say so, so Heroku and tools agree",
                )
            )
        elif not satisfies(wanted, docker[1]):
            findings.append(
                CODES.finding(
                    src,
                    doc.line("engines", "node"),
                    "PKG004",
                    f"engines.node {wanted!r} does not include Node.js {docker[1]} from {docker[0]}",
                )
            )
    return findings


def check_lockfiles(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    for src, doc in common.json_sources(sources, findings):
        package_path = src.path.parent / "package.json"
        try:
            package = json.loads(package_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            findings.append(CODES.finding(src, 1, "PKG005", "no readable package.json next to the lockfile"))
            continue
        root = ((doc.data.get("packages") or {}).get("") or {}) if isinstance(doc.data, dict) else {}
        for field in ("dependencies", "devDependencies", "optionalDependencies"):
            wanted, locked = package.get(field) or {}, root.get(field) or {}
            for name in sorted(set(wanted) | set(locked)):
                if wanted.get(name) != locked.get(name):
                    findings.append(
                        CODES.finding(
                            src,
                            doc.line("packages", "", field, name) if name in locked else doc.line("packages", ""),
                            "PKG005",
                            f"{field}.{name}: package.json has {wanted.get(name)!r}, the lockfile "
                            f"{locked.get(name)!r}; run npm install",
                        )
                    )
        if doc.data.get("name") != package.get("name"):
            findings.append(
                CODES.finding(
                    src,
                    doc.line("name"),
                    "PKG005",
                    f"lockfile name {doc.data.get('name')!r} is not package.json's {package.get('name')!r}",
                )
            )
    return findings


APP_JSON_KIND = Kind(
    name="Heroku app.json",
    description="Heroku app manifest",
    recognised_by="app.json",
    tools=("app.json schema", "app.json rules"),
    codes=CodeTable(*((c.code, c.severity, c.summary) for c in CODES if c.code in {"PKG001", "PKG002"})),
    matches=lambda src: src.name == "app.json",
    check=check_app_json,
)
PACKAGE_JSON_KIND = Kind(
    name="package.json",
    description="npm package manifest",
    recognised_by="package.json",
    tools=("package.json schema", "package.json rules"),
    codes=CodeTable(*((c.code, c.severity, c.summary) for c in CODES if c.code in {"PKG003", "PKG004"})),
    matches=lambda src: src.name == "package.json",
    check=check_package_json,
)
LOCKFILE_KIND = Kind(
    name="package-lock.json",
    description="npm lockfile",
    recognised_by="package-lock.json",
    tools=("lockfile rules",),
    codes=CodeTable(*((c.code, c.severity, c.summary) for c in CODES if c.code == "PKG005")),
    matches=lambda src: src.name == "package-lock.json",
    check=check_lockfiles,
)
