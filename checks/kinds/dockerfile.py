"""Dockerfiles: hadolint first, then our rules on Docker's own parse of the file.

The build context is taken to be the Dockerfile's directory, as with `docker build .` next to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from handbook.lookups import node_releases

from .. import templates, tools
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
from ..model import CODES as MODEL_CODES
from ..model import CodeTable, Finding, Kind, Source, apply_rules, tool_severity

CODES = CodeTable(
    ("DOCK001", "warning", "the final stage runs as root: add a USER with an unprivileged (ideally numeric) user"),
    ("DOCK002", "error", "the base image's Node.js line is past end-of-life (data/tables/node-releases.yaml)"),
    (
        "DOCK003",
        "warning",
        "a node base image on a moving tag (lts, current) or a line unknown to data/tables/node-releases.yaml",
    ),
    (
        "DOCK004",
        "error",
        "a COPY/ADD source does not exist in the build context (the Dockerfile's directory); a warning when "
        "an earlier build step makes it (target/, a Makefile target)",
    ),
    ("DOCK005", "error", "a COPY/ADD source is excluded by .dockerignore, so the build cannot see it"),
    ("DOCK006", "warning", "development dependencies reach the final stage (npm ci/install without --omit=dev)"),
    ("DOCK007", "error", "Docker cannot read the file as a Dockerfile (e.g. it has no instructions)"),
    (
        "DOCK008",
        "error",
        "CMD/ENTRYPOINT/RUN written as a list but not valid JSON (single quotes): Docker runs it through a "
        "shell as one word, which fails",
    ),
    ("DOCK009", "error", "COPY --from names a stage that is not defined before it"),
)
# hadolint reads every RUN line as POSIX shell. In a Windows Dockerfile (PowerShell or cmd) its shell
# rules, ShellCheck's included, describe a language the file does not use.
WINDOWS_IMAGE = re.compile(r"mcr\.microsoft\.com/(?:windows|powershell|dotnet/framework)|nanoserver|servercore", re.I)
WINDOWS_SHELL = re.compile(r"^\s*SHELL\s*\[\s*\"(?:powershell|pwsh|cmd)", re.I | re.M)
ESCAPE_BACKTICK = re.compile(r"\A(?:\s*#[^\n]*\n)*?\s*#\s*escape\s*=\s*`", re.I)
POSIX_SHELL_RULES = {
    "DL3003", "DL3004", "DL3008", "DL3009", "DL3013", "DL3014", "DL3015", "DL3016", "DL3018", "DL3019",
    "DL3027", "DL3028", "DL3030", "DL3032", "DL3033", "DL3034", "DL3035", "DL3036", "DL3037", "DL3038",
    "DL3040", "DL3041", "DL3042", "DL3046", "DL3047", "DL3060", "DL3062", "DL3066", "DL4001", "DL4005",
    "DL4006",
}  # fmt: skip
# hadolint calls these errors, yet the image builds and runs: ADD for a local file (DL3020), a relative
# WORKDIR (DL3000), sudo in RUN (DL3004). Style and risk, so warnings here.
HADOLINT_STYLE = {"DL3000", "DL3004", "DL3020"}
# Build output directories: a COPY source there is made by the build step before `docker build`.
BUILD_OUTPUT = re.compile(r"^(?:\./)?(?:target|build|dist|out|obj|bin/Release|publish)/")
# Stage names people use; an image of that name is nowhere to be pulled, so --from=<it> is a typo.
STAGE_WORDS = {"build", "builder", "deps", "dependencies", "base", "compile", "runtime", "release", "assets",
               "development", "production", "prod", "dev", "test", "installer", "install", "final"}  # fmt: skip
# Tags that follow a moving line: which Node.js they run changes over time.
MOVING_TAGS = re.compile(r"^(?:lts|current)(?:-|$)")
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


def node_line(tag: str) -> str | None:
    """The Node.js release line an image tag names: "24.21.0-alpine3.24" -> "24", "0.10.48" -> "0.10",
    "hydrogen-alpine" (an LTS codename) -> "18"; None for a moving tag (lts, current)."""
    version = re.match(r"(0\.\d+|\d+)(?:[.-]|$)", tag)
    if version:
        return version.group(1)
    word = tag.split("-")[1] if tag.startswith("lts-") and "-" in tag else tag.split("-")[0]
    by_codename = {line.codename.lower(): line.line for line in node_releases().values() if line.codename}
    return by_codename.get(word.lower())


def _node_rules(src: Source, parsed: Dockerfile) -> list[Finding]:
    lines = node_releases()
    findings = []
    seen: set[str] = set()
    for stage in parsed.stages:
        image = substitute(stage.image, parsed.args)
        if stage_by_ref(parsed.stages[: stage.index], image) or image in seen:
            continue  # a stage built on a stage, or the same image again: said once, at its first FROM
        seen.add(image)
        name, _, tag = image.split("@")[0].partition(":")
        if name.rsplit("/", 1)[-1] != "node" or not tag or tag == "latest" or "$" in tag:
            continue  # untagged and latest are hadolint's DL3006 / DL3007; an unset ARG is not ours to guess
        line = node_line(tag)
        if line is None or line not in lines:
            why = "follows a moving line" if line is None and MOVING_TAGS.match(tag) else "names no known line"
            findings.append(
                CODES.finding(
                    src,
                    stage.line,
                    "DOCK003",
                    f"{image} {why}: pin a numeric tag of a supported line (data/tables/node-releases.yaml)",
                )
            )
            continue
        release = lines[line]
        if release.end_of_life < dt.date.today():
            findings.append(
                CODES.finding(
                    src,
                    stage.line,
                    "DOCK002",
                    f"{image}: Node.js {line} reached end-of-life on {release.end_of_life.isoformat()}; "
                    "it gets no security fixes",
                )
            )
    return findings


def _copy_sources(instruction: Instruction) -> list[str] | None:
    """The sources a COPY/ADD takes from the build context; None when it takes them elsewhere."""
    if instruction.heredoc or "from" in instruction.flags:
        return None
    return list(instruction.words[:-1])


def _made_by_build(context: Path, source: str) -> bool:
    """Is the missing source the output of a build step run before `docker build` (mvn, make, dotnet)?"""
    if BUILD_OUTPUT.match(source):
        return True
    makefile = context / "Makefile"
    if "/" not in source.strip("./") and makefile.is_file():
        target = re.escape(source.strip("./"))
        return re.search(rf"^{target}\s*:", makefile.read_text(encoding="utf-8", errors="replace"), re.M) is not None
    return False


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
                    built = _made_by_build(context, source)
                    message = f"{ins.keyword} source {source!r} does not exist next to the Dockerfile" + (
                        ": build it first (it is a build output)" if built else ""
                    )
                    findings.append(CODES.finding(src, ins.line, "DOCK004", message, "warning" if built else None))
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


def _form_rules(src: Source, parsed: Dockerfile) -> list[Finding]:
    """Exec form that is not JSON, and COPY --from a stage that does not exist (yet)."""
    findings = []
    for stage in parsed.stages:
        for ins in stage.instructions:
            if ins.keyword in {"CMD", "ENTRYPOINT", "RUN"} and not ins.json and ins.args.lstrip().startswith("["):
                findings.append(
                    CODES.finding(
                        src,
                        ins.line,
                        "DOCK008",
                        f"{ins.keyword} {ins.args[:40]} is not a JSON array (use double quotes), so Docker runs it "
                        "with /bin/sh -c as one word and it fails",
                    )
                )
            ref = ins.flags.get("from") if ins.keyword == "COPY" else None
            if ref and not ref.isdigit() and stage_by_ref(parsed.stages[: stage.index], ref) is None:
                later = stage_by_ref(parsed.stages[stage.index :], ref)
                if later is not None or ref.lower() in STAGE_WORDS:
                    where = f"is defined later, on line {later.line}" if later else "is no stage of this file"
                    findings.append(
                        CODES.finding(
                            src,
                            ins.line,
                            "DOCK009",
                            f"COPY --from={ref}: {ref!r} {where}, so Docker pulls an image "
                            f"called {ref!r} and the build fails",
                        )
                    )
    return findings


def is_windows(text: str, parsed: Dockerfile) -> bool:
    """A Windows container image: PowerShell or cmd as the shell, the backtick escape, or a Windows base."""
    if WINDOWS_SHELL.search(text) or ESCAPE_BACKTICK.match(text):
        return True
    return any(WINDOWS_IMAGE.search(root_image(stage, parsed.stages)) for stage in parsed.stages)


def _stage_rules(src: Source, parsed: Dockerfile) -> list[Finding]:
    stages = parsed.stages
    if not stages:
        return []
    final = stages[-1]
    findings = []
    if is_windows(src.text, parsed):
        return findings  # Windows images have no root user; npm rules assume a Linux image
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
            "warning" if r["code"] in HADOLINT_STYLE else tool_severity(r["level"]),
            r["code"],
            f"{r['message']} (hadolint)",
        )
        for r in results
        if r["file"] in by_path
    ]


RULES = (_node_rules, _copy_rules, _form_rules, _stage_rules)


def check(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    checked: list[Source] = []
    windows: set[str] = set()
    for src in sources:
        template = templates.template_syntax(src.text)
        if template:
            message = f"templated ({template[:40]!r}): not checked; check the Dockerfile it renders to"
            findings.append(MODEL_CODES.finding(src, 1, "TPL001", message))
            continue
        try:
            parsed = parse(src.text)
        except DockerfileError as exc:
            findings.append(CODES.finding(src, 1, "DOCK007", f"Docker's parser refuses it: {exc}"))
            continue
        if is_windows(src.text, parsed):
            windows.add(src.display)
        checked.append(src)
        findings += apply_rules(src, RULES, src, parsed)
    return findings + [
        f
        for f in _hadolint(checked)
        if f.path not in windows or not (f.code.startswith("SC") or f.code in POSIX_SHELL_RULES)
    ]


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
