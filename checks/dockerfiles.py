"""Docker's build: the one Dockerfile reader (Docker's own Go parser, via the `dockerfile` package)
and `.dockerignore` matching with Docker's pattern semantics.

Used by the Dockerfile, .dockerignore and package.json kinds and by the live tests that replay the image.
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import dockerfile as docker_parser


class DockerfileError(ValueError):
    """Docker's parser refused the file (empty, or no instructions): the reason is Docker's own."""


@dataclass(frozen=True)
class Instruction:
    line: int
    keyword: str  # upper case, e.g. COPY
    args: str  # everything after the keyword, continuations joined (flags included)
    words: tuple[str, ...]  # the operands as Docker splits them (exec form: the JSON array's items)
    flags: dict[str, str]  # --from=deps -> {"from": "deps"}
    json: bool  # exec (JSON array) form
    heredoc: bool  # the instruction carries a heredoc body

    def exec_form(self) -> list[str] | None:
        """The JSON array of CMD/ENTRYPOINT/RUN in exec form, else None (shell form)."""
        return list(self.words) if self.json else None


@dataclass
class Stage:
    index: int
    line: int
    image: str
    name: str | None
    instructions: list[Instruction] = field(default_factory=list)

    def all(self, keyword: str) -> list[Instruction]:
        return [i for i in self.instructions if i.keyword == keyword]

    def last(self, keyword: str) -> Instruction | None:
        found = self.all(keyword)
        return found[-1] if found else None


@dataclass(frozen=True)
class Dockerfile:
    args: dict[str, str]  # ARG defaults declared before the first FROM
    stages: list[Stage]


def _flags(raw: tuple[str, ...]) -> dict[str, str]:
    flags = {}
    for flag in raw:
        name, _, value = flag.lstrip("-").partition("=")
        flags[name] = value
    return flags


def parse(text: str) -> Dockerfile:
    """Stages in order with their instructions; raises DockerfileError when Docker would refuse the file."""
    try:
        commands = docker_parser.parse_string(text)
    except docker_parser.GoParseError as exc:
        raise DockerfileError(str(exc)) from None
    args: dict[str, str] = {}
    stages: list[Stage] = []
    for command in commands:
        keyword = command.cmd.upper()
        rest = command.original.split(None, 1)[1] if " " in command.original.strip() else ""
        if keyword == "FROM":
            words = list(command.value)
            name = words[2] if len(words) >= 3 and words[1].lower() == "as" else None
            stages.append(Stage(len(stages), command.start_line, words[0] if words else "", name))
        elif keyword == "ARG" and not stages:
            for word in command.value:
                key, _, value = word.partition("=")
                args[key.strip()] = value.strip().strip('"')
        elif stages:
            stages[-1].instructions.append(
                Instruction(
                    command.start_line,
                    keyword,
                    rest.strip(),
                    tuple(command.value),
                    _flags(command.flags),
                    command.json,
                    bool(command.heredocs),
                )
            )
    return Dockerfile(args, stages)


def read(path: Path) -> Dockerfile:
    return parse(path.read_text(encoding="utf-8"))


def substitute(text: str, args: dict[str, str]) -> str:
    """${NAME}, $NAME and ${NAME:-default} replaced by the ARG defaults known before FROM."""
    return re.sub(r"\$\{?(\w+)(?::-[^}]*)?\}?", lambda m: args.get(m.group(1), m.group(0)), text)


def stage_by_ref(stages: list[Stage], ref: str) -> Stage | None:
    for stage in stages:
        if stage.name == ref or str(stage.index) == ref:
            return stage
    return None


def root_image(stage: Stage, stages: list[Stage]) -> str:
    """The external image a stage is ultimately built FROM (following stage references)."""
    base = stage_by_ref(stages[: stage.index], stage.image)
    return root_image(base, stages) if base else stage.image


def is_dockerfile(name: str) -> bool:
    return name == "Dockerfile" or name.startswith("Dockerfile.") or name.endswith(".Dockerfile")


# ---------------------------------------------------------------- .dockerignore
# Ported from moby/patternmatcher (Apache-2.0), which `docker build` uses: no Python library speaks
# Docker's dialect (`**file` and `a**/x` match across directories; wcmatch differs on 4 of moby's 60 cases).


class PatternError(ValueError):
    """A .dockerignore pattern Docker refuses (its filepath.Match syntax check)."""


@dataclass(frozen=True)
class Pattern:
    text: str  # cleaned, without the leading '!'
    exclusion: bool  # a '!' line: re-includes what earlier lines excluded
    line: int
    regex: re.Pattern[str] | None  # None: compared literally (moby's exact, prefix and suffix matches)
    kind: str  # "exact", "prefix", "suffix" or "regex"

    def match(self, path: str) -> bool:
        if self.kind == "exact":
            return path == self.text
        if self.kind == "prefix":
            return path.startswith(self.text[:-2])
        if self.kind == "suffix":
            suffix = self.text[2:]
            return path.endswith(suffix) or (suffix.startswith("/") and path == suffix[1:])
        assert self.regex is not None
        return self.regex.match(path) is not None


def _check_syntax(pattern: str) -> None:
    # Go's filepath.Match rejects a trailing backslash and an unclosed or empty character class.
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            if index + 1 == len(pattern):
                raise PatternError("ends with a lone backslash")
            index += 2
            continue
        if char == "[":
            close = index + 1
            if pattern[close : close + 1] == "^":
                close += 1
            close += 1  # Go reads a ']' right after '[' (or '[^') as part of the class
            while close < len(pattern) and pattern[close] != "]":
                close += 2 if pattern[close] == "\\" else 1
            if close >= len(pattern):
                raise PatternError("has '[' without a closing ']'")
            index = close
        index += 1


def compile_pattern(raw: str, line: int = 0) -> Pattern:
    """One .dockerignore line (already stripped, not a comment) as Docker compiles it."""
    exclusion = raw.startswith("!")
    text = raw[1:].strip() if exclusion else raw
    if not text:
        raise PatternError("'!' alone is not a pattern")
    text = posixpath.normpath(text)
    if len(text) > 1 and text.startswith("/"):
        text = text.lstrip("/") or "/"
    _check_syntax(text)
    regex, kind, index = "^", "exact", 0
    while index < len(text):
        first = index == 0
        char = text[index]
        index += 1
        if char == "*":
            if text[index : index + 1] == "*":
                index += 1
                if text[index : index + 1] == "/":
                    index += 1
                if index == len(text):
                    if kind == "exact":
                        kind = "prefix"
                    else:
                        regex += ".*"
                        kind = "regex"
                else:
                    regex += "(.*/)?"
                    kind = "regex"
                if first:  # moby: a leading "**" compares the rest as a suffix
                    kind = "suffix"
            else:
                regex += "[^/]*"
                kind = "regex"
        elif char == "?":
            regex += "[^/]"
            kind = "regex"
        elif char in ".+()|{}$":
            regex += "\\" + char
        elif char == "\\":
            if index < len(text):
                regex += re.escape(text[index])
                index += 1
                kind = "regex"
            else:
                regex += "\\\\"
        elif char in "[]":
            regex += char
            kind = "regex"
        else:
            regex += char  # as moby does: any other character is itself in the regex
    if kind != "regex":
        return Pattern(text, exclusion, line, None, kind)
    try:
        compiled = re.compile(regex + "$")
    except re.error as exc:
        raise PatternError(f"is not a valid pattern ({exc})") from None
    return Pattern(text, exclusion, line, compiled, "regex")


def read_ignore(text: str) -> tuple[list[Pattern], list[tuple[int, str, str]]]:
    """(patterns, problems as (line, pattern, reason)) of a .dockerignore, read as Docker's ignorefile does."""
    patterns: list[Pattern] = []
    problems: list[tuple[int, str, str]] = []
    for number, raw in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        if raw.startswith("#"):
            continue
        line = raw.strip()
        if not line:
            continue
        try:
            patterns.append(compile_pattern(line, number))
        except PatternError as exc:
            problems.append((number, line, str(exc)))
    return patterns, problems


@functools.cache
def _context_patterns(path: Path, mtime: float) -> list[Pattern]:
    return read_ignore(path.read_text(encoding="utf-8", errors="replace"))[0]


def ignore_patterns(context: Path) -> list[Pattern]:
    """The usable patterns of the context's .dockerignore (malformed lines are the .dockerignore kind's to report)."""
    path = context / ".dockerignore"
    if not path.is_file():
        return []
    return _context_patterns(path, path.stat().st_mtime)


def ignored(rel: str, patterns: list[Pattern]) -> bool:
    """Is this context-relative path left out of the build? moby's MatchesOrParentMatches: the last
    pattern that matches the path or one of its parent directories decides."""
    path = posixpath.normpath(rel.strip("/"))
    parents = path.split("/")[:-1]
    matched = False
    for pattern in patterns:
        if pattern.exclusion != matched:
            continue
        hit = pattern.match(path) or any(pattern.match("/".join(parents[: n + 1])) for n in range(len(parents)))
        if hit:
            matched = not pattern.exclusion
    return matched
