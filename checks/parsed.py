"""A file's JSON or YAML, parsed once with key lines, or the PARSE001 finding that says why it has none.

YAML is looked at before libyaml sees it: its composer recurses in C, so a file nested a hundred
thousand levels deep kills the process with a segmentation fault before any Python guard can run,
and aliases that refer to aliases expand exponentially when the tree is walked. Such files get a
PARSE001 finding without being parsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import yaml

from handbook.located import Located, ParseError, parse_json, parse_yaml_documents

from .model import CODES, Finding, Source

MAX_YAML_DEPTH = 500  # real manifests nest a few dozen levels
MAX_YAML_NODES = 200_000  # nodes after expanding aliases; a large real manifest has a few thousand
ALIAS = re.compile(r"(?:^|[\s\[{,])\*[^\s,\[\]{}]+")


def load_json(src: Source) -> Located | Finding:
    """The located JSON of a file, or the PARSE001 finding that says why it has none."""
    try:
        return src.parsed("json", parse_json)
    except ParseError as exc:
        return CODES.finding(src, exc.line, "PARSE001", f"invalid JSON: {exc.reason}")


def json_sources(sources: Sequence[Source], findings: list[Finding]) -> Iterator[tuple[Source, Located]]:
    """Each source with its parsed JSON; an unparseable one adds its PARSE001 finding and is skipped."""
    for src in sources:
        doc = load_json(src)
        if isinstance(doc, Finding):
            findings.append(doc)
        else:
            yield src, doc


def _depth(text: str) -> tuple[int, int]:
    """(deepest nesting, its line): open brackets, quotes or not (an upper bound: brackets inside
    strings only ever add), or one level per two spaces of indentation, whichever is deeper."""
    deepest, at, depth = 0, 1, 0
    for number, line in enumerate(text.split("\n"), start=1):
        indent = (len(line) - len(line.lstrip(" "))) // 2
        if indent > deepest:
            deepest, at = indent, number
        if "[" not in line and "{" not in line:
            depth = max(0, depth - line.count("]") - line.count("}"))
            continue
        for char in line:
            if char in "[{":
                depth += 1
                if depth > deepest:
                    deepest, at = depth, number
            elif char in "]}":
                depth = max(0, depth - 1)
    return deepest, at


def _expanded_nodes(text: str) -> int:
    """How many nodes the documents have once every alias is expanded (counted on the node graph,
    without expanding it)."""
    sizes: dict[int, int] = {}

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key not in sizes:
            sizes[key] = 1  # a cycle counts once
            children: list[yaml.Node] = []
            if isinstance(node, yaml.MappingNode):
                children = [part for pair in node.value for part in pair]
            elif isinstance(node, yaml.SequenceNode):
                children = list(node.value)
            sizes[key] = 1 + sum(size(child) for child in children)
        return sizes[key]

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return sum(size(node) for node in yaml.compose_all(text, Loader=loader) if node is not None)


def yaml_hazard(text: str) -> tuple[int, str] | None:
    """(line, reason) when the text must not be handed to the YAML parser, else None."""
    deepest, line = _depth(text)
    if deepest > MAX_YAML_DEPTH:
        return line, f"nested more than {MAX_YAML_DEPTH} levels deep: too deep to check"
    if ALIAS.search(text):
        try:
            nodes = _expanded_nodes(text)
        except (yaml.YAMLError, RecursionError):
            return None  # the parser reports it, with its line
        if nodes > MAX_YAML_NODES:
            return 1, f"its aliases expand to {nodes:,} nodes (limit {MAX_YAML_NODES:,}): refused, as an alias bomb"
    return None


def _parse_yaml(text: str) -> list[Located]:
    hazard = yaml_hazard(text)
    if hazard:
        raise ParseError(*hazard)
    try:
        return parse_yaml_documents(text)
    except ParseError:
        raise
    except RecursionError:
        raise ParseError(1, "nested too deeply to check") from None
    except (TypeError, ValueError, yaml.YAMLError) as exc:  # e.g. a {{ }} placeholder read as a mapping key
        raise ParseError(1, f"cannot be read as YAML ({type(exc).__name__}: {exc})") from None


def load_yaml(src: Source) -> list[Located] | Finding:
    """Every located document of a YAML file, or its PARSE001 finding."""
    try:
        return src.parsed("yaml", _parse_yaml)
    except ParseError as exc:
        return CODES.finding(src, exc.line, "PARSE001", f"invalid YAML: {exc.reason}")
