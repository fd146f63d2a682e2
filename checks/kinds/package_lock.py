"""package-lock.json: the lockfile must agree with package.json, or `npm ci` fails."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..model import CodeTable, Finding, Kind, Source
from ..parsed import json_sources

CODES = CodeTable(
    ("PKG005", "error", "package-lock.json is out of sync with package.json (npm ci would fail)"),
)


def check_lockfiles(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    for src, doc in json_sources(sources, findings):
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


KIND = Kind(
    name="package-lock.json",
    description="npm lockfile",
    recognised_by="package-lock.json",
    tools=("lockfile rules",),
    codes=CODES,
    matches=lambda src: src.name == "package-lock.json",
    check=check_lockfiles,
)
