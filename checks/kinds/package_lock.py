"""package-lock.json: the lockfile must agree with package.json, or `npm ci` fails.

Every lockfile version npm reads is handled: versions 2 and 3 record package.json's own dependency
ranges under packages[""], compared as they are; version 1 (npm 5 and 6) records only what it
resolved, so each range of package.json must be present and satisfied by the locked version (npm's
semver decides).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from handbook.located import Located

from .. import semver
from ..model import CodeTable, Finding, Kind, Source, apply_rules
from ..parsed import json_sources

CODES = CodeTable(
    ("PKG005", "error", "package-lock.json is out of sync with package.json (npm ci would fail)"),
)
FIELDS = ("dependencies", "devDependencies", "optionalDependencies")


def _package(src: Source) -> dict[str, Any] | None:
    try:
        data = json.loads((src.path.parent / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _map(value: Any) -> dict[str, Any]:
    """A dependency map, or {} when package.json has something else there (PKG003 reports that)."""
    return value if isinstance(value, dict) else {}


def _root_rules(src: Source, doc: Located, package: dict[str, Any]) -> list[Finding]:
    """Versions 2 and 3: packages[""] holds package.json's ranges; they must be the same."""
    root = _map(_map(doc.data.get("packages")).get(""))
    findings = []
    for field in FIELDS:
        wanted, locked = _map(package.get(field)), _map(root.get(field))
        for name in sorted(set(wanted) | set(locked)):
            if wanted.get(name) != locked.get(name):
                line = doc.line("packages", "", field, name) if name in locked else doc.line("packages", "")
                findings.append(
                    CODES.finding(
                        src,
                        line,
                        "PKG005",
                        f"{field}.{name}: package.json has {wanted.get(name)!r}, the lockfile "
                        f"{locked.get(name)!r}; run npm install",
                    )
                )
    return findings


def _resolved_rules(src: Source, doc: Located, package: dict[str, Any]) -> list[Finding]:
    """Version 1: each dependency of package.json is locked, at a version its range accepts."""
    locked = _map(doc.data.get("dependencies"))
    findings = []
    questions: list[tuple[str, str, str, str]] = []
    for field in FIELDS:
        for name, wanted in _map(package.get(field)).items():
            entry = _map(locked.get(name))
            if not entry:
                if field != "optionalDependencies":
                    findings.append(
                        CODES.finding(
                            src,
                            doc.line("dependencies"),
                            "PKG005",
                            f"{field}.{name} ({wanted!r}) is not in the lockfile; run npm install",
                        )
                    )
            elif isinstance(wanted, str) and isinstance(entry.get("version"), str):
                questions.append((field, name, wanted, entry["version"]))
    answers = semver.satisfies([(wanted, version) for _, _, wanted, version in questions])
    for (field, name, wanted, version), ok in zip(questions, answers, strict=True):
        if ok is False:
            findings.append(
                CODES.finding(
                    src,
                    doc.line("dependencies", name, "version"),
                    "PKG005",
                    f"{field}.{name}: the lockfile has {version}, outside package.json's {wanted!r}; run npm install",
                )
            )
    return findings


def _name_rule(src: Source, doc: Located, package: dict[str, Any]) -> list[Finding]:
    # npm ci installs anyway (it rewrites the name), so a stale name is a sign of a copied lockfile, not a failure.
    if doc.data.get("name") == package.get("name"):
        return []
    message = f"lockfile name {doc.data.get('name')!r} is not package.json's {package.get('name')!r}"
    return [CODES.finding(src, doc.line("name"), "PKG005", message, "warning")]


def check_lockfiles(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    for src, doc in json_sources(sources, findings):
        package = _package(src)
        if package is None:
            findings.append(CODES.finding(src, 1, "PKG005", "no readable package.json next to the lockfile"))
            continue
        if not isinstance(doc.data, dict):
            findings.append(CODES.finding(src, 1, "PKG005", "the lockfile is not a JSON object"))
            continue
        sync = _root_rules if "" in _map(doc.data.get("packages")) else _resolved_rules
        findings += apply_rules(src, (sync, _name_rule), src, doc, package)
    return findings


KIND = Kind(
    name="package-lock.json",
    description="npm lockfile",
    recognised_by="package-lock.json (lockfile versions 1, 2 and 3)",
    tools=("npm semver", "lockfile rules"),
    codes=CODES,
    matches=lambda src: src.name == "package-lock.json",
    check=check_lockfiles,
)
