"""IAM policy documents: parliament (actions, resource ARNs and condition keys against AWS's IAM definition).

parliament analyses identity policies only: it calls a role's trust policy malformed because trust
policies have no Resource. So a trust policy gets its actions checked against parliament's IAM
definition, and one rule of ours for what no tool checks: a role trusting GitHub's OIDC provider must
pin the audience and name one repository in the subject, or any GitHub repository could assume it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from handbook.located import Located

from .. import tools
from ..model import CodeTable, Finding, Kind, Source, apply_rules
from ..parsed import json_sources

CODES = CodeTable(
    ("IAM001", "error", "a trust-policy action that AWS's IAM definition (parliament's copy) does not know"),
    (
        "IAM002",
        "error",
        "a role trusting GitHub's OIDC provider without `aud` = sts.amazonaws.com and a one-repository `sub`",
    ),
)
GITHUB_OIDC = "token.actions.githubusercontent.com"
# repo:OWNER/REPO:… with no wildcard in OWNER/REPO (GitHub's subject claim format).
ONE_REPOSITORY = re.compile(r"^repo:[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+:.+$")
ERROR_GROUPS = {"INVALID", "MALFORMED"}


@functools.cache
def parliament() -> ModuleType:
    try:
        import parliament as module  # loads its 10 MB IAM definition: only when an IAM file is checked
    except ImportError as exc:
        raise tools.ToolMissing(
            f"parliament is not installed: pip install -r requirements/checks.txt ({exc})"
        ) from None
    return module


def _is_policy(src: Source) -> bool:
    if src.path.suffix != ".json":
        return False
    head = src.json_head()
    return isinstance(head, dict) and "Statement" in head and "Version" in head


def _statements(doc: Located) -> list[tuple[int, dict[str, Any]]]:
    statements = doc.data.get("Statement")
    items = statements if isinstance(statements, list) else [statements]
    return [(i, s) for i, s in enumerate(items) if isinstance(s, dict)]


def _is_trust_policy(doc: Located) -> bool:
    return any("Principal" in s or "NotPrincipal" in s for _, s in _statements(doc))


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def check_trust_actions(src: Source, doc: Located) -> list[Finding]:
    module = parliament()
    findings = []
    for index, statement in _statements(doc):
        for action in _as_list(statement.get("Action", [])):
            try:
                module.expand_action(str(action))
            except (module.UnknownActionException, module.UnknownPrefixException):
                line = doc.line("Statement", index, "Action")
                findings.append(CODES.finding(src, line, "IAM001", f"unknown action {action!r}"))
    return findings


def check_github_oidc(src: Source, doc: Located) -> list[Finding]:
    findings = []
    for index, statement in _statements(doc):
        federated = _as_list((statement.get("Principal") or {}).get("Federated", []))
        if statement.get("Effect") != "Allow" or not any(str(f).endswith(f"/{GITHUB_OIDC}") for f in federated):
            continue
        conditions = statement.get("Condition") or {}
        equals = {**conditions.get("StringEquals", {}), **conditions.get("StringLike", {})}
        audiences = _as_list(equals.get(f"{GITHUB_OIDC}:aud", []))
        subjects = _as_list(equals.get(f"{GITHUB_OIDC}:sub", []))
        problems = []
        if audiences != ["sts.amazonaws.com"]:
            problems.append(f"{GITHUB_OIDC}:aud must be exactly sts.amazonaws.com (found {audiences})")
        if not subjects or not all(ONE_REPOSITORY.match(str(s)) for s in subjects):
            problems.append(f"{GITHUB_OIDC}:sub must name one repository, repo:OWNER/REPO:… (found {subjects})")
        line = doc.line("Statement", index, "Condition") if conditions else doc.line("Statement", index)
        findings += [CODES.finding(src, line, "IAM002", problem) for problem in problems]
    return findings


def _parliament_findings(src: Source) -> list[Finding]:
    module = parliament()
    policy = module.analyze_policy_string(src.text, str(src.path))
    findings = []
    for raw in policy.findings:
        finding = module.enhance_finding(raw)
        location = finding.location if isinstance(finding.location, dict) else {}
        severity = "error" if module.config.get(finding.issue, {}).get("group") in ERROR_GROUPS else "warning"
        detail = finding.detail if isinstance(finding.detail, str) else ", ".join(map(str, finding.detail or []))
        message = f"{finding.title}: {detail} (parliament)" if detail else f"{finding.title} (parliament)"
        findings.append(
            Finding(src.display, int(location.get("line", 1)), severity, f"PARLIAMENT-{finding.issue}", message)
        )
    return findings


def check(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    for src, doc in json_sources(sources, findings):
        if _is_trust_policy(doc):
            findings += apply_rules(src, (check_trust_actions, check_github_oidc), src, doc)
        else:
            findings += _parliament_findings(src)
    return findings


KIND = Kind(
    name="IAM policy",
    description="IAM identity or trust policy JSON",
    recognised_by="*.json with Version and Statement",
    tools=("parliament", "IAM trust-policy rules"),
    codes=CODES,
    matches=_is_policy,
    check=check,
    tool_codes="parliament's issues as PARLIAMENT-ISSUE",
)
