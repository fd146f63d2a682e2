"""One run: collect files, give each to its kind, gather findings.

A file no kind knows is reported only when it was named on the command line; found in a directory
it is skipped quietly (listed with --verbose), so a real repository's README, images and configs do
not drown the findings. The same holds for files a kind leaves alone on purpose (minified code).
"""

from __future__ import annotations

import re
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from handbook.loader import DataError
from handbook.lookups import DataContractError

from . import templates
from .model import CODES, MAX_BYTES, Finding, Kind, Source
from .parsed import load_json, load_yaml
from .registry import kind_of, known_kind
from .tools import ToolMissing
from .walk import collect

# A JSON or YAML file no kind claims is still reported when it does not parse and looks like one of
# ours (a task definition with a syntax error is not recognisable by content any more).
LOOKS_OURS = re.compile(r'"(?:containerDefinitions|serviceName)"|^(?:apiVersion|kind):', re.MULTILINE)
# Suffixes of the text files our kinds read: a huge one is reported (FILE001) even when found in a directory.
TEXT_SUFFIXES = {".json", ".yaml", ".yml", ".js", ".cjs", ".mjs", ".sh", ".bash", ".md", ".markdown"}
# Kinds run side by side (most of the time goes to waiting for ESLint, hadolint, Node and ShellCheck);
# two at a time keeps the peak memory of the tools within budget on a small machine.
PARALLEL_KINDS = 2


@dataclass
class Run:
    findings: list[Finding] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # paths given that do not exist
    not_regular: list[tuple[str, str, bool]] = field(default_factory=list)  # (path, what it is, named): never opened
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why): found in a directory, not checked
    checked: int = 0  # files given to a kind


def _display(path: Path) -> str:
    """Paths as the user would type them: relative to the working directory when inside it."""
    absolute = path.absolute()
    return str(absolute.relative_to(Path.cwd())) if absolute.is_relative_to(Path.cwd()) else str(absolute)


def check_sources(sources: list[Source], named: set[Path] | None = None) -> Run:
    """Findings for these files. `named` are the ones given on the command line (None: all of them)."""
    run = Run()
    grouped: defaultdict[str, list[Source]] = defaultdict(list)
    kinds: dict[str, Kind] = {}
    for src in sources:
        explicit = named is None or src.path.absolute() in named or _resolved(src.path) in named
        if src.path.stat().st_size > MAX_BYTES:
            # Not read at all: reported when it could be one of ours, skipped when it is clearly not (an image).
            if explicit or src.path.suffix in TEXT_SUFFIXES or src.name in {"Procfile"} or "Dockerfile" in src.name:
                size = src.path.stat().st_size / 2**20
                message = f"{size:.1f} MB is over the {MAX_BYTES // 2**20} MB limit: not checked"
                run.findings.append(CODES.finding(src, 1, "FILE001", message))
            else:
                run.skipped.append((src.display, f"over {MAX_BYTES // 2**20} MB"))
            continue
        kind = kind_of(src)
        reason = kind.skip(src) if kind else None
        if kind is None:
            unknown = _unknown(src, explicit)
            if unknown is not None:
                run.findings.append(unknown)
            else:
                run.skipped.append((src.display, "no checker knows this kind of file"))
            continue
        if reason is not None:
            if explicit:
                run.findings.append(CODES.finding(src, 1, "KIND002", f"{kind.name} not checked: {reason}"))
            else:
                run.skipped.append((src.display, reason))
            continue
        src.text  # noqa: B018  (read now, so that bytes that are not UTF-8 are reported once, here)
        if src.undecodable:
            run.findings.append(CODES.finding(src, src.undecodable_line, "FILE002", src.undecodable))
        kinds[kind.name] = kind
        grouped[kind.name].append(src)
        run.checked += 1
    with ThreadPoolExecutor(max_workers=max(1, min(PARALLEL_KINDS, len(kinds)))) as pool:
        for result in pool.map(lambda name: _check_kind(kinds[name], grouped[name]), kinds):
            run.findings += result
    run.findings = sorted(set(run.findings))
    return run


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _check_kind(kind: Kind, members: list[Source]) -> list[Finding]:
    try:
        return _guarded(kind, members)
    except Exception as exc:  # a checker bug: find which files it is, check the others alone, go on
        if len(members) == 1:
            return [_internal(kind, members[0], exc)]
    findings: list[Finding] = []
    for src in members:
        try:
            findings += _guarded(kind, [src])
        except Exception as exc:  # the file that breaks the checker
            findings.append(_internal(kind, src, exc))
    return findings


def _internal(kind: Kind, src: Source, exc: Exception) -> Finding:
    return CODES.finding(src, 1, "INTERNAL", f"the {kind.name} checker crashed: {type(exc).__name__}: {exc}")


def _guarded(kind: Kind, members: list[Source]) -> list[Finding]:
    """kind.check, with a missing tool or invalid data/ as one TOOL001 per file (never a silent pass)."""
    try:
        return kind.check(members)
    except (ToolMissing, DataError, DataContractError) as exc:
        reason = str(exc).splitlines()[0] + ("" if isinstance(exc, ToolMissing) else " (data/ is invalid)")
        return [CODES.finding(src, 1, "TOOL001", f"{kind.name} not checked: {reason}") for src in members]


def _unknown(src: Source, explicit: bool) -> Finding | None:
    """The finding for a file no kind claims: KIND001 when named, else only a parse error of a file of ours."""
    if src.path.suffix in {".json", ".yaml", ".yml"} and (explicit or LOOKS_OURS.search(src.text)):
        template = templates.template_syntax(src.text)
        if template and LOOKS_OURS.search(src.text):
            return CODES.finding(src, 1, "TPL001", f"templated ({template[:40]!r}): not checked; check it rendered")
        loaded = load_json(src) if src.path.suffix == ".json" else load_yaml(src)
        if isinstance(loaded, Finding):
            return loaded
    if not explicit:
        return None
    return CODES.finding(src, 1, "KIND001", "no checker knows this kind of file; see `python -m checks --help`")


def published_refusals(paths: list[str]) -> tuple[list[Finding], set[Path]]:
    """With --published: for each directory given, what it must not publish (handbook/confine.py, the
    policy the site build applies to snippets/) as PUB001 findings, and those paths, which are not read."""
    from handbook.confine import refusals  # loads detect-secrets: only when asked

    findings: list[Finding] = []
    refused: set[Path] = set()
    for given in paths:
        root = Path(given)
        if not root.is_dir():
            continue
        for path, reason in refusals(root, allowed_dotfile=known_kind):
            findings.append(CODES.finding(Source(path, _display(path)), 1, "PUB001", reason))
            refused.add(path.absolute())
    return findings, refused


def run(paths: list[str], skip_unknown: bool = False, published: bool = False) -> Run:
    """Check files and directories: findings, and what was missing, set aside or skipped. With
    skip_unknown, files named on the command line are treated like files found in a directory (a
    file no checker knows is skipped quietly): for pre-commit, which names every changed file. With
    published, each directory is also held to the publishing policy, and what it refuses is not read."""
    collected = collect(paths)
    refusals, refused = published_refusals(paths) if published else ([], set())
    named = set() if skip_unknown else collected.named
    files = [f for f in collected.files if not any(f.absolute().is_relative_to(r) for r in refused)]
    outcome = check_sources([Source(f, _display(f)) for f in files], named)
    outcome.findings = sorted(set(outcome.findings) | set(refusals))
    outcome.missing = collected.missing
    outcome.not_regular = [(_display(Path(p)), what, named) for p, what, named in collected.not_regular]
    return outcome
