"""JSON Schema errors as findings at the right line (app.json, package.json, Kubernetes manifests)."""

from __future__ import annotations

import re
from typing import Any

from handbook.located import Located

from .model import CodeTable, Finding, Source


def error_path(error: Any) -> tuple[Any, ...]:
    """The key path a jsonschema error is about; an unexpected key is named itself, not its parent."""
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties":
        extra = re.findall(r"'([^']+)' was unexpected", error.message)
        if len(extra) == 1:
            path = (*path, extra[0])
    return path


def schema_findings(src: Source, doc: Located, validator: Any, codes: CodeTable, code: str, what: str) -> list[Finding]:
    """One finding per schema error, at the line of the key it is about."""
    findings = []
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: [str(p) for p in e.path]):
        path = error_path(error)
        where = ".".join(map(str, path)) or "(top level)"
        message = error.message if error.validator != "oneOf" else f"{error.instance!r} is not a valid entry"
        findings.append(codes.finding(src, doc.line(*path), code, f"{what} {where}: {message}"))
    return findings
