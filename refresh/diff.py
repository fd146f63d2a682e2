"""The proposed data diff: new values and `verified` dates written into data/ with nothing else moved.

Each edit replaces exactly the characters of one YAML scalar (PyYAML's node marks give its span), so
comments, key order, flow mappings, quoting and anchors elsewhere stay byte for byte. A value reached
through an alias (`*anchor`) is shared with other items and is refused, as is any edit after which the
file no longer loads, or loads to something else. A unified diff of every file is written beside.
"""

from __future__ import annotations

import datetime as dt
import difflib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from handbook.citations import Item
from handbook.loader import DataError, load_file
from handbook.schema import Row


class EditError(Exception):
    """An edit that cannot be made safely. One line: file, item and why."""


@dataclass(frozen=True)
class Edit:
    item: Item
    values: dict[str, Any] = field(default_factory=dict)  # column (or "value") -> new value
    verified: dt.date | None = None


@dataclass(frozen=True)
class FileChange:
    file: str  # relative to data/
    before: str
    after: str

    def unified(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                f"a/data/{self.file}",
                f"b/data/{self.file}",
            )
        )


def render(value: Any) -> str:
    """A scalar as YAML that is safe inside a flow mapping as well as in a block."""
    text = yaml.safe_dump({"k": value}, default_flow_style=True, width=1 << 30, allow_unicode=True)
    if not (text.startswith("{k: ") and text.endswith("}\n")):
        raise EditError(f"cannot write {value!r} as one YAML scalar")
    return text[4:-2]


def _index(node: yaml.Node, path: tuple[Any, ...], out: dict[tuple[Any, ...], yaml.Node], seen: dict[int, int]) -> None:
    out[path] = node
    seen[id(node)] = seen.get(id(node), 0) + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _index(value, (*path, key.value), out, seen)
    elif isinstance(node, yaml.SequenceNode):
        for position, value in enumerate(node.value):
            _index(value, (*path, position), out, seen)


def _target(item: Item, key: str) -> tuple[Any, ...]:
    if key == "verified":
        return (*item.yaml_path, "verified")
    return (*item.yaml_path, "values", key) if isinstance(item.sourced, Row) else (*item.yaml_path, "value")


def edit_text(text: str, file: str, edits: list[Edit]) -> str:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    nodes: dict[tuple[Any, ...], yaml.Node] = {}
    seen: dict[int, int] = {}
    _index(root, (), nodes, seen)
    spans: list[tuple[int, int, str]] = []
    for edit in edits:
        wanted = {key: render(value) for key, value in edit.values.items()}
        if edit.verified is not None:
            wanted["verified"] = edit.verified.isoformat()
        for key, new in wanted.items():
            node = nodes.get(_target(edit.item, key))
            where = f"data/{file}: {edit.item.key}: {key}"
            if not isinstance(node, yaml.ScalarNode):
                raise EditError(f"{where}: not a single value in the file")
            if seen[id(node)] > 1:
                raise EditError(f"{where}: shared with other items through a YAML alias; edit it by hand")
            spans.append((node.start_mark.index, node.end_mark.index, new))
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _reloaded(file: str, text: str) -> Any:
    """The edited file validated by the handbook's own loader (it checks the id against the file name)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / file
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
        try:
            return load_file(path)
        except DataError as exc:
            raise EditError(f"data/{file}: the edit would make the file invalid: {exc.problems[0]}") from None


def _check(model: Any, edit: Edit) -> None:
    kind, _, rest = edit.item.key.partition("/")
    sourced = model.row(rest.split("/")[1]) if kind == "tables" else model.facts[rest.split("/")[1]]
    got = dict(sourced.values) if kind == "tables" else {"value": sourced.value}
    for key, value in edit.values.items():
        if got[key] != value:
            raise EditError(f"data/{edit.item.file}: {edit.item.key}: {key} reads back as {got[key]!r}, not {value!r}")
    if edit.verified is not None and sourced.verified != edit.verified:
        raise EditError(f"data/{edit.item.file}: {edit.item.key}: verified did not change")


def apply(data_dir: Path, edits: list[Edit], *, write: bool = True) -> list[FileChange]:
    """Edit every file the edits touch; return what changed. Nothing is written if any edit fails."""
    by_file: dict[str, list[Edit]] = {}
    for edit in edits:
        by_file.setdefault(edit.item.file, []).append(edit)
    changes = []
    for file, file_edits in sorted(by_file.items()):
        before = (data_dir / file).read_text(encoding="utf-8")
        after = edit_text(before, file, file_edits)
        model = _reloaded(file, after)
        for edit in file_edits:
            _check(model, edit)
        if after != before:
            changes.append(FileChange(file, before, after))
    if write:
        for change in changes:
            (data_dir / change.file).write_text(change.after, encoding="utf-8")
    return changes
