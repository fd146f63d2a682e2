"""One run: collect files, give each to its kind, gather findings."""

from __future__ import annotations

from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from handbook.loader import DataError
from handbook.lookups import DataContractError

from .model import CODES, Finding, Kind, Source
from .parsed import load_json, load_yaml
from .registry import kind_of
from .tools import ToolMissing
from .walk import collect


def _display(path: Path) -> str:
    """Paths as the user would type them: relative to the working directory when inside it."""
    absolute = path.absolute()
    return str(absolute.relative_to(Path.cwd())) if absolute.is_relative_to(Path.cwd()) else str(absolute)


def check_sources(sources: list[Source]) -> list[Finding]:
    findings: list[Finding] = []
    grouped: defaultdict[str, list[Source]] = defaultdict(list)
    kinds: dict[str, Kind] = {}
    for src in sources:
        kind = kind_of(src)
        if kind is None:
            findings.append(_unknown(src))
            continue
        kinds[kind.name] = kind
        grouped[kind.name].append(src)
    # Kinds run side by side: most of the time goes to waiting for ESLint, hadolint, Node and ShellCheck.
    with ThreadPoolExecutor(max_workers=max(1, len(kinds))) as pool:
        for result in pool.map(lambda name: _check_kind(kinds[name], grouped[name]), kinds):
            findings += result
    return sorted(set(findings))


def _check_kind(kind: Kind, members: list[Source]) -> list[Finding]:
    try:
        return kind.check(members)
    except (ToolMissing, DataError, DataContractError) as exc:
        reason = str(exc).splitlines()[0] + ("" if isinstance(exc, ToolMissing) else " (data/ is invalid)")
        return [CODES.finding(src, 1, "TOOL001", f"{kind.name} not checked: {reason}") for src in members]
    except Exception as exc:  # a checker bug: say so for each file it left unchecked, and go on with the rest
        reason = f"{type(exc).__name__}: {exc}"
        return [CODES.finding(src, 1, "INTERNAL", f"the {kind.name} checker crashed: {reason}") for src in members]


def _unknown(src: Source) -> Finding:
    # A JSON or YAML file that does not even parse says so, rather than "unknown kind".
    if src.path.suffix == ".json":
        loaded = load_json(src)
        if isinstance(loaded, Finding):
            return loaded
    if src.path.suffix in {".yaml", ".yml"}:
        loaded_yaml = load_yaml(src)
        if isinstance(loaded_yaml, Finding):
            return loaded_yaml
    return CODES.finding(src, 1, "KIND001", "no checker knows this kind of file; see `python -m checks --help`")


def run(paths: list[str]) -> tuple[list[Finding], list[str]]:
    """(findings, paths that do not exist) for files and directories."""
    files, missing = collect(paths)
    return check_sources([Source(f, _display(f)) for f in files]), missing
