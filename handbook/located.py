"""Parse JSON and YAML while remembering the line of every key, so messages point at real lines.

Used by the data loader (data/*.yaml) and by the checker (users' JSON and YAML files). YAML goes
through PyYAML with duplicate keys refused; `line_index` maps each key path of the node tree to its line.
Hostile input is refused before it can hurt: `check_yaml_limits` walks libyaml's event stream (an
iterative parser) and stops a document that nests too deep (libyaml's recursive composer segfaults
near 10^5 levels) or whose aliases expand too far (a "billion laughs"), and `read_source` refuses
what is not a regular, readable UTF-8 file of bounded size, naming the reason.
"""

from __future__ import annotations

import bisect
import json
import os
import re
import stat
from dataclasses import dataclass
from json.decoder import scanstring
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[Any, ...]
_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")


class StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when present: 5x faster
    """SafeLoader that rejects duplicate keys (PyYAML silently keeps the last one)."""


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            # e.g. an unquoted `{{ value }}` placeholder, which YAML reads as a mapping used as a key
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "a key must be a plain value, not a mapping or a list (a {{ }} template?)",
                key_node.start_mark,
            )
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


def _construct_timestamp(loader: StrictLoader, node: yaml.ScalarNode) -> Any:
    # PyYAML raises a bare ValueError (no line) for dates such as 2026-13-45; give it a position.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        reason = f"invalid date {node.value!r}: {exc}"
        raise yaml.constructor.ConstructorError(None, None, reason, node.start_mark) from None


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def line_index(node: yaml.Node, path: Path_ = ()) -> dict[Path_, int]:
    """Map every key path in a YAML node tree to its 1-based line, so errors can point at it.

    Iterative, and each node is entered once: an aliased node reached again (PyYAML shares it) keeps
    only the line of the place that refers to it, so aliases never multiply the work.
    """
    lines: dict[Path_, int] = {}
    entered: set[int] = set()
    todo: list[tuple[yaml.Node, Path_]] = [(node, path)]
    while todo:
        current, where = todo.pop()
        lines.setdefault(where, current.start_mark.line + 1)  # a key's own line, set below, wins
        if id(current) in entered:
            continue
        entered.add(id(current))
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                child = (*where, key_node.value)
                lines[child] = key_node.start_mark.line + 1
                todo.append((value_node, child))
        elif isinstance(current, yaml.SequenceNode):
            todo.extend((item, (*where, index)) for index, item in enumerate(current.value))
    return lines


# Far above any real document (data files nest 6 deep, Kubernetes manifests about 12, CRD schemas 30).
MAX_DEPTH = 100
# Nodes that aliases may add once expanded; a billion-laughs document adds hundreds of millions.
MAX_ALIAS_NODES = 20_000


class LimitError(yaml.MarkedYAMLError):
    """A YAML document refused before composition: too deep, or its aliases expand too far."""

    def __init__(self, problem: str, mark: yaml.Mark):
        super().__init__(problem=problem, problem_mark=mark)


def check_yaml_limits(
    text: str, loader: type = StrictLoader, *, max_depth: int = MAX_DEPTH, max_alias_nodes: int = MAX_ALIAS_NODES
) -> None:
    """Refuse a YAML stream that nests deeper than max_depth or whose aliases would expand to more than
    max_alias_nodes extra nodes. Reads only events, and stops at the first offending one, so the cost is
    bounded by the limits (libyaml slows down quadratically with flow nesting, so it must stop early)."""
    open_nodes: list[list[Any]] = []  # [anchor, node count with aliases expanded] of each open collection
    sizes: dict[str, int] = {}  # anchor -> node count of the finished node it names
    added = 0

    def close(anchor: str | None, size: int) -> None:
        if anchor is not None:
            sizes[anchor] = size
        if open_nodes:
            open_nodes[-1][1] += size

    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.DocumentStartEvent):
            sizes.clear()  # anchors are per document
        elif isinstance(event, yaml.CollectionStartEvent):
            if len(open_nodes) >= max_depth:
                raise LimitError(f"nested more than {max_depth} levels deep", event.start_mark)
            open_nodes.append([event.anchor, 1])
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, size = open_nodes.pop()
            close(anchor, size)
        elif isinstance(event, yaml.ScalarEvent):
            close(event.anchor, 1)
        elif isinstance(event, yaml.AliasEvent):
            if any(anchor == event.anchor for anchor, _ in open_nodes):
                raise LimitError(f"alias *{event.anchor} refers to a node that contains it", event.start_mark)
            size = sizes.get(event.anchor, 1)  # an undefined alias is reported by the composer
            added += size - 1
            if added > max_alias_nodes:
                raise LimitError(
                    f"aliases expand to more than {max_alias_nodes:,} extra nodes (an alias bomb?)", event.start_mark
                )
            close(None, size)


class SourceError(ValueError):
    """A file that cannot be read as text: `line` and `reason` say where and why, without its content."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason


def read_source(path: Path, *, max_bytes: int, inside: Path | None = None) -> str:
    """The text of a regular UTF-8 file of at most max_bytes (a UTF-8 BOM is allowed), or SourceError.

    Never opens what is not a regular file (a FIFO would block, a device never ends), and with
    `inside`, refuses a symlink that resolves outside that folder.
    """
    if path.is_symlink():
        try:
            target = path.resolve()
        except RuntimeError:  # Python 3.11's word for a symlink loop
            raise SourceError(1, "symlink loop") from None
        if not target.exists():
            raise SourceError(1, f"symlink to {os.readlink(path)}, which does not exist")
        if inside is not None and not target.is_relative_to(inside.resolve()):
            raise SourceError(1, f"symlink to {target}, outside {inside.name}/")
    try:
        info = path.stat()
    except OSError as exc:
        raise SourceError(1, f"cannot read it: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(1, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(1, "is not a regular file (a FIFO, socket or device?)")
    if info.st_size > max_bytes:
        raise SourceError(1, f"is {info.st_size:,} bytes; the limit is {max_bytes:,}")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(1, f"cannot read it: {exc.strerror}") from None
    if len(data) > max_bytes:  # grew since stat()
        raise SourceError(1, f"is more than {max_bytes:,} bytes")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(1, "is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            line, f"is not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded; save it as UTF-8"
        ) from None


def nearest_line(lines: dict[Path_, int], path: Path_) -> int:
    """The line of the deepest existing prefix of path (a missing key points at its parent)."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 1


class _Loader(StrictLoader):
    """Strict about duplicate keys, tolerant of application tags such as mkdocs' `!ENV`."""


def _untagged(loader: _Loader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_Loader.add_multi_constructor("!", _untagged)


class ParseError(ValueError):
    def __init__(self, line: int, reason: str):
        self.line = line
        self.reason = reason
        super().__init__(f"line {line}: {reason}")


@dataclass(frozen=True)
class Located:
    """A parsed document and the 1-based line of each key path (`("a", 0, "b")`)."""

    data: Any
    lines: dict[Path_, int]

    def line(self, *path: Any) -> int:
        """The line of the deepest existing prefix of path (a missing key points at its parent)."""
        return nearest_line(self.lines, path)


# Hand-written on purpose: the standard json module keeps no positions, and json-source-map, the one
# library that does, has had no release since 2022. Built on json's own string scanner.
class _JsonParser:
    def __init__(self, text: str):
        self.text = text
        self.lines: dict[Path_, int] = {}
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def line_at(self, pos: int) -> int:
        return bisect.bisect_left(self.newlines, pos) + 1

    def fail(self, pos: int, reason: str) -> ParseError:
        return ParseError(self.line_at(pos), reason)

    def skip(self, pos: int) -> int:
        match = _WS.match(self.text, pos)  # matches the empty string too, so never None in practice
        return match.end() if match else pos

    def value(self, pos: int, path: Path_) -> tuple[Any, int]:
        pos = self.skip(pos)
        self.lines.setdefault(path, self.line_at(pos))
        char = self.text[pos : pos + 1]
        if char == "{":
            return self.obj(pos + 1, path)
        if char == "[":
            return self.array(pos + 1, path)
        if char == '"':
            return self.string(pos + 1)
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, pos):
                return val, pos + len(word)
        number = _NUMBER.match(self.text, pos)
        if number and number.group():
            text = number.group()
            return (float(text) if any(c in text for c in ".eE") else int(text)), number.end()
        if not char:
            raise self.fail(pos, "unexpected end of file, expected a value")
        if char in "\u2018\u2019\u201c\u201d":
            raise self.fail(pos, f"typographic quote {char!r}: JSON strings need straight double quotes")
        raise self.fail(pos, f"expected a value, found {char!r}")

    def string(self, pos: int) -> tuple[str, int]:
        try:
            return scanstring(self.text, pos, True)
        except json.JSONDecodeError as exc:
            raise ParseError(exc.lineno, exc.msg) from None

    def obj(self, pos: int, path: Path_) -> tuple[dict[str, Any], int]:
        out: dict[str, Any] = {}
        pos = self.skip(pos)
        if self.text[pos : pos + 1] == "}":
            return out, pos + 1
        while True:
            pos = self.skip(pos)
            if self.text[pos : pos + 1] != '"':
                found = self.text[pos : pos + 2]
                hint = " (JSON has no comments)" if found in ("//", "/*") else ""
                raise self.fail(pos, f"expected a double-quoted key{hint}")
            key_line = self.line_at(pos)
            key, pos = self.string(pos + 1)
            if key in out:
                raise ParseError(key_line, f"duplicate key {key!r}")
            self.lines[(*path, key)] = key_line
            pos = self.skip(pos)
            if self.text[pos : pos + 1] != ":":
                raise self.fail(pos, f"expected ':' after key {key!r}")
            out[key], pos = self.value(pos + 1, (*path, key))
            self.lines[(*path, key)] = key_line
            pos = self.skip(pos)
            char = self.text[pos : pos + 1]
            if char == "}":
                return out, pos + 1
            if char != ",":
                raise self.fail(pos, "expected ',' or '}' after a value")
            pos = self.skip(pos + 1)
            if self.text[pos : pos + 1] == "}":
                raise self.fail(pos, "trailing comma before '}'")

    def array(self, pos: int, path: Path_) -> tuple[list[Any], int]:
        out: list[Any] = []
        pos = self.skip(pos)
        if self.text[pos : pos + 1] == "]":
            return out, pos + 1
        while True:
            item, pos = self.value(pos, (*path, len(out)))
            out.append(item)
            pos = self.skip(pos)
            char = self.text[pos : pos + 1]
            if char == "]":
                return out, pos + 1
            if char != ",":
                raise self.fail(pos, "expected ',' or ']' after a value")
            pos = self.skip(pos + 1)
            if self.text[pos : pos + 1] == "]":
                raise self.fail(pos, "trailing comma before ']'")


def parse_json(text: str) -> Located:
    parser = _JsonParser(text)
    try:
        data, end = parser.value(0, ())
    except RecursionError:
        raise ParseError(1, "nested too deeply to check") from None
    end = parser.skip(end)
    if end != len(text):
        raise parser.fail(end, "extra data after the JSON value")
    return Located(data, parser.lines)


def parse_yaml_documents(
    text: str, *, max_depth: int = MAX_DEPTH, max_alias_nodes: int = MAX_ALIAS_NODES
) -> list[Located]:
    """Every document of a (multi-document) YAML stream; duplicate keys are errors, and so are
    documents beyond the nesting and alias limits (checked before composing)."""
    try:
        check_yaml_limits(text, _Loader, max_depth=max_depth, max_alias_nodes=max_alias_nodes)
        nodes = [node for node in yaml.compose_all(text, Loader=_Loader) if node is not None]
        datas = [_Loader("").construct_document(node) for node in nodes]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        reason = getattr(exc, "problem", None) or str(exc)
        raise ParseError(mark.line + 1 if mark else 1, reason) from None
    except RecursionError:
        raise ParseError(1, "nested too deeply to check") from None
    return [Located(data, line_index(node)) for node, data in zip(nodes, datas, strict=True)]
