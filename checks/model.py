"""The checker's vocabulary: a finding, a rule code, a file being checked and a kind of file."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

Severity = Literal["error", "warning"]


def tool_severity(level: str) -> Severity:
    """A tool's level as ours: its errors stay errors; warnings, info and style notes are warnings."""
    return "error" if level == "error" else "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one line: printed as `PATH:LINE: error|warning CODE message`."""

    path: str
    line: int
    severity: Severity
    code: str
    message: str

    def format(self) -> str:
        message = " ".join(self.message.split())  # one line, whatever a tool printed
        return f"{self.path}:{max(self.line, 1)}: {self.severity} {self.code} {message}"


@dataclass(frozen=True)
class Code:
    """A rule of ours: its code, default severity and the one-line meaning shown by --help."""

    code: str
    severity: Severity
    summary: str


class CodeTable:
    """The codes one kind can report; finding() refuses a code that is not declared."""

    def __init__(self, *codes: tuple[str, Severity, str]):
        self.codes = {c: Code(c, s, text) for c, s, text in codes}

    def __iter__(self) -> Iterator[Code]:
        return iter(self.codes.values())

    def subset(self, *codes: str) -> CodeTable:
        """A table of some of these codes (a kind that reports only part of a family's rules)."""
        return CodeTable(*((c, self.codes[c].severity, self.codes[c].summary) for c in codes))

    def extend(self, *codes: tuple[str, Severity, str]) -> CodeTable:
        """These codes and more."""
        return CodeTable(*((c.code, c.severity, c.summary) for c in self), *codes)

    def finding(self, src: Source, line: int, code: str, message: str, severity: Severity | None = None) -> Finding:
        known = self.codes[code]  # KeyError here is a bug in the checker, not in the user's file
        return Finding(src.display, line, severity or known.severity, code, message)


@dataclass
class Source:
    """A file to check: where it is, how to name it in output, and its text and parsed forms on demand."""

    path: Path
    display: str
    _parsed: dict[str, Any] = field(default_factory=dict, repr=False)

    @cached_property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8", errors="replace")

    @property
    def name(self) -> str:
        return self.path.name

    def parsed(self, how: str, parse: Callable[[str], Any]) -> Any:
        """Parse once per run (detection and checking both need it); parse errors are cached too."""
        if how not in self._parsed:
            try:
                self._parsed[how] = parse(self.text)
            except Exception as exc:  # cached, re-raised to each caller
                self._parsed[how] = exc
        value = self._parsed[how]
        if isinstance(value, Exception):
            raise value
        return value

    def json_head(self) -> Any:
        """The JSON value if the file parses, else None: for detection by content only."""
        try:
            return self.parsed("json-plain", json.loads)
        except (ValueError, RecursionError):
            return None


CheckFn = Callable[[Sequence[Source]], list[Finding]]


@dataclass(frozen=True)
class Kind:
    """A kind of file: how to recognise it, what runs on it (labels shown on pages) and its codes."""

    name: str
    description: str
    recognised_by: str
    tools: tuple[str, ...]
    codes: CodeTable
    matches: Callable[[Source], bool]
    check: CheckFn
    tool_codes: str = ""  # how codes of the field's own tool look, for --help


# The engine's own codes, which any kind's file can get.
CODES = CodeTable(
    ("PARSE001", "error", "the file is not valid JSON or YAML (the line of the first problem is given)"),
    ("KIND001", "warning", "no checker knows this kind of file, so nothing checked it"),
    ("TOOL001", "error", "a tool this kind needs is missing or failed, or data/ is invalid: the file was not checked"),
    ("INTERNAL", "error", "a rule of the checker crashed on this file: the file was not fully checked (a checker bug)"),
)


def apply_rules(src: Source, rules: Iterable[Callable[..., list[Finding] | None]], *args: Any) -> list[Finding]:
    """Run each rule as rule(*args) for one file, src. A rule that raises becomes one INTERNAL finding
    naming the rule and the file, and the other rules still run: a crashed rule must never read as a pass."""
    findings: list[Finding] = []
    for rule in rules:
        try:
            findings += rule(*args) or []
        except Exception as exc:  # any bug in a rule, whatever the input
            name = f"{rule.__module__.removeprefix('checks.')}.{rule.__name__}"
            findings.append(CODES.finding(src, 1, "INTERNAL", f"rule {name} crashed: {type(exc).__name__}: {exc}"))
    return findings
