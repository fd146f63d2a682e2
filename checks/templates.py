"""Templates and placeholders: files that are not the final file yet, so checking them as they stand
would only report the template syntax.

No tool tells a Helm chart, an envsubst input or a sample with `XXXXXXXXXXXX` in it from a finished
file, so the markers are ours. A template gets one TPL001 note and is not checked; a file with only
a few placeholder values is checked, and the placeholders are named once.
"""

from __future__ import annotations

import re

# Go/Helm/Mustache/Jinja expressions and statements: {{ .Values.x }}, {{value}}, {% if %}.
TEMPLATE_SYNTAX = re.compile(r"\{\{-?\s*[^{}\n]*?\s*-?\}\}|\{%-?\s*\w")
# envsubst / Terraform templatefile / CloudFormation Sub variables inside a value: ${VAR}, ${var.x}.
VARIABLE = re.compile(r"\$\{[A-Za-z_][\w.:-]*\}")
# Whole values a person is meant to replace: <account-id>, XXXXXXXXXXXX, YOUR_ACCOUNT_ID, aws_account_id.
PLACEHOLDER = re.compile(
    r"^(?:<[^<>\n]+>|x{4,}|X{4,}|\*{4,}|#{4,}|(?:your|my)[_-]?\w+|\w*account[_-]?id\w*|ACCOUNT|AWS_ACCOUNT)$",
    re.IGNORECASE,
)


def template_syntax(text: str) -> str | None:
    """The first template expression in the text (e.g. `{{ .Values.image }}`), or None."""
    match = TEMPLATE_SYNTAX.search(text)
    return match.group(0) if match else None


def variables(text: str) -> list[str]:
    """The distinct ${VAR} placeholders in the text, in order of appearance."""
    return list(dict.fromkeys(VARIABLE.findall(text)))


def is_placeholder(value: str) -> bool:
    """A whole value that stands for something the reader fills in (`<ADD LUN ID Here>`, `XXXXXXXXXXXX`)."""
    return bool(PLACEHOLDER.match(value.strip())) or bool(VARIABLE.search(value))


def describe(text: str) -> str | None:
    """Why the text is a template and not a finished file, or None when it is finished."""
    expression = template_syntax(text)
    if expression:
        return f"template syntax {expression[:40]!r}"
    found = variables(text)
    if found:
        shown = ", ".join(found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3 else "")
        return f"variables to substitute ({shown})"
    return None
