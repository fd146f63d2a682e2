""".dockerignore files: every pattern must be one Docker accepts (its effect on COPY is DOCK005)."""

from __future__ import annotations

from collections.abc import Sequence

from ..dockerfiles import read_ignore
from ..model import CodeTable, Finding, Kind, Source

CODES = CodeTable(
    ("DIGN001", "error", ".dockerignore pattern Docker refuses (unclosed '[', trailing backslash, a lone '!')"),
)


def check(sources: Sequence[Source]) -> list[Finding]:
    findings = []
    for src in sources:
        for line, pattern, reason in read_ignore(src.text)[1]:
            findings.append(CODES.finding(src, line, "DIGN001", f"pattern {pattern!r} {reason}"))
    return findings


KIND = Kind(
    name=".dockerignore",
    description="build-context exclusions",
    recognised_by=".dockerignore (its effect on COPY is checked with the Dockerfile: DOCK005)",
    tools=(".dockerignore rules",),
    codes=CODES,
    matches=lambda src: src.name == ".dockerignore",
    check=check,
)
