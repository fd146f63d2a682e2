"""One run: collect files, give each to its kind, gather findings."""

from __future__ import annotations

from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from macros.loader import DataError

from . import common
from .model import Finding, Kind, Source
from .registry import kind_of
from .tools import ToolMissing
from .walk import collect


def _display(path: Path) -> str:
    """Paths as the user would type them: relative to the working directory when inside it."""
    absolute = path.absolute()
    return str(absolute.relative_to(Path.cwd())) if absolute.is_relative_to(Path.cwd()) else str(absolute)


def check_sources(sources: list[Source]) -> list[Finding]:
    findings: list[Finding] = []
    by_kind: dict[str, tuple[Kind, list[Source]]] = {}
    grouped: defaultdict[str, list[Source]] = defaultdict(list)
    for src in sources:
        kind = kind_of(src)
        if kind is None:
            findings.append(_unknown(src))
            continue
        by_kind[kind.name] = (kind, grouped[kind.name])
        grouped[kind.name].append(src)
    # Kinds run side by side: most of the time goes to waiting for ESLint, hadolint, Node and ShellCheck.
    with ThreadPoolExecutor(max_workers=max(1, len(by_kind))) as pool:
        for result in pool.map(lambda item: _check_kind(*item), by_kind.values()):
            findings += result
    return sorted(set(findings))


def _check_kind(kind: Kind, members: list[Source]) -> list[Finding]:
    try:
        return kind.check(members)
    except (ToolMissing, DataError) as exc:
        reason = str(exc).splitlines()[0] + (" (data/ is invalid)" if isinstance(exc, DataError) else "")
        return [common.CODES.finding(src, 1, "TOOL001", f"{kind.name} not checked: {reason}") for src in members]


def _unknown(src: Source) -> Finding:
    # A JSON or YAML file that does not even parse says so, rather than "unknown kind".
    if src.path.suffix == ".json":
        loaded = common.load_json(src)
        if isinstance(loaded, Finding):
            return loaded
    if src.path.suffix in {".yaml", ".yml"}:
        loaded_yaml = common.load_yaml(src)
        if isinstance(loaded_yaml, Finding):
            return loaded_yaml
    return common.CODES.finding(src, 1, "KIND001", "no checker knows this kind of file; see `python -m checks --help`")


def run(paths: list[str]) -> tuple[list[Finding], list[str]]:
    """(findings, paths that do not exist) for files and directories."""
    files, missing = collect(paths)
    return check_sources([Source(f, _display(f)) for f in files]), missing
