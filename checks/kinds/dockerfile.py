"""Dockerfiles: hadolint first, then our rules on Docker's own parse of the file.

The build context is taken to be the Dockerfile's directory, as with `docker build .` next to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from handbook.lookups import node_releases

from .. import tools
from ..dockerfiles import (
    Dockerfile,
    DockerfileError,
    Instruction,
    Stage,
    ignore_patterns,
    ignored,
    is_dockerfile,
    parse,
    root_image,
    stage_by_ref,
    substitute,
)
from ..model import CodeTable, Finding, Kind, Source, apply_rules, tool_severity

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
    ("DOCK007", "error", "Docker cannot read the file as a Dockerfile (e.g. it has no instructions)"),
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


def _user_of(stage: Stage, stages: list[Stage]) -> tuple[str | None, int]:
    """The user a stage runs as (None: the base image's default) and the USER line."""
    user = stage.last("USER")
    if user is not None:
        return user.args.split(":")[0].strip(), user.line
    base = stage_by_ref(stages[: stage.index], stage.image)
    return _user_of(base, stages) if base else (None, stage.line)


def _node_rules(src: Source, parsed: Dockerfile) -> list[Finding]:
    releases = node_releases()
    findings = []
    for stage in parsed.stages:
        image = substitute(stage.image, parsed.args)
        if stage_by_ref(parsed.stages[: stage.index], image):
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
        eol = releases[int(major.group(1))].end_of_life
        if eol is not None and eol < dt.date.today():
            findings.append(
                CODES.finding(
                    src,
                    stage.line,
                    "DOCK002",
                    f"{image}: Node.js {major.group(1)} reached end-of-life on {eol.isoformat()}",
                )
            )
    return findings


def _copy_sources(instruction: Instruction) -> list[str] | None:
    """The sources a COPY/ADD takes from the build context; None when it takes them elsewhere."""
    if instruction.heredoc or "from" in instruction.flags:
        return None
    return list(instruction.words[:-1])


def _copy_rules(src: Source, parsed: Dockerfile) -> list[Finding]:
    context = src.path.parent
    patterns = ignore_patterns(context)
    findings = []
    for stage in parsed.stages:
        for ins in stage.instructions:
            if ins.keyword not in {"COPY", "ADD"}:
                continue
            for source in _copy_sources(ins) or []:
                source = substitute(source, parsed.args)
                if "$" in source or re.match(r"^[a-z]+://|^git@", source):
                    continue
                wildcard = any(c in source for c in "*?[")
                local = source.lstrip("/")
                matches = sorted(context.glob(local)) if wildcard else [context / local]
                matches = [m for m in matches if m.exists()]
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
                if excluded and (len(excluded) == len(rels) or not wildcard):
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
            ref = ins.flags.get("from")
            base = stage_by_ref(stages, ref) if ref else None
            if base is not None and base.index not in seen and _installs_dev(base, stages, seen | {stage.index}):
                culprit = ins
    base = stage_by_ref(stages[: stage.index], stage.image)
    if culprit is None and base is not None and base.index not in seen:
        return _installs_dev(base, stages, seen | {stage.index})
    return culprit


def _stage_rules(src: Source, parsed: Dockerfile) -> list[Finding]:
    stages = parsed.stages
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
    by_path = {str(s.path): s for s in sources}
    results = tools.run_json([tools.find("hadolint"), "--no-fail", "--format", "json", *by_path])
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


RULES = (_node_rules, _copy_rules, _stage_rules)


def check(sources: Sequence[Source]) -> list[Finding]:
    findings = _hadolint(sources)
    for src in sources:
        try:
            parsed = parse(src.text)
        except DockerfileError as exc:
            findings.append(CODES.finding(src, 1, "DOCK007", f"Docker's parser refuses it: {exc}"))
            continue
        findings += apply_rules(src, RULES, src, parsed)
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
