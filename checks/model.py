"""The checker's vocabulary: a finding, a rule code, a file being checked and a kind of file."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

# error: the platform or tool refuses the file or it breaks at run time; warning: style and risk;
# note: said once for information (a template not checked, a custom resource without a schema), never fails a run.
Severity = Literal["error", "warning", "note"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "note")
# Files larger than this are not read (generated or data files): one FILE001 finding instead. Big
# enough for the largest real lockfiles, small enough that parsing stays within the memory budget.
MAX_BYTES = 10 * 2**20


def tool_severity(level: str) -> Severity:
    """A tool's level as ours: its errors stay errors; warnings, info and style notes are warnings."""
    return "error" if level == "error" else "warning"


class Unreadable(ValueError):
    """The file is too large to read: the message says so, for its one FILE001 finding."""


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
    undecodable: str | None = None  # set when reading the text had to replace bytes that are not UTF-8
    undecodable_line: int = 1

    @cached_property
    def text(self) -> str:
        """The file as UTF-8 text, a BOM removed, undecodable bytes replaced (see `undecodable`).
        Raises Unreadable for a file over MAX_BYTES, which the runner reports once."""
        size = self.path.stat().st_size
        if size > MAX_BYTES:
            raise Unreadable(f"{size / 2**20:.1f} MB is over the {MAX_BYTES // 2**20} MB limit: not checked")
        data = self.path.read_bytes()
        try:
            return data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            self.undecodable = f"not UTF-8 text: byte 0x{data[exc.start]:02x} on line {line}"
            self.undecodable_line = line
            return data.decode("utf-8", errors="replace").removeprefix("\ufeff")

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
        except (ValueError, RecursionError):  # Unreadable is a ValueError too
            return None

    def head(self, size: int = 4096) -> bytes:
        """The first bytes of the file, for detection without reading (or decoding) all of it."""
        with self.path.open("rb") as handle:
            return handle.read(size)


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
    # Why a file this kind recognises is left alone (minified or bundled JavaScript...), or None to check it.
    skip: Callable[[Source], str | None] = lambda src: None


# The engine's own codes, which any kind's file can get.
CODES = CodeTable(
    ("PARSE001", "error", "the file is not valid JSON or YAML (the line of the first problem is given)"),
    ("KIND001", "warning", "no checker knows this kind of file (reported for files named on the command line)"),
    ("KIND002", "note", "a file of a known kind left unchecked on purpose: minified or bundled third-party code"),
    ("FILE001", "warning", "the file is too large to check (over 10 MB): nothing checked it"),
    ("FILE002", "warning", "the file is not UTF-8 text: its odd bytes were read as replacement characters"),
    ("TPL001", "note", "a template (`{{ }}`, `${VAR}` or placeholders): checked once rendered, not as it stands"),
    ("TOOL001", "error", "a tool this kind needs is missing or failed, or data/ is invalid: the file was not checked"),
    (
        "PUB001",
        "error",
        "with --published: a file the folder must not publish (a symlink leaving it, a dot-directory, a "
        "dotfile no kind knows, a file that looks like a secret to detect-secrets)",
    ),
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
