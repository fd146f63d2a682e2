"""Dockerfiles (hadolint first, then our rules) and .dockerignore files.

The build context is taken to be the Dockerfile's directory, as with `docker build .` next to it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from macros.loader import cached_data

from . import tools
from .model import CodeTable, Finding, Kind, Source, tool_severity

CODES = CodeTable(
    ("DOCK001", "error", "the final stage runs as root: add a USER with an unprivileged (ideally numeric) user"),
    ("DOCK002", "error", "the base image's Node.js line is past end-of-life (data/tables/node-releases.yaml)"),
    (
        "DOCK003",
        "warning",
        "a node base image whose Node.js major is unknown to data/tables/node-releases.yaml or not in its tag",
    ),
    ("DOCK004", "error", "a COPY/ADD source does not exist in the build context (the Dockerfile's directory)"),
    ("DOCK005", "error", "a COPY/ADD source is excluded by .dockerignore, so the build cannot see it"),
    ("DOCK006", "error", "development dependencies reach the final stage (npm ci/install without --omit=dev)"),
)
IGNORE_CODES = CodeTable(
    ("DIGN001", "error", ".dockerignore pattern is malformed (unclosed '[' or trailing backslash)"),
)
ROOT_USERS = {"root", "0"}
# Images built to run as an unprivileged user without a USER line (distroless :nonroot, nginx-unprivileged).
NON_ROOT_IMAGE = re.compile(r"nonroot|unprivileged|rootless")
INSTALL = re.compile(
    r"\b(?:npm\s+(?:ci|install|i)(?:\s+(?:-{1,2}[\w=-]+))*\s*(?:$|&&|;|\|)|yarn\s+install|pnpm\s+install)"
)
PROD_ONLY = re.compile(r"--omit[= ]dev|--only[= ]prod|--production\b|--prod\b")
PRUNE = re.compile(r"\bnpm\s+prune\b[^&;|]*(--omit[= ]dev|--production)")
NODE_ENV_PROD = re.compile(r"\bNODE_ENV[= ]\"?production\b")


def is_dockerfile(name: str) -> bool:
    return name == "Dockerfile" or name.startswith("Dockerfile.") or name.endswith(".Dockerfile")


@dataclass
class Instruction:
    line: int
    keyword: str
    args: str


@dataclass
class Stage:
    index: int
    line: int
    image: str
    name: str | None
    instructions: list[Instruction] = field(default_factory=list)


def parse(text: str) -> tuple[dict[str, str], list[Stage]]:
    """(ARG defaults before the first FROM, stages). Continuations are joined; heredoc bodies skipped."""
    args: dict[str, str] = {}
    stages: list[Stage] = []
    lines = text.splitlines()
    number = 0
    while number < len(lines):
        start = number + 1
        line = lines[number]
        number += 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        while line.rstrip().endswith("\\") and number < len(lines):
            nxt = lines[number]
            number += 1
            if nxt.lstrip().startswith("#"):
                continue
            line = line.rstrip()[:-1] + " " + nxt.strip()
        keyword, _, rest = line.strip().partition(" ")
        keyword, rest = keyword.upper(), rest.strip()
        heredoc = re.search(r"<<-?\"?'?(\w+)", rest) if keyword in {"RUN", "COPY", "ADD"} else None
        if heredoc:
            while number < len(lines) and lines[number].strip() != heredoc.group(1):
                number += 1
            number += 1
        if keyword == "FROM":
            words = [w for w in rest.split() if not w.startswith("--")]
            name = words[2] if len(words) >= 3 and words[1].lower() == "as" else None
            stages.append(Stage(len(stages), start, words[0] if words else "", name))
        elif keyword == "ARG" and not stages:
            key, _, value = rest.partition("=")
            args[key.strip()] = value.strip().strip('"')
        elif stages:
            stages[-1].instructions.append(Instruction(start, keyword, rest))
    return args, stages


def substitute(text: str, args: dict[str, str]) -> str:
    return re.sub(r"\$\{?(\w+)(?::-[^}]*)?\}?", lambda m: args.get(m.group(1), m.group(0)), text)


def _stage_by_ref(stages: list[Stage], ref: str) -> Stage | None:
    for stage in stages:
        if stage.name == ref or str(stage.index) == ref:
            return stage
    return None


def _user_of(stage: Stage, stages: list[Stage]) -> tuple[str | None, int]:
    """The user a stage runs as (None: the base image's default) and the USER line."""
    users = [i for i in stage.instructions if i.keyword == "USER"]
    if users:
        return users[-1].args.split(":")[0].strip(), users[-1].line
    base = _stage_by_ref(stages[: stage.index], stage.image)
    return _user_of(base, stages) if base else (None, stage.line)


def root_image(stage: Stage, stages: list[Stage]) -> str:
    """The external image a stage is ultimately built FROM (following stage references)."""
    base = _stage_by_ref(stages[: stage.index], stage.image)
    return root_image(base, stages) if base else stage.image


def _node_rules(src: Source, args: dict[str, str], stages: list[Stage]) -> list[Finding]:
    releases = {int(r.values["major"]): r.values["eol"] for r in cached_data().table("node-releases").rows}
    findings = []
    for stage in stages:
        image = substitute(stage.image, args)
        if _stage_by_ref(stages[: stage.index], image):
            continue
        name, _, tag = image.split("@")[0].partition(":")
        if name.rsplit("/", 1)[-1] != "node" or not tag or tag == "latest":
            continue  # untagged and latest are hadolint's DL3006 / DL3007
        major = re.match(r"(\d+)", tag)
        if not major or int(major.group(1)) not in releases:
            findings.append(
                CODES.finding(
                    src,
                    stage.line,
                    "DOCK003",
                    f"cannot tell whether {image} is a supported "
                    "Node.js line; use a numeric tag listed in data/tables/node-releases.yaml",
                )
            )
            continue
        eol = releases[int(major.group(1))]
        if isinstance(eol, dt.date) and eol < dt.date.today():
            findings.append(
                CODES.finding(
                    src,
                    stage.line,
                    "DOCK002",
                    f"{image}: Node.js {major.group(1)} reached end-of-life on {eol.isoformat()}",
                )
            )
    return findings


def _copy_sources(instruction: Instruction) -> tuple[list[str], bool]:
    """(sources, copies from another stage or image)."""
    text = instruction.args
    if "<<" in text:
        return [], True
    try:
        words = json.loads(text) if text.startswith("[") else shlex.split(text, posix=True)
    except ValueError:
        return [], True  # unparseable arguments: hadolint reports the instruction itself
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        return [], True
    other = any(w.startswith("--from") for w in words)
    plain = [w for w in words if not w.startswith("--")]
    return plain[:-1], other


def ignore_patterns(context: Path) -> list[tuple[bool, str]]:
    """(is an exception '!', pattern) from the context's .dockerignore, in file order."""
    path = context / ".dockerignore"
    if not path.is_file():
        return []
    patterns = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        pattern = line[1:].strip() if negate else line
        patterns.append((negate, pattern.strip("/").removeprefix("./")))
    return patterns


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**", i):
            out += ".*"
            i += 2
            if pattern.startswith("/", i):
                out += "/?"
                i += 1
            continue
        char = pattern[i]
        out += "[^/]*" if char == "*" else "[^/]" if char == "?" else re.escape(char) if char != "[" else "["
        i += 1
    return re.compile(out + r"\Z")


def ignored(rel: str, patterns: list[tuple[bool, str]]) -> bool:
    """Docker's rule: the last matching pattern wins; a pattern matching a parent directory covers its files."""
    parts = rel.strip("/").split("/")
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    verdict = False
    for negate, pattern in patterns:
        regex = _pattern_regex(pattern)
        if any(regex.match(p) for p in prefixes):
            verdict = not negate
    return verdict


def _copy_rules(src: Source, stages: list[Stage], args: dict[str, str]) -> list[Finding]:
    context = src.path.parent
    patterns = ignore_patterns(context)
    findings = []
    for stage in stages:
        for ins in stage.instructions:
            if ins.keyword not in {"COPY", "ADD"}:
                continue
            sources, other = _copy_sources(ins)
            if other:
                continue
            for source in sources:
                source = substitute(source, args)
                if "$" in source or re.match(r"^[a-z]+://|^git@", source):
                    continue
                matches = (
                    sorted(context.glob(source.lstrip("/")))
                    if any(c in source for c in "*?[")
                    else ([context / source.lstrip("/")] if (context / source.lstrip("/")).exists() else [])
                )
                if not matches:
                    findings.append(
                        CODES.finding(
                            src,
                            ins.line,
                            "DOCK004",
                            f"{ins.keyword} source {source!r} does not exist next to the Dockerfile",
                        )
                    )
                    continue
                rels = [m.relative_to(context).as_posix() for m in matches]
                excluded = [rel for rel in rels if rel != "." and ignored(rel, patterns)]
                # A wildcard may leave some matches out on purpose; it fails only when nothing is left.
                if excluded and (len(excluded) == len(rels) or not any(c in source for c in "*?[")):
                    findings.append(
                        CODES.finding(
                            src,
                            ins.line,
                            "DOCK005",
                            f"{ins.keyword} source {', '.join(map(repr, excluded))} is excluded by .dockerignore",
                        )
                    )
    return findings


def _installs_dev(stage: Stage, stages: list[Stage], seen: frozenset[int] = frozenset()) -> Instruction | None:
    """The instruction that brings dev dependencies into this stage's node_modules, if any."""
    prod_env = False
    culprit: Instruction | None = None
    for ins in stage.instructions:
        if ins.keyword in {"ENV", "ARG"} and NODE_ENV_PROD.search(ins.args):
            prod_env = True
        if ins.keyword == "RUN":
            if PRUNE.search(ins.args):
                culprit = None
            elif INSTALL.search(ins.args) and not PROD_ONLY.search(ins.args) and not prod_env:
                culprit = ins
        if ins.keyword == "COPY" and "node_modules" in ins.args:
            ref = re.search(r"--from=(\S+)", ins.args)
            base = _stage_by_ref(stages, ref.group(1)) if ref else None
            if base is not None and base.index not in seen and _installs_dev(base, stages, seen | {stage.index}):
                culprit = ins
    base = _stage_by_ref(stages[: stage.index], stage.image)
    if culprit is None and base is not None and base.index not in seen:
        return _installs_dev(base, stages, seen | {stage.index})
    return culprit


def _stage_rules(src: Source, stages: list[Stage]) -> list[Finding]:
    if not stages:
        return []
    final = stages[-1]
    findings = []
    user, line = _user_of(final, stages)
    if user is None and NON_ROOT_IMAGE.search(root_image(final, stages)):
        user = "image default (non-root)"
    if user is None or user.lower() in ROOT_USERS:
        why = "no USER in the final stage" if user is None else f"USER {user}"
        findings.append(CODES.finding(src, line, "DOCK001", f"{why}: the container runs as root"))
    culprit = _installs_dev(final, stages)
    if culprit is not None:
        findings.append(
            CODES.finding(
                src,
                culprit.line,
                "DOCK006",
                "the final stage gets devDependencies: use "
                "`npm ci --omit=dev` (or npm prune --omit=dev) for what ships",
            )
        )
    return findings


def _hadolint(sources: Sequence[Source]) -> list[Finding]:
    if not sources:
        return []
    binary = tools.find("hadolint")
    by_path = {str(s.path): s for s in sources}
    out = tools.run([binary, "--no-fail", "--format", "json", *by_path])
    try:
        results = json.loads(out.stdout or "[]")
    except ValueError:
        raise tools.ToolMissing(f"hadolint failed: {(out.stderr.strip().splitlines() or ['no output'])[-1]}") from None
    return [
        Finding(
            by_path[r["file"]].display,
            int(r["line"]),
            tool_severity(r["level"]),
            r["code"],
            f"{r['message']} (hadolint)",
        )
        for r in results
        if r["file"] in by_path
    ]


def check(sources: Sequence[Source]) -> list[Finding]:
    findings = _hadolint(sources)
    for src in sources:
        args, stages = parse(src.text)
        findings += _node_rules(src, args, stages) + _copy_rules(src, stages, args) + _stage_rules(src, stages)
    return findings


def check_ignore(sources: Sequence[Source]) -> list[Finding]:
    findings = []
    for src in sources:
        for number, raw in enumerate(src.text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            pattern = line.lstrip("!")
            problem = None
            if pattern.endswith("\\") and not pattern.endswith("\\\\"):
                problem = "ends with a lone backslash"
            elif re.search(r"\[[^\]]*$", pattern):
                problem = "has '[' without a closing ']'"
            if problem:
                findings.append(IGNORE_CODES.finding(src, number, "DIGN001", f"pattern {pattern!r} {problem}"))
    return findings


KIND = Kind(
    name="Dockerfile",
    description="container build file",
    recognised_by="Dockerfile, Dockerfile.*, *.Dockerfile",
    tools=("hadolint", "Dockerfile rules"),
    codes=CODES,
    matches=lambda src: is_dockerfile(src.name),
    check=check,
    tool_codes="hadolint's DL#### (DL3025 exec-form CMD/ENTRYPOINT, DL3006/DL3007 pinned tags) and SC#### "
    "(ShellCheck inside RUN)",
)

IGNORE_KIND = Kind(
    name=".dockerignore",
    description="build-context exclusions",
    recognised_by=".dockerignore (its effect on COPY is checked with the Dockerfile: DOCK005)",
    tools=(".dockerignore rules",),
    codes=IGNORE_CODES,
    matches=lambda src: src.name == ".dockerignore",
    check=check_ignore,
)
