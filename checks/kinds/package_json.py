"""package.json: the fields npm itself validates or acts on, then engines.node against the Dockerfile."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jsonschema

from .. import semver
from ..dockerfiles import DockerfileError, is_dockerfile, read, root_image, substitute
from ..model import CodeTable, Finding, Kind, Source
from ..parsed import json_sources
from ..schemas import schema_findings

CODES = CodeTable(
    (
        "PKG003",
        "error",
        "package.json does not match npm's package.json rules (name, version, type, engines, dependency maps)",
    ),
    (
        "PKG004",
        "error",
        "package.json engines.node disagrees with the Dockerfile's Node.js version (a warning when it is missing)",
    ),
)
_STRINGS = {"type": "object", "additionalProperties": {"type": "string"}}
PACKAGE_JSON_SCHEMA: dict[str, Any] = {  # the fields npm itself validates or acts on
    "type": "object",
    "properties": {
        "name": {"type": "string", "pattern": r"^(?:@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$", "maxLength": 214},
        "version": {"type": "string", "pattern": r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$"},
        "type": {"enum": ["commonjs", "module"]},
        # npm only tests private for truthiness: "true" works, while "false" would make the package private.
        "private": {"anyOf": [{"type": "boolean"}, {"const": "true"}]},
        "main": {"type": "string"},
        "scripts": _STRINGS,
        "engines": _STRINGS,
        "dependencies": _STRINGS,
        "devDependencies": _STRINGS,
        "optionalDependencies": _STRINGS,
        "peerDependencies": _STRINGS,
    },
}


VALIDATOR = jsonschema.Draft202012Validator(PACKAGE_JSON_SCHEMA)


def dockerfile_node_version(directory: Path) -> tuple[str, str] | None:
    """(Dockerfile name, Node version in the tag of the node image the final stage is built on), if any."""
    for path in sorted(directory.glob("Dockerfile*")) + sorted(directory.glob("*.Dockerfile")):
        if not is_dockerfile(path.name):
            continue
        try:
            parsed = read(path)
        except DockerfileError:
            continue  # the Dockerfile kind reports it (DOCK007)
        if not parsed.stages:
            continue
        image = substitute(root_image(parsed.stages[-1], parsed.stages), parsed.args)
        name, _, tag = image.split("@")[0].partition(":")
        match = re.match(r"(\d+(?:\.\d+){0,2})", tag) if name.rsplit("/", 1)[-1] == "node" else None
        if match:
            return path.name, match.group(1)
    return None


def satisfies(node_range: str, version: str) -> bool:
    """Does the Dockerfile's Node (e.g. "24.21.0" or just "24") fall in engines.node? npm's own semver
    decides; a range semver cannot read counts as not satisfied."""
    return semver.satisfies([(node_range, version)])[0] is True


def check_package_json(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    for src, doc in json_sources(sources, findings):
        findings += schema_findings(src, doc, VALIDATOR, CODES, "PKG003", "package.json")
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
                    "warning",  # nothing disagrees yet: Heroku would pick its default line
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


KIND = Kind(
    name="package.json",
    description="npm package manifest",
    recognised_by="package.json",
    tools=("package.json schema", "package.json rules"),
    codes=CODES,
    matches=lambda src: src.name == "package.json",
    check=check_package_json,
)
