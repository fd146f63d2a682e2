"""Markdown: the heroku/aws command lines in its shell-like code fences."""

from __future__ import annotations

from collections.abc import Sequence

from ..commandlines import CODES, check_command_lines, markdown_command_lines
from ..model import Finding, Kind, Source


def check(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    for src in sources:
        findings += check_command_lines(src, CODES, markdown_command_lines(src.text))
    return findings


KIND = Kind(
    name="Markdown",
    description="command lines in code fences",
    recognised_by="*.md: heroku/aws lines in bash, sh, shell, console or unlabeled fences ($ prompts stripped)",
    tools=("heroku/aws command tables",),
    codes=CODES,
    matches=lambda src: src.path.suffix in {".md", ".markdown"},
    check=check,
)
