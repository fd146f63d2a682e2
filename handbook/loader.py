"""The one loader for data/: YAML in, validated models out, or one clear line per problem.

Used by the page macros, by `python -m checks` and by the tests. A bad file never becomes a
traceback: it becomes `data/tables/x.yaml:12: rows[3].verified: reason`. That holds for hostile
files too: a directory, FIFO or dangling symlink named *.yaml, bytes that are not UTF-8, a file over
MAX_DATA_BYTES, nesting or aliases beyond handbook.located's limits (checked before parsing), YAML
1.1 scalars that YAML 1.2 reads differently (handbook.yaml12), and one id in two files.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .located import SourceError, check_yaml_limits, line_index, nearest_line, read_source
from .paths import DATA_DIR, shown
from .schema import KINDS, Fact, FactSet, LocatedError, Table
from .translations import problems as translation_problems
from .yaml12 import DataLoader

# The largest data file today is under 10 KB; a megabyte is a mistake (or an attack), not data.
MAX_DATA_BYTES = 1024 * 1024


class DataError(Exception):
    """One or more data files are invalid. str() is one line per problem: file:line: key path: reason."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def _format_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _yaml_path(lines: dict[tuple[Any, ...], int], loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop the parts of a pydantic error location that are not YAML keys (union member tags)."""
    path: tuple[Any, ...] = ()
    for part in loc:
        if (*path, part) in lines:
            path = (*path, part)
    return path if lines else loc


def parse_yaml(
    text: str, rel: str, *, loader: type[yaml.SafeLoader] = DataLoader, first_line: int = 1
) -> tuple[yaml.Node | None, Any]:
    """Parse once: the node tree gives line numbers, the same tree is then built into Python values.
    Nesting and aliases are limited before parsing (handbook.located). A syntax error, or a limit,
    becomes DataError `file:line: (yaml): reason`."""
    try:
        check_yaml_limits(text, loader)
        parser = loader(text)
        try:
            node = parser.get_single_node()
            return node, parser.construct_document(node) if node is not None else None
        finally:
            parser.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark else first_line
        reason = getattr(exc, "problem", None) or str(exc)
        raise DataError([f"{rel}:{line}: (yaml): {reason}"]) from None


def validation_problems(exc: ValidationError, node: yaml.Node | None, rel: str, first_line: int = 1) -> list[str]:
    """One `file:line: key.path: reason` per key with pydantic errors, lines taken from the YAML node tree
    (a value that fits no member of a union gets its reasons joined on one line). `first_line` is the
    file line the YAML starts on (a page's front matter starts on line 2)."""
    lines = line_index(node) if node is not None else {}
    reasons: dict[tuple[Any, ...], list[str]] = {}
    for err in exc.errors():
        full = tuple(err["loc"])
        located = (err.get("ctx") or {}).get("error")
        if isinstance(located, LocatedError):  # a cross-field rule that names its own key
            full = (*full, *located.loc)
        loc = _yaml_path(lines, full)
        # A missing key is not in the YAML: name it after the deepest existing parent.
        if err["type"] == "missing":
            loc = (*loc, full[-1])
        reason = str(located) if isinstance(located, LocatedError) else err["msg"].removeprefix("Value error, ")
        if reason not in reasons.setdefault(loc, []):
            reasons[loc].append(reason)
    return [
        f"{rel}:{nearest_line(lines, loc) + first_line - 1}: {_format_path(loc)}: {'; or: '.join(found)}"
        for loc, found in reasons.items()
    ]


def load_file(
    path: Path, data_dir: Path | None = None, *, needs_chinese: Callable[[str], bool] | None = None
) -> Table | FactSet:
    """Validate one data file; raise DataError naming file, line, key path and reason.
    With `needs_chinese`, every English text it is true for must have its Chinese twin (`zh:`)."""
    data_dir = data_dir or path.parent.parent
    rel = shown(path, data_dir.parent)  # data/facts/x.yaml, wherever the project is
    kind = path.parent.name
    model = KINDS.get(kind)
    if model is None:
        raise DataError([f"{rel}:1: (file): data files live in data/{{{','.join(KINDS)}}}/, not data/{kind}/"])
    try:
        text = read_source(path, max_bytes=MAX_DATA_BYTES, inside=data_dir)
    except SourceError as exc:
        raise DataError([f"{rel}:{exc.line}: (file): {exc.reason}"]) from None
    node, raw = parse_yaml(text, str(rel))
    if not isinstance(raw, dict):
        raise DataError([f"{rel}:1: (top level): expected a mapping, found {type(raw).__name__}"])
    try:
        item = model.model_validate(raw)
    except ValidationError as exc:
        raise DataError(validation_problems(exc, node, str(rel))) from None
    if item.id != path.stem:
        line = nearest_line(line_index(node), ("id",)) if node is not None else 1
        raise DataError([f"{rel}:{line}: id: {item.id!r} must equal the file name {path.stem!r}"])
    twins = translation_problems(item, needs_chinese)
    if twins:
        lines = line_index(node) if node is not None else {}
        raise DataError([f"{rel}:{nearest_line(lines, loc)}: {_format_path(loc)}: {why}" for loc, why in twins])
    return item


@dataclass(frozen=True)
class Handbook:
    """All of data/, validated. Look-ups by an unknown name raise KeyError with the known names."""

    tables: dict[str, Table] = field(default_factory=dict)
    factsets: dict[str, FactSet] = field(default_factory=dict)

    def table(self, table_id: str) -> Table:
        try:
            return self.tables[table_id]
        except KeyError:
            raise KeyError(f"no data table {table_id!r}; known tables: {', '.join(sorted(self.tables))}") from None

    def fact(self, name: str) -> Fact:
        set_id, _, key = name.partition(".")
        factset = self.factsets.get(set_id)
        if factset is None or not key:
            raise KeyError(f"no fact {name!r}: use 'file.key'; fact files: {', '.join(sorted(self.factsets))}")
        if key not in factset.facts:
            raise KeyError(f"no fact {name!r}; data/facts/{set_id}.yaml has: {', '.join(sorted(factset.facts))}")
        return factset.facts[key]


def load_data(data_dir: Path = DATA_DIR, *, needs_chinese: Callable[[str], bool] | None = None) -> Handbook:
    """Load and validate every YAML file under data_dir; collect all problems before raising.
    The build of the Chinese edition passes `needs_chinese` (see load_file)."""
    tables: dict[str, Table] = {}
    factsets: dict[str, FactSet] = {}
    problems: list[str] = []
    seen: dict[tuple[type, str], Path] = {}  # (kind, id) -> the file that defined it
    paths = sorted(data_dir.rglob("*.y*ml"))
    for path in paths:
        if path.suffix not in {".yaml", ".yml"}:
            continue
        try:
            item = load_file(path, data_dir, needs_chinese=needs_chinese)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        first = seen.setdefault((type(item), item.id), path)
        if first != path:  # heroku.yml beside heroku.yaml: neither may silently replace the other
            where, other = shown(path, data_dir.parent), shown(first, data_dir.parent)
            problems.append(f"{where}:1: id: {item.id!r} is already defined by {other}")
            continue
        (tables if isinstance(item, Table) else factsets)[item.id] = item
    if problems:
        raise DataError(problems)
    return Handbook(tables=tables, factsets=factsets)


@functools.lru_cache(maxsize=1)
def cached_data() -> Handbook:
    """The repository's data, loaded once per process (the checks and the build read it often)."""
    return load_data()
