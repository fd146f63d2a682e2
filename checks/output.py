"""How findings are written: text lines (default), JSON, or SARIF 2.1.0 for GitHub code scanning."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import Code, Finding

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FORMATS = ("text", "json", "sarif")


def text(findings: list[Finding]) -> str:
    return "".join(f"{finding.format()}\n" for finding in findings)


def as_json(findings: list[Finding], skipped: list[tuple[str, str]]) -> str:
    """{"findings": [...], "skipped": [...]}: one object per finding, fields as in the text line."""
    document = {
        "findings": [
            {"path": f.path, "line": max(f.line, 1), "severity": f.severity, "code": f.code, "message": f.message}
            for f in findings
        ],
        "skipped": [{"path": path, "reason": reason} for path, reason in skipped],
    }
    return json.dumps(document, indent=2) + "\n"


def _uri(path: str) -> dict[str, str]:
    """A SARIF artifactLocation: relative paths stay relative to the working directory (the repository
    root, where code scanning resolves them); absolute ones become file: URIs."""
    candidate = Path(path)
    if candidate.is_absolute():
        return {"uri": candidate.as_uri()}
    return {"uri": candidate.as_posix(), "uriBaseId": "%SRCROOT%"}


def _rule(code: str, known: dict[str, Code]) -> dict[str, Any]:
    ours = known.get(code)
    if ours is not None:
        return {
            "id": code,
            "shortDescription": {"text": ours.summary},
            "defaultConfiguration": {"level": ours.severity},
        }
    tool = "hadolint" if code.startswith("DL") else "ShellCheck" if code.startswith("SC") else "ESLint"
    return {"id": code, "shortDescription": {"text": f"{tool} rule {code}"}}


def sarif(findings: list[Finding], known: dict[str, Code], version: str) -> str:
    """One SARIF 2.1.0 run: the rules that fired (ours with their meaning, tools' by name) and the results."""
    codes = sorted({f.code for f in findings})
    index = {code: n for n, code in enumerate(codes)}
    results = [
        {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": f.severity,
            "message": {"text": " ".join(f.message.split())},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _uri(f.path),
                        "region": {"startLine": max(f.line, 1)},
                    }
                }
            ],
        }
        for f in findings
    ]
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "handbook-checks",
                        "version": version,
                        "rules": [_rule(code, known) for code in codes],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2) + "\n"
