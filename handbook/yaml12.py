"""The YAML dialect of data/: YAML 1.2's core schema, and no plain scalar whose meaning depends on the tool.

PyYAML reads YAML 1.1, where `1:30` is 90 (base 60), `030` is 24 (octal) and `NO` is false; YAML 1.2
tools read the same text as "1:30", 30 and "NO". A data file must mean one thing to every reader, so
scalars are resolved with the 1.2 core schema (plus ISO dates, YYYY-MM-DD, which the schema needs)
and any plain scalar that YAML 1.1 would read as another value is refused with its line: quote it.
Explicit tags (`!!binary`, `!!set`, `!local`) are refused too: data is text, numbers, booleans,
dates, lists and mappings, nothing else. PyYAML has no 1.2 mode and ruamel.yaml would be a second
YAML library beside the one the checker shares, so the core schema's resolvers are written out here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any, ClassVar

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import BaseResolver, Resolver

from .located import StrictLoader

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
DATE = "tag:yaml.org,2002:timestamp"

# YAML 1.2.2, 10.3.2 "Tag Resolution" of the core schema, plus a bare ISO date.
CORE_RESOLVERS: list[tuple[str, str, str]] = [
    (NULL, r"^(?:~|null|Null|NULL|)$", "~nN?"),  # "?": the empty scalar, see below
    (BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (INT, r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (FLOAT, r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$", "-+.0123456789"),
    (FLOAT, r"^(?:[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN)$", "-+."),
    (DATE, r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
]


class CoreResolver(BaseResolver):
    """Resolves plain scalars with the YAML 1.2 core schema instead of PyYAML's YAML 1.1 rules."""

    yaml_implicit_resolvers: ClassVar[dict[str | None, list[tuple[str, re.Pattern[str]]]]] = {}


for _tag, _pattern, _first in CORE_RESOLVERS:
    # PyYAML picks candidate resolvers by a scalar's first character; "" stands for the empty scalar.
    CoreResolver.add_implicit_resolver(_tag, re.compile(_pattern), [c if c != "?" else "" for c in _first])


def _core_int(text: str) -> int:
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)


def _shown(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.datetime) else repr(value)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


class DataLoader(StrictLoader):
    """StrictLoader (duplicate keys refused, libyaml when present) reading data/ in the dialect above."""

    yaml_implicit_resolvers = CoreResolver.yaml_implicit_resolvers
    _yaml11 = Resolver()

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        self._refuse_tags_and_ambiguity(node)
        return super().construct_object(node, deep=deep)

    def _refuse_tags_and_ambiguity(self, node: yaml.Node) -> None:
        if isinstance(node, yaml.ScalarNode):
            plain = node.style in (None, "")
            expected = self.resolve(yaml.ScalarNode, node.value, (plain, not plain))
        else:
            expected = BaseResolver.DEFAULT_MAPPING_TAG if isinstance(node, yaml.MappingNode) else None
            expected = expected or BaseResolver.DEFAULT_SEQUENCE_TAG
        if node.tag != expected:
            raise ConstructorError(
                None, None, f"explicit tag {node.tag!r} is not allowed in data files; quote text", node.start_mark
            )
        if isinstance(node, yaml.ScalarNode) and node.style in (None, ""):
            core = self._core_value(node)
            old_tag = self._yaml11.resolve(yaml.ScalarNode, node.value, (True, False))
            if old_tag == "tag:yaml.org,2002:merge":
                raise ConstructorError(None, None, "merge keys (<<) are not supported in data files", node.start_mark)
            try:  # how PyYAML's YAML 1.1 constructors read it
                old = SafeConstructor.yaml_constructors[old_tag](self, node) if old_tag != STR else node.value
            except (ValueError, ConstructorError):
                old = node.value
            if not _same(core, old):
                raise ConstructorError(
                    None,
                    None,
                    f"{node.value!r} means {_shown(old)} in YAML 1.1 but {_shown(core)} in YAML 1.2; quote it if it "
                    "is text, or write it so both agree",
                    node.start_mark,
                )

    def _core_value(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == INT:
            return _core_int(node.value)
        if tag == STR:
            return node.value
        return self.yaml_constructors[tag](self, node)


DataLoader.add_constructor(INT, lambda loader, node: _core_int(node.value))
DataLoader.add_constructor(FLOAT, SafeConstructor.construct_yaml_float)
